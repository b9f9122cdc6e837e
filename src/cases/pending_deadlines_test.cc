#include "cases/pending_deadlines.h"

#include <gtest/gtest.h>

#include "cases/engine.h"
#include "db/test_db.h"

namespace shegong::cases {
namespace {

class PendingDeadlinesTest : public ::testing::Test {
 protected:
  PendingDeadlinesTest() : clock_(1'770'000'000'000), engine_(*db_, clock_) {
    CaseKind k;
    k.name = "toy";
    k.initial_state = "opened";
    k.final_states = {"done"};
    engine_.add_kind(k);
  }
  int64_t make(const std::string& subject) {
    CaseRecord c;
    c.kind = "toy";
    c.tracking_no = "T" + subject;
    c.region_code = "110101001001";
    c.subject = subject;
    c.content = "c";
    c.received_at_ms = clock_.now_ms();
    c.attrs = R"({"deadline_pending":{"days":3},"note":"kept"})";
    auto created = engine_.create(c, "cli", nullptr);
    EXPECT_TRUE(created.ok()) << created.status().to_string();
    return created.ok() ? created->id : 0;
  }
  int64_t count(const std::string& sql, const db::Params& params) {
    int64_t n = -1;
    EXPECT_TRUE(db_->read([&](db::Session& s) {
                     auto r = s.query(sql, params);
                     if (!r.ok()) return r.status();
                     n = (*r)[0].integer(0);
                     return Status::Ok();
                   })
                    .ok());
    return n;
  }
  db::TestDb db_;
  ManualClock clock_;
  Engine engine_;
};

// One case the rule fails on does not stop the others (nor the server that runs the pass at
// start): it is rolled back alone, whatever the rule wrote for it, and keeps its flag for the next
// start. A rule that throws on a malformed value fails its case the same way.
TEST_F(PendingDeadlinesTest, ACaseTheRuleFailsOnIsRolledBackAloneAndKeepsItsFlag) {
  const int64_t good = make("good"), bad = make("bad"), waiting = make("waiting"),
                malformed = make("malformed");
  const int64_t due = clock_.now_ms() + 86'400'000;
  auto rule = [&](db::Session& s, PendingCase& c) -> Result<std::optional<SetDeadline>> {
    if (c.id == waiting) return Invalid("calendar", "no holiday calendar for 2099");
    if (c.id == bad) {
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE cases SET subject = 'half-written' WHERE id = ?", {c.id}).status());
      return Invalid("petition.deadline_roll", "not an integer");
    }
    if (c.id == malformed) {
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE cases SET subject = 'half-written' WHERE id = ?", {c.id}).status());
      (void)c.pending.value("days", std::string());  // a number where a string is read: throws
    }
    return std::optional<SetDeadline>(SetDeadline{due, {{"deadline", due}}});
  };
  auto out = set_pending_deadlines(*db_, "toy", "toy.deadline_set", clock_, rule);
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  EXPECT_EQ(out->set, 1);
  EXPECT_EQ(out->failed, 2);
  EXPECT_EQ(out->still_pending, 1);
  EXPECT_EQ(out->moved_on, 0);

  EXPECT_EQ(count("SELECT due_at_ms FROM cases WHERE id = ?", {good}), due);
  EXPECT_EQ(count("SELECT count(*) FROM cases WHERE id = ? AND attrs NOT LIKE "
                  "'%deadline_pending%' AND attrs LIKE '%kept%'",
                  {good}),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM case_timers WHERE case_id = ?", {good}), 1);
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'deadline_set'",
                  {good}),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'toy.deadline_set'", {}), 1);
  for (int64_t id : {bad, waiting, malformed}) {
    EXPECT_EQ(count("SELECT count(*) FROM cases WHERE id = ? AND attrs LIKE '%deadline_pending%' "
                    "AND subject <> 'half-written' AND due_at_ms IS NULL",
                    {id}),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM case_timers WHERE case_id = ?", {id}), 0);
  }
}

}  // namespace
}  // namespace shegong::cases
