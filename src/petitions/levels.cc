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

bool is_one_level_above(std::string_view upper, std::string_view lower) {
  int u = level_of(upper), l = level_of(lower);
  return u >= 0 && l >= 0 && u + 1 == l && regions::is_within(lower, upper);
}

}  // namespace shegong::petitions
