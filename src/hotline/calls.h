// The calls the hotline's telephone system (ACD) offered to its seats. The platform does not
// answer calls itself: the telephone system reports each call once it has ended, with the moment
// it reached the queue and the moment a person answered (none when the caller hung up first).
// These are what the phone's intake service levels are measured on (hotline/intake_levels.h).
//
// A report is stored whole or not at all, and every call is checked before anything is written;
// an error names the call (`calls[3].answered_at`). The telephone system's own id of a call makes a
// report sent twice count once: the same call with the same times is taken as already stored, with
// other times it is a conflict.
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/clock.h"
#include "db/db.h"

namespace shegong::hotline {

struct OfferedCall {
  std::string call_ref;        // the telephone system's id of the call
  int64_t offered_at_ms = 0;   // the call reached the queue
  int64_t answered_at_ms = 0;  // a person answered; 0: the caller hung up first
};

inline constexpr size_t kMaxCallsPerReport = 1000;

// The name of a call's field in a report, for errors: calls[3].answered_at.
std::string call_field(size_t i, const char* name);

struct CallsRecorded {
  int64_t added = 0;
  int64_t already_stored = 0;
};

// Stores one report of calls taken by the hotline of `region_code`, inside the caller's
// transaction, and records it in the audit chain. Times must lie within the last 366 days and not
// in the future; an answer comes after the offer and within a day of it.
Result<CallsRecorded> record_calls(db::Session& s, const Clock& clock, const auth::Principal& who,
                                   const std::string& region_code,
                                   const std::vector<OfferedCall>& calls);

}  // namespace shegong::hotline
