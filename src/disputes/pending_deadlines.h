// Acceptance deadlines of administrative mediations registered while the year of that deadline had
// no holiday calendar (registration.h): once the year's notice is loaded, each gets the deadline it
// would have had at receipt. A dispute still waiting for the organ's decision gets its timer (which
// fires at once when the day has passed); one decided meanwhile has its decision judged in time or
// late, and a late one is recorded as the timer would have done (cases/pending_deadlines.h).
#pragma once

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/pending_deadlines.h"
#include "db/db.h"

namespace shegong::disputes {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock);

}  // namespace shegong::disputes
