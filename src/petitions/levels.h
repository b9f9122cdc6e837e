// Levels of the organs that petitions move between: the nation, a province, a prefecture (city),
// a county (district) and a township (street). A unit's level is the level of the region it
// answers for. 复查 and 复核 go exactly one level up (Arts. 35, 36); a visit may be received at
// the competent level or the one above it (Art. 20).
#pragma once

#include <string>
#include <string_view>

namespace shegong::petitions {

// 0 national, 1 province, 2 prefecture, 3 county, 4 township, 5 village; -1 for a malformed code.
int level_of(std::string_view region_code);
const char* level_name(int level);  // 国家, 省级, 市级, 县级, 乡级, 村级

// Whether `upper` is the organ level directly above `lower` and its area contains `lower`'s.
bool is_one_level_above(std::string_view upper, std::string_view lower);

}  // namespace shegong::petitions
