#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "db/test_db.h"

namespace shegong::db {
namespace {

Status create_table(Db& db) {
  return db.write([](Session& s) {
    return s.exec_script("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE, b BLOB)");
  });
}

int64_t count(Db& db) {
  int64_t n = -1;
  EXPECT_TRUE(db.read([&](Session& s) {
                  auto r = s.query("SELECT count(*) FROM t");
                  if (!r.ok()) return r.status();
                  n = (*r)[0].integer(0);
                  return Status::Ok();
                }).ok());
  return n;
}

TEST(SqliteDb, WriteIsVisibleToReadsAndTypesRoundTrip) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  ASSERT_TRUE(db->write([](Session& s) {
                  return s
                      .exec("INSERT INTO t(v, b) VALUES(?, ?)",
                            {std::string("东华门"), Blob{std::string("\0\1\2", 3)}})
                      .status();
                }).ok());
  ASSERT_TRUE(db->read([](Session& s) {
                  auto r = s.query("SELECT id, v, b, NULL, 1.5 FROM t");
                  EXPECT_TRUE(r.ok());
                  const Row& row = (*r)[0];
                  EXPECT_EQ(row.integer(0), 1);
                  EXPECT_EQ(row.text(1), "东华门");
                  EXPECT_EQ(row.blob(2), std::string("\0\1\2", 3));
                  EXPECT_TRUE(row.is_null(3));
                  EXPECT_DOUBLE_EQ(row.real(4), 1.5);
                  return Status::Ok();
                }).ok());
}

TEST(SqliteDb, FailedUnitOfWorkLeavesNothingAndDoesNotHarmItsBatch) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  // Many threads write at once so that units share commits; every third one fails half-way.
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 60; ++i) {
        int n = t * 1000 + i;
        Status st = db->write([&](Session& s) {
          SHEGONG_RETURN_IF_ERROR(
              s.exec("INSERT INTO t(v) VALUES(?)", {"row-" + std::to_string(n)}).status());
          if (n % 3 == 0) return Invalid("n", "planned failure after a write");
          return Status::Ok();
        });
        if (!st.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 160);
  EXPECT_EQ(count(*db), 480 - 160);
}

TEST(SqliteDb, QueryEachStreamsRowsAndStopsAtTheFirstError) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  ASSERT_TRUE(db->write([](Session& s) {
                  std::vector<Params> rows;
                  for (int i = 0; i < 100; ++i) rows.push_back({"v" + std::to_string(i)});
                  return s.exec_many("INSERT INTO t(v) VALUES(?)", rows);
                }).ok());
  int seen = 0;
  Status st = db->read([&](Session& s) {
    return s.query_each("SELECT v FROM t ORDER BY id", {}, [&](const Row& r) {
      EXPECT_EQ(r.text(0), "v" + std::to_string(seen));
      return ++seen == 10 ? Invalid("v", "enough") : Status::Ok();
    });
  });
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(seen, 10);
}

TEST(SqliteDb, ConstraintViolationIsConflictAndExceptionsAreContained) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  auto insert = [&](const std::string& v) {
    return db->write(
        [&](Session& s) { return s.exec("INSERT INTO t(v) VALUES(?)", {v}).status(); });
  };
  ASSERT_TRUE(insert("a").ok());
  EXPECT_EQ(insert("a").code(), Code::kConflict);
  Status st = db->write([](Session&) -> Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(st.code(), Code::kInternal);
  EXPECT_TRUE(insert("b").ok());
  EXPECT_EQ(count(*db), 2);
}

TEST(SqliteDb, WritesSurviveReopen) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  ASSERT_TRUE(db->write([](Session& s) {
                  return s.exec("INSERT INTO t(v) VALUES('durable')").status();
                }).ok());
  db.reopen();
  EXPECT_EQ(count(*db), 1);
}

TEST(SqliteDb, BackupIsAConsistentCopy) {
  TestDb db;
  ASSERT_TRUE(create_table(*db).ok());
  ASSERT_TRUE(
      db->write([](Session& s) { return s.exec("INSERT INTO t(v) VALUES('x')").status(); }).ok());
  std::string copy = db.dir() + "/copy.db";
  ASSERT_TRUE(db->backup_to(copy).ok());
  auto other = open_sqlite({copy, 1, 16});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(count(**other), 1);
  EXPECT_FALSE(db->backup_to(copy).ok());  // never overwrites
}

TEST(Migrations, AreAppliedOnceAndRecorded) {
  TestDb db;
  auto v = schema_version(*db);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, sqlite_migrations().back().version);
  auto again = migrate(*db, SystemClock::instance());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied.empty());
}

}  // namespace
}  // namespace shegong::db
