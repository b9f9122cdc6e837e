#include "petitions/pending_deadlines.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/test_calendar.h"
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
// province's own deadline stands when the notice comes; the routing is then judged in time.
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

  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.set_time(std::to_string(last + 1) + "-01-12");
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->moved_on, 1);
  EXPECT_EQ(after->set + after->still_pending + after->failed, 0);
  EXPECT_EQ(w.count("SELECT due_at_ms FROM cases WHERE id = ?", {c.id}), province_due);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = 'routing_due' "
                    "AND state = 'pending'",
                    {c.id}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'petition.deadline_set'"), 0);
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto r = s.query("SELECT attrs FROM cases WHERE id = ?", {c.id});
                    if (!r.ok()) return r.status();
                    attrs = Json::parse((*r)[0].text(0));
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_FALSE(attrs.contains("deadline_pending"));
  EXPECT_EQ(attrs["routed_in_time"], true);
}

}  // namespace
}  // namespace shegong::petitions
