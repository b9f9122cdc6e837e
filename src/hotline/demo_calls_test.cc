#include "hotline/demo_calls.h"

#include "hotline/intake_levels.h"
#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

TEST(DemoCalls, AMonthOfCallsWithOneBadDayStoredOnceHoweverOftenTheDemoRuns) {
  TestWorld w;
  const int64_t from = TestWorld::at("2025-09-01", 0), until = TestWorld::at("2025-09-20", 0);
  w.clock.set_ms(until);
  DemoCallOptions options{"1101", from, until, 200, 5};
  auto calls = generate_demo_calls(*w.db, options);
  ASSERT_TRUE(calls.ok()) << calls.status().to_string();
  EXPECT_GT(*calls, 19 * 200);
  EXPECT_EQ(w.count("SELECT count(*) FROM hotline_calls"), *calls);
  EXPECT_EQ(*generate_demo_calls(*w.db, options), 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM hotline_calls"), *calls);

  IntakeLevels month;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    month = *intake_levels(s, "1101", from, until, until);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(month.phone.offered, *calls);
  // Most calls are answered in time; the surge of the 10th is the worst day, below 95 %.
  EXPECT_GT(*month.phone.answered_in_time_rate, 0.8);
  ASSERT_TRUE(month.phone.worst_24h);
  EXPECT_LT(month.phone.worst_24h->completion_rate(), 0.95);
  EXPECT_EQ(date_in_china(month.phone.worst_24h->from_ms + 12 * 3'600'000).to_string(),
            "2025-09-10");
}

}  // namespace
}  // namespace shegong::hotline
