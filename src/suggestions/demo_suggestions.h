// Demo people's suggestions for a newcomer's first look: 东城区's suggestion-collecting office,
// named in the district's settings as the office for citizens' own suggestions; a special
// collection that closed with its results published and one still open; routine suggestions of the
// last two months at every step (registered, transferred, accepted, evaluated, answered, rewarded,
// redirected, overdue), all through the real engine in simulated time. Run after the hotline demo
// (it uses its 住房和城乡建设委员会). Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>

#include "base/crypto.h"
#include "db/db.h"
#include "regions/region_tree.h"

namespace shegong::suggestions {

struct DemoSuggestionOptions {
  std::string district = "110101";
  uint64_t seed = 2021;
  int64_t now_ms = 0;
};

struct DemoSuggestionReport {
  int64_t suggestions = 0, collections = 0;
  int64_t answered = 0;  // closed or redirected, an answer given
};

Result<DemoSuggestionReport> generate_demo_suggestions(db::Db& db, const crypto::SecretBox& box,
                                                       const regions::RegionTree& tree,
                                                       const DemoSuggestionOptions& options);

}  // namespace shegong::suggestions
