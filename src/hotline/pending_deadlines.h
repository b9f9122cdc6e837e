// Handling deadlines of orders dispatched while the year of that deadline had no holiday calendar.
//
// Dispatch does not wait for the calendar: a 12345 centre cannot stop handing out orders for the
// weeks between the end of the loaded calendar's reach and the loading of the next notice. It never
// guesses the deadline either (DOMAIN item 6): such an order goes to its unit with no deadline and
// with attrs.deadline_pending (when the period started, its length and unit, whether it rolls, the
// reminder, the reason; the days of each extension approved meanwhile). Once the year is loaded,
// set_pending_deadlines gives each order still being handled (dispatched or accepted) the deadline
// counted from its dispatch, extensions added one by one as approval would have (the requester and
// the centre are told the extended deadline then, item 36), arms its deadline and reminder timers
// (a deadline passed meanwhile fires at once) and records `order.deadline_set` in its history and
// the audit chain (cases/pending_deadlines.h). An order replied meanwhile gets its deadline too,
// with no timer: replied after it, it is marked overdue and counted against its unit in the month
// the deadline passed. An order replied meanwhile and then sent back to its unit (unsolved at the
// callback, reopened) keeps that round in deadline_pending.replied_rounds, judged the same way
// with the round under way. An order sent back before any reply only loses the flag. The server
// runs it at start.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/pending_deadlines.h"
#include "db/db.h"

namespace shegong::hotline {

// The deadline a pending one (attrs.deadline_pending, or one of its replied_rounds) turns into.
Result<int64_t> pending_due(const HolidayCalendar& calendar, const nlohmann::json& pending);

// Before an order replied while its deadline was pending goes back to its unit (`attrs` still
// holding the reply): keeps the round that the reply ended in deadline_pending.replied_rounds.
void keep_replied_round(nlohmann::json& attrs, int64_t unit_id);

// Judges replied rounds once their year is loaded: each replied after its deadline counts against
// its unit in the month the deadline passed. Returns the deadlines those late rounds missed.
Result<std::vector<int64_t>> judge_replied_rounds(db::Session& s, const HolidayCalendar& calendar,
                                                  const nlohmann::json& rounds);

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock);

}  // namespace shegong::hotline
