// The demo's telephone log: the calls the city's hotline was offered over the demo's month, as its
// telephone system would have reported them (hotline/calls.h), so that the intake service levels
// have figures from the first start. Most calls are answered within seconds and a few callers hang
// up; on one day a surge of calls leaves more of them unanswered, below the 95 % a day should
// reach. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>

#include "db/db.h"

namespace shegong::hotline {

struct DemoCallOptions {
  std::string region;  // the hotline's region (the demo's city)
  int64_t from_ms = 0, until_ms = 0;
  int64_t calls_per_day = 100;
  uint64_t seed = 1;
};

// Writes the calls and returns how many were new (the same options give the same calls, stored
// once); calls that would end after `until_ms` are left out.
Result<int64_t> generate_demo_calls(db::Db& db, const DemoCallOptions& options);

}  // namespace shegong::hotline
