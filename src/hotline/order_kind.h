// The hotline work order (诉求工单) as a case kind. States:
//
//   registered ──triage──▶ answered | referred            (answered at the centre, Art. 11)
//   registered ──dispatch──▶ dispatched ──accept──▶ accepted ──reply──▶ replied
//   replied ──callback(solved)──▶ closed;  callback(unsolved) ──▶ dispatched again (reopened)
//   closed ──reopen──▶ dispatched
//
// Disputes (派单异议) and extension requests keep the state: the order stays with its unit until
// the centre decides (Arts. 12, 14, 15). Timers: the dispatch limit (from registration), a reminder
// before and the handling deadline itself (from dispatch). At the deadline a callback task is
// created and an unreplied order is marked overdue and escalated (Art. 23).
#pragma once

#include "base/calendar.h"
#include "cases/case_kind.h"

namespace shegong::hotline {

inline constexpr const char* kOrderKind = "order";

cases::CaseKind order_kind(const HolidayCalendar& calendar);

}  // namespace shegong::hotline
