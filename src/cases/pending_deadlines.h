// Deadlines that waited for the holiday calendar. A case whose deadline would fall in a year with
// no calendar loaded gets none (a deadline is never guessed, DOMAIN item 6) but carries
// attrs.deadline_pending, saying how to count it; the work goes on meanwhile. Once the year's
// notice is loaded, set_pending_deadlines gives every such case of a kind the deadline it would
// have had, counted from when it was due to start, arms its timers (a deadline passed meanwhile
// fires at once) and records it in the audit chain. The server runs it at start for each kind.
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
  int64_t received_at_ms = 0;
  int64_t now_ms = 0;
  nlohmann::json pending;  // attrs.deadline_pending, as the kind wrote it
};

struct SetDeadline {
  int64_t due_at_ms = 0;
  std::vector<std::pair<std::string, int64_t>> timers;  // kind and when
};

// The kind's rule: the deadline and timers of a case; nullopt when the case no longer waits for
// it (its flag is then cleared); an error with field "calendar" when the year is still missing.
using PendingDeadlineRule =
    std::function<Result<std::optional<SetDeadline>>(db::Session&, const PendingCase&)>;

struct PendingDeadlines {
  int64_t set = 0;            // deadlines set now
  int64_t still_pending = 0;  // the calendar still lacks their year
  int64_t moved_on = 0;       // no longer waiting: the flag is cleared
};

// For the cases of `kind` with a pending deadline, in one transaction; each deadline set is
// audited as `audit_action` on "case:<id>".
Result<PendingDeadlines> set_pending_deadlines(db::Db& db, std::string_view kind,
                                               std::string_view audit_action, const Clock& clock,
                                               const PendingDeadlineRule& rule);

}  // namespace shegong::cases
