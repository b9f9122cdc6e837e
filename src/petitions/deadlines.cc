#include "petitions/deadlines.h"

#include "cases/profile.h"

namespace shegong::petitions {

Result<int64_t> organ_deadline(db::Session& s, const HolidayCalendar& calendar,
                               std::string_view region_code, int64_t from_ms, int days) {
  auto roll = cases::profile_int(s, region_code, "petition.deadline_roll", 1);
  if (!roll.ok()) return roll.status();
  Date from = date_in_china(from_ms);
  if (*roll == 0) return china_end_of_day_ms(from.plus_days(days));
  auto last = calendar.add_days_roll(from, days);
  if (!last.ok()) return last.status();
  return china_end_of_day_ms(*last);
}

Result<int64_t> petitioner_deadline(const HolidayCalendar& calendar, Date from, int days) {
  auto last = calendar.add_days_roll(from, days);
  if (!last.ok()) return last.status();
  return china_end_of_day_ms(*last);
}

Result<int64_t> working_days_deadline(const HolidayCalendar& calendar, int64_t from_ms, int n) {
  auto last = calendar.add_working_days(date_in_china(from_ms), n);
  if (!last.ok()) return last.status();
  return china_end_of_day_ms(*last);
}

}  // namespace shegong::petitions
