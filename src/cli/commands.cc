#include "cli/commands.h"

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "audit/audit_log.h"
#include "auth/credentials.h"
#include "auth/users.h"
#include "base/calendar.h"
#include "base/csv.h"
#include "base/output_path.h"
#include "db/migrations.h"
#include "hotline/categories.h"
#include "hotline/demo_orders.h"
#include "regions/region_code.h"
#include "regions/region_import.h"
#include "regions/region_tree.h"

namespace shegong::cli {

namespace fs = std::filesystem;

int fail(const Status& status) {
  std::cerr << "shegong: ";
  if (!status.field().empty()) std::cerr << status.field() << ": ";
  std::cerr << status.message() << "\n";
  return status.code() == Code::kInternal ? 70 : 1;
}

std::vector<std::string> calendar_files(const std::vector<std::string>& given) {
  if (!given.empty()) return given;
  std::vector<std::string> files = {"data/calendar/holidays.csv"};
  if (std::error_code ec; fs::exists("data/calendar/local.csv", ec))
    files.push_back("data/calendar/local.csv");
  return files;
}

Result<HolidayCalendar> load_calendar(const std::vector<std::string>& given, db::Db& db,
                                      cases::StoredCalendarYears* stored) {
  auto calendar = HolidayCalendar::load(calendar_files(given));
  if (!calendar.ok()) return calendar.status();
  auto added = cases::add_stored_calendar_years(db, *calendar);
  if (!added.ok()) return added.status();
  if (stored) *stored = *added;
  return calendar;
}

namespace {

// SQLite reads these names as a temporary, an in-memory or a URI database: writes to them would
// "succeed" and vanish when the command ends. `what` says which file to name instead.
Status check_sqlite_file_name(const std::string& name, const std::string& field,
                              const std::string& what) {
  if (name.empty()) return Invalid(field, "is empty; name " + what);
  if (name == ":memory:" || name.rfind("file:", 0) == 0)
    return Invalid(field, "'" + name + "' is not a file name SQLite keeps on disk; name " + what);
  return Status::Ok();
}

}  // namespace

bool is_postgres(const std::string& db_path) {
  return db_path.starts_with("postgresql://") || db_path.starts_with("postgres://");
}

Status check_db_path(const std::string& db_path) {
  if (is_postgres(db_path)) return Status::Ok();
  return check_sqlite_file_name(db_path, "db", "the database file");
}

bool key_in_environment() {
  const char* env_key = std::getenv("SHEGONG_KEY");
  return env_key != nullptr && *env_key != '\0';
}

namespace {

// A PostgreSQL database keeps no file of ours beside it: its data key comes from the environment.
Status check_postgres_key() {
  if (key_in_environment()) return Status::Ok();
  return Invalid("db",
                 "a PostgreSQL database takes its data key from SHEGONG_KEY (64 hexadecimal "
                 "digits, e.g. from `openssl rand -hex 32`); keep the same key for as long as the "
                 "database holds data");
}

}  // namespace

// Opens the engine `db_path` names; its errors are about the --db given.
Result<std::unique_ptr<db::Db>> open_engine(const std::string& db_path, int readers) {
  auto db = is_postgres(db_path) ? db::open_postgres({db_path, readers, 512})
                                 : db::open_sqlite({db_path, readers, 512});
  if (!db.ok()) return Status(db.status().code(), db.status().message(), "db");
  return db;
}

std::string key_file_of(const std::string& db_path) {
  fs::path path(db_path);
  return ((path.has_parent_path() ? path.parent_path() : fs::path(".")) / "shegong.key").string();
}

namespace {

// Migrates the database and records the migration; the key is the one the database's data is
// sealed with.
Result<Store> migrated_store(std::unique_ptr<db::Db> db, const crypto::Key& key) {
  auto report = db::migrate(*db, SystemClock::instance());
  if (!report.ok()) return report.status();
  if (!report->applied.empty()) {
    // Schema changes go on the record like any other write.
    std::string versions;
    for (int v : report->applied) versions += (versions.empty() ? "" : ",") + std::to_string(v);
    SHEGONG_RETURN_IF_ERROR(db->write([&](db::Session& s) {
      return audit::append(
          s, SystemClock::instance(),
          {"cli", "schema.migrate", "schema",
           "from=" + std::to_string(report->from_version) + ";applied=" + versions});
    }));
  }
  return Store{std::move(db), key, *report};
}

}  // namespace

Result<Store> open_store(const std::string& db_path) {
  SHEGONG_RETURN_IF_ERROR(check_db_path(db_path));
  if (is_postgres(db_path)) {
    SHEGONG_RETURN_IF_ERROR(check_postgres_key());
    auto db = open_engine(db_path, 4);
    if (!db.ok()) return db.status();
    auto key = crypto::load_or_create_key("");  // SHEGONG_KEY: no file is read or made
    if (!key.ok()) return key.status();
    return migrated_store(std::move(db).value(), *key);
  }
  fs::path path(db_path);
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec)
    return Status(Code::kInvalidArgument,
                  "cannot create " + path.parent_path().string() + ": " + ec.message(), "db");
  auto db = open_engine(db_path, 4);
  if (!db.ok()) return db.status();
  // A new key only for a database without data (a new file, or one no migration has touched): a
  // database that holds data was sealed with a key, and a new one would not open it.
  auto version = db::schema_version(**db);
  if (!version.ok()) return Status(version.status().code(), version.status().message(), "db");
  fs::path key_file = key_file_of(db_path);
  if (*version > 0 && !key_in_environment() && !fs::exists(key_file, ec)) {
    return Invalid("db", "the key file " + key_file.string() + " is missing; restore it beside " +
                             "the database (or set SHEGONG_KEY): a new key would not open what " +
                             "the database holds");
  }
  auto key = crypto::load_or_create_key(key_file.string());
  if (!key.ok()) return key.status();
  return migrated_store(std::move(db).value(), *key);
}

int migrate(const std::string& db_path) {
  auto store = open_store(db_path);
  if (!store.ok()) return fail(store.status());
  const db::MigrateReport* report = &store->migration;
  std::cout << "schema at version " << report->to_version;
  if (report->applied.empty()) {
    std::cout << " (nothing to apply)\n";
  } else {
    std::cout << " (applied";
    for (int v : report->applied) std::cout << " " << v;
    std::cout << ")\n";
  }
  return 0;
}

int import_regions(const std::string& db_path, const std::string& from) {
  auto store = open_store(db_path);
  if (!store.ok()) return fail(store.status());
  auto report = regions::import_regions(*store->db, SystemClock::instance(), from, "cli");
  if (!report.ok()) return fail(report.status());
  static constexpr const char* kLabels[] = {
      "", "provinces", "cities", "districts", "streets/townships", "communities/villages"};
  for (int level = 1; level <= 5; ++level) {
    std::cout << kLabels[level] << ": " << report->per_level[level] << "\n";
  }
  std::cout << "total: " << report->total << " regions in " << std::fixed;
  std::cout.precision(2);
  std::cout << report->seconds << " s\n";
  return 0;
}

int import_categories(const std::string& db_path, const std::string& from) {
  auto text = read_file(from);
  if (!text.ok()) return fail(Status(Code::kInvalidArgument, text.status().message(), "from"));
  auto store = open_store(db_path);
  if (!store.ok()) return fail(store.status());
  auto report = hotline::import_categories(*store->db, SystemClock::instance(), *text, "cli");
  if (!report.ok()) return fail(report.status());
  std::cout << "level 1: " << report->per_level[1] << "\nlevel 2: " << report->per_level[2]
            << "\nlevel 3: " << report->per_level[3] << "\n";
  return 0;
}

int demo_orders(const DemoOrdersOptions& o) {
  auto store = open_store(o.db_path);
  if (!store.ok()) return fail(store.status());
  auto tree = regions::RegionTree::load(*store->db);
  if (!tree.ok()) return fail(tree.status());
  if ((*tree)->size() <= 1) return fail(Invalid("db", "import the regions first"));
  auto calendar = load_calendar(o.calendars, *store->db);
  if (!calendar.ok()) return fail(calendar.status());
  hotline::DemoOptions demo;
  demo.city = o.city;
  demo.count = o.count;
  demo.seed = o.seed;
  demo.now_ms = SystemClock::instance().now_ms();
  demo.month = o.month.empty() ? date_in_china(demo.now_ms).to_string().substr(0, 7) : o.month;
  // Checked before anything is written: the taxonomy below, the units and rules of the city.
  Status checked = hotline::check_demo_options(**tree, demo);
  if (!checked.ok()) return fail(checked);
  int64_t taxonomy = 0;
  Status counted = store->db->read([&](db::Session& s) {
    auto n = hotline::category_count(s);
    if (!n.ok()) return n.status();
    taxonomy = *n;
    return Status::Ok();
  });
  if (!counted.ok()) return fail(counted);
  if (taxonomy == 0) {
    auto text = read_file("assets/categories.csv");
    if (!text.ok()) return fail(text.status());
    auto imported = hotline::import_categories(*store->db, SystemClock::instance(), *text, "demo");
    if (!imported.ok()) return fail(imported.status());
  }
  crypto::SecretBox box(store->key);
  auto report = hotline::generate_demo_orders(*store->db, box, **tree, *calendar, demo);
  if (!report.ok()) return fail(report.status());
  std::cout << report->orders << " orders (" << report->closed << " closed, " << report->in_progress
            << " in progress), " << report->calls << " calls, " << report->units
            << " new units, in " << std::fixed << std::setprecision(1) << report->seconds << " s\n";
  return 0;
}

int user_add(const std::string& db_path, const std::string& username, const std::string& role,
             const std::string& region, const std::string& display_name, const std::string& phone,
             int64_t unit_id) {
  std::string password;
  if (!std::getline(std::cin, password)) {
    return fail(Invalid("password", "read from standard input: none was given"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto store = open_store(db_path);
  if (!store.ok()) return fail(store.status());
  crypto::SecretBox box(store->key);
  auto user =
      auth::create_user(*store->db, SystemClock::instance(), box,
                        {username, password, role, region, display_name, phone, unit_id}, "cli");
  if (!user.ok()) return fail(user.status());
  std::cout << "created user " << user->username << " (id " << user->id << ", role "
            << auth::role_name(user->role) << ", jurisdiction "
            << regions::statistical_code(user->jurisdiction) << ")\n";
  return 0;
}

int token_create(const std::string& db_path, const std::string& username,
                 const std::string& label) {
  auto store = open_store(db_path);
  if (!store.ok()) return fail(store.status());
  auth::Credentials credentials(*store->db, SystemClock::instance());
  auto token = credentials.create_token(username, label, "cli");
  if (!token.ok()) return fail(token.status());
  std::cout << "bearer token for " << username << " (shown once; store it now):\n"
            << *token << "\n";
  return 0;
}

Result<ExistingDb> open_existing(const std::string& db_path) {
  SHEGONG_RETURN_IF_ERROR(check_db_path(db_path));
  if (!is_postgres(db_path)) {
    std::error_code ec;
    const fs::file_status status = fs::status(db_path, ec);
    if (!fs::exists(status)) return Invalid("db", "no database at " + db_path);
    if (!fs::is_regular_file(status)) return Invalid("db", db_path + " is not a file");
  }
  auto db = open_engine(db_path, 2);
  if (!db.ok()) return db.status();
  auto version = db::schema_version(**db);
  if (!version.ok()) return Status(version.status().code(), version.status().message(), "db");
  return ExistingDb{std::move(db).value(), *version};
}

int expected_schema_version() { return db::sqlite_migrations().back().version; }

namespace {

std::string version_note(int found) {
  return "the database is at schema version " + std::to_string(found) + ", this shegong expects " +
         std::to_string(expected_schema_version());
}

}  // namespace

Status check_new_database_file(const std::string& db_path, const std::string& to,
                               const std::string& what) {
  SHEGONG_RETURN_IF_ERROR(check_sqlite_file_name(to, "to", "the " + what + " file"));
  const std::string shown = to.size() > 80 ? to.substr(0, 80) + "..." : to;
  std::error_code ec;
  const fs::path target(to);
  const fs::file_status status = fs::symlink_status(target, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    return Invalid("to", "cannot use " + shown + ": " + ec.message());
  for (const std::string& own : database_files(db_path)) {
    if (same_file(to, own)) {
      return Invalid("to", to + " is the database or one of its journals; name another file");
    }
  }
  if (fs::exists(status)) return Invalid("to", to + " exists; a " + what + " never overwrites");
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec)) {
    return Invalid("to", "the folder " + folder.string() + " does not exist; create it first");
  }
  return Status::Ok();
}

int audit_verify(const std::string& db_path) {
  auto existing = open_existing(db_path);
  if (!existing.ok()) return fail(existing.status());
  const int version = existing->schema_version;
  auto has_log = db::has_table(*existing->db, "audit_log");
  if (!has_log.ok()) return fail(Status(has_log.status().code(), has_log.status().message(), "db"));
  if (!*has_log)
    return fail(Invalid("db", "it has no audit log to verify: " + version_note(version)));
  auto report = audit::verify(*existing->db);
  if (!report.ok()) {
    std::string message = report.status().message();
    if (version != expected_schema_version()) message += " (" + version_note(version) + ")";
    return fail(Status(report.status().code(), message, "db"));
  }
  if (version != expected_schema_version()) std::cerr << "note: " << version_note(version) << "\n";
  if (report->ok) {
    std::cout << "audit chain intact: " << report->rows << " rows\n";
    return 0;
  }
  std::cout << "audit chain broken at row " << report->first_bad_id << ": " << report->reason
            << "\n";
  return 2;
}

// The copy is of the database as it is: not migrated, whatever its schema version. The backup
// writes no audit record of its own (it never did): recording it would be a write, and on a
// database of another schema version a write could need a migration first.
int backup(const std::string& db_path, const std::string& to) {
  auto existing = open_existing(db_path);
  if (!existing.ok()) return fail(existing.status());
  if (existing->db->engine() != "sqlite") return fail(existing->db->backup_to(to));
  Status target = check_new_database_file(db_path, to, "backup");
  if (!target.ok()) return fail(target);
  Status st = existing->db->backup_to(to);
  if (!st.ok()) return fail(Status(st.code(), st.message(), "to"));
  std::error_code ec;
  const auto size = fs::file_size(to, ec);
  if (ec)
    return fail(Status(Code::kInternal, "the copy is not at " + to + ": " + ec.message(), "to"));
  std::cout << "backup written to " << to << " (" << size << " bytes)\n";
  if (existing->schema_version != expected_schema_version())
    std::cerr << "note: " << version_note(existing->schema_version) << "; the copy is as found\n";
  return 0;
}

}  // namespace shegong::cli
