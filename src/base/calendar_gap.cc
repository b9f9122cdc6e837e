#include "base/calendar_gap.h"

namespace shegong {

std::optional<CalendarGap> calendar_gap(const HolidayCalendar& calendar, Date today,
                                        int horizon_days) {
  const Date horizon = today.plus_days(horizon_days);
  for (int year = today.year(); year <= horizon.year(); ++year) {
    if (calendar.covers(year)) continue;
    CalendarGap gap;
    gap.year = year;
    gap.last_covered = Date::from_ymd(year, 1, 1).plus_days(-1);
    for (int days : kCalendarGapPeriods)
      gap.refused_from.emplace_back(days, gap.last_covered.plus_days(1 - days));
    return gap;
  }
  return std::nullopt;
}

std::string describe(const CalendarGap& gap, Date today) {
  const std::string year = std::to_string(gap.year);
  std::string already, coming;
  for (const auto& [days, from] : gap.refused_from) {
    const std::string period = std::to_string(days) + "-day";
    if (from <= today)
      already += (already.empty() ? "" : ", ") + period;
    else
      coming += (coming.empty() ? "" : "; ") + period + " limits from " + from.to_string();
  }
  std::string out = "the holiday calendar for " + year + " is not loaded, so deadlines in " + year +
                    " are refused";
  if (!already.empty()) out += ": " + already + " limits counted from today already";
  if (!coming.empty()) out += (already.empty() ? ": " : "; ") + coming;
  return out + ". Load the State Council's notice for " + year +
         " on the 节假日安排 screen, no restart needed (README, \"Next year's holidays\")";
}

}  // namespace shegong
