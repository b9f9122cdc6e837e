// shegong copy as an operator moves a database: the trial's file to PostgreSQL, or the production
// database into one file. On the PostgreSQL test run the served database is PostgreSQL, so the
// copy crosses engines both ways; on the SQLite run it goes from file to file.
#include <nlohmann/json.hpp>
#include <set>

#include "api/e2e_fixture.h"
#include "db/migrations.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class CopyCli : public E2eTest {
 protected:
  RunResult copy(const std::string& from, const std::string& to,
                 const std::vector<std::string>& env = {}) {
    std::vector<std::string> args = {"/usr/bin/env"};
    args.insert(args.end(), env.begin(), env.end());
    args.insert(args.end(), {kBinary, "copy", "--from", from, "--to", to});
    return run_command(args);
  }
  int64_t register_order(const std::string& subject) {
    Json demand = {{"channel", "phone"},
                   {"type", "投诉"},
                   {"subject", subject},
                   {"content", "东华门街道某工地连续多日夜间施工，噪音很大。"},
                   {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
                   {"region_code", "110101001001"},
                   {"address", "东华门大街1号"}};
    auto r = http().Post("/api/v1/orders", as("admin"), demand.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "no response");
    return r && r->status == 201 ? Json::parse(r->body).value("id", int64_t{0}) : 0;
  }
  Json get_json(const std::string& path) {
    auto r = http().Get(path.c_str(), as("admin"));
    EXPECT_TRUE(r && r->status == 200) << path << ": " << (r ? r->body : "no response");
    return r && r->status == 200 ? Json::parse(r->body) : Json();
  }
  // A new PostgreSQL database on the test server, dropped with the test.
  std::string new_postgres_database(const std::string& suffix) {
    const std::string name = database_ + "_" + suffix;
    db::postgres_admin(db::test_postgres_server(),
                       {"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name});
    made_.push_back(name);
    return db::with_database(db::test_postgres_server(), name);
  }
  void TearDown() override {
    E2eTest::TearDown();
    for (const std::string& name : made_) {
      db::postgres_admin(db::test_postgres_server(),
                         {"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"});
    }
  }
  std::vector<std::string> made_;
};

TEST_F(CopyCli, AServedDatabaseCopiedIntoAFileServesTheSameOrdersContactsAndTokens) {
  const int64_t id = register_order("夜间施工噪音扰民");
  ASSERT_GT(id, 0);
  const Json order = get_json("/api/v1/orders/" + std::to_string(id));

  // Copied while the server runs: the copy is of one snapshot.
  fs::create_directories(dir_ + "/moved");
  const std::string file = dir_ + "/moved/shegong.db";
  RunResult r = copy(db_, file);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("audit chain intact"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("data key: " + dir_ + "/moved/shegong.key"), std::string::npos) << r.out;
  // The file carries the key its personal data is sealed with.
  const std::string key =
      on_postgres() ? std::string(kPostgresTestKey) : slurp(dir_ + "/shegong.key");
  EXPECT_EQ(slurp(dir_ + "/moved/shegong.key").substr(0, 64), key.substr(0, 64));
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir_ + "/moved"))
    files.insert(entry.path().filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"shegong.db", "shegong.key"}));  // nothing partial

  // The copy, served without SHEGONG_KEY, is the same database.
  server_.reset();
  const std::string served = db_;
  db_ = file;
  start_server({{"SHEGONG_KEY", ""}});
  EXPECT_EQ(get_json("/api/v1/orders/" + std::to_string(id)), order);
  EXPECT_EQ(get_json("/api/v1/orders/" + std::to_string(id) + "/contact")["phone"], "13812341234");
  EXPECT_GT(register_order("新的诉求"), id);  // new rows get new ids
  RunResult verified = run_command({kBinary, "audit", "verify", "--db", file});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  if (!on_postgres()) return;
  // Back into a new PostgreSQL database, and served from there.
  const std::string target = new_postgres_database("back");
  server_.reset();
  r = copy(file, target);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("serve it with the same SHEGONG_KEY"), std::string::npos) << r.out;
  db_ = target;
  start_server();
  EXPECT_EQ(get_json("/api/v1/orders/" + std::to_string(id)), order);
  EXPECT_EQ(get_json("/api/v1/orders/" + std::to_string(id) + "/contact")["phone"], "13812341234");
  EXPECT_GT(register_order("再一个诉求"), id + 1);
  db_ = served;
}

TEST_F(CopyCli, ACopyThatWouldBeLostOrUnreadableIsRefusedAndLeavesNothing) {
  ASSERT_GT(register_order("夜间施工噪音扰民"), 0);
  const std::string file = dir_ + "/copy.db";
  auto refused = [&](const RunResult& r, const std::string& message) {
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(file));
  };
  refused(copy(dir_ + "/none.db", file), "shegong: from: no database at " + dir_ + "/none.db");
  refused(copy(db_, dir_ + "/no-such-folder/copy.db"), "to: the folder");
  refused(copy(db_, file, {"SHEGONG_KEY=" + std::string(64, '0')}),
          "from: the data key from SHEGONG_KEY does not open its personal data (");

  {  // A database of an older schema is upgraded first.
    auto old = db::open_sqlite({dir_ + "/old.db", 1, 1});
    ASSERT_TRUE(old.ok());
    ASSERT_TRUE((*old)
                    ->write([](db::Session& s) {
                      return s.exec_script(
                          "CREATE TABLE schema_version(version INTEGER PRIMARY KEY, name TEXT, "
                          "applied_at_ms INTEGER); INSERT INTO schema_version VALUES (1, 'r', 0)");
                    })
                    .ok());
  }
  refused(copy(dir_ + "/old.db", file), "from: it is at schema version 1, this shegong at ");

  ASSERT_EQ(copy(db_, file).exit_code, 0);
  RunResult again = copy(db_, file);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("to: " + file + " exists; a copy never overwrites"), std::string::npos)
      << again.err;

  if (!on_postgres()) return;
  const std::string target = new_postgres_database("refused");
  RunResult no_key = copy(file, target, {"-u", "SHEGONG_KEY"});
  EXPECT_EQ(no_key.exit_code, 1);
  EXPECT_NE(no_key.err.find("to: a PostgreSQL database takes its data key from SHEGONG_KEY"),
            std::string::npos)
      << no_key.err;
  EXPECT_NE(copy(db_, db_).err.find("to: is the source database"), std::string::npos);
  // A database `shegong migrate` set up already holds the record of its schema.
  ASSERT_EQ(run_command({kBinary, "migrate", "--db", target}).exit_code, 0);
  RunResult migrated = copy(file, target);
  EXPECT_EQ(migrated.exit_code, 1);
  EXPECT_NE(migrated.err.find("to: it was set up by `shegong migrate` or a server's start (1 audit "
                              "records of its schema)"),
            std::string::npos)
      << migrated.err;
  // A database that was used is never overwritten.
  RunResult used = copy(file, db_);
  EXPECT_EQ(used.exit_code, 1);
  EXPECT_NE(used.err.find("to: it holds data of its own"), std::string::npos) << used.err;
}

TEST_F(CopyCli, ASourceWhoseAuditChainDoesNotHoldGivesNoCopyAndLeavesNoFile) {
  ASSERT_GT(register_order("夜间施工噪音扰民"), 0);
  fs::create_directories(dir_ + "/good");
  const std::string good = dir_ + "/good/shegong.db", bad = dir_ + "/good/altered.db";
  ASSERT_EQ(copy(db_, good).exit_code, 0);
  fs::copy_file(good, bad);
  {  // Someone with the file in hand rewrites who did the first recorded write.
    auto altered = db::open_sqlite({bad, 1, 1});
    ASSERT_TRUE(altered.ok());
    ASSERT_TRUE((*altered)
                    ->write([](db::Session& s) {
                      return s.exec_script(
                          "DROP TRIGGER audit_log_no_update; "
                          "UPDATE audit_log SET actor = 'cli:someone' WHERE id = 1");
                    })
                    .ok());
  }
  fs::create_directories(dir_ + "/moved");
  RunResult r = copy(bad, dir_ + "/moved/copy.db");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("shegong: from: its audit chain does not hold at row 1 (the row's contents "
                       "do not match its hash: the row was altered), so nothing was copied"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::is_empty(dir_ + "/moved"));  // neither the copy, nor a part of it, nor a key

  RunResult bad_key = copy(good, dir_ + "/moved/copy.db", {"SHEGONG_KEY=xyz"});
  EXPECT_NE(bad_key.err.find("shegong: SHEGONG_KEY: must be 64 hexadecimal digits"),
            std::string::npos)
      << bad_key.err;

  if (!on_postgres()) return;
  // Into PostgreSQL: the transaction is rolled back, and the database, migrated by the copy and
  // holding no record, takes the next copy.
  const std::string target = new_postgres_database("altered");
  r = copy(bad, target);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("from: its audit chain does not hold at row 1"), std::string::npos) << r.err;
  r = copy(good, target);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;

  // A database of another application is not mixed with shegong's tables.
  const std::string other = new_postgres_database("other");
  auto app = db::open_postgres({other, 1, 1});
  ASSERT_TRUE(app.ok());
  ASSERT_TRUE((*app)
                  ->write([](db::Session& s) {
                    return s.exec_script("CREATE TABLE other_app(id BIGINT PRIMARY KEY)");
                  })
                  .ok());
  r = copy(good, other);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("shegong: to: it holds tables that are not shegong's (other_app); copy into "
                       "a new, empty database (createdb)"),
            std::string::npos)
      << r.err;
  Status unchanged = (*app)->read([](db::Session& s) {
    auto tables = s.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
    if (!tables.ok()) return tables.status();
    EXPECT_EQ((*tables)[0].integer(0), 1);
    return Status::Ok();
  });
  EXPECT_TRUE(unchanged.ok()) << unchanged.to_string();
}

}  // namespace
}  // namespace shegong::testing
