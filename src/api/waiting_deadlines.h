// The deadlines that waited for the holiday calendar, set for every kind of case at once: at start
// (a notice put in a calendar file) and when an admin loads a notice while the server runs.
#pragma once

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/pending_deadlines.h"
#include "db/db.h"

namespace shegong::api {

struct WaitingDeadlines {
  cases::PendingDeadlines orders;
  cases::PendingDeadlines petitions;
  cases::PendingDeadlines disputes;
};

Result<WaitingDeadlines> set_waiting_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                               const Clock& clock);

// Says in the log what the pass did: deadlines set, cases still waiting, cases that failed.
void log_waiting_deadlines(const WaitingDeadlines& done);

}  // namespace shegong::api
