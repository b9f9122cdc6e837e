// The periods of the 信访工作条例, counted as DOMAIN.md §0.3 and §7.4 say: "n 日" is n calendar
// days from the day after the event (民法典 Art. 201); the one "5 个工作日" is counted on the
// holiday calendar. A deadline is met up to the end of its last day, China time.
//
// Roll-over (民法典 Art. 203: a period ending on a rest day ends on the next working day) always
// applies to periods the petitioner must meet (复查/复核 requests). For the organs' own periods
// (15-day routing and acceptance, 60-day handling, 30-day review) it is the profile setting
// `petition.deadline_roll` (1 = roll, the default; 0 = no roll), because no 信访 text settles it.
#pragma once

#include "base/calendar.h"
#include "db/db.h"

namespace shegong::petitions {

// End of the n-th calendar day after `from_ms`, rolled per the region's policy.
Result<int64_t> organ_deadline(db::Session& s, const HolidayCalendar& calendar,
                               std::string_view region_code, int64_t from_ms, int days);
// End of the n-th calendar day after `from`, always rolled.
Result<int64_t> petitioner_deadline(const HolidayCalendar& calendar, Date from, int days);
// End of the n-th working day after `from_ms`.
Result<int64_t> working_days_deadline(const HolidayCalendar& calendar, int64_t from_ms, int n);

}  // namespace shegong::petitions
