#include "base/calendar.h"

#include <algorithm>
#include <cstdio>

#include "base/csv.h"

namespace shegong {
namespace {

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms": eras of 400 years make the
// leap-year rule periodic, and starting the year in March puts the leap day last.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

bool is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Parses the fixed-width digits text[pos, pos + len); -1 if any is not a digit.
int digits(std::string_view text, size_t pos, size_t len) {
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kChinaOffsetMs = 8 * 3'600'000;

int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::string quoted(std::string_view text) {
  constexpr size_t kMax = 40;
  std::string out = "\"";
  out += text.substr(0, kMax);
  if (text.size() > kMax) out += "...";
  return out + "\"";
}

// "2004–2026", or "2004–2010, 2012–2026" when a year is missing in between.
std::string year_ranges(const std::vector<int>& years) {
  std::string out;
  for (size_t i = 0; i < years.size();) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(years[i]);
    if (j > i) out += "–" + std::to_string(years[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace

struct HolidayCalendar::Tables {
  enum class Kind : uint8_t { kHoliday, kWorkday };
  struct Entry {
    int32_t day;
    Kind kind;
    uint16_t name;  // index into names
  };
  struct Row {
    Date date;
    bool workday;
    std::string name;
  };

  std::vector<Entry> entries;      // sorted by day, one per date
  std::vector<std::string> names;  // distinct festival names
  std::vector<int> years;          // sorted, never empty

  static Result<Row> parse_row(const std::vector<std::string>& fields);
  Status add(const Row& row);
  Status index(const std::vector<size_t>& lines);
  Row row(const Entry& e) const {
    return {Date::from_days_since_epoch(e.day), e.kind == Kind::kWorkday, names[e.name]};
  }
  bool covers(int year) const { return std::binary_search(years.begin(), years.end(), year); }
  const Entry* find(Date d) const;
  Status uncovered(int year) const;
  Result<bool> is_working_day(Date d) const;
  Result<Date> roll_forward(Date d) const;
};

// One "date,kind,name" row, checked.
Result<HolidayCalendar::Tables::Row> HolidayCalendar::Tables::parse_row(
    const std::vector<std::string>& f) {
  if (f.size() != 3) return Invalid("calendar", std::to_string(f.size()) + " fields, expected 3");
  Result<Date> date = Date::parse(f[0]);
  if (!date.ok()) return Invalid("calendar", date.status().message());
  if (f[1] != "holiday" && f[1] != "workday") {
    return Invalid("calendar", "kind " + quoted(f[1]) + " is neither \"holiday\" nor \"workday\"");
  }
  if (f[2].empty()) return Invalid("calendar", "the festival name is empty");
  // A 调休 working day makes up for a weekday off, so it is a Saturday or a Sunday; a workday row
  // on a weekday changes nothing and is a typing slip that hides a missing day.
  if (f[1] == "workday" && !date->is_weekend()) {
    static constexpr const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                "Friday"};
    return Invalid("calendar", f[0] + " is a " + kWeekdays[date->weekday() - 1] +
                                   ": a 调休 working day (workday) is a Saturday or a Sunday");
  }
  return Row{*date, f[1] == "workday", f[2]};
}

Result<Date> Date::parse(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  const int y = shaped ? digits(text, 0, 4) : -1;
  const int m = shaped ? digits(text, 5, 2) : -1;
  const int d = shaped ? digits(text, 8, 2) : -1;
  if (y < 0 || m < 0 || d < 0) {
    return Invalid("date", quoted(text) + " is not a date of the form YYYY-MM-DD");
  }
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, m)) {
    return Invalid("date", quoted(text) + " is not a day of the calendar");
  }
  return from_ymd(y, m, d);
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date(days_from_civil(year, month, day));
}

std::string Date::to_string() const {
  const Civil c = civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

int Date::year() const { return civil_from_days(days_).year; }
unsigned Date::month() const { return civil_from_days(days_).month; }
unsigned Date::day() const { return civil_from_days(days_).day; }

int Date::weekday() const {
  const int monday_based = (days_ + 3) % 7;  // 1970-01-01 was a Thursday
  return (monday_based < 0 ? monday_based + 7 : monday_based) + 1;
}

Date date_in_china(int64_t utc_ms) {
  return Date::from_days_since_epoch(
      static_cast<int32_t>(floor_div(utc_ms + kChinaOffsetMs, kDayMs)));
}

int64_t china_start_of_day_ms(Date d) { return d.days_since_epoch() * kDayMs - kChinaOffsetMs; }

int64_t china_end_of_day_ms(Date d) { return china_start_of_day_ms(d.plus_days(1)) - 1; }

Result<HolidayCalendar> HolidayCalendar::parse(std::string_view csv_text) {
  auto tables = std::make_shared<Tables>();
  std::vector<size_t> lines;  // of each entry, for reporting duplicates after sorting
  CsvReader reader(csv_text);
  std::vector<std::string> f;
  bool header_seen = false;
  auto bad = [&reader](const std::string& what) {
    return Invalid("calendar", "line " + std::to_string(reader.line()) + ": " + what);
  };
  while (reader.next(f)) {
    if ((f.size() == 1 && f[0].empty()) || f[0].starts_with('#')) continue;
    if (!header_seen) {
      if (f != std::vector<std::string>{"date", "kind", "name"}) {
        return bad("expected the header \"date,kind,name\"");
      }
      header_seen = true;
      continue;
    }
    Result<Tables::Row> row = Tables::parse_row(f);
    if (!row.ok()) return bad(row.status().message());
    Status added = tables->add(*row);
    if (!added.ok()) return bad(added.message());
    lines.push_back(reader.line());
  }
  if (!reader.status().ok()) return bad(reader.status().message());
  if (!header_seen) return Invalid("calendar", "no header \"date,kind,name\"");
  if (tables->entries.empty()) return Invalid("calendar", "no rows: no year is covered");
  SHEGONG_RETURN_IF_ERROR(tables->index(lines));
  return HolidayCalendar(std::move(tables));
}

Status HolidayCalendar::Tables::add(const Row& row) {
  auto name = std::find(names.begin(), names.end(), row.name);
  if (name == names.end()) {
    if (names.size() > UINT16_MAX) return Invalid("calendar", "too many distinct festival names");
    names.push_back(row.name);
    name = names.end() - 1;
  }
  entries.push_back({row.date.days_since_epoch(), row.workday ? Kind::kWorkday : Kind::kHoliday,
                     static_cast<uint16_t>(name - names.begin())});
  years.push_back(row.date.year());
  return Status::Ok();
}

// Sorts the entries for binary search and reduces the years to a sorted set.
Status HolidayCalendar::Tables::index(const std::vector<size_t>& lines) {
  std::vector<size_t> order(entries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [this](size_t a, size_t b) { return entries[a].day < entries[b].day; });
  std::vector<Entry> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) {
    if (!sorted.empty() && sorted.back().day == entries[i].day) {
      return Invalid("calendar", "line " + std::to_string(lines[i]) + ": " +
                                     Date::from_days_since_epoch(entries[i].day).to_string() +
                                     " is listed twice");
    }
    sorted.push_back(entries[i]);
  }
  entries = std::move(sorted);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return Status::Ok();
}

Result<HolidayCalendar> HolidayCalendar::load(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text.ok()) {
    return Status(text.status().code(),
                  "holiday calendar " + path + " cannot be read; scripts/bootstrap generates it",
                  "calendar");
  }
  Result<HolidayCalendar> cal = parse(*text);
  if (!cal.ok()) {
    return Status(cal.status().code(), path + ": " + cal.status().message(), "calendar");
  }
  return cal;
}

Result<HolidayCalendar> HolidayCalendar::load(const std::vector<std::string>& paths) {
  if (paths.empty()) return Invalid("calendar", "no holiday calendar file given");
  Result<HolidayCalendar> merged_so_far = load(paths[0]);
  for (size_t i = 1; i < paths.size() && merged_so_far.ok(); ++i) {
    Result<HolidayCalendar> later = load(paths[i]);
    if (!later.ok()) return later.status();
    auto replaced = merged(*merged_so_far->tables(), *later->tables());
    if (!replaced.ok()) {
      return Invalid("calendar", paths[i] + ": " + replaced.status().message());
    }
    merged_so_far = HolidayCalendar(std::move(replaced).value());
  }
  return merged_so_far;
}

Result<std::shared_ptr<const HolidayCalendar::Tables>> HolidayCalendar::merged(
    const Tables& base, const Tables& later) {
  auto out = std::make_shared<Tables>();
  for (const Tables::Entry& e : base.entries)
    if (!later.covers(Date::from_days_since_epoch(e.day).year()))
      SHEGONG_RETURN_IF_ERROR(out->add(base.row(e)));
  for (const Tables::Entry& e : later.entries) SHEGONG_RETURN_IF_ERROR(out->add(later.row(e)));
  std::sort(out->entries.begin(), out->entries.end(),
            [](const Tables::Entry& a, const Tables::Entry& b) { return a.day < b.day; });
  out->years = base.years;
  out->years.insert(out->years.end(), later.years.begin(), later.years.end());
  std::sort(out->years.begin(), out->years.end());
  out->years.erase(std::unique(out->years.begin(), out->years.end()), out->years.end());
  return std::shared_ptr<const Tables>(std::move(out));
}

HolidayCalendar& HolidayCalendar::operator=(const HolidayCalendar& other) {
  if (this == &other) return *this;
  auto tables = other.tables();
  std::lock_guard lock(mu_);
  tables_ = std::move(tables);
  return *this;
}

std::shared_ptr<const HolidayCalendar::Tables> HolidayCalendar::tables() const {
  std::lock_guard lock(mu_);
  return tables_;
}

Status HolidayCalendar::add_years(const HolidayCalendar& notice) {
  const auto more = notice.tables();
  std::lock_guard lock(mu_);
  for (int year : more->years) {
    if (tables_->covers(year)) {
      return Conflict("the holiday calendar for " + std::to_string(year) +
                          " is loaded already; a loaded year is not changed while deadlines are "
                          "counted over it",
                      "year");
    }
  }
  auto extended = merged(*tables_, *more);
  if (!extended.ok()) return extended.status();
  tables_ = std::move(extended).value();
  return Status::Ok();
}

std::string HolidayCalendar::years() const { return year_ranges(tables()->years); }
bool HolidayCalendar::covers(int year) const { return tables()->covers(year); }
int HolidayCalendar::first_year() const { return tables()->years.front(); }
int HolidayCalendar::last_year() const { return tables()->years.back(); }
std::vector<int> HolidayCalendar::covered_years() const { return tables()->years; }

const HolidayCalendar::Tables::Entry* HolidayCalendar::Tables::find(Date d) const {
  const int32_t day = d.days_since_epoch();
  auto it = std::lower_bound(entries.begin(), entries.end(), day,
                             [](const Entry& e, int32_t key) { return e.day < key; });
  return it != entries.end() && it->day == day ? &*it : nullptr;
}

Status HolidayCalendar::Tables::uncovered(int year) const {
  const std::string y = std::to_string(year);
  return Conflict("the holiday calendar for " + y +
                      " is not loaded (loaded: " + year_ranges(years) +
                      "); load the official notice before computing deadlines that reach into " + y,
                  "calendar");
}

Result<bool> HolidayCalendar::Tables::is_working_day(Date d) const {
  const int year = d.year();
  if (!covers(year)) return uncovered(year);
  if (const Entry* e = find(d)) return e->kind == Kind::kWorkday;
  return !d.is_weekend();
}

Result<Date> HolidayCalendar::Tables::roll_forward(Date d) const {
  for (;; d = d.plus_days(1)) {
    Result<bool> working = is_working_day(d);
    if (!working.ok()) return working.status();
    if (*working) return d;
  }
}

Result<bool> HolidayCalendar::is_working_day(Date d) const { return tables()->is_working_day(d); }

Result<Date> HolidayCalendar::add_working_days(Date start, int n) const {
  if (n < 1)
    return Invalid("days", "a working-day period must be at least 1 day, got " + std::to_string(n));
  const auto tables = this->tables();
  Date d = start;
  for (int counted = 0; counted < n;) {
    d = d.plus_days(1);
    Result<bool> working = tables->is_working_day(d);
    if (!working.ok()) return working.status();
    counted += *working;
  }
  return d;
}

Result<Date> HolidayCalendar::roll_forward(Date d) const { return tables()->roll_forward(d); }

Result<Date> HolidayCalendar::add_days_roll(Date start, int n) const {
  if (n < 0) return Invalid("days", "a period cannot be negative, got " + std::to_string(n));
  return tables()->roll_forward(start.plus_days(n));
}

std::vector<HolidayCalendar::Day> HolidayCalendar::days_of(int year) const {
  const auto tables = this->tables();
  std::vector<Day> out;
  const int32_t first = Date::from_ymd(year, 1, 1).days_since_epoch();
  const int32_t end = Date::from_ymd(year + 1, 1, 1).days_since_epoch();
  auto it = std::lower_bound(tables->entries.begin(), tables->entries.end(), first,
                             [](const Tables::Entry& e, int32_t key) { return e.day < key; });
  for (; it != tables->entries.end() && it->day < end; ++it) {
    Tables::Row row = tables->row(*it);
    out.push_back({row.date, row.workday, std::move(row.name)});
  }
  return out;
}

std::optional<std::string> HolidayCalendar::holiday_name(Date d) const {
  const auto tables = this->tables();
  if (const Tables::Entry* e = tables->find(d)) return tables->names[e->name];
  return std::nullopt;
}

std::optional<PartialHoliday> partial_holiday(Date d) {
  const unsigned m = d.month();
  const unsigned day = d.day();
  if (m == 3 && day == 8) return PartialHoliday{"妇女节", "妇女", 0.5};
  if (m == 5 && day == 4) return PartialHoliday{"青年节", "14周岁以上的青年", 0.5};
  if (m == 6 && day == 1) return PartialHoliday{"儿童节", "不满14周岁的少年儿童", 1};
  if (m == 8 && day == 1) return PartialHoliday{"建军节", "现役军人", 0.5};
  return std::nullopt;
}

}  // namespace shegong
