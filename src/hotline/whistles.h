// 街乡吹哨、部门报到: a street office summons departments to a problem; each summoned unit's
// arrival time is recorded against the arrival limit (profile hotline.whistle_arrival_minutes,
// default 30 — the 平谷 origin, [S], configurable). Both sides are scored (Art. 33, the double
// assessment): departments on arriving in time, streets on the share of their summons answered.
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/clock.h"
#include "db/db.h"

namespace shegong::hotline {

struct WhistleInput {
  int64_t street_unit_id = 0;
  int64_t case_id = 0;  // optional: the order that prompted it
  std::string kind;     // routine, tough, emergency
  std::string note;
  std::vector<int64_t> unit_ids;  // departments summoned
};

struct WhistleCall {
  int64_t unit_id;
  int64_t arrived_at_ms;  // 0: not yet
  bool in_time;
};

struct Whistle {
  int64_t id = 0;
  WhistleInput input;
  int64_t blown_at_ms = 0;
  int64_t arrive_within_minutes = 0;
  std::vector<WhistleCall> calls;
};

Result<Whistle> blow_whistle(db::Session& s, const Clock& clock, const auth::Principal& who,
                             WhistleInput in);
Result<Whistle> record_arrival(db::Session& s, const Clock& clock, const auth::Principal& who,
                               int64_t whistle_id, int64_t unit_id);
Result<Whistle> load_whistle(db::Session& s, int64_t id);

struct WhistleScore {
  int64_t unit_id;
  std::string unit_name;
  std::string side;  // "street" (blew) or "department" (was summoned)
  int64_t calls = 0, in_time = 0, late = 0, missing = 0;
  double rate = 0;  // in_time / calls
};
// Scores for a month (YYYY-MM), both sides, units within `within`.
Result<std::vector<WhistleScore>> whistle_scores(db::Session& s, const std::string& period,
                                                 std::string_view within);

}  // namespace shegong::hotline
