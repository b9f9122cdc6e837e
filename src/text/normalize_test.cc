#include "text/normalize.h"

#include <gtest/gtest.h>

#include "text/pii.h"

namespace shegong::text {
namespace {

TEST(Normalize, TraditionalToSimplifiedWidthAndSpaces) {
  EXPECT_EQ(*normalize("社會工作 黨建引領"), "社会工作 党建引领");
  EXPECT_EQ(*normalize("ＡＢＣ１２３，ｘ、"), "ABC123,x、");  // full-width forms fold; 、 stays
  EXPECT_EQ(*normalize("  第一行\r\n\t第二行\u3000\u00a0结束  "), "第一行 第二行 结束");
  EXPECT_EQ(*normalize(""), "");
  EXPECT_EQ(*normalize("小区🏠噪音 noise ノイズ"), "小区🏠噪音 noise ノイズ");
}

TEST(Normalize, InvalidUtf8IsAnErrorNamingTheText) {
  auto r = normalize("噪音\xff");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "text");
}

TEST(Normalize, LongInputsAreLinear) {
  std::string big;
  for (int i = 0; i < 50000; ++i) big += "環境噪音擾民 ";  // about 1 MB
  auto r = normalize(big);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->substr(0, 18), "环境噪音扰民");
}

TEST(Pii, IdNumbersNeedTheRightCheckDigit) {
  EXPECT_TRUE(valid_id_number("11010519491231002X"));
  EXPECT_FALSE(valid_id_number("110105194912310021"));
  EXPECT_FALSE(valid_id_number("1101051949123100"));
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_FALSE(luhn_valid("4111111111111112"));
}

TEST(Pii, FindsAndMasksEachKind) {
  EXPECT_EQ(mask_pii("电话13812341234请回电"), "电话138****1234请回电");
  EXPECT_EQ(mask_pii("身份证11010519491231002X。"), "身份证110105********002X。");
  EXPECT_EQ(mask_pii("卡号4111111111111111"), "卡号4111********1111");
  EXPECT_EQ(mask_pii("座机010-62341234"), "座机010-****1234");
  EXPECT_EQ(mask_pii("座机01062341234"), "座机010****1234");
  // Not personal data: a wrong check digit, an order number, a year, a longer run.
  EXPECT_EQ(mask_pii("110105194912310021"), "110105194912310021");
  EXPECT_EQ(mask_pii("工单GD26112100042718"), "工单GD26112100042718");
  EXPECT_EQ(mask_pii("2019年3月"), "2019年3月");
  EXPECT_EQ(mask_pii("1381234123499"), "1381234123499");
  EXPECT_EQ(find_pii("a13812341234b13912341234").size(), 2u);
}

}  // namespace
}  // namespace shegong::text
