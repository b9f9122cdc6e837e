#include "regions/region_code.h"

#include <gtest/gtest.h>

namespace shegong::regions {
namespace {

TEST(RegionCode, NormalisesEveryAcceptedForm) {
  using V = std::vector<std::string>;
  EXPECT_EQ(*code_candidates("110101001"), V{"110101001"});
  EXPECT_EQ(*code_candidates("110101001000"), (V{"110101001000", "110101001"}));
  EXPECT_EQ(*code_candidates("110101001001"), V{"110101001001"});
  EXPECT_EQ(*code_candidates("110100000000"), (V{"110100000000", "110100000", "110100", "1101"}));
  EXPECT_EQ(*code_candidates("441900"), (V{"441900", "4419"}));  // 东莞: district and city
  EXPECT_EQ(*code_candidates("110000"), (V{"110000", "1100", "11"}));
  EXPECT_EQ(*code_candidates("100000000000"), V{""});
  EXPECT_EQ(*code_candidates("100000"), V{""});
}

TEST(RegionCode, RejectsMalformedCodesNamingTheField) {
  for (const char* bad : {"", "1", "123", "11010", "1101010", "11010100", "abc", "11010100100a",
                          "1101010010011", "000000", "-11"}) {
    auto r = code_candidates(bad, "region_code");
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().field(), "region_code");
  }
}

TEST(RegionCode, LevelsParentsAndStatisticalCodes) {
  EXPECT_EQ(level_of(""), Level::kCountry);
  EXPECT_EQ(level_of("11"), Level::kProvince);
  EXPECT_EQ(level_of("110101001"), Level::kStreet);
  EXPECT_EQ(level_of("110101001001"), Level::kCommunity);
  EXPECT_EQ(parent_of("110101001001"), "110101001");
  EXPECT_EQ(parent_of("110101001"), "110101");
  EXPECT_EQ(parent_of("11"), "");
  EXPECT_EQ(statistical_code("110101001"), "110101001000");
  EXPECT_EQ(statistical_code(""), "100000000000");
  EXPECT_TRUE(is_within("110101001001", "110101"));
  EXPECT_TRUE(is_within("110101001001", ""));
  EXPECT_FALSE(is_within("110102001001", "110101"));
}

}  // namespace
}  // namespace shegong::regions
