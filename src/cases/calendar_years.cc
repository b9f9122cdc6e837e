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

Result<StoredCalendarYears> add_stored_calendar_years(db::Db& db, HolidayCalendar& calendar) {
  std::vector<std::pair<int, std::string>> rows;
  Status read = db.read([&](db::Session& s) {
    auto r = s.query("SELECT year, csv FROM calendar_years ORDER BY year", {});
    if (!r.ok()) return r.status();
    for (const db::Row& row : *r) rows.emplace_back(static_cast<int>(row.integer(0)), row.text(1));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  StoredCalendarYears out;
  for (const auto& [year, csv] : rows) {
    if (calendar.covers(year)) {
      out.already_covered.push_back(year);
      continue;
    }
    auto notice = HolidayCalendar::parse(csv);
    Status added = notice.ok() ? calendar.add_years(*notice) : notice.status();
    if (added.code() == Code::kConflict && added.field() == "year") continue;  // added meanwhile
    if (!added.ok()) {
      return Invalid("calendar", "the holiday calendar for " + std::to_string(year) +
                                     " stored in the database does not load: " + added.message());
    }
    out.added.push_back(year);
  }
  return out;
}

}  // namespace shegong::cases
