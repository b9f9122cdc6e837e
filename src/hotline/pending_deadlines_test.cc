#include "hotline/pending_deadlines.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/test_calendar.h"
#include "hotline/sla.h"
#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

using Json = nlohmann::json;

// Late in the last year the calendar file holds, so that the test keeps its meaning when the
// package gains a year: a general order's 7 days then end in a year that is not loaded.
TEST(OrderPendingDeadlines,
     AnOrderDispatchedBeforeTheNextNoticeGoesToItsUnitAndGetsItsDeadlineLater) {
  TestWorld w;
  const int last = w.calendar.last_year();
  const std::string next = std::to_string(last + 1);
  const int64_t dispatched_at = TestWorld::at(std::to_string(last) + "-12-28", 10);
  w.clock.set_ms(dispatched_at);
  const std::string street = std::to_string(w.street.id);

  // Dispatch is not refused: the order reaches its unit, with no guessed deadline (item 6).
  cases::CaseRecord c =
      w.acted(w.created(w.order()).id, "dispatch", w.dispatcher, {{"unit_id", street}});
  EXPECT_EQ(c.state, "dispatched");
  EXPECT_EQ(c.lead_unit_id, w.street.id);
  EXPECT_EQ(c.due_at_ms, 0);
  Json attrs = Json::parse(c.attrs);
  ASSERT_TRUE(attrs.contains("deadline_pending")) << c.attrs;
  EXPECT_EQ(attrs["deadline_pending"]["from_ms"], dispatched_at);
  EXPECT_EQ(attrs["deadline_pending"]["amount"], 7);
  EXPECT_EQ(attrs["deadline_pending"]["unit"], "days");
  EXPECT_NE(attrs["deadline_pending"]["reason"].get<std::string>().find(next), std::string::npos);
  EXPECT_EQ(attrs["sla"]["handling"], "7 days");
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind IN "
                    "('deadline', 'reminder')",
                    {c.id}),
            0);
  EXPECT_EQ(w.count("SELECT due_at_ms IS NULL FROM cases WHERE id = ?", {c.id}), 1);

  // The unit works on it; an extension cannot be approved while there is no deadline to extend.
  w.acted(c.id, "accept", w.street_staff);
  w.acted(c.id, "extend", w.street_staff, {{"reason", "需协调产权单位"}, {"days", "5"}});
  auto approved = w.act(c.id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  ASSERT_FALSE(approved.ok());
  EXPECT_EQ(approved.status().code(), Code::kConflict);
  EXPECT_EQ(approved.status().field(), "calendar");

  // A second order is replied before the notice comes: it no longer waits, and only loses the flag.
  cases::CaseRecord replied = w.acted(w.created(w.order("投诉", "13900001111")).id, "dispatch",
                                      w.dispatcher, {{"unit_id", street}});
  w.acted(replied.id, "accept", w.street_staff);
  w.acted(replied.id, "reply", w.street_staff, {{"reply", "已协调施工单位停止夜间施工。"}});

  auto before = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(before->still_pending, 1);
  EXPECT_EQ(before->moved_on, 1);
  EXPECT_EQ(before->set, 0);

  // The notice is loaded and the server restarts after the deadline would have passed.
  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.clock.set_ms(TestWorld::at(next + "-01-12", 9));
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->set, 1);
  EXPECT_EQ(after->moved_on, 0);
  EXPECT_EQ(after->still_pending, 0);

  // Counted from dispatch, as dispatch would have counted it, with its timer armed and audited.
  auto due = deadline_after(w.calendar, dispatched_at, 7, "days", true);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {c.id}), *due);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = 'deadline' AND "
                    "due_at_ms = ? AND state = 'pending'",
                    {c.id, *due}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE attrs LIKE '%deadline_pending%'"), 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'order.deadline_set'"), 1);
  EXPECT_EQ(w.count("SELECT due_at_ms IS NULL FROM cases WHERE id = ?", {replied.id}), 1);

  // The deadline passed while it was pending: its timer fires at once and marks the order overdue;
  // the extension can now be approved and moves the deadline on.
  EXPECT_GE(w.fire_timers(), 1);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {c.id}), 1);
  cases::CaseRecord extended =
      w.acted(c.id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  EXPECT_GT(extended.due_at_ms, *due);

  // Nothing is left to do on the next start.
  auto again = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->set + again->still_pending + again->moved_on, 0);
}

}  // namespace
}  // namespace shegong::hotline
