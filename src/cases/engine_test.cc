#include "cases/engine.h"

#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "cases/profile.h"
#include "db/test_db.h"

namespace shegong::cases {
namespace {

using auth::Principal;
using auth::Role;

// A small kind: opened -> working -> done, with a deadline timer that marks the case overdue.
CaseKind toy_kind() {
  CaseKind k;
  k.name = "toy";
  k.initial_state = "opened";
  k.final_states = {"done"};
  k.transitions = {
      {"start", {"opened"}, "working", {Role::kStreetStaff}, ActorRule::kJurisdiction, {"note"},
       {"requester"}, {}, [](TransitionContext& c) {
         c.arm.push_back({"deadline", c.now_ms + 1000});
         c.after.due_at_ms = c.now_ms + 1000;
         if (c.input.at("note") == "fail") return Invalid("note", "planned failure");
         return Status::Ok();
       }},
      {"finish", {"working"}, "done", {Role::kStreetStaff}, ActorRule::kLeadUnit, {}, {},
       {"deadline"}, nullptr},
      {"deadline_passed", {"working"}, "", {}, ActorRule::kSystem, {}, {"centre"}, {},
       [](TransitionContext& c) {
         c.after.overdue = true;
         return Status::Ok();
       }},
  };
  k.timer_transitions = {{"deadline", "deadline_passed"}};
  return k;
}

class EngineTest : public ::testing::Test {
 protected:
  EngineTest() : clock_(1'770'000'000'000), engine_(*db_, clock_) {
    engine_.add_kind(toy_kind());
    street_ = Principal{1, "street", Role::kStreetStaff, "110101001", false, {}, 7};
  }
  CaseRecord make(const std::string& region = "110101001001") {
    CaseRecord c;
    c.kind = "toy";
    c.tracking_no = "T" + std::to_string(++n_);
    c.region_code = region;
    c.subject = "s";
    c.content = "c";
    c.received_at_ms = clock_.now_ms();
    c.lead_unit_id = 0;
    auto created = engine_.create(c, "cli", nullptr);
    EXPECT_TRUE(created.ok()) << created.status().to_string();
    return *created;
  }
  int64_t count(const std::string& sql) {
    int64_t n = -1;
    EXPECT_TRUE(db_->read([&](db::Session& s) {
                  auto r = s.query(sql);
                  if (!r.ok()) return r.status();
                  n = (*r)[0].integer(0);
                  return Status::Ok();
                }).ok());
    return n;
  }
  db::TestDb db_;
  ManualClock clock_;
  Engine engine_;
  Principal street_;
  int n_ = 0;
};

TEST_F(EngineTest, TransitionWritesStateEventNoticeTimerAndAuditTogether) {
  CaseRecord c = make();
  EXPECT_EQ(c.state, "opened");
  auto started = engine_.apply(c.id, "start", &street_, {{"note", "go"}});
  ASSERT_TRUE(started.ok()) << started.status().to_string();
  EXPECT_EQ(started->state, "working");
  EXPECT_EQ(count("SELECT count(*) FROM case_events"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM case_notices WHERE audience = 'requester'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM case_timers WHERE state = 'pending'"), 1);
  auto audit = audit::verify(*db_);
  EXPECT_TRUE(audit->ok);
  EXPECT_EQ(audit->rows, 2);
}

TEST_F(EngineTest, GuardsNameTheRuleAndWriteNothing) {
  CaseRecord c = make();
  Principal outsider = street_;
  outsider.jurisdiction = "110102001";
  Principal leader{2, "leader", Role::kLeader, "110101", false, {}, 0};
  EXPECT_EQ(engine_.apply(c.id, "finish", &street_, {}).status().field(), "state");
  EXPECT_EQ(engine_.apply(c.id, "start", &outsider, {{"note", "x"}}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(engine_.apply(c.id, "start", &leader, {{"note", "x"}}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(engine_.apply(c.id, "start", &street_, {}).status().field(), "note");
  EXPECT_EQ(engine_.apply(c.id, "start", &street_, {{"note", "fail"}}).status().field(), "note");
  EXPECT_EQ(engine_.apply(c.id, "deadline_passed", &street_, {}).status().code(),
            Code::kConflict);  // wrong state comes first
  EXPECT_EQ(engine_.apply(c.id, "fly", &street_, {}).status().code(), Code::kNotFound);
  EXPECT_EQ(engine_.apply(999, "start", &street_, {}).status().code(), Code::kNotFound);
  EXPECT_EQ(count("SELECT count(*) FROM case_events"), 1);  // only the registration
  EXPECT_EQ(count("SELECT count(*) FROM case_timers"), 0);
  EXPECT_EQ(count("SELECT version FROM cases"), 1);
}

TEST_F(EngineTest, LeadUnitRuleAndTimerCancellation) {
  CaseRecord c = make();
  ASSERT_TRUE(engine_.apply(c.id, "start", &street_, {{"note", "go"}}).ok());
  // Not the lead unit yet.
  EXPECT_EQ(engine_.apply(c.id, "finish", &street_, {}).status().code(), Code::kPermissionDenied);
  ASSERT_TRUE(db_->write([&](db::Session& s) {
                  SHEGONG_RETURN_IF_ERROR(
                      s.exec("INSERT INTO units(id, name, kind, region_code) "
                             "VALUES(7, '东华门街道办事处', 'street', '110101001')")
                          .status());
                  return s.exec("UPDATE cases SET lead_unit_id = 7").status();
                }).ok());
  auto done = engine_.apply(c.id, "finish", &street_, {});
  ASSERT_TRUE(done.ok()) << done.status().to_string();
  EXPECT_GT(done->closed_at_ms, 0);
  EXPECT_EQ(count("SELECT count(*) FROM case_timers WHERE state = 'cancelled'"), 1);
  clock_.advance_ms(5000);
  EXPECT_EQ(*engine_.fire_due_timers(clock_.now_ms(), 10), 0);
}

TEST_F(EngineTest, TimersFireOnceAndOnlyWhenDue) {
  CaseRecord c = make();
  ASSERT_TRUE(engine_.apply(c.id, "start", &street_, {{"note", "go"}}).ok());
  EXPECT_EQ(*engine_.fire_due_timers(clock_.now_ms(), 10), 0);
  EXPECT_EQ(*engine_.next_timer_due(), clock_.now_ms() + 1000);
  clock_.advance_ms(1000);
  EXPECT_EQ(*engine_.fire_due_timers(clock_.now_ms(), 10), 1);
  EXPECT_EQ(*engine_.fire_due_timers(clock_.now_ms(), 10), 0);
  EXPECT_EQ(count("SELECT overdue FROM cases"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE action = 'deadline_passed' AND actor = 'system'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM case_notices WHERE audience = 'centre'"), 1);
}

TEST_F(EngineTest, ReadingFollowsJurisdictionOrUnit) {
  CaseRecord c = make("110101001001");
  c.lead_unit_id = 42;
  std::vector<CaseUnit> units = {{42, "lead"}};
  Principal district{3, "d", Role::kLeader, "110101", false, {}, 0};
  Principal other_street{4, "o", Role::kStreetStaff, "110101002", false, {}, 0};
  Principal department{5, "dep", Role::kDepartmentStaff, "1101", false, {}, 42};
  Principal other_department{6, "dep2", Role::kDepartmentStaff, "1101", false, {}, 43};
  EXPECT_TRUE(can_read(district, c, units));
  EXPECT_TRUE(can_read(street_, c, units));
  EXPECT_FALSE(can_read(other_street, c, units));
  EXPECT_TRUE(can_read(department, c, units));
  EXPECT_FALSE(can_read(other_department, c, units));  // a department reads by unit, not by area
}

TEST_F(EngineTest, ProfilesTakeTheLongestPrefix) {
  ASSERT_TRUE(db_->write([](db::Session& s) {
                  SHEGONG_RETURN_IF_ERROR(set_profile(s, "33", "max_representatives", "3"));
                  return set_profile(s, "3301", "max_representatives", "4");
                }).ok());
  ASSERT_TRUE(db_->read([](db::Session& s) {
                  EXPECT_EQ(*profile_int(s, "110101", "max_representatives", 5), 5);
                  EXPECT_EQ(*profile_int(s, "330203", "max_representatives", 5), 3);
                  EXPECT_EQ(*profile_int(s, "330106001", "max_representatives", 5), 4);
                  return Status::Ok();
                }).ok());
  ASSERT_TRUE(db_->write([](db::Session& s) {
                  EXPECT_EQ(*next_sequence(s, "x"), 1);
                  EXPECT_EQ(*next_sequence(s, "x"), 2);
                  EXPECT_EQ(*next_sequence(s, "y"), 1);
                  return Status::Ok();
                }).ok());
}

}  // namespace
}  // namespace shegong::cases
