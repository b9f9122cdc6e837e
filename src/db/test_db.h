// For tests: a fresh, migrated SQLite database in its own temporary directory, removed afterwards.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/clock.h"
#include "db/db.h"
#include "db/migrations.h"

namespace shegong::db {

class TestDb {
 public:
  TestDb() {
    char tmpl[] = "/tmp/shegong-test-XXXXXX";
    dir_ = mkdtemp(tmpl);
    path_ = dir_ + "/test.db";
    auto db = open_sqlite({path_, 2, 512});
    EXPECT_TRUE(db.ok()) << db.status().to_string();
    db_ = std::move(db).value();
    auto report = migrate(*db_, SystemClock::instance());
    EXPECT_TRUE(report.ok()) << report.status().to_string();
  }
  ~TestDb() {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Db& operator*() { return *db_; }
  Db* operator->() { return db_.get(); }
  const std::string& dir() const { return dir_; }
  const std::string& path() const { return path_; }
  // Closes the database (e.g. before altering the file behind its back) and opens it again.
  void reopen() {
    db_.reset();
    db_ = std::move(open_sqlite({path_, 2, 512})).value();
  }
  void close() { db_.reset(); }

 private:
  std::string dir_, path_;
  std::unique_ptr<Db> db_;
};

}  // namespace shegong::db
