// The catalogue of the per-jurisdiction profile (profile.h): every setting a region may override,
// what it means, its national default and the values it takes. Admins change settings through it
// (api/setting_routes.cc), so a mistyped key or a value the code cannot use is refused when it is
// set, not found when a deadline is computed.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "db/db.h"

namespace shegong::cases {

struct Setting {
  enum class Type {
    kWhole,       // a whole number in [lo, hi]
    kWholeList,   // `lo` to `hi` comma-separated whole numbers, each in [1, 365]
    kRatingList,  // a comma-separated subset of 满意, 基本满意, 不满意
    kUnit,        // the id of an active unit, or 0 for none
  };
  std::string_view key;
  std::string_view fallback;  // the national default, as stored
  Type type;
  int64_t lo, hi;
  bool national_only;  // read for the whole country only (the rates' weights)
  std::string_view meaning;
};

std::span<const Setting> settings();
// nullptr for a key the catalogue lacks.
const Setting* find_setting(std::string_view key);
// 400 naming "value" when `value` is not one the setting takes. A unit (Type::kUnit) must be an
// organ whose area holds `region_code` or lies within it.
Status check_setting_value(db::Session& s, const Setting& setting, std::string_view value,
                           std::string_view region_code);

// A whole-number setting as it holds for `region_code`: the catalogue's default when no region
// sets it; a stored value outside the catalogue's range (written before the catalogue checked
// values) is an error naming the key.
Result<int64_t> whole_setting(db::Session& s, std::string_view region_code, std::string_view key);

}  // namespace shegong::cases
