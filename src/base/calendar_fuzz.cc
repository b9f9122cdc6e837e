// libFuzzer target for the holiday calendar, which an admin can load from a file of their own
// (data/calendar/local.csv): HolidayCalendar::parse on arbitrary bytes never crashes, and a
// calendar it accepts answers every question about its years without crashing: working days come
// after their start, and a day rolled forward is a working day. Date::parse gives back exactly the
// text it accepted. Built and run for a bounded time by bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/calendar.h"

namespace {

using shegong::Date;
using shegong::HolidayCalendar;

void check(bool ok) {
  if (!ok) std::abort();
}

void ask(const HolidayCalendar& calendar, Date day) {
  auto working = calendar.is_working_day(day);
  if (!working.ok()) {
    check(working.status().field() == "calendar");
    return;
  }
  auto rolled = calendar.roll_forward(day);
  if (rolled.ok()) check(*rolled >= day && *calendar.is_working_day(*rolled));
  for (int n : {1, 15, 60}) {
    auto later = calendar.add_working_days(day, n);
    if (later.ok()) check(*later > day && *calendar.is_working_day(*later));
    auto rolled_days = calendar.add_days_roll(day, n);
    if (rolled_days.ok()) check(*rolled_days >= day.plus_days(n));
  }
  calendar.holiday_name(day);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (size >= 10) {
    auto date = Date::parse(input.substr(0, 10));
    if (date.ok()) check(date->to_string() == input.substr(0, 10));
  }
  auto calendar = HolidayCalendar::parse(input);
  if (!calendar.ok()) {
    check(calendar.status().field() == "calendar");
    return 0;
  }
  check(!calendar->years().empty());
  for (int year : calendar->covered_years()) {
    for (const auto& day : calendar->days_of(year)) {
      check(day.date.year() == year);
      ask(*calendar, day.date);
      ask(*calendar, day.date.plus_days(-1));
    }
    ask(*calendar, Date::from_ymd(year, 12, 31));
  }
  return 0;
}
