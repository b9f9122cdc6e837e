#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include "db/test_db.h"

namespace shegong::audit {
namespace {

void append_rows(db::Db& db, int n) {
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(db.write([&](db::Session& s) {
                    return append(s, SystemClock::instance(),
                                  {"user:1", "test.write", "thing:" + std::to_string(i), "v=1"});
                  }).ok());
  }
}

TEST(AuditLog, UntouchedChainVerifies) {
  db::TestDb db;
  append_rows(*db, 5);
  auto r = verify(*db);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok);
  EXPECT_EQ(r->rows, 5);
  EXPECT_EQ(r->first_bad_id, 0);
}

TEST(AuditLog, AColumnOfTheWrongTypeIsABrokenChainNotACrash) {
  for (const char* change : {"UPDATE audit_log SET at_ms = 'soon' WHERE id = 2;",
                             "UPDATE audit_log SET actor = x'00ff' WHERE id = 2;",
                             "UPDATE audit_log SET at_ms = 2.5 WHERE id = 2;",
                             "UPDATE audit_log SET hash = x'01' WHERE id = 2;"}) {
    db::TestDb db;
    if (db.postgres()) GTEST_SKIP() << "PostgreSQL's columns hold only values of their type";
    append_rows(*db, 3);
    db.close();
    db.behind_the_back(change);
    db.reopen();
    auto r = verify(*db);
    ASSERT_TRUE(r.ok()) << change << r.status().to_string();
    EXPECT_FALSE(r->ok) << change;
    EXPECT_EQ(r->first_bad_id, 2) << change;
    EXPECT_NE(r->reason.find("has the wrong type"), std::string::npos) << r->reason;
  }
}

TEST(AuditLog, IsAppendOnlyThroughTheApplication) {
  db::TestDb db;
  append_rows(*db, 1);
  Status st = db->write([](db::Session& s) {
    return s.exec("UPDATE audit_log SET actor = 'someone else'").status();
  });
  EXPECT_FALSE(st.ok());
  st = db->write([](db::Session& s) { return s.exec("DELETE FROM audit_log").status(); });
  EXPECT_FALSE(st.ok());
}

TEST(AuditLog, AlteredRowIsNamed) {
  db::TestDb db;
  append_rows(*db, 5);
  db.close();
  db.behind_the_back("UPDATE audit_log SET object = 'thing:99' WHERE id = 3;");
  db.reopen();
  auto r = verify(*db);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->first_bad_id, 3);
  EXPECT_NE(r->reason.find("altered"), std::string::npos);
}

TEST(AuditLog, RemovedRowIsNamed) {
  db::TestDb db;
  append_rows(*db, 5);
  db.close();
  db.behind_the_back("DELETE FROM audit_log WHERE id = 2;");
  db.reopen();
  auto r = verify(*db);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->first_bad_id, 3);
}

TEST(AuditLog, RehashedRowStillBreaksTheNextLink) {
  db::TestDb db;
  append_rows(*db, 4);
  db.close();
  // Changing a row and its own hash is caught by the next row's prev_hash.
  db.behind_the_back("UPDATE audit_log SET hash = 'ff' WHERE id = 2;");
  db.reopen();
  auto r = verify(*db);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->first_bad_id, 2);
}

}  // namespace
}  // namespace shegong::audit
