// Places named in a citizen's message, found by rules: a name of two to eight characters in front
// of a word that says what kind of place it is (小区, 花园, 苑, 路, 街, 大道, 街道, 镇, 村, 社区,
// 小学, 中学, 学院, 医院, 公园, 站 ...), or in front of a building or phase number (三期, 6栋),
// which marks an estate whose name has no such word (恒大御景半岛三期).
//
// Administrative divisions are kept apart. The published hotline data anonymises cities and
// districts as codes (A市, A3区, K8县, 西地省) that cannot be matched to the region tree, so a
// letter code is recorded as written and only used to tell two same-named estates in different
// districts apart; a real name directly after a city (福州市仓山区) is recorded the same way.
//
// Rules, not a model: they miss names with no marker ("阳光100") and sometimes take a common
// phrase for a name; the callers (hot issues, reply relevance) use places as one signal among
// several. Input is normalised text (text::normalize); other input is read without crashing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shegong::text {

enum class PlaceKind {
  kDivision,  // 省, 市, 区, 县 (often anonymised: A市, A3区)
  kTown,      // 街道, 镇, 乡
  kVillage,   // 村, 社区
  kEstate,    // 小区, 花园, 苑, 家园, 公寓 ... and names before 三期 / 6栋
  kRoad,      // 路, 街, 大道, 巷
  kSchool,    // 小学, 中学, 大学, 学院, 学校, 幼儿园
  kFacility,  // 医院, 公园, 市场, 站, 广场, 园区
  kArea,      // 湖: an area named after its lake (梅溪湖, 松雅湖)
};

const char* place_kind_name(PlaceKind kind);  // "estate", ...

struct Place {
  PlaceKind kind;
  std::string name;  // as written, with its marker: 魅力之城小区, 黄兴路, A3区
  // What two mentions of the same place share: for estates the name without estate words
  // (丽发新城小区 and 丽发新城 both give 丽发), for the rest the name itself.
  std::string key;
};

// Distinct places (by key) in order of first mention; divisions first among equals is not
// implied. A message with no recognisable place gives an empty list.
std::vector<Place> extract_places(std::string_view normalized);

// The anonymised or real division codes among `places` (A市, A3区), in order.
std::vector<std::string> divisions(const std::vector<Place>& places);

}  // namespace shegong::text
