#include "base/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "base/utf8.h"

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

// Random strings of pieces that each take another path (ASCII runs, escapes, characters of two,
// three and four bytes, and malformed sequences): the output is always a JSON string that reads
// back as the input, or for malformed input as the input with each non-ASCII byte as U+FFFD.
TEST(JsonText, AnyBytesGiveJsonThatReadsBackAsTheText) {
  const std::vector<std::string> pieces = {"a",
                                           "Hello world",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\x01",
                                           "\x1f",
                                           "\x7f",
                                           "é",
                                           "中",
                                           "投诉编号",
                                           "😀",
                                           "\xED\xA0\x80",
                                           "\xC0\xAF",
                                           "\x80",
                                           "\xE4\xB8",
                                           "\xF4\x90\x80\x80",
                                           "\xFF",
                                           " "};
  std::mt19937 random(11);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  for (int round = 0; round < 20'000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[pick(random)];
    std::string out = "x";
    append_json_string(out, text);
    ASSERT_EQ(out[0], 'x');
    auto parsed = nlohmann::json::parse(out.substr(1), nullptr, false);
    ASSERT_TRUE(parsed.is_string()) << out;
    std::string expected;
    if (is_valid_utf8(text)) {
      expected = text;
    } else {
      for (char c : text)
        expected += static_cast<unsigned char>(c) < 0x80 ? std::string(1, c) : "\xEF\xBF\xBD";
    }
    ASSERT_EQ(parsed.get<std::string>(), expected) << out;
  }
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
