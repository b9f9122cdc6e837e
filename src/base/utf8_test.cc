#include "base/utf8.h"

#include <gtest/gtest.h>

#include "base/json_text.h"
#include "base/mask.h"

namespace shegong {
namespace {

TEST(Utf8, AcceptsChineseEmojiAndAscii) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("东华门街道 abc"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // 😀
}

TEST(Utf8, RejectsTruncatedOverlongSurrogatesAndStrayBytes) {
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));          // 东 cut short
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("a\x80z"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(JsonText, EscapesAndReplacesInvalidBytes) {
  std::string out;
  append_json_string(out, "a\"b\\c\n\x01");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\"");
  out.clear();
  append_json_string(out, "x\xFFy");
  EXPECT_EQ(out, "\"x\xEF\xBF\xBDy\"");
}

TEST(Utf8, BlankIsOnlyWhiteSpaceOfAnyScript) {
  for (const char* blank : {"", " ", " \t\r\n", "\u3000\u3000", "\u00a0 ", "\u200b\ufeff"}) {
    EXPECT_TRUE(is_blank(blank)) << blank;
  }
  for (const char* text : {"x", " 需要 ", "\u3000。", "\x01", "\xff"}) {
    EXPECT_FALSE(is_blank(text)) << text;
  }
}

TEST(Mask, PhonesIdsAndNames) {
  EXPECT_EQ(mask_phone("13812341234"), "138****1234");
  EXPECT_EQ(mask_phone("010-62341234"), "010-****1234");
  EXPECT_EQ(mask_id_number("11010119900307123X"), "110101********123X");
  EXPECT_EQ(mask_name("张三"), "张*");
  EXPECT_EQ(mask_name("欧阳娜娜"), "欧***");
  EXPECT_EQ(mask_name("李"), "李*");
}

}  // namespace
}  // namespace shegong
