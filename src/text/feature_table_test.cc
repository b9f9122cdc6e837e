#include "text/feature_table.h"

#include <gtest/gtest.h>

namespace shegong::text {
namespace {

TEST(PackedKeyTable, FindsWhatWasMergedAndNothingElseAcrossGrowth) {
  PackedKeyTable<24> table;  // starts small: 100,000 keys force it to grow many times
  for (uint64_t i = 0; i < 100000; ++i) table.merge(mix(i), i + 1);
  EXPECT_EQ(table.size(), 100000u);
  for (uint64_t i = 0; i < 100000; ++i) ASSERT_EQ(table.find(mix(i)), i + 1) << i;
  for (uint64_t i = 100000; i < 200000; ++i) ASSERT_EQ(table.find(mix(i)), 0u) << i;
}

TEST(PackedKeyTable, MergeOrsValuesOfTheSameKey) {
  PackedKeyTable<3> flags;
  flags.merge(mix(7), 1);
  flags.merge(mix(7), 4);
  EXPECT_EQ(flags.find(mix(7)), 5u);
  EXPECT_EQ(flags.size(), 1u);
}

TEST(KeyTable, CountsAndGrows) {
  KeyTable<uint32_t> counts;
  for (uint64_t i = 0; i < 5000; ++i) ++counts[mix(i % 1000)];
  EXPECT_EQ(counts.size(), 1000u);
  ASSERT_NE(counts.find(mix(3)), nullptr);
  EXPECT_EQ(*counts.find(mix(3)), 5u);
  EXPECT_EQ(counts.find(mix(1000)), nullptr);
}

TEST(Keys, DependOnEveryCodePointAndItsOrder) {
  EXPECT_NE(extend(extend(kSeed, U'小'), U'区'), extend(extend(kSeed, U'区'), U'小'));
  EXPECT_NE(mix(extend(kSeed, U'小')), mix(extend(kSeed, U'区')));
  EXPECT_NE(mix(0), 0u);  // 0 marks an empty slot
}

}  // namespace
}  // namespace shegong::text
