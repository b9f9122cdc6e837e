#include "hotline/pending_deadlines.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/test_calendar.h"
#include "hotline/rates.h"
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

  // The unit works on it and asks for five more days, then one; the centre approves both, and the
  // days wait for the deadline they extend.
  w.acted(c.id, "accept", w.street_staff);
  w.acted(c.id, "extend", w.street_staff, {{"reason", "需协调产权单位"}, {"days", "5"}});
  w.acted(c.id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  w.acted(c.id, "extend", w.street_staff, {{"reason", "产权单位需上会研究"}, {"days", "1"}});
  cases::CaseRecord approved =
      w.acted(c.id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  EXPECT_EQ(approved.due_at_ms, 0);
  EXPECT_EQ(Json::parse(approved.attrs)["deadline_pending"]["extensions"], Json::array({5, 1}));

  // A second order is replied the same day, in time whatever its deadline turns out to be.
  cases::CaseRecord replied = w.acted(w.created(w.order("投诉", "13900001111")).id, "dispatch",
                                      w.dispatcher, {{"unit_id", street}});
  w.acted(replied.id, "accept", w.street_staff);
  w.acted(replied.id, "reply", w.street_staff, {{"reply", "已协调施工单位停止夜间施工。"}});

  // A third is replied on 12 January, after its deadline would have passed, the notice still
  // missing. So is a fourth, which the requester then says is unsolved: it goes back to the unit
  // for a second round, its deadline pending again, and the late first round is kept.
  cases::CaseRecord late = w.acted(w.created(w.order("投诉", "13900002222")).id, "dispatch",
                                   w.dispatcher, {{"unit_id", street}});
  cases::CaseRecord sent_back = w.acted(w.created(w.order("投诉", "13900003333")).id, "dispatch",
                                        w.dispatcher, {{"unit_id", street}});
  w.clock.set_ms(TestWorld::at(next + "-01-12", 9));
  const int64_t second_round_at = w.clock.now_ms();
  for (int64_t id : {late.id, sent_back.id}) {
    w.acted(id, "accept", w.street_staff);
    w.acted(id, "reply", w.street_staff, {{"reply", "已清理。"}});
  }
  sent_back = w.acted(sent_back.id, "callback", w.dispatcher,
                      {{"solved", "no"}, {"satisfaction", "不满意"}});
  EXPECT_EQ(sent_back.state, "dispatched");
  const Json rounds = Json::parse(sent_back.attrs)["deadline_pending"]["replied_rounds"];
  ASSERT_EQ(rounds.size(), 1u) << sent_back.attrs;
  EXPECT_EQ(rounds[0]["from_ms"], dispatched_at);
  EXPECT_EQ(rounds[0]["replied_at_ms"], second_round_at);
  EXPECT_EQ(Json::parse(sent_back.attrs)["deadline_pending"]["from_ms"], second_round_at);

  auto before = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(before->still_pending, 4);
  EXPECT_EQ(before->set + before->moved_on + before->failed, 0);

  // The notice is loaded and the server restarts in February, after every one of those deadlines.
  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.clock.set_ms(TestWorld::at(next + "-02-20", 9));
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->set, 4);
  EXPECT_EQ(after->moved_on + after->still_pending + after->failed, 0);

  // Counted from dispatch, as dispatch would have counted it, the approved days added one by one,
  // with its timer armed, in the order's history (told to the unit, and the extended deadline to
  // the requester and the centre, item 36) and audited.
  auto due = deadline_after(w.calendar, dispatched_at, 7, "days", true);
  ASSERT_TRUE(due.ok());
  auto five_more = deadline_after(w.calendar, *due, 5, "days", true);
  ASSERT_TRUE(five_more.ok());
  auto extended = deadline_after(w.calendar, *five_more, 1, "days", true);
  ASSERT_TRUE(extended.ok());
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {c.id}), *extended);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = 'deadline' AND "
                    "due_at_ms = ? AND state = 'pending'",
                    {c.id, *extended}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE attrs LIKE '%deadline_pending%'"), 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'order.deadline_set'"), 4);
  for (const std::string& audience :
       {"unit:" + street, std::string("requester"), std::string("centre")}) {
    EXPECT_EQ(w.count("SELECT count(*) FROM case_events e JOIN case_notices n ON n.event_id = e.id "
                      "WHERE e.case_id = ? AND e.action = 'deadline_set' AND e.actor = 'system' "
                      "AND n.audience = ?",
                      {c.id, audience}),
              1)
        << audience;
  }
  // Without an extension the requester is not told.
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_events e JOIN case_notices n ON n.event_id = e.id "
              "WHERE e.case_id = ? AND e.action = 'deadline_set' AND n.audience = 'requester'",
              {replied.id}),
      0);

  // The orders replied meanwhile get their deadline with no timer: the one replied in time is not
  // overdue; the late one is, and counts against the unit in the month its deadline passed.
  for (int64_t id : {replied.id, late.id}) {
    EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {id}), *due);
    EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND state = 'pending' "
                      "AND kind IN ('deadline', 'reminder')",
                      {id}),
              0);
  }
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {replied.id}), 0);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {late.id}), 1);
  const std::string due_month = period_of(*due);
  auto overdue_in = [&](const std::string& period) {
    return w.count(
        "SELECT coalesce(sum(overdue), 0) FROM unit_month_counters WHERE unit_id = ? "
        "AND period = ?",
        {w.street.id, period});
  };
  // The order sent back: its first round, replied late, counts in the month its deadline passed;
  // its second round is being handled, its deadline counted from the callback.
  auto second_due = deadline_after(w.calendar, second_round_at, 7, "days", true);
  ASSERT_TRUE(second_due.ok());
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {sent_back.id}), *second_due);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = "
                    "'deadline_set' AND data LIKE '%replied_rounds_late%'",
                    {sent_back.id}),
            1);
  EXPECT_EQ(overdue_in(due_month), 2);
  EXPECT_EQ(overdue_in(period_of(w.clock.now_ms())), 0);

  // The timers of the deadlines passed meanwhile fire at once, in February, and count each order
  // once in the month its deadline passed. Another extension approved after it and missed again
  // does not count the extended order twice.
  ASSERT_EQ(period_of(*extended), due_month);
  ASSERT_EQ(period_of(*second_due), due_month);
  ASSERT_NE(period_of(w.clock.now_ms()), due_month);
  EXPECT_GE(w.fire_timers(), 2);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {c.id}), 1);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {sent_back.id}), 1);
  EXPECT_EQ(overdue_in(due_month), 4);
  EXPECT_EQ(overdue_in(period_of(w.clock.now_ms())), 0);
  w.acted(c.id, "extend", w.street_staff, {{"reason", "产权单位未答复"}, {"days", "1"}});
  cases::CaseRecord again_extended =
      w.acted(c.id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  EXPECT_GT(again_extended.due_at_ms, *extended);
  ASSERT_LT(again_extended.due_at_ms, w.clock.now_ms());
  EXPECT_GE(w.fire_timers(), 1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = "
                    "'deadline_reached'",
                    {c.id}),
            2);
  EXPECT_EQ(
      w.count("SELECT sum(overdue) FROM unit_month_counters WHERE unit_id = ?", {w.street.id}), 4);

  // Nothing is left to do on the next start.
  auto again = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->set + again->still_pending + again->moved_on + again->failed, 0);
}

// Extensions approved while the deadline was pending are applied one by one, each rolling off a
// day off on its own; a sum kept by an earlier version (`extension_days`) comes first.
TEST(OrderPendingDeadlines, PendingExtensionsAreAppliedOneByOne) {
  TestWorld w;
  const int64_t from_ms = TestWorld::at(std::to_string(w.calendar.last_year()) + "-03-02", 10);
  auto step = [&](int64_t at, int64_t amount) {
    auto due = deadline_after(w.calendar, at, amount, "days", true);
    EXPECT_TRUE(due.ok()) << due.status().to_string();
    return due.ok() ? *due : 0;
  };
  Json pending = {{"from_ms", from_ms}, {"amount", 7}, {"unit", "days"}, {"roll", true}};
  auto plain = pending_due(w.calendar, pending);
  ASSERT_TRUE(plain.ok()) << plain.status().to_string();
  EXPECT_EQ(*plain, step(from_ms, 7));
  pending["extensions"] = {2, 3};
  EXPECT_EQ(*pending_due(w.calendar, pending), step(step(step(from_ms, 7), 2), 3));
  pending["extension_days"] = 4;
  EXPECT_EQ(*pending_due(w.calendar, pending), step(step(step(step(from_ms, 7), 4), 2), 3));
  pending["extensions"] = {1, "x"};
  EXPECT_THROW((void)pending_due(w.calendar, pending), nlohmann::json::exception);
}

}  // namespace
}  // namespace shegong::hotline
