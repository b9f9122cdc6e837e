// For tests: a fresh, migrated database, removed afterwards. SQLite by default, in its own
// temporary directory. When SHEGONG_TEST_POSTGRES holds a libpq connection string (set by
// scripts/with-postgres), the same tests run on PostgreSQL instead, each in a schema of its own on
// that server; dir() is still a fresh temporary directory for the files a test writes.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "base/clock.h"
#include "db/db.h"
#include "db/migrations.h"
#include "db/test_postgres.h"

namespace shegong::db {

class TestDb {
 public:
  enum class Schema { kMigrated, kEmpty };
  explicit TestDb(Schema schema = Schema::kMigrated) {
    char tmpl[] = "/tmp/shegong-test-XXXXXX";
    dir_ = mkdtemp(tmpl);
    path_ = dir_ + "/test.db";
    server_ = test_postgres_server();
    if (!server_.empty()) {
      static std::atomic<int> counter{0};
      schema_ = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
      admin({"DROP SCHEMA IF EXISTS " + schema_ + " CASCADE", "CREATE SCHEMA " + schema_});
    }
    open();
    if (schema == Schema::kEmpty) return;
    auto report = migrate(*db_, SystemClock::instance());
    EXPECT_TRUE(report.ok()) << report.status().to_string();
  }
  ~TestDb() {
    db_.reset();
    if (!schema_.empty()) admin({"DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"});
    std::filesystem::remove_all(dir_);
  }
  Db& operator*() { return *db_; }
  Db* operator->() { return db_.get(); }
  bool postgres() const { return !server_.empty(); }
  const std::string& dir() const { return dir_; }
  // The SQLite file (tests that open it behind the engine's back skip on PostgreSQL).
  const std::string& path() const { return path_; }
  // What a program given this database is told: the SQLite file, or a PostgreSQL connection
  // string with this test's schema first on the search path.
  std::string location() const {
    if (server_.empty()) return path_;
    if (server_.find("://") == std::string::npos) {
      return server_ + " options='-c search_path=" + schema_ + "' application_name=" + schema_;
    }
    return server_ + (server_.find('?') == std::string::npos ? "?" : "&") +
           "options=-c%20search_path%3D" + schema_ + "&application_name=" + schema_;
  }
  // Closes the database (e.g. before altering it behind its back) and opens it again.
  void reopen() {
    db_.reset();
    open();
  }
  void close() { db_.reset(); }
  // A second handle on the same database, as another process started on it would hold.
  std::unique_ptr<Db> open_another(int lock_timeout_ms = 10'000) const {
    auto db = server_.empty() ? open_sqlite({path_, 2, 512, lock_timeout_ms})
                              : open_postgres({location(), 2, 512, lock_timeout_ms});
    EXPECT_TRUE(db.ok()) << db.status().to_string();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  // Ends every connection the database has open, as a restart or a failover of the server would
  // (PostgreSQL only).
  void end_connections() {
    admin({"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
           schema_ + "'"});
  }
  // Runs SQL behind the application's back, as an intruder with the database in hand would: on
  // SQLite through the file with the audit log's triggers dropped, on PostgreSQL with triggers
  // switched off for the session. Call between close() and reopen().
  void behind_the_back(const std::string& sql) {
    if (server_.empty()) {
      sqlite3* raw = nullptr;
      ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
      std::string script =
          "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS "
          "audit_log_no_delete;" +
          sql;
      EXPECT_EQ(sqlite3_exec(raw, script.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
          << sqlite3_errmsg(raw);
      sqlite3_close(raw);
    } else {
      admin({"SET search_path TO " + schema_ + "; SET session_replication_role = replica; " + sql});
    }
  }

 private:
  void open() {
    db_ = open_another();
    ASSERT_NE(db_, nullptr);
  }

  void admin(std::initializer_list<std::string> statements) { postgres_admin(server_, statements); }

  std::string dir_, path_, server_, schema_;
  std::unique_ptr<Db> db_;
};

}  // namespace shegong::db
