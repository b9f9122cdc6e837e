// Region codes. The national statistical code has 12 digits: province (2), city (2), district (2),
// street/township (3), community/village (3). We key regions by the *short* code, the 12 digits
// without their trailing zero groups, so that a jurisdiction is a string prefix of every region
// below it ("110101" ⊃ "110101001" ⊃ "110101001001"). The whole country has the short code "" and
// is written 100000000000 (GB/T 2260 uses 100000 for the state).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace shegong::regions {

enum class Level { kCountry = 0, kProvince = 1, kCity = 2, kDistrict = 3, kStreet = 4, kCommunity = 5 };

constexpr std::string_view kCountryCode = "100000000000";

// Accepts a short code (2, 4, 6, 9 or 12 digits), a 12-digit code with trailing zero groups, or the
// country (100000000000 or 100000); returns the short code. Anything else is invalid (field
// `field_name`).
Result<std::string> normalize_code(std::string_view input, std::string_view field_name = "code");

// 12-digit statistical code for a short code; "" gives 100000000000.
std::string statistical_code(std::string_view short_code);
Level level_of(std::string_view short_code);
const char* level_name(Level level);  // "country", "province", "city", "district", "street", "community"
// Parent's short code ("" for a province). Undefined for the country.
std::string_view parent_of(std::string_view short_code);
// True when `code` is `jurisdiction` or below it.
inline bool is_within(std::string_view code, std::string_view jurisdiction) {
  return code.substr(0, jurisdiction.size()) == jurisdiction;
}

}  // namespace shegong::regions
