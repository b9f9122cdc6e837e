#include "base/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace shegong {
namespace {

TEST(JsonText, EscapesOnlyWhatJsonNeedsAndKeepsChinese) {
  std::string out;
  append_json_string(out, "噪音\"扰民\"\\\n\t\x01完");
  EXPECT_EQ(out, "\"噪音\\\"扰民\\\"\\\\\\n\\t\\u0001完\"");
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), "噪音\"扰民\"\\\n\t\x01完");
  out.clear();
  append_json_string(out, "a\xff");
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD\"");
}

TEST(JsonText, ObjectMembersAreTheRawTextOfEachValue) {
  nlohmann::json attrs = {
      {"reply", {{"text", "已处理，谢谢 \"引号\" {括号} [方括号]"}, {"at_ms", 17}}},
      {"list", {1, 2, {{"x", "}"}}}},
      {"flag", true},
      {"n", -1.5},
      {"none", nullptr},
      {"s", "a,b"}};
  std::string text = attrs.dump();
  auto members = json_object_members(text);
  ASSERT_EQ(members.size(), attrs.size());
  for (const auto& [key, raw] : members) {
    EXPECT_EQ(nlohmann::json::parse(raw), attrs[std::string(key)]) << key;
  }
  auto spaced = json_object_members(" { \"a\" : [ 1 , 2 ] , \"b\" : \"x\" } ");
  ASSERT_EQ(spaced.size(), 2u);
  EXPECT_EQ(spaced[0].second, "[ 1 , 2 ]");
  EXPECT_TRUE(json_object_members("{}").empty());
  for (const char* bad : {"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":\"x}",
                          "{\"a\":1} x", "{\"a\":[1,2}"}) {
    EXPECT_TRUE(json_object_members(bad).empty()) << bad;
  }
}

}  // namespace
}  // namespace shegong
