// Holiday notices loaded while the server runs. Once the State Council publishes next year's
// notice, an admin types it in (POST /api/v1/calendar/years) instead of editing a file and
// restarting: the year is stored in the database, in the calendar file's form, and added to the
// calendar in use. At the next start the calendar files come first (the package, then
// data/calendar/local.csv), and a stored year is added only if they lack it: a correction of a
// stored year goes into local.csv, and a package that has caught up takes over.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "db/db.h"

namespace shegong::cases {

// The rows of `year` in the calendar file's form: the header "date,kind,name", then a line a day.
std::string calendar_year_csv(const HolidayCalendar& calendar, int year);

// Stores the notice of `year`; Conflict (field "year") when one is stored already.
Status store_calendar_year(db::Session& s, int year, const std::string& csv, int64_t now_ms,
                           const std::string& actor);

// A notice as stored: the year, its rows in the file's form, who loaded it and when.
struct StoredCalendarYear {
  int year = 0;
  std::string csv;
  int64_t loaded_at_ms = 0;
  std::string loaded_by;  // an actor, "user:12"
};

Result<std::vector<StoredCalendarYear>> read_stored_calendar_years(db::Session& s);

struct StoredCalendarYears {
  std::vector<int> added;  // stored years the calendar lacked, now in it
  // Stored years the calendar has already: at start, those the calendar files carry, which are
  // used instead.
  std::vector<int> already_covered;
};

// Adds to `calendar` the stored years it lacks: at start, and while serving, for a year another
// process on the same database loaded. A stored year that no longer reads as a calendar is an
// error naming it (field "calendar").
Result<StoredCalendarYears> add_stored_calendar_years(const std::vector<StoredCalendarYear>& stored,
                                                      HolidayCalendar& calendar);
// The same, reading them first.
Result<StoredCalendarYears> add_stored_calendar_years(db::Db& db, HolidayCalendar& calendar);

}  // namespace shegong::cases
