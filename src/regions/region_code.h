// Region codes. The national statistical code has 12 digits: province (2), city (2), district (2),
// street/township (3), community/village (3). We key regions by the *short* code, the 12 digits
// without their trailing zero groups, so that a jurisdiction is a string prefix of every region
// below it ("110101" ⊃ "110101001" ⊃ "110101001001"). The whole country has the short code "" and
// is written 100000000000 (GB/T 2260 uses 100000 for the state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shegong::regions {

enum class Level {
  kCountry = 0,
  kProvince = 1,
  kCity = 2,
  kDistrict = 3,
  kStreet = 4,
  kCommunity = 5
};

constexpr std::string_view kCountryCode = "100000000000";

// The short codes that `input` may stand for, deepest first. Accepted inputs: a short code (2, 4,
// 6, 9 or 12 digits), a 12-digit statistical code with trailing zero groups, a 6-digit GB/T 2260
// code, or the country (100000000000 or 100000). "110101001000" gives {"110101001", "110101"}:
// usually only the first exists, but a few prefecture-level cities without districts (东莞 4419,
// 中山 4420, 儋州 4604) also appear as a district of the same number (441900), so callers pick the
// deepest candidate that exists. Anything else is invalid, naming `field_name`.
Result<std::vector<std::string>> code_candidates(std::string_view input,
                                                 std::string_view field_name = "code");
// True when `code` has the length of a short code at `level`.
bool has_level_length(std::string_view code, Level level);

// 12-digit statistical code for a short code; "" gives 100000000000.
std::string statistical_code(std::string_view short_code);
Level level_of(std::string_view short_code);
const char* level_name(
    Level level);  // "country", "province", "city", "district", "street", "community"
// Parent's short code ("" for a province). Undefined for the country.
std::string_view parent_of(std::string_view short_code);
// True when `code` is `jurisdiction` or below it.
inline bool is_within(std::string_view code, std::string_view jurisdiction) {
  return code.substr(0, jurisdiction.size()) == jurisdiction;
}

}  // namespace shegong::regions
