// What leaders read of people's suggestions over a period, per unit holding them: received,
// accepted, redirected, adopted in whole, in part or not, answered, answered without a deadline
// passed, overdue now, and rewarded (上海市人民建议征集若干规定 Arts. 12–16).
#pragma once

#include <vector>

#include "db/db.h"

namespace shegong::suggestions {

struct SuggestionCounts {
  int64_t unit_id = 0;  // the unit holding them
  int64_t received = 0;
  int64_t accepted = 0;  // accepted and on (evaluated, answered)
  int64_t redirected = 0;
  int64_t adopted = 0, partly_adopted = 0, not_adopted = 0;
  int64_t answered = 0;
  int64_t answered_in_time = 0;  // answered with no deadline passed on the way
  int64_t overdue = 0;           // a deadline passed and the step is still undone
  int64_t rewarded = 0;
};

// The suggestions of areas within `region_code` received in [from_ms, to_ms), one row per unit
// holding any, by unit id.
Result<std::vector<SuggestionCounts>> suggestion_counts(db::Session& s,
                                                        std::string_view region_code,
                                                        int64_t from_ms, int64_t to_ms);

}  // namespace shegong::suggestions
