#include "petitions/levels.h"

#include "regions/region_code.h"

namespace shegong::petitions {

int level_of(std::string_view code) {
  switch (code.size()) {
    case 0:
      return 0;
    case 2:
      return 1;
    case 4:
      return 2;
    case 6:
      return 3;
    case 9:
      return 4;
    case 12:
      return 5;
    default:
      return -1;
  }
}

const char* level_name(int level) {
  static const char* const kNames[] = {"国家", "省级", "市级", "县级", "乡级", "村级"};
  return level >= 0 && level <= 5 ? kNames[level] : "未知";
}

bool is_code_only_level(std::string_view code) {
  if (code.size() == 4) {
    std::string_view province = code.substr(0, 2);
    bool municipality =
        province == "11" || province == "12" || province == "31" || province == "50";
    return municipality || code.substr(2, 2) == "90";  // 市辖区, 县; 省直辖县级行政区划
  }
  if (code.size() == 6) return code.substr(4, 2) == "00";  // the county of a city without districts
  return false;
}

std::string administrative_parent(std::string_view code) {
  for (size_t length : {9, 6, 4, 2}) {
    if (length >= code.size()) continue;
    std::string_view prefix = code.substr(0, length);
    if (!is_code_only_level(prefix)) return std::string(prefix);
  }
  return {};
}

int rank_of(std::string_view code) {
  int rank = 0;
  for (size_t length : {2, 4, 6, 9, 12}) {
    if (length > code.size()) break;
    if (!is_code_only_level(code.substr(0, length))) ++rank;
  }
  return rank;
}

bool is_one_level_above(std::string_view upper, std::string_view lower) {
  if (level_of(upper) < 0 || level_of(lower) < 0) return false;
  return rank_of(upper) + 1 == rank_of(lower) && regions::is_within(lower, upper);
}

}  // namespace shegong::petitions
