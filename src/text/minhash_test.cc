#include "text/minhash.h"

#include <gtest/gtest.h>

#include <random>

#include "text/shingles.h"

namespace shegong::text {
namespace {

std::vector<uint64_t> range_set(uint64_t from, uint64_t to) {
  std::vector<uint64_t> out;
  for (uint64_t i = from; i < to; ++i) out.push_back(mix64(i));
  return out;
}

TEST(MinHash, EstimatesJaccardOfOverlappingSets) {
  // [0, 1000) and [500, 1500): 500 shared of 1500, J = 1/3.
  auto a = minhash(range_set(0, 1000), 256);
  auto b = minhash(range_set(500, 1500), 256);
  EXPECT_NEAR(estimate_jaccard(a, b), 1.0 / 3, 0.08);
  EXPECT_DOUBLE_EQ(estimate_jaccard(a, a), 1.0);
  auto c = minhash(range_set(5000, 6000), 256);
  EXPECT_LT(estimate_jaccard(a, c), 0.05);
}

TEST(MinHash, SmallSetsAreDensifiedNotEmpty) {
  auto one = minhash(range_set(0, 1), 64);
  ASSERT_EQ(one.slots.size(), 64u);
  EXPECT_DOUBLE_EQ(estimate_jaccard(one, minhash(range_set(0, 1), 64)), 1.0);
  EXPECT_TRUE(minhash({}, 64).slots.empty());
  EXPECT_DOUBLE_EQ(estimate_jaccard(minhash({}, 64), minhash({}, 64)), 0.0);
}

TEST(MinHash, RepeatedShinglesAreASet) {
  auto once = range_set(0, 50);
  auto twice = once;
  twice.insert(twice.end(), once.begin(), once.end());
  EXPECT_EQ(minhash(once, 32).slots, minhash(twice, 32).slots);
}

TEST(MinHash, ByteMatchingCountsEqualBytes) {
  std::mt19937 rng(7);
  for (size_t n : {0u, 1u, 7u, 8u, 13u, 96u, 128u}) {
    std::vector<uint8_t> a(n), b(n);
    size_t expected = 0;
    for (size_t i = 0; i < n; ++i) {
      a[i] = static_cast<uint8_t>(rng());
      b[i] = rng() % 3 == 0 ? a[i] : static_cast<uint8_t>(a[i] ^ (1u << (rng() % 8)));
      expected += a[i] == b[i];
    }
    EXPECT_EQ(matching_bytes(a.data(), b.data(), n), expected) << n;
  }
  EXPECT_DOUBLE_EQ(similarity_of_bytes(96, 96), 1.0);
  EXPECT_DOUBLE_EQ(similarity_of_bytes(0, 96), 0.0);
  EXPECT_DOUBLE_EQ(similarity_of_bytes(0, 0), 0.0);
}

TEST(Shingles, KeepOnlyMeaningfulCharactersLowerCased) {
  EXPECT_EQ(content_characters("小区，噪音！ ABC-12"), U"小区噪音abc12");
  EXPECT_EQ(content_characters("“。”…"), U"");
  EXPECT_EQ(content_characters("噪音🏠ノイズ"), U"噪音🏠ノイズ");
  // Bad bytes never stop the walk.
  EXPECT_EQ(content_characters("a\xff\xe5"
                               "b"),
            U"ab");
  EXPECT_EQ(shingle_hashes(U"abcd", 3).size(), 2u);
  EXPECT_EQ(shingle_hashes(U"ab", 3).size(), 1u);
  EXPECT_TRUE(shingle_hashes(U"", 3).empty());
  EXPECT_EQ(to_utf8(decode_utf8("小区🏠")), "小区🏠");
}

TEST(Shingles, CosineAndCoverage) {
  TermVector a, b, c;
  a.add_terms(shingle_hashes(U"小区噪音扰民", 2), 1);
  b.add_terms(shingle_hashes(U"小区噪音扰民严重", 2), 1);
  c.add_terms(shingle_hashes(U"学校食堂卫生", 2), 1);
  a.finish(nullptr);
  b.finish(nullptr);
  c.finish(nullptr);
  EXPECT_GT(TermVector::cosine(a, b), 0.7);
  EXPECT_DOUBLE_EQ(TermVector::cosine(a, c), 0.0);
  EXPECT_DOUBLE_EQ(TermVector::coverage(a, b), 1.0);
  EXPECT_LT(TermVector::coverage(b, a), 1.0);
  EXPECT_DOUBLE_EQ(TermVector::cosine(TermVector(), a), 0.0);
}

}  // namespace
}  // namespace shegong::text
