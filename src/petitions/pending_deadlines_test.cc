#include "petitions/pending_deadlines.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/test_calendar.h"
#include "petitions/deadlines.h"
#include "petitions/test_world.h"

namespace shegong::petitions {
namespace {

using Json = nlohmann::json;

// Late in the last year the calendar file holds, so that the test keeps its meaning when the
// package gains a year: a petition's 15 days then end in a year that is not loaded.
TEST(PendingDeadlines, APetitionReceivedBeforeTheNextNoticeIsRegisteredAndGetsItsDeadlineLater) {
  PetitionWorld w;
  const int last = w.calendar.last_year();
  const std::string next = std::to_string(last + 1);
  w.set_time(std::to_string(last) + "-12-20");
  auto c = w.filed(w.petition());
  EXPECT_EQ(c.state, "registered");  // recorded at receipt (item 7) ...
  EXPECT_EQ(c.due_at_ms, 0);         // ... with no guessed deadline (item 6)
  Json attrs = Json::parse(c.attrs);
  ASSERT_TRUE(attrs.contains("deadline_pending")) << c.attrs;
  EXPECT_EQ(attrs["deadline_pending"]["days"], 15);
  EXPECT_EQ(attrs["deadline_pending"]["timer"], "routing_due");
  EXPECT_NE(attrs["deadline_pending"]["reason"].get<std::string>().find(next), std::string::npos);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ?", {c.id}), 0);
  // Routing needs a deadline of its own and is refused until the notice is loaded.
  auto routed = w.engine.apply(c.id, "route", &w.office_staff,
                               {{"route", "transfer"}, {"unit_id", PetitionWorld::id(w.organ)}});
  ASSERT_FALSE(routed.ok());
  EXPECT_EQ(routed.status().field(), "calendar");

  auto before = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(before->still_pending, 1);
  EXPECT_EQ(before->set, 0);

  // The notice is loaded (a file of its own after the package's) and the server restarts.
  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.set_time(next + "-01-12");
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->set, 1);
  EXPECT_EQ(after->still_pending, 0);

  // Counted from receipt, as at registration: 15 days from 20 December, rolled off rest days.
  auto last_day = w.calendar.add_days_roll(*Date::parse(std::to_string(last) + "-12-20"), 15);
  ASSERT_TRUE(last_day.ok());
  const int64_t due = china_end_of_day_ms(*last_day);
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {c.id}), due);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = 'routing_due' "
                    "AND due_at_ms = ? AND state = 'pending'",
                    {c.id, due}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE id = ? AND attrs LIKE '%deadline_pending%'",
                    {c.id}),
            0);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'petition.deadline_set'"), 1);
  // The deadline passed while it was pending: its timer fires at once, and routing works again.
  EXPECT_GE(w.fire_timers(), 1);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {c.id}), 1);
  w.acted(c.id, "route", w.office_staff,
          {{"route", "transfer"}, {"unit_id", PetitionWorld::id(w.organ)}});

  // Nothing is left to do on the next start.
  auto again = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->set + again->still_pending + again->moved_on, 0);
}

// The national bureau's five days from a day late in December end in the next year, the
// province's three from the same day do not: the bureau routes the petition on at once, and the
// province's own deadline stands when the notice comes; the routing is then judged in time. A
// second petition of that day, sent to 政法 (no deadline of its own) only on 20 January, is judged
// late: recorded as the routing timer would have, and the supervising office told.
TEST(PendingDeadlines, APetitionRoutedOnWhileItsDeadlineWasPendingKeepsTheNextOfficesDeadline) {
  PetitionWorld w;
  const int last = w.calendar.last_year();
  std::string day;
  for (int d = 18; d <= 31 && day.empty(); ++d) {
    const std::string candidate = std::to_string(last) + "-12-" + std::to_string(d);
    const Date date = *Date::parse(candidate);
    if (auto working = w.calendar.is_working_day(date); !working.ok() || !*working) continue;
    if (!w.calendar.add_days_roll(date, 5).ok() && w.calendar.add_days_roll(date, 3).ok())
      day = candidate;
  }
  ASSERT_FALSE(day.empty()) << "no day in December " << last << " for this test";
  w.set_time(day);
  auto p = w.petition();
  p.unit_id = w.national_office.id;
  cases::CaseRecord c = w.filed(p);
  ASSERT_EQ(c.due_at_ms, 0);
  ASSERT_TRUE(Json::parse(c.attrs).contains("deadline_pending")) << c.attrs;

  c = w.acted(c.id, "route", w.national_staff,
              {{"route", "transfer"}, {"unit_id", w.id(w.province_office)}});
  EXPECT_EQ(c.state, "registered");
  const int64_t province_due = c.due_at_ms;
  EXPECT_GT(province_due, 0);
  Json attrs = Json::parse(c.attrs);
  EXPECT_TRUE(attrs["routed_in_time"].is_null()) << c.attrs;  // not known before the notice
  EXPECT_EQ(attrs["deadline_pending"]["ended_at_ms"], w.clock.now_ms());
  auto lit = w.petition();
  lit.unit_id = w.national_office.id;
  lit.litigation = true;
  cases::CaseRecord referred = w.filed(lit);
  const int64_t late_id = referred.id;
  const int64_t received_at = referred.received_at_ms;
  const int64_t bureau_days =
      Json::parse(referred.attrs)["deadline_pending"]["days"].get<int64_t>();
  w.set_time(std::to_string(last + 1) + "-01-20");
  const int64_t referred_at = w.clock.now_ms();
  EXPECT_EQ(w.acted(late_id, "route", w.national_staff,
                    {{"route", "politics_law"}, {"unit_id", w.id(w.politics_law)}})
                .state,
            "referred");

  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.set_time(std::to_string(last + 1) + "-01-12");
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->set, 2);
  EXPECT_EQ(after->moved_on + after->still_pending + after->failed, 0);
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {c.id}), province_due);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = 'routing_due' "
                    "AND state = 'pending'",
                    {c.id}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'petition.deadline_set'"), 2);
  auto stored = [&](int64_t id) {
    Json a;
    EXPECT_TRUE(w.db->read([&](db::Session& s) {
                      auto r = s.query("SELECT attrs FROM cases WHERE id = ?", {id});
                      if (!r.ok()) return r.status();
                      a = Json::parse((*r)[0].text(0));
                      return Status::Ok();
                    })
                    .ok());
    return a;
  };
  attrs = stored(c.id);
  EXPECT_FALSE(attrs.contains("deadline_pending"));
  EXPECT_EQ(attrs["routed_in_time"], true);
  EXPECT_FALSE(attrs.contains("late"));
  // In its history, with no notice: the province, which holds it now, has its own deadline.
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = "
                    "'deadline_set' AND data LIKE '%\"overdue\":false%'",
                    {c.id}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices WHERE case_id = ? AND event_id = (SELECT "
                    "max(id) FROM case_events WHERE case_id = ?)",
                    {c.id, c.id}),
            0);

  int64_t bureau_due = 0;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto due =
                        organ_deadline(s, w.calendar, lit.region_code, received_at, bureau_days);
                    if (!due.ok()) return due.status();
                    bureau_due = *due;
                    return Status::Ok();
                  })
                  .ok());
  attrs = stored(late_id);
  EXPECT_FALSE(attrs.contains("deadline_pending"));
  EXPECT_EQ(attrs["routed_in_time"], false);
  ASSERT_EQ(attrs["late"].size(), 1u) << attrs.dump();
  EXPECT_EQ(attrs["late"][0]["step"], "routing");
  EXPECT_EQ(attrs["late"][0]["at_ms"], bureau_due);
  EXPECT_LT(bureau_due, referred_at);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events e JOIN case_notices n ON n.event_id = e.id "
                    "WHERE e.case_id = ? AND e.action = 'deadline_set' AND n.audience = ?",
                    {late_id, "supervision:" + lit.region_code}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN case_events e ON n.event_id = e.id "
                    "WHERE e.case_id = ? AND e.action = 'deadline_set'",
                    {late_id}),
            1);
  // The referral keeps its state and has no deadline of its own.
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE id = ? AND state = 'referred' AND "
                    "due_at_ms IS NULL AND overdue = 0",
                    {late_id}),
            1);
}

}  // namespace
}  // namespace shegong::petitions
