// Deadlines of petitions registered while the year of that deadline had no holiday calendar.
//
// Registration never waits for the calendar (every petition is recorded at receipt, DOMAIN item 7)
// and never guesses a deadline (item 6): such a petition is registered with attrs.deadline_pending
// (the period in days, the timer to arm, the reason) and no deadline. Once the year's notice is
// loaded, set_pending_deadlines gives each petition still waiting for its first action the deadline
// it would have had at receipt, counted from receipt, arms its timer (which fires at once when the
// deadline has passed meanwhile) and records it in its history and the audit chain
// (cases/pending_deadlines.h). A petition routed, or whose receipt notice went out, while the
// deadline was pending recorded that step's `in_time` as null and the moment in
// deadline_pending.ended_at_ms (rows written before that have only the step's own time, which
// stands in for it); the pass fills in whether it was in time and records the step's deadline in
// the history; a step that ended late gets an entry in attrs.late and the supervising office is
// told, as the step's timer would have done. The server runs it at start.
#pragma once

#include <cstdint>

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/pending_deadlines.h"
#include "db/db.h"

namespace shegong::petitions {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock);

}  // namespace shegong::petitions
