#include "base/calendar_review.h"

#include <gtest/gtest.h>

#include <string>

namespace shegong {
namespace {

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

HolidayCalendar package() {
  auto cal = HolidayCalendar::load(std::string(SHEGONG_SOURCE_DIR) + "/data/calendar/holidays.csv");
  EXPECT_TRUE(cal.ok()) << cal.status().to_string();
  return *cal;
}

// The 2026 notice as one would type it from the text, with 清明节 and the like, less a row.
std::string notice_2026(std::string_view drop = "") {
  std::string csv = "date,kind,name\n";
  const char* rows[] = {
      "2026-01-01,holiday,元旦",   "2026-01-02,holiday,元旦",   "2026-01-03,holiday,元旦",
      "2026-01-04,workday,元旦",   "2026-02-14,workday,春节",   "2026-02-15,holiday,春节",
      "2026-02-16,holiday,春节",   "2026-02-17,holiday,春节",   "2026-02-18,holiday,春节",
      "2026-02-19,holiday,春节",   "2026-02-20,holiday,春节",   "2026-02-21,holiday,春节",
      "2026-02-22,holiday,春节",   "2026-02-23,holiday,春节",   "2026-02-28,workday,春节",
      "2026-04-04,holiday,清明节", "2026-04-05,holiday,清明节", "2026-04-06,holiday,清明节",
      "2026-05-01,holiday,劳动节", "2026-05-02,holiday,劳动节", "2026-05-03,holiday,劳动节",
      "2026-05-04,holiday,劳动节", "2026-05-05,holiday,劳动节", "2026-05-09,workday,劳动节",
      "2026-06-19,holiday,端午节", "2026-06-20,holiday,端午节", "2026-06-21,holiday,端午节",
      "2026-09-20,workday,国庆节", "2026-09-25,holiday,中秋节", "2026-09-26,holiday,中秋节",
      "2026-09-27,holiday,中秋节", "2026-10-01,holiday,国庆节", "2026-10-02,holiday,国庆节",
      "2026-10-03,holiday,国庆节", "2026-10-04,holiday,国庆节", "2026-10-05,holiday,国庆节",
      "2026-10-06,holiday,国庆节", "2026-10-07,holiday,国庆节", "2026-10-10,workday,国庆节",
  };
  for (const char* row : rows)
    if (drop.empty() || !std::string_view(row).starts_with(drop)) csv += std::string(row) + "\n";
  return csv;
}

CalendarYearReview review_of(const std::string& csv, int year) {
  auto cal = HolidayCalendar::parse(csv);
  EXPECT_TRUE(cal.ok()) << cal.status().to_string();
  return review_year(*cal, year);
}

TEST(CalendarReview, ThePackagesYearsUnderTheCurrentMeasuresAgreeWithThem) {
  const HolidayCalendar cal = package();
  for (int year = kReviewedFromYear; year <= cal.last_year(); ++year) {
    CalendarYearReview r = review_year(cal, year);
    EXPECT_TRUE(r.warnings.empty()) << describe(r);
    EXPECT_EQ(r.net_days_off(), kStatutoryDaysOff) << describe(r);
  }
  // 2025: 中秋 (6 October) lies inside the 国庆 break, which is one break of two names.
  CalendarYearReview y2025 = review_year(cal, 2025);
  ASSERT_EQ(y2025.breaks.size(), 6u) << describe(y2025);
  EXPECT_EQ(y2025.breaks.back().name, "国庆节、中秋");
  EXPECT_EQ(y2025.breaks.back().first.to_string(), "2025-10-01");
  EXPECT_EQ(y2025.breaks.back().days, 8);
}

TEST(CalendarReview, DescribesTheBreaksAndTheMakeUpDaysOfAYear) {
  CalendarYearReview r = review_of(notice_2026(), 2026);
  EXPECT_TRUE(r.warnings.empty()) << describe(r);
  ASSERT_EQ(r.breaks.size(), 7u);
  EXPECT_EQ(r.breaks[1].name, "春节");
  EXPECT_EQ(r.breaks[1].days, 9);
  EXPECT_EQ(r.weekdays_off, 19);
  EXPECT_EQ(r.makeup_workdays.size(), 6u);
  const std::string text = describe(r);
  EXPECT_TRUE(contains(text, "  春节  2026-02-15 Sun – 2026-02-23 Mon  9 days off\n")) << text;
  EXPECT_TRUE(contains(text, "2026-02-14 Sat (春节)")) << text;
  EXPECT_TRUE(contains(text, "19 weekdays off less 6 调休 working days: 13 days off")) << text;
}

TEST(CalendarReview, AMissingDayOrFestivalIsAWarning) {
  // One weekday of 春节 left out: the count is one short.
  CalendarYearReview short_one = review_of(notice_2026("2026-02-16"), 2026);
  ASSERT_EQ(short_one.warnings.size(), 1u) << describe(short_one);
  EXPECT_TRUE(contains(short_one.warnings[0], "18 weekdays off less 6 调休 working days make 12"))
      << short_one.warnings[0];
  // A 调休 Saturday left out: the count is one over.
  CalendarYearReview over = review_of(notice_2026("2026-02-14"), 2026);
  ASSERT_EQ(over.warnings.size(), 1u);
  EXPECT_TRUE(contains(over.warnings[0], "make 14 days off")) << over.warnings[0];
  // 端午 forgotten altogether (one weekday off, two weekend days): the festival and the count.
  std::string no_duanwu = notice_2026();
  for (const char* d : {"2026-06-19", "2026-06-20", "2026-06-21"}) {
    no_duanwu.erase(no_duanwu.find(d),
                    std::string(d).size() + std::string(",holiday,端午节\n").size());
  }
  CalendarYearReview missing = review_of(no_duanwu, 2026);
  ASSERT_EQ(missing.warnings.size(), 2u) << describe(missing);
  EXPECT_TRUE(contains(missing.warnings[0], "no day off is named for 端午")) << missing.warnings[0];

  // What the server prints: the warnings of the years from a given one on, each with its year.
  auto cal = HolidayCalendar::parse(no_duanwu);
  ASSERT_TRUE(cal.ok());
  std::vector<CalendarWarning> lines = calendar_warnings(*cal, 2026);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].year, 2026);
  EXPECT_TRUE(
      lines[0].message.starts_with("the holiday calendar for 2026: no day off is named for 端午"))
      << lines[0].message;
  EXPECT_TRUE(calendar_warnings(*cal, 2027).empty());
  EXPECT_TRUE(calendar_warnings(package(), 2004).empty());  // before 2025: not judged
}

TEST(CalendarReview, EarlierMeasuresAndUncoveredYearsAreNotJudgedAlike) {
  // Before 2025 the count was 11 and years differ; they are described, not judged.
  const HolidayCalendar cal = package();
  CalendarYearReview y2020 = review_year(cal, 2020);
  EXPECT_TRUE(y2020.warnings.empty());
  EXPECT_FALSE(y2020.breaks.empty());
  CalendarYearReview beyond = review_year(cal, 2099);
  EXPECT_FALSE(beyond.covered);
  ASSERT_EQ(beyond.warnings.size(), 1u);
  EXPECT_TRUE(contains(beyond.warnings[0], "for 2099 is not loaded"));
}

}  // namespace
}  // namespace shegong
