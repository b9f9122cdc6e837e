// The region a request is about, checked against the caller: a code in any accepted form, resolved
// through the region tree, and inside the caller's jurisdiction.
#pragma once

#include <string>
#include <string_view>

#include "api/app.h"

namespace shegong::api {

// `text` resolved (404 naming `field` when no region has it) and covered by the caller (403 naming
// `field` otherwise).
Result<std::string> covered_region(const App& app, const auth::Principal& p, std::string_view text,
                                   const char* field);

// ?region= through covered_region, else the caller's jurisdiction.
Result<std::string> region_query(const App& app, const Call& call);

}  // namespace shegong::api
