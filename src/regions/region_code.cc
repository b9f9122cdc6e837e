#include "regions/region_code.h"

#include <algorithm>

namespace shegong::regions {

namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_zero(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '0'; });
}

// Boundaries of the code groups: 2 | 2 | 2 | 3 | 3.
constexpr size_t kLengths[] = {0, 2, 4, 6, 9, 12};

}  // namespace

Result<std::vector<std::string>> code_candidates(std::string_view input,
                                                 std::string_view field_name) {
  std::string field(field_name);
  if (input.empty() || !all_digits(input)) {
    return Invalid(field, "a region code is 2, 4, 6, 9 or 12 digits");
  }
  if (input == kCountryCode || input == "100000") return std::vector<std::string>{""};
  size_t len = input.size();
  if (std::find(std::begin(kLengths) + 1, std::end(kLengths), len) == std::end(kLengths)) {
    return Invalid(field, "a region code is 2, 4, 6, 9 or 12 digits, got " + std::to_string(len));
  }
  if (all_zero(input.substr(0, 2))) return Invalid(field, "a region code cannot start with 00");
  // The shortest form: trailing all-zero groups dropped (110100000000 -> 1101).
  size_t shortest = len;
  for (int level = 5; level >= 1; --level) {
    if (shortest == kLengths[level] &&
        all_zero(input.substr(kLengths[level - 1], shortest - kLengths[level - 1]))) {
      shortest = kLengths[level - 1];
    }
  }
  // Every prefix at a level boundary from the input's length down to the shortest form.
  std::vector<std::string> out;
  for (int level = 5; level >= 1; --level) {
    if (kLengths[level] <= len && kLengths[level] >= shortest) {
      out.emplace_back(input.substr(0, kLengths[level]));
    }
  }
  return out;
}

bool has_level_length(std::string_view code, Level level) {
  return code.size() == kLengths[static_cast<int>(level)] && all_digits(code);
}

std::string statistical_code(std::string_view short_code) {
  if (short_code.empty()) return std::string(kCountryCode);
  std::string out(short_code);
  out.resize(12, '0');
  return out;
}

Level level_of(std::string_view short_code) {
  for (int level = 0; level <= 5; ++level) {
    if (short_code.size() == kLengths[level]) return static_cast<Level>(level);
  }
  return Level::kCommunity;
}

const char* level_name(Level level) {
  static constexpr const char* kNames[] = {"country",  "province", "city",
                                           "district", "street",   "community"};
  return kNames[static_cast<int>(level)];
}

std::string_view parent_of(std::string_view short_code) {
  int level = static_cast<int>(level_of(short_code));
  if (level == 0) return {};
  return short_code.substr(0, kLengths[level - 1]);
}

}  // namespace shegong::regions
