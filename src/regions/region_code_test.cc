#include "regions/region_code.h"

#include <gtest/gtest.h>

namespace shegong::regions {
namespace {

TEST(RegionCode, NormalisesEveryAcceptedForm) {
  EXPECT_EQ(*normalize_code("110101001"), "110101001");
  EXPECT_EQ(*normalize_code("110101001000"), "110101001");
  EXPECT_EQ(*normalize_code("110101001001"), "110101001001");
  EXPECT_EQ(*normalize_code("110100000000"), "1101");
  EXPECT_EQ(*normalize_code("110000"), "11");
  EXPECT_EQ(*normalize_code("100000000000"), "");
  EXPECT_EQ(*normalize_code("100000"), "");
}

TEST(RegionCode, RejectsMalformedCodesNamingTheField) {
  for (const char* bad : {"", "1", "123", "11010", "1101010", "11010100", "abc", "11010100100a",
                          "1101010010011", "000000", "-11"}) {
    auto r = normalize_code(bad, "region_code");
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
