#include "text/near_duplicates.h"

#include <gtest/gtest.h>

namespace shegong::text {
namespace {

// Distinct matters, each a few clauses long like a real message.
const std::vector<std::string> kMatters = {
    "A市A5区魅力之城小区临街门面油烟噪音扰民，晚上十二点还在营业，居民无法休息，请相关部门尽快处理"
    "。",
    "A2区丽发新城小区附近的搅拌站灰尘很大，噪音扰民，白天晚上都在施工，严重影响附近居民生活。",
    "A3区郝家坪小学什么时候能改扩建？学位紧张，孩子上学难，希望教育局给个明确的时间表。",
    "A7县春华镇金鼎村水泥路到户和自来水到户的问题，村民用水紧张，希望政府尽快解决。",
    "A市58车贷特大集资诈骗案进展缓慢，受害人的钱至今没有追回，请求公安机关加快办案。",
    "A4区绿地海外滩小区距离高铁线路不到30米，噪音和安全隐患大，开发商没有如实告知。",
    "A6区月亮岛路沿线架设110kv高压线杆，离居民楼太近，辐射让人担心，要求改线入地。",
    "A市经济学院强制学生外出实习，实习单位与专业无关，不去就不能毕业，学生苦不堪言。",
};

NearDuplicateIndex indexed_matters() {
  NearDuplicateIndex index;
  for (size_t i = 0; i < kMatters.size(); ++i)
    EXPECT_TRUE(
        index.add(static_cast<int64_t>(100 + i), "U" + std::to_string(i), kMatters[i]).ok());
  return index;
}

TEST(NearDuplicates, FindsAnEditedCopyAndNothingForAnotherMatter) {
  auto index = indexed_matters();
  // A greeting, Traditional characters, full-width letters and digits, a clause moved.
  std::string edited =
      "您好！Ａ３區郝家坪小學什麼時候能改擴建？希望教育局给个明确的时间表，学位紧张，孩子上学难。";
  auto found = index.similar(edited, 3, 0.4);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  EXPECT_EQ(found->front().id, 102);
  EXPECT_GT(found->front().similarity, 0.5);

  auto exact = index.similar(kMatters[1], 1);  // the default bar: the same matter
  ASSERT_TRUE(exact.ok());
  ASSERT_EQ(exact->size(), 1u);
  EXPECT_EQ(exact->front().id, 101);
  EXPECT_DOUBLE_EQ(exact->front().similarity, 1.0);

  auto other =
      index.similar("A1区某商场的电梯经常故障，消费者被困多次，请市场监管部门检查。", 3, 0.4);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
}

TEST(NearDuplicates, NormalisedFormsFingerprintAlike) {
  NearDuplicateIndex index;
  auto a = index.fingerprint("小区噪音扰民123，请处理");
  auto b = index.fingerprint("小區噪音擾民１２３。請處理！");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sketch, b->sketch);
  EXPECT_EQ(a->band_keys, b->band_keys);
}

TEST(NearDuplicates, EveryAddedMessageIsFoundAcrossRunMerges) {
  NearDuplicateIndex index;
  // 1,000 distinct texts force many merges of the band runs.
  for (int i = 0; i < 1000; ++i)
    ASSERT_TRUE(
        index.add(i, "", kMatters[i % kMatters.size()] + "编号" + std::to_string(i * 7919)).ok());
  EXPECT_EQ(index.size(), 1000u);
  for (int i : {0, 1, 511, 512, 999}) {
    auto found =
        index.similar(kMatters[i % kMatters.size()] + "编号" + std::to_string(i * 7919), 1, 0.99);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u) << i;
    EXPECT_EQ(found->front().id, i);
  }
  EXPECT_GT(index.memory_bytes(), 1000u * 96);
}

TEST(NearDuplicates, RepeatDemandIsSameRequesterAndSameMatter) {
  auto index = indexed_matters();
  std::string again = "您好，" + kMatters[0] + "已经反映过一次了。";
  auto same = index.find_repeat("U0", again, 0.5);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->repeated);
  ASSERT_EQ(same->earlier.size(), 1u);
  EXPECT_EQ(same->earlier[0].id, 100);
  EXPECT_EQ(same->other_requesters, 0u);

  auto other_person = index.find_repeat("U9", again, 0.5);
  ASSERT_TRUE(other_person.ok());
  EXPECT_FALSE(other_person->repeated);
  EXPECT_EQ(other_person->other_requesters, 1u);

  auto other_matter = index.find_repeat("U0", kMatters[3], 0.5);
  ASSERT_TRUE(other_matter.ok());
  EXPECT_FALSE(other_matter->repeated);

  EXPECT_EQ(index.find_repeat("", again, 0.5).status().field(), "requester");
}

// Fifty residents raise one matter: all are counted, or as many as asked for, or none.
TEST(NearDuplicates, OtherRequestersAreCountedUpToTheCap) {
  NearDuplicateIndex index;
  for (int i = 0; i < 50; ++i) {
    std::string text = kMatters[1] + "（第" + std::to_string(i) + "户）";
    ASSERT_TRUE(index.add(1000 + i, "R" + std::to_string(i), text).ok());
  }
  std::string again = kMatters[1] + "又来了";
  auto all = index.find_repeat("R0", again, 0.5);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->repeated);
  EXPECT_EQ(all->other_requesters, 49u);
  auto capped = index.find_repeat("R0", again, 0.5, 10);
  ASSERT_TRUE(capped.ok());
  EXPECT_TRUE(capped->repeated);
  EXPECT_EQ(capped->other_requesters, 10u);
  auto none = index.find_repeat("R0", again, 0.5, 0);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->repeated);
  EXPECT_EQ(none->other_requesters, 0u);
}

TEST(NearDuplicates, BadInputIsAnErrorNotACrash) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.add(1, "u", "").field(), "text");
  EXPECT_EQ(index.add(2, "u", " 　\n，。！").field(), "text");
  EXPECT_EQ(index.add(3, "u", "噪音\xff\xfe").field(), "text");
  EXPECT_EQ(index.similar("", 5, 0.5).status().field(), "text");
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.similar(Fingerprint{}, 5, 0.5).empty());

  NearDuplicateOptions small;
  small.bands = 4;
  small.rows = 2;
  NearDuplicateIndex other(small);
  auto foreign = other.fingerprint("小区噪音");
  ASSERT_TRUE(foreign.ok());
  EXPECT_EQ(index.add(4, "u", *foreign).field(), "fingerprint");
}

TEST(NearDuplicates, HugeEmojiAndMixedScriptMessagesWork) {
  NearDuplicateIndex index;
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "环境噪音扰民，夜间施工不停。";
  ASSERT_TRUE(index.add(1, "u", huge).ok());
  std::string mixed = "小区🏠噪音 noise ノイズ 소음 шум 😡😡";
  ASSERT_TRUE(index.add(2, "u", mixed).ok());
  ASSERT_TRUE(index.add(3, "u", "😡").ok());  // one character is still a message

  auto found = index.similar(huge, 1, 0.9);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, 1);
  auto again = index.similar(mixed, 1, 0.9);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ(again->front().id, 2);
}

}  // namespace
}  // namespace shegong::text
