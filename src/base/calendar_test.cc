#include "base/calendar.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace shegong {
namespace {

Date D(std::string_view text) {
  Result<Date> d = Date::parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date();
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The generated file, not a fixture: the rules must hold for the data the server will load.
const Result<HolidayCalendar>& official() {
  static const Result<HolidayCalendar> cal =
      HolidayCalendar::load(std::string(SHEGONG_SOURCE_DIR) + "/data/calendar/holidays.csv");
  return cal;
}

#define ASSERT_CALENDAR_LOADED() \
  ASSERT_TRUE(official().ok()) << official().status().to_string() << " (run scripts/bootstrap)"

bool working(Date d) {
  Result<bool> w = official()->is_working_day(d);
  EXPECT_TRUE(w.ok()) << d.to_string() << ": " << w.status().to_string();
  return w.ok() && *w;
}

// DOMAIN.md 7.2: one row of the published tables.
struct Festival {
  std::set<std::string> names;  // as the notice data names the days off
  const char* first_off;
  const char* last_off;
  std::vector<const char*> worked;  // 调休上班
};

const std::vector<Festival> k2025 = {
    {{"元旦"}, "2025-01-01", "2025-01-01", {}},
    {{"春节"}, "2025-01-28", "2025-02-04", {"2025-01-26", "2025-02-08"}},
    {{"清明"}, "2025-04-04", "2025-04-06", {}},
    {{"劳动节"}, "2025-05-01", "2025-05-05", {"2025-04-27"}},
    {{"端午"}, "2025-05-31", "2025-06-02", {}},
    {{"国庆节", "中秋"}, "2025-10-01", "2025-10-08", {"2025-09-28", "2025-10-11"}},
};

const std::vector<Festival> k2026 = {
    {{"元旦"}, "2026-01-01", "2026-01-03", {"2026-01-04"}},
    {{"春节"}, "2026-02-15", "2026-02-23", {"2026-02-14", "2026-02-28"}},
    {{"清明"}, "2026-04-04", "2026-04-06", {}},
    {{"劳动节"}, "2026-05-01", "2026-05-05", {"2026-05-09"}},
    {{"端午"}, "2026-06-19", "2026-06-21", {}},
    {{"中秋"}, "2026-09-25", "2026-09-27", {}},
    {{"国庆节"}, "2026-10-01", "2026-10-07", {"2026-09-20", "2026-10-10"}},
};

// Every listed day is as the notice says, and every day of the year not listed follows the week.
void expect_year_matches(int year, const std::vector<Festival>& table) {
  std::set<Date> off, worked;
  for (const Festival& f : table) {
    for (Date d = D(f.first_off); d <= D(f.last_off); d = d.plus_days(1)) {
      EXPECT_FALSE(working(d)) << d.to_string();
      EXPECT_TRUE(f.names.contains(official()->holiday_name(d).value_or("?"))) << d.to_string();
      off.insert(d);
    }
    for (const char* w : f.worked) {
      EXPECT_TRUE(D(w).is_weekend()) << w;
      EXPECT_TRUE(working(D(w))) << w;
      worked.insert(D(w));
    }
  }
  for (Date d = Date::from_ymd(year, 1, 1); d.year() == year; d = d.plus_days(1)) {
    const bool expected = worked.contains(d) || (!off.contains(d) && !d.is_weekend());
    EXPECT_EQ(working(d), expected) << d.to_string();
  }
}

TEST(DomainRule, Item1_CalendarLoadedAsData) {
  ASSERT_CALENDAR_LOADED();
  EXPECT_TRUE(official()->covers(2025));
  EXPECT_TRUE(official()->covers(2026));
  EXPECT_LE(official()->first_year(), 2025);
  expect_year_matches(2025, k2025);
  expect_year_matches(2026, k2026);
}

TEST(DomainRule, Item2_IsWorkingDay) {
  ASSERT_CALENDAR_LOADED();
  EXPECT_TRUE(working(D("2026-02-14")));   // Saturday, 调休
  EXPECT_FALSE(working(D("2026-02-16")));  // Monday in 春节
  EXPECT_FALSE(working(D("2025-10-08")));
  EXPECT_TRUE(working(D("2025-10-11")));
}

TEST(DomainRule, Item3_AddWorkingDays) {
  ASSERT_CALENDAR_LOADED();
  EXPECT_EQ(official()->add_working_days(D("2025-09-26"), 5)->to_string(), "2025-10-10");
  EXPECT_EQ(official()->add_working_days(D("2026-02-13"), 5)->to_string(), "2026-02-27");
}

TEST(DomainRule, Item4_AddDaysRoll) {
  ASSERT_CALENDAR_LOADED();
  EXPECT_EQ(official()->add_days_roll(D("2025-09-02"), 30)->to_string(), "2025-10-09");
  EXPECT_EQ(official()->add_days_roll(D("2026-09-20"), 15)->to_string(), "2026-10-08");
  EXPECT_EQ(official()->add_days_roll(D("2026-01-30"), 15)->to_string(), "2026-02-14");
  EXPECT_EQ(official()->add_days_roll(D("2025-12-01"), 90)->to_string(), "2026-03-02");
}

TEST(DomainRule, Item5_PartialHolidays) {
  ASSERT_CALENDAR_LOADED();
  EXPECT_EQ(D("2026-06-01").weekday(), 1);
  EXPECT_TRUE(working(D("2026-06-01")));
  std::optional<PartialHoliday> children = partial_holiday(D("2026-06-01"));
  ASSERT_TRUE(children.has_value());
  EXPECT_EQ(children->name, "儿童节");
  EXPECT_EQ(children->group, "不满14周岁的少年儿童");
  EXPECT_EQ(children->days, 1);

  EXPECT_EQ(D("2025-08-01").weekday(), 5);
  EXPECT_TRUE(working(D("2025-08-01")));
  std::optional<PartialHoliday> army = partial_holiday(D("2025-08-01"));
  ASSERT_TRUE(army.has_value());
  EXPECT_EQ(army->name, "建军节");
  EXPECT_EQ(army->group, "现役军人");
  EXPECT_EQ(army->days, 0.5);

  // Counting runs straight through them, and one on a weekend is not made up on the Monday.
  EXPECT_EQ(official()->add_working_days(D("2026-05-29"), 1)->to_string(), "2026-06-01");
  EXPECT_EQ(official()->add_working_days(D("2025-07-31"), 1)->to_string(), "2025-08-01");
  EXPECT_EQ(D("2026-03-08").weekday(), 7);
  EXPECT_EQ(partial_holiday(D("2026-03-08"))->name, "妇女节");
  EXPECT_TRUE(working(D("2026-03-09")));
  EXPECT_EQ(partial_holiday(D("2026-05-04"))->group, "14周岁以上的青年");
  EXPECT_FALSE(partial_holiday(D("2026-03-09")).has_value());
}

void expect_unloaded_2027(const Status& s) {
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Code::kConflict);
  EXPECT_EQ(s.field(), "calendar");
  EXPECT_TRUE(contains(s.message(), "the holiday calendar for 2027 is not loaded (loaded: "))
      << s.message();
  EXPECT_TRUE(contains(s.message(), "–2026); load the official notice")) << s.message();
}

TEST(DomainRule, Item6_UnloadedYearIsAnError) {
  ASSERT_CALENDAR_LOADED();
  const HolidayCalendar& cal = *official();
  EXPECT_FALSE(cal.covers(2027));
  expect_unloaded_2027(cal.is_working_day(D("2027-01-04")).status());
  expect_unloaded_2027(cal.add_working_days(D("2027-01-04"), 1).status());
  expect_unloaded_2027(cal.add_days_roll(D("2027-01-04"), 1).status());
  expect_unloaded_2027(cal.add_working_days(D("2026-12-28"), 5).status());
  expect_unloaded_2027(cal.add_days_roll(D("2026-12-20"), 15).status());
  // Only reaching into 2027 is an error, not starting near it.
  EXPECT_EQ(cal.add_working_days(D("2026-12-28"), 3)->to_string(), "2026-12-31");
}

TEST(Date, ParseAndFormatRoundTrip) {
  for (const char* text : {"1970-01-01", "2000-02-29", "2024-02-29", "2025-12-31", "0001-01-01",
                           "9999-12-31", "1969-12-31", "1900-03-01"}) {
    EXPECT_EQ(D(text).to_string(), text);
  }
  for (int32_t days = -719162; days <= 2932896; days += 97) {
    const Date d = Date::from_days_since_epoch(days);
    EXPECT_EQ(Date::from_ymd(d.year(), d.month(), d.day()), d);
    Result<Date> again = Date::parse(d.to_string());
    ASSERT_TRUE(again.ok()) << d.to_string();
    ASSERT_EQ(*again, d);
  }
  EXPECT_EQ(D("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(D("2026-02-14").days_since_epoch(), 20498);
  EXPECT_EQ(D("2026-02-14").year(), 2026);
  EXPECT_EQ(D("2026-02-14").month(), 2u);
  EXPECT_EQ(D("2026-02-14").day(), 14u);
  EXPECT_EQ(D("2025-12-31").plus_days(1).to_string(), "2026-01-01");
  EXPECT_EQ(D("2024-03-01").plus_days(-1).to_string(), "2024-02-29");
  EXPECT_LT(D("2025-12-31"), D("2026-01-01"));
  EXPECT_EQ(Date::from_ymd(2026, 2, 14), D("2026-02-14"));
}

TEST(Date, ParseRejectsWhatIsNotADay) {
  for (const char* text :
       {"2026-02-29", "2025-13-01", "2025-1-1", "", "2026-02-30", "1900-02-29", "2025-00-10",
        "2025-04-31", "2025-01-00", "2025/01/01", "2025-01-01 ", "+025-01-01", "２０２５-01-01"}) {
    Result<Date> d = Date::parse(text);
    EXPECT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.status().code(), Code::kInvalidArgument) << text;
    EXPECT_EQ(d.status().field(), "date") << text;
  }
}

TEST(Date, IsoWeekday) {
  EXPECT_EQ(D("1970-01-01").weekday(), 4);
  EXPECT_EQ(D("1969-12-31").weekday(), 3);
  EXPECT_EQ(D("1969-12-28").weekday(), 7);
  EXPECT_EQ(D("2000-02-29").weekday(), 2);
  EXPECT_EQ(D("2025-09-29").weekday(), 1);
  EXPECT_EQ(D("2026-02-14").weekday(), 6);
  EXPECT_EQ(D("2026-03-01").weekday(), 7);
  EXPECT_TRUE(D("2026-03-01").is_weekend());
  EXPECT_FALSE(D("2026-02-27").is_weekend());
}

TEST(Date, ChinaMidnightIsSixteenHundredUtc) {
  const int64_t midnight = 1771084800000;  // 2026-02-14T16:00:00Z = 2026-02-15 00:00 in China
  EXPECT_EQ(date_in_china(midnight - 1).to_string(), "2026-02-14");
  EXPECT_EQ(date_in_china(midnight).to_string(), "2026-02-15");
  EXPECT_EQ(china_end_of_day_ms(D("2026-02-14")), midnight - 1);
  EXPECT_EQ(china_start_of_day_ms(D("2026-02-15")), midnight);
  EXPECT_EQ(date_in_china(china_start_of_day_ms(D("2026-02-15"))), D("2026-02-15"));
  EXPECT_EQ(date_in_china(china_end_of_day_ms(D("2026-02-15"))), D("2026-02-15"));
  // Before the epoch: 1970-01-01T00:00Z is already 08:00 in China.
  EXPECT_EQ(date_in_china(-1).to_string(), "1970-01-01");
  EXPECT_EQ(date_in_china(-8 * 3600000).to_string(), "1970-01-01");
  EXPECT_EQ(date_in_china(-8 * 3600000 - 1).to_string(), "1969-12-31");
}

constexpr std::string_view kSmall =
    "# a year with one festival\n"
    "date,kind,name\n"
    "2030-02-04,holiday,春节\n"
    "2030-02-02,workday,春节\n"
    "\r\n"
    "2030-02-05,holiday,春节\r\n";

TEST(Calendar, ParsesInlineCsv) {
  Result<HolidayCalendar> cal = HolidayCalendar::parse(kSmall);
  ASSERT_TRUE(cal.ok()) << cal.status().to_string();
  EXPECT_EQ(cal->first_year(), 2030);
  EXPECT_EQ(cal->last_year(), 2030);
  EXPECT_TRUE(cal->covers(2030));
  EXPECT_FALSE(cal->covers(2029));
  EXPECT_EQ(*cal->is_working_day(D("2030-02-02")), true);   // Saturday, 调休
  EXPECT_EQ(*cal->is_working_day(D("2030-02-03")), false);  // Sunday
  EXPECT_EQ(*cal->is_working_day(D("2030-02-04")), false);  // Monday, holiday
  EXPECT_EQ(*cal->is_working_day(D("2030-02-06")), true);   // Wednesday
  EXPECT_EQ(cal->holiday_name(D("2030-02-02")), "春节");
  EXPECT_EQ(cal->holiday_name(D("2030-02-06")), std::nullopt);
  EXPECT_EQ(cal->add_working_days(D("2030-02-01"), 2)->to_string(), "2030-02-06");
  EXPECT_EQ(cal->roll_forward(D("2030-02-02"))->to_string(), "2030-02-02");
  EXPECT_EQ(cal->roll_forward(D("2030-02-03"))->to_string(), "2030-02-06");
  EXPECT_EQ(cal->add_days_roll(D("2030-02-01"), 0)->to_string(), "2030-02-01");
  EXPECT_FALSE(cal->add_working_days(D("2030-02-01"), 0).ok());
  EXPECT_FALSE(cal->add_days_roll(D("2030-02-01"), -1).ok());

  Status s = cal->is_working_day(D("2031-01-02")).status();
  EXPECT_EQ(s.field(), "calendar");
  EXPECT_TRUE(contains(s.message(), "for 2031 is not loaded (loaded: 2030);")) << s.message();
  EXPECT_EQ(cal->add_working_days(D("2030-12-30"), 1)->to_string(), "2030-12-31");
  EXPECT_FALSE(cal->add_working_days(D("2030-12-30"), 2).ok());
}

TEST(Calendar, CoveredYearsMayHaveGaps) {
  Result<HolidayCalendar> cal = HolidayCalendar::parse(
      "date,kind,name\n2030-01-01,holiday,元旦\n2032-01-01,holiday,元旦\n2033-01-01,holiday,"
      "元旦\n");
  ASSERT_TRUE(cal.ok()) << cal.status().to_string();
  EXPECT_FALSE(cal->covers(2031));
  Status s = cal->is_working_day(D("2031-06-02")).status();
  EXPECT_TRUE(contains(s.message(), "(loaded: 2030, 2032–2033)")) << s.message();
}

void expect_bad_csv(std::string_view csv, std::string_view where) {
  Result<HolidayCalendar> cal = HolidayCalendar::parse(csv);
  ASSERT_FALSE(cal.ok()) << csv;
  EXPECT_EQ(cal.status().field(), "calendar");
  EXPECT_TRUE(contains(cal.status().message(), where)) << cal.status().message();
}

TEST(Calendar, ParseErrorsNameTheLine) {
  expect_bad_csv("", "no header");
  expect_bad_csv("# only a comment\n", "no header");
  expect_bad_csv("date,kind,name\n", "no rows");
  expect_bad_csv("day,kind,name\n2030-01-01,holiday,元旦\n", "line 1: expected the header");
  expect_bad_csv("# c\ndate,kind,name\n2030-01-01,holiday,元旦\n2030-02-30,holiday,春节\n",
                 "line 4: \"2030-02-30\" is not a day");
  expect_bad_csv("date,kind,name\n2030-01-01,holiday\n", "line 2: 2 fields, expected 3");
  expect_bad_csv("date,kind,name\n2030-01-01,holiday,元旦\n2030-01-02,rest,元旦\n",
                 "line 3: kind \"rest\"");
  expect_bad_csv("date,kind,name\n2030-01-01,holiday,\n", "line 2: the festival name is empty");
  expect_bad_csv(
      "date,kind,name\n2030-01-05,holiday,元旦\n2030-01-01,holiday,元旦\n"
      "2030-01-05,workday,元旦\n",
      "line 4: 2030-01-05 is listed twice");
  // A 调休 working day makes up for a weekday off: it falls on a Saturday or a Sunday.
  expect_bad_csv("date,kind,name\n2030-01-01,holiday,元旦\n2030-01-02,workday,元旦\n",
                 "line 3: 2030-01-02 is a Wednesday: a 调休 working day (workday) is a Saturday "
                 "or a Sunday");
  expect_bad_csv("date,kind,name\n2030-01-01,holiday,\"元旦\n", "quote opened on line 2");
}

TEST(Calendar, LoadReportsAMissingFile) {
  Result<HolidayCalendar> cal = HolidayCalendar::load("/nonexistent/holidays.csv");
  ASSERT_FALSE(cal.ok());
  EXPECT_EQ(cal.status().code(), Code::kNotFound);
  EXPECT_EQ(cal.status().field(), "calendar");
  EXPECT_TRUE(contains(cal.status().message(), "/nonexistent/holidays.csv"));
}

TEST(Calendar, LaterFilesReplaceWholeYears) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("shegong-calendar-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&dir](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const std::string package = write("holidays.csv",
                                    "date,kind,name\n2030-01-01,holiday,元旦\n2030-02-02,workday,"
                                    "春节\n2031-01-01,holiday,元旦\n");
  const std::string local =
      write("local.csv",
            "# a notice not yet in the package\ndate,kind,name\n2031-01-02,holiday,元旦调"
            "整\n2032-01-01,holiday,元旦\n");
  Result<HolidayCalendar> cal = HolidayCalendar::load(std::vector<std::string>{package, local});
  ASSERT_TRUE(cal.ok()) << cal.status().to_string();
  EXPECT_EQ(cal->years(), "2030–2032");
  EXPECT_FALSE(*cal->is_working_day(D("2030-01-01")));  // 2030 stays as the package has it
  EXPECT_TRUE(*cal->is_working_day(D("2030-02-02")));   // a 调休 Saturday
  EXPECT_TRUE(*cal->is_working_day(D("2031-01-01")));   // 2031 is the later file's, whole
  EXPECT_FALSE(*cal->is_working_day(D("2031-01-02")));
  EXPECT_EQ(cal->holiday_name(D("2031-01-02")), "元旦调整");
  EXPECT_FALSE(*cal->is_working_day(D("2032-01-01")));
  Status beyond = cal->is_working_day(D("2033-01-03")).status();
  EXPECT_TRUE(contains(beyond.message(), "(loaded: 2030–2032)")) << beyond.message();

  // One file alone is the same as loading it; a bad or missing later file is named.
  EXPECT_EQ(HolidayCalendar::load(std::vector<std::string>{package})->years(), "2030–2031");
  const std::string bad = write("bad.csv", "date,kind,name\n2031-13-01,holiday,元旦\n");
  Result<HolidayCalendar> refused = HolidayCalendar::load(std::vector<std::string>{package, bad});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().field(), "calendar");
  EXPECT_TRUE(contains(refused.status().message(), "bad.csv: line 2"))
      << refused.status().message();
  Result<HolidayCalendar> missing =
      HolidayCalendar::load(std::vector<std::string>{package, (dir / "none.csv").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(contains(missing.status().message(), "none.csv"));
  EXPECT_FALSE(HolidayCalendar::load(std::vector<std::string>{}).ok());
  std::filesystem::remove_all(dir);
}

// A year's notice added while deadlines are counted: questions about that year that were refused
// get answers, answers about the years before do not change, and a loaded year is never replaced.
TEST(HolidayCalendar, AYearAddedWhileInUseAnswersWhatWasRefusedAndChangesNothingElse) {
  auto cal = HolidayCalendar::parse("date,kind,name\n2039-01-03,holiday,元旦\n");
  ASSERT_TRUE(cal.ok()) << cal.status().to_string();
  auto before = cal->add_working_days(D("2039-12-28"), 2);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(cal->add_working_days(D("2039-12-28"), 5).ok());  // reaches into 2040
  const HolidayCalendar copy = *cal;

  auto notice =
      HolidayCalendar::parse("date,kind,name\n2040-01-02,holiday,元旦\n2040-01-07,workday,元旦\n");
  ASSERT_TRUE(notice.ok()) << notice.status().to_string();
  ASSERT_TRUE(cal->add_years(*notice).ok());
  EXPECT_EQ(cal->years(), "2039–2040");
  EXPECT_EQ(*cal->add_working_days(D("2039-12-28"), 2), *before);
  // Thu 29, Fri 30, Mon 2 off, Tue 3, Wed 4, Thu 5.
  auto after = cal->add_working_days(D("2039-12-28"), 5);
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  EXPECT_EQ(after->to_string(), "2040-01-05");
  EXPECT_TRUE(*cal->is_working_day(D("2040-01-07")));
  EXPECT_EQ(cal->holiday_name(D("2040-01-02")), "元旦");
  EXPECT_FALSE(copy.covers(2040));  // a copy taken before keeps what it had

  auto again = HolidayCalendar::parse(
      "date,kind,name\n2039-10-01,holiday,国庆节\n"
      "2041-01-01,holiday,元旦\n");
  ASSERT_TRUE(again.ok());
  Status refused = cal->add_years(*again);
  EXPECT_EQ(refused.code(), Code::kConflict);
  EXPECT_EQ(refused.field(), "year");
  EXPECT_TRUE(contains(refused.message(), "2039")) << refused.message();
  EXPECT_EQ(cal->years(), "2039–2040");  // 2041 was not added either
  EXPECT_FALSE(cal->holiday_name(D("2039-10-01")).has_value());
}

}  // namespace
}  // namespace shegong
