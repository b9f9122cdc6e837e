// Levels of the organs that petitions move between: the nation, a province, a prefecture (city),
// a county (district) and a township (street). A unit's level is the level of the region it
// answers for. 复查 and 复核 go one level up (Arts. 35, 36); a visit may be received at the
// competent level or the one above it (Art. 20).
//
// Some levels of the region code have no organs: the 市辖区 and 县 groups of the four
// municipalities (1101, 5002), a province's group of counties it governs directly (4290) and the
// county level of a city without districts (441900). "One level above" skips them: above a
// Beijing district are the municipality's organs (11), above a town of 东莞 the city's (4419).
#pragma once

#include <string>
#include <string_view>

namespace shegong::petitions {

// 0 national, 1 province, 2 prefecture, 3 county, 4 township, 5 village; -1 for a malformed code.
// This is the level of the code, which names the level (level_name) and sets the national
// cascade's share (DOMAIN.md item 29).
int level_of(std::string_view region_code);
const char* level_name(int level);  // 国家, 省级, 市级, 县级, 乡级, 村级

// Whether the code's own level is one that has no organs (above).
bool is_code_only_level(std::string_view region_code);
// The region of the organs one level above those of `region_code`: the nearest enclosing code
// whose level has organs ("" for the nation; "" also for a province).
std::string administrative_parent(std::string_view region_code);
// How many levels with organs lie above, counting the nation as 0: a province 1, a Beijing
// district 2, a county of a province 3. A code-only level counts like the level above it.
int rank_of(std::string_view region_code);

// Whether `upper`'s organs are the level directly above `lower`'s and its area contains `lower`'s.
bool is_one_level_above(std::string_view upper, std::string_view lower);

}  // namespace shegong::petitions
