#include "cases/calendar_years.h"

namespace shegong::cases {

std::string calendar_year_csv(const HolidayCalendar& calendar, int year) {
  std::string out = "date,kind,name\n";
  for (const HolidayCalendar::Day& d : calendar.days_of(year)) {
    out += d.date.to_string() + (d.workday ? ",workday," : ",holiday,") + d.name + "\n";
  }
  return out;
}

Status store_calendar_year(db::Session& s, int year, const std::string& csv, int64_t now_ms,
                           const std::string& actor) {
  auto stored = s.exec(
      "INSERT INTO calendar_years(year, csv, loaded_at_ms, loaded_by) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(year) DO NOTHING",
      {int64_t{year}, csv, now_ms, actor});
  if (!stored.ok()) return stored.status();
  if (*stored == 0) {
    return Conflict("the holiday calendar for " + std::to_string(year) + " is loaded already",
                    "year");
  }
  return Status::Ok();
}

Result<std::vector<StoredCalendarYear>> read_stored_calendar_years(db::Session& s) {
  auto rows =
      s.query("SELECT year, csv, loaded_at_ms, loaded_by FROM calendar_years ORDER BY year", {});
  if (!rows.ok()) return rows.status();
  std::vector<StoredCalendarYear> out;
  for (const db::Row& r : *rows) {
    out.push_back({static_cast<int>(r.integer(0)), r.text(1), r.integer(2), r.text(3)});
  }
  return out;
}

Result<StoredCalendarYears> add_stored_calendar_years(const std::vector<StoredCalendarYear>& stored,
                                                      HolidayCalendar& calendar) {
  StoredCalendarYears out;
  for (const StoredCalendarYear& y : stored) {
    if (calendar.covers(y.year)) {
      out.already_covered.push_back(y.year);
      continue;
    }
    auto notice = HolidayCalendar::parse(y.csv);
    Status added = notice.ok() ? calendar.add_years(*notice) : notice.status();
    if (!added.ok() && calendar.covers(y.year)) continue;  // another request added it meanwhile
    if (!added.ok()) {
      return Invalid("calendar", "the holiday calendar for " + std::to_string(y.year) +
                                     " stored in the database does not load: " + added.message());
    }
    out.added.push_back(y.year);
  }
  return out;
}

Result<StoredCalendarYears> add_stored_calendar_years(db::Db& db, HolidayCalendar& calendar) {
  std::vector<StoredCalendarYear> stored;
  Status read = db.read([&](db::Session& s) {
    auto rows = read_stored_calendar_years(s);
    if (!rows.ok()) return rows.status();
    stored = std::move(rows).value();
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return add_stored_calendar_years(stored, calendar);
}

}  // namespace shegong::cases
