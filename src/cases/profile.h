// Per-jurisdiction profiles: settings that a province, city or district overrides for the regions
// below it (FixMyStreet's cobrands, as rows). A lookup takes the value of the longest region-code
// prefix that has one, else the national default the caller passes.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "db/db.h"

namespace shegong::cases {

Result<std::string> profile_value(db::Session& s, std::string_view region_code,
                                  std::string_view key, std::string_view national_default);
Result<int64_t> profile_int(db::Session& s, std::string_view region_code, std::string_view key,
                            int64_t national_default);
Status set_profile(db::Session& s, std::string_view region_code, std::string_view key,
                   std::string_view value);

// Next value of a named counter (1, 2, 3, ...), inside the caller's transaction.
Result<int64_t> next_sequence(db::Session& s, const std::string& name);

}  // namespace shegong::cases
