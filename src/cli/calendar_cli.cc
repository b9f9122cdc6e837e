// shegong calendar check: the holiday calendar as the server would load it, year by year, for a
// person to hold against the State Council notice before restarting the server with a year typed
// into data/calendar/local.csv. A file that does not load is an error naming the line; a year that
// disagrees with the 放假办法 (calendar_review.h) is a warning and exit status 2. With --db, the
// years admins loaded into that database (节假日安排) count too, as the server takes them: after
// the files, for the years the files lack.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "auth/actor_names.h"
#include "base/calendar.h"
#include "base/calendar_review.h"
#include "base/clock.h"
#include "cases/calendar_years.h"
#include "cli/commands.h"
#include "cli/subcommands.h"

namespace shegong::cli {

namespace {

struct CalendarCheckArgs {
  std::vector<std::string> calendars;  // empty: calendar_files({})
  std::vector<int> years;              // empty: this year through the last loaded one
  std::string db_path;                 // empty: the files only
};

// The database's stored years, each with who loaded it, added to `calendar` where it lacks them;
// prints what was taken and what the files carry instead.
Status add_years_of(const std::string& db_path, HolidayCalendar& calendar) {
  auto existing = open_existing(db_path);
  if (!existing.ok()) return existing.status();
  auto has_years = db::has_table(*existing->db, "calendar_years");
  if (!has_years.ok()) return Status(has_years.status().code(), has_years.status().message(), "db");
  if (!*has_years) {
    std::cout << "the database " << db_path << " keeps no loaded years (schema version "
              << existing->schema_version << ")\n";
    return Status::Ok();
  }
  std::vector<cases::StoredCalendarYear> stored;
  std::vector<std::string> who;
  SHEGONG_RETURN_IF_ERROR(existing->db->read([&](db::Session& s) {
    auto rows = cases::read_stored_calendar_years(s);
    if (!rows.ok()) return rows.status();
    stored = std::move(rows).value();
    for (const cases::StoredCalendarYear& y : stored)
      who.push_back(auth::actor_display_name(s, y.loaded_by, SystemClock::instance().now_ms()));
    return Status::Ok();
  }));
  auto taken = cases::add_stored_calendar_years(stored, calendar);
  if (!taken.ok()) return Status(taken.status().code(), taken.status().message(), "db");
  if (stored.empty()) std::cout << "the database " << db_path << " holds no loaded years\n";
  for (size_t i = 0; i < stored.size(); ++i) {
    const cases::StoredCalendarYear& y = stored[i];
    const bool added = std::ranges::find(taken->added, y.year) != taken->added.end();
    std::cout << y.year << " loaded into the database on "
              << date_in_china(y.loaded_at_ms).to_string() << " by " << who[i]
              << (added ? "" : "; not used: the files carry the year, and they come first") << "\n";
  }
  return Status::Ok();
}

int run_check(const CalendarCheckArgs& args) {
  const std::vector<std::string> files = calendar_files(args.calendars);
  auto calendar = HolidayCalendar::load(files);
  if (!calendar.ok()) return fail(calendar.status());
  std::cout << "holiday calendar " << calendar->years() << " from";
  for (const std::string& f : files) std::cout << " " << f;
  std::cout << "\n";
  if (!args.db_path.empty()) {
    const std::string from_files = calendar->years();
    if (Status added = add_years_of(args.db_path, *calendar); !added.ok()) return fail(added);
    if (calendar->years() != from_files)
      std::cout << "holiday calendar " << calendar->years() << " with the database's years\n";
  }

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
  check->add_option("--db", args->db_path,
                    "Also the years admins loaded into this database (an SQLite file or a "
                    "postgresql:// URL), as serve takes them");
  check->add_option("--year", args->years, "Year to show (repeatable; default: this year on)")
      ->check(CLI::Range(1900, 9999));
  check->callback([args, chosen] { *chosen = [args] { return run_check(*args); }; });
}

}  // namespace shegong::cli
