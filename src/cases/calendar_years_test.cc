#include "cases/calendar_years.h"

#include <gtest/gtest.h>

#include "db/test_db.h"

namespace shegong::cases {
namespace {

HolidayCalendar calendar_of(const std::string& csv) {
  auto cal = HolidayCalendar::parse(csv);
  EXPECT_TRUE(cal.ok()) << cal.status().to_string();
  return cal.ok() ? *cal : *HolidayCalendar::parse("date,kind,name\n2000-01-01,holiday,元旦\n");
}

Status store(db::Db& db, int year, const std::string& csv) {
  return db.write([&](db::Session& s) { return store_calendar_year(s, year, csv, 1, "user:1"); });
}

TEST(CalendarYears, AStoredYearIsWrittenInTheFileFormAndStoredOnce) {
  db::TestDb db;
  const HolidayCalendar notice = calendar_of(
      "date,kind,name\n2040-01-07,workday,元旦\n2040-01-02,holiday,元旦\n2041-01-01,holiday,"
      "元旦\n");
  const std::string csv = calendar_year_csv(notice, 2040);
  EXPECT_EQ(csv, "date,kind,name\n2040-01-02,holiday,元旦\n2040-01-07,workday,元旦\n");
  ASSERT_TRUE(store(*db, 2040, csv).ok());
  Status twice = store(*db, 2040, csv);
  EXPECT_EQ(twice.code(), Code::kConflict);
  EXPECT_EQ(twice.field(), "year");
}

// At start the calendar files come first: a stored year they carry is left out, one they lack
// is added; a stored year that no longer reads as a calendar stops the start, naming the year.
TEST(CalendarYears, StoredYearsFillWhatTheFilesLack) {
  db::TestDb db;
  ASSERT_TRUE(store(*db, 2039, "date,kind,name\n2039-01-03,holiday,元旦\n").ok());
  ASSERT_TRUE(store(*db, 2040, "date,kind,name\n2040-01-02,holiday,元旦\n").ok());
  HolidayCalendar files = calendar_of("date,kind,name\n2039-01-01,holiday,元旦\n");
  auto added = add_stored_calendar_years(*db, files);
  ASSERT_TRUE(added.ok()) << added.status().to_string();
  EXPECT_EQ(added->added, std::vector<int>{2040});
  EXPECT_EQ(added->already_covered, std::vector<int>{2039});
  EXPECT_EQ(files.years(), "2039–2040");
  EXPECT_EQ(files.holiday_name(*Date::parse("2039-01-01")), "元旦");  // the file's 2039
  EXPECT_FALSE(files.holiday_name(*Date::parse("2039-01-03")).has_value());
  EXPECT_FALSE(*files.is_working_day(*Date::parse("2040-01-02")));

  ASSERT_TRUE(store(*db, 2041, "date,kind,name\n2041-13-01,holiday,元旦\n").ok());
  HolidayCalendar again = calendar_of("date,kind,name\n2039-01-01,holiday,元旦\n");
  auto broken = add_stored_calendar_years(*db, again);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().field(), "calendar");
  EXPECT_NE(broken.status().message().find("2041"), std::string::npos) << broken.status().message();
}

}  // namespace
}  // namespace shegong::cases
