#include "cases/demo_people.h"

#include <iterator>
#include <string_view>

namespace shegong::cases {

namespace {

constexpr std::string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵",
                                          "黄", "周", "吴", "徐", "孙", "马", "朱",
                                          "胡", "郭", "何", "高", "林", "罗"};
constexpr std::string_view kGiven[] = {"秀英", "桂兰", "建国", "志强", "淑珍", "海燕",
                                       "建华", "丽娟", "德明", "玉兰", "文静", "俊杰",
                                       "国庆", "红梅", "小军", "雪梅"};

}  // namespace

std::string demo_person_name(std::mt19937_64& rng) {
  std::string name(kSurnames[rng() % std::size(kSurnames)]);
  name += kGiven[rng() % std::size(kGiven)];
  return name;
}

std::string demo_mobile(std::mt19937_64& rng) {
  std::string phone = "1" + std::to_string(3 + rng() % 7);
  phone += std::to_string(100000000 + rng() % 900000000);
  return phone;
}

}  // namespace shegong::cases
