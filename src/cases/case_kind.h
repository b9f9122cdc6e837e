// A kind of case (a hotline work order, a petition, a suggestion, ...) declared as data: its
// states, and the transitions between them with their guards. The engine (engine.h) enforces the
// declaration; a kind adds its own rules as an effect on each transition, run inside the same
// transaction as the state change.
//
// Guards, checked in this order, each failing with an error that names the rule:
//   1. the transition exists for the kind (404 otherwise) and is not reserved for the system;
//   2. the case is in one of `from` (409, field "state");
//   3. the caller's role is in `roles` (403);
//   4. the caller stands in the required relation to the case (`actor`, 403);
//   5. every field in `required` is present and not empty (400, naming the field);
//   6. the effect's own checks.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "auth/role.h"
#include "base/clock.h"
#include "cases/case_record.h"
#include "db/db.h"

namespace shegong::cases {

// Transition input: named text fields (numbers and flags as text, parsed by the effect).
using Fields = std::map<std::string, std::string>;

struct NewTimer {
  std::string kind;
  int64_t due_at_ms;
};

// What an effect sees and may change. `after` starts as a copy of `before` with the target state
// set; the engine writes it back, appends the event and the audit row, and arms/cancels timers.
struct TransitionContext {
  db::Session& session;
  const Clock& clock;
  int64_t now_ms;
  const auth::Principal* actor;  // null when the system acts (a timer)
  const CaseRecord& before;
  CaseRecord& after;
  const Fields& input;
  std::string event_data = "{}";  // JSON text stored with the event
  int64_t event_unit_id = 0;      // the unit this event is about, for rates
  std::vector<NewTimer> arm;
  std::vector<std::string> cancel;  // timer kinds to cancel
  std::vector<std::string> notify;  // audiences to notify beyond the transition's own
};

using Effect = std::function<Status(TransitionContext&)>;

// Who may apply a transition besides having the role.
enum class ActorRule {
  kJurisdiction,  // the case's region lies in the caller's jurisdiction
  kLeadUnit,      // the caller works for the case's lead unit
  kCaseUnit,      // the caller works for the lead unit or a co-handling unit
  kSystem,        // only the engine itself (timers)
};

struct TransitionDef {
  std::string name;
  std::vector<std::string> from;  // states in which it is allowed
  std::string to;                 // target state; empty keeps the state
  auth::RoleSet roles;
  ActorRule actor = ActorRule::kJurisdiction;
  std::vector<std::string> required;
  std::vector<std::string> notices;  // audiences always notified ("requester", "centre", ...)
  std::vector<std::string> cancels;  // timer kinds cancelled by this transition
  Effect effect;                     // optional
};

struct CaseKind {
  std::string name;
  std::string initial_state;
  std::vector<std::string> final_states;
  std::vector<TransitionDef> transitions;
  // Timer kind -> the system transition applied when it fires.
  std::map<std::string, std::string> timer_transitions;

  const TransitionDef* transition(std::string_view name) const {
    for (const auto& t : transitions) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
  bool is_final(std::string_view state) const {
    for (const auto& s : final_states) {
      if (s == state) return true;
    }
    return false;
  }
};

}  // namespace shegong::cases
