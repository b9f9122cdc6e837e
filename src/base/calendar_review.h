// A year of the holiday calendar as a person checks it against the State Council notice: its
// breaks, its 调休 working days and the count the 放假办法 fixes. The package's years are the
// notice in machine form; a year typed by hand into data/calendar/local.csv (a notice the package
// does not carry yet) is where a missing or mistyped day would silently move every deadline of
// that year, so `shegong calendar check` prints this review and the server warns at start.
//
// The review never changes the calendar (DOMAIN item 1: it is data, not derived from the 办法);
// its warnings say where the typed year disagrees with the 办法 in force since 2025.
#pragma once

#include <string>
#include <vector>

#include "base/calendar.h"

namespace shegong {

// The 放假办法 as revised by the State Council on 2024-11-10, in force from 2025-01-01: 13 days
// off for everyone a year (元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆节 3), a day that
// falls on a weekend made up on a weekday (DOMAIN 7.1). Years before are not reviewed: their
// count was 11, with exceptions (2015's commemoration day), and the package holds them as issued.
inline constexpr int kReviewedFromYear = 2025;
inline constexpr int kStatutoryDaysOff = 13;
inline constexpr const char* kStatutoryFestivals[] = {"元旦", "春节", "清明", "劳动",
                                                      "端午", "中秋", "国庆"};

// Consecutive days off, whatever their names: 国庆节 and a 中秋 inside it are one break.
struct CalendarBreak {
  std::string name;  // the rows' names in order, "国庆节、中秋"
  Date first, last;
  int days = 0;
};

struct CalendarYearReview {
  int year = 0;
  bool covered = false;  // a year not loaded has only its warning
  std::vector<CalendarBreak> breaks;
  std::vector<HolidayCalendar::Day> makeup_workdays;  // the 调休 working days
  int weekdays_off = 0;                               // days off that fall Monday to Friday
  // Weekdays off less 调休 working days: the statutory days off, 13 since 2025.
  int net_days_off() const { return weekdays_off - static_cast<int>(makeup_workdays.size()); }
  std::vector<std::string> warnings;  // empty for a year that agrees with the 办法
};

// The review of one year; a year that is not loaded has a warning saying so, whatever the year.
CalendarYearReview review_year(const HolidayCalendar& calendar, int year);

// The warnings of the covered years from `from_year` on, each led by its year: "the holiday
// calendar for 2027: no day off is named for 端午 ...". The server prints them at start.
struct CalendarWarning {
  int year;
  std::string message;
};
std::vector<CalendarWarning> calendar_warnings(const HolidayCalendar& calendar, int from_year);

// "2027: ..." lines, the breaks, the 调休 days and the count, then "warning: ..." lines.
std::string describe(const CalendarYearReview& review);

}  // namespace shegong
