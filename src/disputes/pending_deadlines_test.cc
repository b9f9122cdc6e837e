#include "disputes/pending_deadlines.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/test_calendar.h"
#include "disputes/test_world.h"

namespace shegong::disputes {
namespace {

using Json = nlohmann::json;

// Late in the last year the calendar file holds: an organ's 5 working days end in a year that is
// not loaded, so the dispute is registered with its acceptance deadline pending.
TEST(DisputePendingDeadlines,
     AnAdministrativeMediationGetsItsAcceptanceDeadlineOnceTheYearIsLoaded) {
  DisputeWorld w;
  const int last = w.calendar.last_year();
  w.clock.set_ms(w.at(std::to_string(last) + "-12-29", 10));
  auto waiting = w.filed(w.dispute("administrative"));
  auto decided = w.filed(w.dispute("administrative"));
  EXPECT_EQ(waiting.due_at_ms, 0);
  ASSERT_TRUE(Json::parse(waiting.attrs).contains("deadline_pending")) << waiting.attrs;
  // One is accepted meanwhile: its decision is judged once the deadline is known.
  w.acted(decided.id, "accept", w.department_staff);
  // People's mediation has no working-day deadline and never waits.
  EXPECT_FALSE(Json::parse(w.filed(w.dispute()).attrs).contains("deadline_pending"));

  auto before = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(before->still_pending, 2);

  auto loaded = calendar_with_notice_for(last + 1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  w.calendar = *loaded;
  w.clock.set_ms(w.at(std::to_string(last + 1) + "-01-20", 9));
  auto after = set_pending_deadlines(*w.db, w.calendar, w.clock);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->set, 2);
  auto due = w.calendar.add_working_days(*Date::parse(std::to_string(last) + "-12-29"), 5);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(w.load(waiting.id).due_at_ms, china_end_of_day_ms(*due));
  EXPECT_EQ(w.count("SELECT count(*) FROM case_timers WHERE case_id = ? AND kind = "
                    "'acceptance_due' AND state = 'pending'",
                    {waiting.id}),
            1);
  // The timer fires at once: the day has passed.
  w.fire_timers();
  EXPECT_TRUE(w.load(waiting.id).overdue);
  EXPECT_TRUE(Json::parse(w.load(decided.id).attrs)["acceptance"]["in_time"].get<bool>());
}

}  // namespace
}  // namespace shegong::disputes
