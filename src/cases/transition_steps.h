// Pieces of transitions that several case kinds share: who acted, a required free-text field, a
// transition taken by the staff of the case's lead unit, and the overdue mark a deadline timer
// leaves (the case shows overdue, the step goes into attrs.late, the area's supervisors are told).
#pragma once

#include <string>
#include <vector>

#include "cases/case_kind.h"

namespace shegong::cases {

// "user:<id>" of the actor, or "system" for a timer.
std::string actor_of(const TransitionContext& c);

// The field's text must be present (more than white space), valid UTF-8 and at most `max_bytes`.
Status required_text(const Fields& in, const char* name, size_t max_bytes);

TransitionDef by_lead_unit(std::string name, std::vector<std::string> from, std::string to,
                           auth::RoleSet roles, Effect effect,
                           std::vector<std::string> cancels = {});

// A timer found `step` not done by its deadline.
Status mark_overdue(TransitionContext& c, const char* step);

// A system transition `transition`, from `from`, that a timer of kind `timer` applies to mark
// `step` overdue.
void add_overdue_timer(CaseKind& k, const char* timer, const char* transition,
                       std::vector<std::string> from, const char* step);

}  // namespace shegong::cases
