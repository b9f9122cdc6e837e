#include "text/features.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shegong::text {
namespace {

const Lexicon kLexicon{{"在水一方", "大厦", "人为", "烂尾", "多年", "安全隐患", "严重", "小区"},
                       {"的", "了", "有"}};

std::vector<uint64_t> sorted_keys(const FeatureExtractor& extractor, std::string_view text) {
  std::vector<uint64_t> keys;
  EXPECT_TRUE(extractor.extract_raw(text, keys).ok());
  std::sort(keys.begin(), keys.end());
  return keys;
}

TEST(Features, RawTextAndAThirdPartyWordListGiveTheSameFeatures) {
  Segmenter segmenter(kLexicon);
  FeatureExtractor extractor(segmenter, {});
  // As a citizen wrote it, and as a word list with stop words, letters and punctuation removed.
  auto raw = sorted_keys(extractor, "A市的在水一方大厦人为烂尾多年，有安全隐患，严重！");
  auto list = sorted_keys(extractor, "市 在水一方 大厦 人为 烂尾 多年 安全隐患 严重");
  EXPECT_EQ(raw, list);
  EXPECT_FALSE(raw.empty());
}

TEST(Features, TraditionalAndFullWidthFormsFoldIntoTheSameFeatures) {
  Segmenter segmenter(kLexicon);
  FeatureExtractor extractor(segmenter, {});
  EXPECT_EQ(sorted_keys(extractor, "小區　ＷＩＦＩ"), sorted_keys(extractor, "小区 wifi"));
}

TEST(Features, CountsEachKindAsConfigured) {
  Segmenter segmenter(kLexicon);
  std::vector<uint64_t> keys;
  // "小区的大厦": stop word 的 dropped → content 小区大厦 (4 characters), words 小区 and 大厦.
  FeatureExtractor({segmenter, {1, 3, true, true, 0, 0}}).extract("小区的大厦", keys);
  EXPECT_EQ(keys.size(), 4u + 3u + 2u + 2u);  // unigrams, bigrams, trigrams, words
  EXPECT_NE(std::find(keys.begin(), keys.end(), word_key(U"小区")), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), ngram_key(U"区大")), keys.end());
  EXPECT_EQ(std::find(keys.begin(), keys.end(), ngram_key(U"区的")), keys.end());
  EXPECT_NE(word_key(U"小区"), ngram_key(U"小区"));

  keys.clear();
  FeatureExtractor({segmenter, {2, 2, false, false, 0}}).extract("小区的大厦 wifi", keys);
  EXPECT_EQ(keys.size(), 3u);  // bigrams only
}

TEST(Features, TheLeadIsFeaturesOfItsOwnInWholeWords) {
  Segmenter segmenter(kLexicon);
  auto keys_of = [&](int lead, std::string_view text) {
    std::vector<uint64_t> keys;
    FeatureExtractor({segmenter, {1, 2, true, false, lead, 0}}).extract(text, keys);
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  auto plus_lead = [](std::vector<uint64_t> keys, const std::vector<uint64_t>& lead) {
    for (uint64_t key : lead) keys.push_back(lead_key(key));
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  // Content 小区大厦烂尾 (的 is a stop word). A lead of 5 takes the words 小区 and 大厦 (烂尾
  // would pass the fifth character), so the lead adds the features of 小区大厦, tagged.
  EXPECT_EQ(keys_of(5, "小区的大厦烂尾"),
            plus_lead(keys_of(0, "小区的大厦烂尾"), keys_of(0, "小区大厦")));
  EXPECT_NE(lead_key(word_key(U"小区")), word_key(U"小区"));
  // A lead longer than the text takes all of it; one shorter than the first word, nothing.
  auto all = keys_of(0, "小区大厦");
  EXPECT_EQ(keys_of(100, "小区大厦"), plus_lead(all, all));
  EXPECT_EQ(keys_of(1, "小区大厦"), all);
  EXPECT_EQ(FeatureOptions{}.lead, 20);
}

TEST(Features, NgramsComeFromTheWindowAndWordsFromAllOfTheText) {
  Segmenter segmenter(kLexicon);
  auto keys_of = [&](int window, std::string_view text) {
    std::vector<uint64_t> keys;
    FeatureExtractor({segmenter, {1, 1, true, false, 0, window}}).extract(text, keys);
    return keys;
  };
  // Content 小区大厦烂尾: with a window of 3, unigrams 小 区 大 and the three words.
  auto windowed = keys_of(3, "小区的大厦烂尾");
  EXPECT_EQ(windowed.size(), 3u + 3u);
  EXPECT_NE(std::find(windowed.begin(), windowed.end(), word_key(U"烂尾")), windowed.end());
  EXPECT_EQ(std::find(windowed.begin(), windowed.end(), ngram_key(U"厦")), windowed.end());
  EXPECT_NE(std::find(windowed.begin(), windowed.end(), ngram_key(U"大")), windowed.end());
  EXPECT_EQ(keys_of(0, "小区的大厦烂尾").size(), 6u + 3u);
  EXPECT_EQ(keys_of(100, "小区的大厦烂尾").size(), 6u + 3u);
}

TEST(Features, KeysComeInBlocksOfWordsNgramsAndTheLead) {
  Segmenter segmenter(kLexicon);
  std::vector<uint64_t> keys;
  BlockEnds ends{};
  // Lead of 4 characters: 小区 大厦; the rest 人为 烂尾.
  FeatureExtractor({segmenter, {1, 2, true, true, 4, 0}})
      .extract("小区的大厦人为烂尾 wifi", keys, nullptr, &ends);
  ASSERT_EQ(ends[2], keys.size());
  ASSERT_LE(ends[0], ends[1]);
  ASSERT_LE(ends[1], ends[2]);
  auto in = [&](size_t block, uint64_t key) {
    const size_t begin = block == 0 ? 0 : ends[block - 1];
    return std::find(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                     keys.begin() + static_cast<std::ptrdiff_t>(ends[block]),
                     key) != keys.begin() + static_cast<std::ptrdiff_t>(ends[block]);
  };
  EXPECT_EQ(ends[0], 4u + 1u);  // the words 小区 大厦 人为 烂尾 and the Latin run wifi
  EXPECT_TRUE(in(0, word_key(U"烂尾")));
  EXPECT_EQ(ends[1] - ends[0], 8u + 7u);  // unigrams and bigrams of 小区大厦人为烂尾
  EXPECT_TRUE(in(1, ngram_key(U"为烂")));
  EXPECT_EQ(ends[2] - ends[1], 2u + 4u + 3u);  // the lead's words, unigrams and bigrams
  EXPECT_TRUE(in(2, lead_key(word_key(U"小区"))));
  EXPECT_TRUE(in(2, lead_key(ngram_key(U"区大"))));
  EXPECT_FALSE(in(2, lead_key(word_key(U"人为"))));
}

TEST(Features, LatinRunsNeedTwoLettersAndDigitsSplitThem) {
  Segmenter segmenter(kLexicon);
  std::vector<uint64_t> keys;
  FeatureExtractor({segmenter, {1, 1, false, true, 0}}).extract("A3 ETC etc x", keys);
  ASSERT_EQ(keys.size(), 2u);  // "a" and "x" are too short; ETC and etc are one feature
  EXPECT_EQ(keys[0], keys[1]);
}

TEST(Features, EmojiOtherScriptsAndEmptyTextYieldNothingButDoNotFail) {
  Segmenter segmenter(kLexicon);
  FeatureExtractor extractor(segmenter, {});
  EXPECT_TRUE(sorted_keys(extractor, "").empty());
  EXPECT_TRUE(sorted_keys(extractor, "🏠🚗 ノイズ 소음 123").empty());
  EXPECT_EQ(sorted_keys(extractor, "🏠小区🚗"), sorted_keys(extractor, "小区"));
}

TEST(Features, InvalidUtf8IsAnErrorNamingTheText) {
  Segmenter segmenter(kLexicon);
  std::vector<uint64_t> keys;
  Status s = FeatureExtractor(segmenter, {}).extract_raw("小区\xC3", keys);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "text");
}

TEST(Features, OptionsAreValidated) {
  EXPECT_TRUE(validate(FeatureOptions{}).ok());
  EXPECT_FALSE(validate(FeatureOptions{0, 2, true, true}).ok());
  EXPECT_FALSE(validate(FeatureOptions{3, 2, true, true}).ok());
  EXPECT_FALSE(validate(FeatureOptions{1, 6, true, true}).ok());
  EXPECT_TRUE(validate(FeatureOptions{1, 3, true, true, 0}).ok());
  EXPECT_EQ(validate(FeatureOptions{1, 3, true, true, -1}).field(), "lead");
  EXPECT_EQ(validate(FeatureOptions{1, 3, true, true, kMaxLead + 1}).field(), "lead");
  EXPECT_EQ(validate(FeatureOptions{1, 3, true, true, 0, -1}).field(), "ngram-window");
}

}  // namespace
}  // namespace shegong::text
