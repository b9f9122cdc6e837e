// Handling deadlines of orders dispatched while the year of that deadline had no holiday calendar.
//
// Dispatch does not wait for the calendar: a 12345 centre cannot stop handing out orders for the
// weeks between the end of the loaded calendar's reach and the loading of the next notice. It never
// guesses the deadline either (DOMAIN item 6): such an order goes to its unit with no deadline and
// with attrs.deadline_pending (when the period started, its length and unit, whether it rolls, the
// reminder, the reason; extension days approved meanwhile). Once the year is loaded,
// set_pending_deadlines gives each order still being handled (dispatched or accepted) the deadline
// counted from its dispatch, extensions added, arms its deadline and reminder timers (a deadline
// passed meanwhile fires at once) and records `order.deadline_set` in its history and the audit
// chain (cases/pending_deadlines.h). An order replied meanwhile gets its deadline too, with no
// timer: replied after it, it is marked overdue and counted against its unit in the month the
// deadline passed. An order sent back before any reply only loses the flag. The server runs it at
// start.
#pragma once

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/pending_deadlines.h"
#include "db/db.h"

namespace shegong::hotline {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock);

}  // namespace shegong::hotline
