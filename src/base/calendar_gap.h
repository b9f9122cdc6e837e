// The end of the loaded holiday calendar as the coming deadlines will meet it. Each year's notice
// is published around November of the year before; until it is loaded, every deadline reaching
// into that year is refused (DOMAIN item 6). The server warns at start, and GET /api/v1/calendar
// tells the screens, while there is still time to load it.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "base/calendar.h"

namespace shegong {

// The periods, in days, that the server counts most often: the hotline's general and complex
// handling limits (7, 15), a petition's acceptance notice (15) and its handling (60). With a
// 30-day extension a petition's handling reaches 90 days, the horizon below.
inline constexpr int kCalendarGapPeriods[] = {7, 15, 60};
inline constexpr int kCalendarGapHorizonDays = 90;

struct CalendarGap {
  int year = 0;       // the first year from today's on that is not loaded
  Date last_covered;  // the day before it begins
  // For each period of kCalendarGapPeriods: the first start day from which a period of that many
  // calendar days ends in `year` and is refused (a roll past rest days can bring it a few days
  // earlier). A day before `today` means periods starting today are refused already.
  std::vector<std::pair<int, Date>> refused_from;
};

// The gap when a year from today's on is not loaded and begins within `horizon_days` of today;
// nothing while the calendar reaches far enough.
std::optional<CalendarGap> calendar_gap(const HolidayCalendar& calendar, Date today,
                                        int horizon_days = kCalendarGapHorizonDays);

// One line for people: "the holiday calendar for 2027 is not loaded: from 2026-12-17 a 15-day
// limit ends in 2027 and is refused; 60-day limits are refused already ...".
std::string describe(const CalendarGap& gap, Date today);

}  // namespace shegong
