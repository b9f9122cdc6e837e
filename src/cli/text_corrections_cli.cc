// shegong text corrections: the dispatchers' categories of the hotline's orders as a training file
// for the category model (see hotline/corrections.h). The export is audited like any other
// reading of citizens' messages in bulk.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "audit/audit_log.h"
#include "base/calendar.h"
#include "base/clock.h"
#include "base/csv.h"
#include "base/output_path.h"
#include "cli/commands.h"
#include "cli/subcommands.h"
#include "hotline/corrections.h"

namespace shegong::cli {

namespace {

struct CorrectionsArgs {
  std::string db = "var/shegong.db";
  std::string out;
  std::string from, to;  // China dates, both included; empty: open
  int level = 1;
  bool all = false;
};

Result<hotline::CorrectionsQuery> query_of(const CorrectionsArgs& args) {
  hotline::CorrectionsQuery q;
  q.level = args.level;
  q.corrections_only = !args.all;
  if (!args.from.empty()) {
    auto d = Date::parse(args.from);
    if (!d.ok()) return Invalid("from", d.status().message());
    q.from_ms = china_start_of_day_ms(*d);
  }
  if (!args.to.empty()) {
    auto d = Date::parse(args.to);
    if (!d.ok()) return Invalid("to", d.status().message());
    q.to_ms = china_start_of_day_ms(d->plus_days(1));
  }
  return q;
}

int run_corrections(const CorrectionsArgs& args) {
  auto query = query_of(args);
  if (!query.ok()) return fail(query.status());
  if (std::error_code ec; !is_postgres(args.db) && !std::filesystem::exists(args.db, ec))
    return fail(Invalid("db", "no database at " + args.db));
  Status out = check_output_path(args.out, database_files(args.db), "out");
  if (!out.ok()) return fail(out);
  auto store = open_store(args.db);
  if (!store.ok()) return fail(store.status());
  std::string csv;
  Result<hotline::CorrectionsReport> report = Internal("not run");
  Status read = store->db->read([&](db::Session& s) {
    report = hotline::export_corrections(s, *query, csv);
    return report.status();
  });
  if (!read.ok()) return fail(read);
  Status written = replace_file(args.out, csv, "out");
  if (!written.ok()) return fail(written);
  const auto& r = *report;
  Status audited = store->db->write([&](db::Session& s) {
    return audit::append(
        s, SystemClock::instance(),
        {"cli", "text.corrections.export", "file:" + args.out,
         "from=" + args.from + ";to=" + args.to + ";level=" + std::to_string(args.level) +
             ";all=" + (args.all ? "1" : "0") + ";rows=" + std::to_string(r.written)});
  });
  if (!audited.ok()) {
    // An export that is not in the audit log is not left behind.
    std::error_code ignored;
    std::filesystem::remove(args.out, ignored);
    return fail(audited);
  }
  std::cout << "dispatched orders with a category: " << r.dispatched
            << "\nwith a suggestion of the classifier: " << r.suggested
            << "\ncorrected by the dispatcher: " << r.corrections
            << "\nconfidential, left out: " << r.confidential << "\nrows written: " << r.written
            << "\n"
            << args.out << "\n";
  return 0;
}

}  // namespace

void add_text_corrections_command(CLI::App& text, CommandRunner* chosen) {
  auto args = std::make_shared<CorrectionsArgs>();
  auto* cmd = text.add_subcommand(
      "corrections", "Dispatchers' categories of orders as a training CSV for the category model");
  cmd->add_option("--db", args->db, "SQLite database file")->capture_default_str();
  cmd->add_option("--out", args->out, "CSV to write (replaced if it exists)")->required();
  cmd->add_option("--from", args->from, "First day received (YYYY-MM-DD, China time)");
  cmd->add_option("--to", args->to, "Last day received (YYYY-MM-DD, China time)");
  cmd->add_option("--level", args->level, "Taxonomy levels to keep of a category (the model's)")
      ->check(CLI::Range(1, hotline::kMaxCategoryLevel))
      ->capture_default_str();
  cmd->add_flag("--all", args->all,
                "Every dispatched order, not only those whose suggestion the dispatcher changed");
  cmd->callback([args, chosen] { *chosen = [args] { return run_corrections(*args); }; });
}

}  // namespace shegong::cli
