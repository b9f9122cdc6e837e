#include "base/calendar_review.h"

#include <algorithm>

namespace shegong {
namespace {

constexpr const char* kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string day_text(Date d) { return d.to_string() + " " + kWeekdayNames[d.weekday() - 1]; }

bool named_in(const std::vector<CalendarBreak>& breaks, std::string_view stem) {
  return std::any_of(breaks.begin(), breaks.end(), [stem](const CalendarBreak& b) {
    return b.name.find(stem) != std::string::npos;
  });
}

// Adds a festival's name to its break's once: "国庆节" then "中秋" make "国庆节、中秋".
void add_name(CalendarBreak& b, const std::string& name) {
  if (("、" + b.name + "、").find("、" + name + "、") != std::string::npos) return;
  b.name += (b.name.empty() ? "" : "、") + name;
}

void warn_against_the_measures(CalendarYearReview& r) {
  for (const char* stem : kStatutoryFestivals) {
    if (named_in(r.breaks, stem)) continue;
    // 中秋 (the 15th of the 8th lunar month) can fall inside the 国庆 break, which the notice
    // then makes longer; a break of 8 days or more there holds it under 国庆节's name.
    if (std::string_view(stem) == "中秋" &&
        std::any_of(r.breaks.begin(), r.breaks.end(), [](const CalendarBreak& b) {
          return b.name.find("国庆") != std::string::npos && b.days >= 8;
        }))
      continue;
    r.warnings.push_back("no day off is named for " + std::string(stem) +
                         ": every year has one (放假办法 Art. 2)");
  }
  if (r.net_days_off() != kStatutoryDaysOff) {
    r.warnings.push_back(
        std::to_string(r.weekdays_off) + " weekdays off less " +
        std::to_string(r.makeup_workdays.size()) + " 调休 working days make " +
        std::to_string(r.net_days_off()) + " days off, where the 放假办法 gives " +
        std::to_string(kStatutoryDaysOff) +
        " (a festival day on a weekend is made up on a weekday): check the notice for a day "
        "missing, added or of the wrong kind");
  }
}

}  // namespace

CalendarYearReview review_year(const HolidayCalendar& calendar, int year) {
  CalendarYearReview r;
  r.year = year;
  r.covered = calendar.covers(year);
  if (!r.covered) {
    r.warnings.push_back("the holiday calendar for " + std::to_string(year) +
                         " is not loaded: deadlines that reach into it are refused");
    return r;
  }
  for (const HolidayCalendar::Day& day : calendar.days_of(year)) {
    if (day.workday) {
      r.makeup_workdays.push_back(day);
      continue;
    }
    r.weekdays_off += !day.date.is_weekend();
    if (r.breaks.empty() || r.breaks.back().last.plus_days(1) != day.date)
      r.breaks.push_back({"", day.date, day.date, 0});
    CalendarBreak& b = r.breaks.back();
    add_name(b, day.name);
    b.last = day.date;
    ++b.days;
  }
  if (year >= kReviewedFromYear) warn_against_the_measures(r);
  return r;
}

std::vector<CalendarWarning> calendar_warnings(const HolidayCalendar& calendar, int from_year) {
  std::vector<CalendarWarning> out;
  for (int year : calendar.covered_years()) {
    if (year < from_year) continue;
    for (const std::string& w : review_year(calendar, year).warnings)
      out.push_back({year, "the holiday calendar for " + std::to_string(year) + ": " + w});
  }
  return out;
}

std::string describe(const CalendarYearReview& r) {
  std::string out = std::to_string(r.year) + ":\n";
  if (!r.covered) return out + "  warning: " + r.warnings.front() + "\n";
  for (const CalendarBreak& b : r.breaks) {
    out += "  " + b.name + "  " + day_text(b.first);
    if (b.last != b.first) out += " – " + day_text(b.last);
    out += "  " + std::to_string(b.days) + (b.days == 1 ? " day off\n" : " days off\n");
  }
  out += "  调休 working days:";
  if (r.makeup_workdays.empty()) out += " none";
  for (const HolidayCalendar::Day& d : r.makeup_workdays)
    out += " " + day_text(d.date) + " (" + d.name + ")";
  out += "\n  " + std::to_string(r.weekdays_off) + " weekdays off less " +
         std::to_string(r.makeup_workdays.size()) +
         " 调休 working days: " + std::to_string(r.net_days_off()) + " days off\n";
  for (const std::string& w : r.warnings) out += "  warning: " + w + "\n";
  return out;
}

}  // namespace shegong
