// Deadlines that waited for the holiday calendar. A case whose deadline would fall in a year with
// no calendar loaded gets none (a deadline is never guessed, DOMAIN item 6) but carries
// attrs.deadline_pending, saying how to count it; the work goes on meanwhile. Once the year's
// notice is loaded, set_pending_deadlines gives every such case of a kind the deadline it would
// have had, counted from when it was due to start, arms its timers (a deadline passed meanwhile
// fires at once), records it in the case's history (a system event `deadline_set`, told to the
// lead unit) and in the audit chain. A case whose step ended while its deadline was pending is
// judged against the deadline all the same: the kind records whether the step was in time. The
// server runs it at start for each kind.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "db/db.h"

namespace shegong::cases {

struct PendingCase {
  int64_t id = 0;
  std::string state;
  std::string region_code;
  int64_t lead_unit_id = 0;
  int64_t received_at_ms = 0;
  int64_t now_ms = 0;
  nlohmann::json pending;  // attrs.deadline_pending, as the kind wrote it
  nlohmann::json attrs;    // the case's other attrs; the rule may record in them what it decides
};

struct SetDeadline {
  int64_t due_at_ms = 0;
  std::vector<std::pair<std::string, int64_t>> timers;  // kind and when
  // The step the deadline was for ended after it while the deadline was pending: the case is
  // marked overdue (no timer is armed for a step that has ended).
  bool overdue = false;
  // Who else is told, besides the lead unit ("requester", "centre", "supervision:<region>").
  std::vector<std::string> notify = {};
  // False when the deadline was of a step the case has left (a petition routed on meanwhile): it
  // is judged and recorded in the history, and the case's current deadline, overdue flag and
  // timers are left as they are; its lead unit, which holds another step, is not told.
  bool current_step = true;
  // More to say in the history's deadline_set event (merged into its data).
  nlohmann::json event_data = nlohmann::json::object();
};

// The kind's rule: the deadline and timers of a case; nullopt when the case has no deadline of
// this step to keep any more (its flag is then cleared, and `attrs` as the rule left them are
// stored); an error with field "calendar" when the year is still missing. A rule that throws (a
// malformed attrs value) fails its case like an error.
using PendingDeadlineRule =
    std::function<Result<std::optional<SetDeadline>>(db::Session&, PendingCase&)>;

struct PendingDeadlines {
  int64_t set = 0;            // deadlines set now
  int64_t still_pending = 0;  // the calendar still lacks their year
  int64_t moved_on = 0;       // no deadline of that step to keep: the flag is cleared
  int64_t failed = 0;         // an error other than the calendar's (logged); the flag stays
};

// For the cases of `kind` with a pending deadline, in one transaction, each case in a savepoint
// of its own: a case the rule fails on is rolled back alone and left for the next start. Each
// deadline set is audited as `audit_action` on "case:<id>".
Result<PendingDeadlines> set_pending_deadlines(db::Db& db, std::string_view kind,
                                               std::string_view audit_action, const Clock& clock,
                                               const PendingDeadlineRule& rule);

}  // namespace shegong::cases
