#include "base/calendar_gap.h"

#include <gtest/gtest.h>

namespace shegong {
namespace {

Date D(std::string_view text) { return *Date::parse(text); }

// Two loaded years, as a calendar file ending with the last published notice would have.
HolidayCalendar through_2026() {
  auto cal = HolidayCalendar::parse(
      "date,kind,name\n2025-01-01,holiday,元旦\n2026-01-01,holiday,元旦\n2026-10-01,holiday,"
      "国庆节\n");
  EXPECT_TRUE(cal.ok()) << cal.status().to_string();
  return *cal;
}

TEST(CalendarGap, NothingWhileTheCalendarReachesPastTheLongestPeriod) {
  EXPECT_FALSE(calendar_gap(through_2026(), D("2026-10-02")).has_value());  // +90 is 31 Dec
  EXPECT_FALSE(calendar_gap(through_2026(), D("2025-06-01")).has_value());
}

TEST(CalendarGap, NamesTheMissingYearAndWhenEachPeriodStartsToBeRefused) {
  auto gap = calendar_gap(through_2026(), D("2026-12-04"));
  ASSERT_TRUE(gap.has_value());
  EXPECT_EQ(gap->year, 2027);
  EXPECT_EQ(gap->last_covered, D("2026-12-31"));
  ASSERT_EQ(gap->refused_from.size(), 3u);
  EXPECT_EQ(gap->refused_from[0], std::make_pair(7, D("2026-12-25")));   // +7 is 1 Jan
  EXPECT_EQ(gap->refused_from[1], std::make_pair(15, D("2026-12-17")));  // +15 is 1 Jan
  EXPECT_EQ(gap->refused_from[2], std::make_pair(60, D("2026-11-02")));  // +60 is 1 Jan
  // The periods count as the calendar does: the last day of 15 days from 17 Dec is in 2027.
  EXPECT_FALSE(through_2026().add_days_roll(D("2026-12-17"), 15).ok());
  EXPECT_TRUE(through_2026().add_days_roll(D("2026-12-16"), 15).ok());

  const std::string line = describe(*gap, D("2026-12-04"));
  EXPECT_NE(line.find("the holiday calendar for 2027 is not loaded"), std::string::npos) << line;
  EXPECT_NE(line.find("60-day limits counted from today already"), std::string::npos) << line;
  EXPECT_NE(line.find("15-day limits from 2026-12-17"), std::string::npos) << line;
  EXPECT_NE(line.find("7-day limits from 2026-12-25"), std::string::npos) << line;
}

TEST(CalendarGap, TheCurrentYearMissingIsTheGap) {
  auto gap = calendar_gap(through_2026(), D("2027-03-01"));
  ASSERT_TRUE(gap.has_value());
  EXPECT_EQ(gap->year, 2027);
  for (const auto& [days, from] : gap->refused_from) EXPECT_LT(from, D("2027-03-01")) << days;
  EXPECT_EQ(calendar_gap(through_2026(), D("2024-12-01"))->year, 2024);
}

TEST(CalendarGap, AYearLoadedLaterClosesIt) {
  auto cal =
      HolidayCalendar::parse("date,kind,name\n2026-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n");
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(calendar_gap(*cal, D("2026-12-04")).has_value());
  EXPECT_EQ(calendar_gap(*cal, D("2027-11-01"))->year, 2028);
}

}  // namespace
}  // namespace shegong
