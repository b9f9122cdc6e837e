// shegong calendar check: the holiday calendar as the server would load it, year by year, for a
// person to hold against the State Council notice before restarting the server with a year typed
// into data/calendar/local.csv. A file that does not load is an error naming the line; a year that
// disagrees with the 放假办法 (calendar_review.h) is a warning and exit status 2.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "base/calendar.h"
#include "base/calendar_review.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "cli/subcommands.h"

namespace shegong::cli {

namespace {

struct CalendarCheckArgs {
  std::vector<std::string> calendars;  // empty: calendar_files({})
  std::vector<int> years;              // empty: this year through the last loaded one
};

int run_check(const CalendarCheckArgs& args) {
  const std::vector<std::string> files = calendar_files(args.calendars);
  auto calendar = HolidayCalendar::load(files);
  if (!calendar.ok()) return fail(calendar.status());
  std::cout << "holiday calendar " << calendar->years() << " from";
  for (const std::string& f : files) std::cout << " " << f;
  std::cout << "\n";

  std::vector<int> years = args.years;
  if (years.empty()) {
    const int this_year = date_in_china(SystemClock::instance().now_ms()).year();
    for (int y = this_year; y <= std::max(this_year, calendar->last_year()); ++y)
      years.push_back(y);
  }
  size_t warnings = 0;
  for (int year : years) {
    const CalendarYearReview review = review_year(*calendar, year);
    std::cout << describe(review);
    warnings += review.warnings.size();
  }
  if (warnings == 0) {
    std::cout << "ok\n";
    return 0;
  }
  std::cerr << "shegong: calendar: " << warnings << (warnings == 1 ? " warning" : " warnings")
            << "; compare the year with the State Council's notice\n";
  return 2;
}

}  // namespace

void add_calendar_commands(CLI::App& app, CommandRunner* chosen) {
  auto* calendar = app.add_subcommand("calendar", "The holiday calendar deadlines are counted by");
  calendar->require_subcommand(1);
  auto args = std::make_shared<CalendarCheckArgs>();
  auto* check = calendar->add_subcommand(
      "check",
      "Load the calendar files as serve does and show each year's breaks and 调休 working days; "
      "exit 2 when a year disagrees with the 放假办法");
  check->add_option("--calendar", args->calendars, "Holiday calendar files, as for serve");
  check->add_option("--year", args->years, "Year to show (repeatable; default: this year on)")
      ->check(CLI::Range(1900, 9999));
  check->callback([args, chosen] { *chosen = [args] { return run_check(*args); }; });
}

}  // namespace shegong::cli
