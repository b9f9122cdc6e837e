#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shegong::text {
namespace {

std::string utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t cp : cps) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// The words of `text`, stop words marked with '*' (or left out).
std::vector<std::string> words_of(const Segmenter& segmenter, const std::string& text,
                                  bool keep_stops = true) {
  std::u32string cps = to_code_points(text);
  std::vector<Token> tokens;
  segmenter.segment(cps, tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens)
    if (keep_stops || !t.stop)
      out.push_back(utf8(std::u32string_view(cps).substr(t.begin, t.length)) + (t.stop ? "*" : ""));
  return out;
}

const Lexicon kLexicon{{"小区", "小区物业", "物业", "物业费", "停车", "停车费", "收取", "我们"},
                       {"的", "了", "我们"}};

TEST(Segmenter, LongestWordWinsAndUnknownCharactersStandAlone) {
  Segmenter s(kLexicon);
  EXPECT_EQ(words_of(s, "小区物业违规收取停车费"),
            (std::vector<std::string>{"小区物业", "违", "规", "收取", "停车费"}));
  // A prefix of a longer word that is not itself followed by the rest falls back to the longest
  // word that does match.
  EXPECT_EQ(words_of(s, "小区物价"), (std::vector<std::string>{"小区", "物", "价"}));
  EXPECT_EQ(words_of(s, "物业费"), (std::vector<std::string>{"物业费"}));
  EXPECT_TRUE(words_of(s, "").empty());
}

TEST(Segmenter, StopWordsAreMarkedSingleOrMultiCharacter) {
  Segmenter s(kLexicon);
  EXPECT_EQ(words_of(s, "我们的小区了"), (std::vector<std::string>{"我们*", "的*", "小区", "了*"}));
  EXPECT_EQ(words_of(s, "我们的小区了", false), (std::vector<std::string>{"小区"}));
}

TEST(Segmenter, TokensCarryTheKeyOfTheirCharacters) {
  Segmenter s(kLexicon);
  std::vector<Token> tokens;
  s.segment(to_code_points("停车费"), tokens);
  ASSERT_EQ(tokens.size(), 1u);
  uint64_t hash = kSeed;
  for (char32_t cp : to_code_points("停车费")) hash = extend(hash, cp);
  EXPECT_EQ(tokens[0].hash, hash);
}

TEST(Segmenter, WordsOutsideTheBasicPlaneOrTooLongAreIgnored) {
  Segmenter s(Lexicon{{"𠀀𠀁", "一二三四五六七八九"}, {}});
  EXPECT_EQ(words_of(s, "一二三四五六七八九").size(), 9u);
  EXPECT_EQ(words_of(s, "𠀀𠀁").size(), 2u);
}

TEST(Segmenter, FrisoLexiconLoadsHanWordsAndStopWords) {
  auto lexicon = load_friso_lexicon("/usr/share/friso/dict/UTF-8");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().to_string();
  EXPECT_GT(lexicon->words.size(), 100000u);
  auto has = [](const std::vector<std::string>& v, const std::string& w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  };
  EXPECT_TRUE(has(lexicon->words, "隐患"));
  EXPECT_FALSE(has(lexicon->words, "隐"));  // single characters are implied, not listed
  EXPECT_TRUE(has(lexicon->stop_words, "的"));
  EXPECT_FALSE(has(lexicon->stop_words, "the"));  // Latin entries are not Han words
  Segmenter s(*lexicon);
  EXPECT_EQ(words_of(s, "小区物业违规收取停车费", false),
            (std::vector<std::string>{"小区", "物业", "违规", "收取", "停车", "费"}));
}

TEST(Segmenter, MissingLexiconIsAnErrorNamingTheFile) {
  auto lexicon = load_friso_lexicon("/nonexistent");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.status().message().find("/nonexistent/friso.lex.ini"), std::string::npos);
}

}  // namespace
}  // namespace shegong::text
