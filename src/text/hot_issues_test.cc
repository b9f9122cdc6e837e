#include "text/hot_issues.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/hot_matters.h"

namespace shegong::text {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1'560'000'000;  // mid-2019

CitizenMessage message(int64_t id, std::string user, std::string subject, std::string body,
                       int64_t day, int64_t likes = 0) {
  return {id, std::move(user), std::move(subject), std::move(body), kStart + day * kDay, likes};
}

std::vector<CitizenMessage> sample() {
  std::vector<CitizenMessage> m;
  // One issue raised by five people over a month.
  m.push_back(message(1, "u1", "A5区魅力之城小区临街门面油烟扰民",
                      "魅力之城小区楼下的餐馆油烟直排，晚上噪音很大。", 0));
  m.push_back(message(2, "u2", "魅力之城小区油烟噪音扰民严重",
                      "小区临街门面的烧烤店油烟扰民，投诉多次没有结果。", 6, 3));
  m.push_back(message(3, "u3", "A市A5区魅力之城临街餐馆油烟问题",
                      "魅力之城小区一楼门面油烟熏人，请环保部门处理。", 12));
  m.push_back(message(4, "u4", "投诉魅力之城小区门面油烟扰民",
                      "每天晚上油烟和噪音，魅力之城的业主苦不堪言。", 20, 1));
  m.push_back(message(5, "u4", "再次反映魅力之城小区油烟扰民",
                      "魅力之城小区临街门面油烟问题还是没有解决。", 30));
  // The same complaint about another estate is another issue.
  m.push_back(message(6, "u6", "A3区枫林小区临街门面油烟扰民",
                      "枫林小区一楼的烧烤摊油烟很大，影响居民开窗。", 2));
  // A matter with no place, raised twice within days.
  m.push_back(message(7, "u7", "58车贷集资诈骗案何时追赃",
                      "58车贷案受害人的钱何时能追回，请公安加快办案。", 5, 2));
  m.push_back(message(8, "u8", "关注58车贷集资诈骗案何时追赃",
                      "58车贷案受害人的钱至今没有追回，请加快办案。", 9, 1));
  // The same matter again, but a year later: a new issue.
  m.push_back(message(9, "u9", "58车贷集资诈骗案何时追赃",
                      "58车贷案受害人的钱何时能追回，请公安加快办案。", 400));
  m.push_back(
      message(10, "u10", "A1区某学校食堂卫生差", "学校食堂饭菜有异物，希望教育局检查。", 3));
  return m;
}

const HotIssue* issue_with(const HotIssueReport& r, int64_t id) {
  for (const auto& issue : r.issues)
    if (std::count(issue.members.begin(), issue.members.end(), id)) return &issue;
  return nullptr;
}

TEST(HotIssues, GroupsByMatterPlaceAndTime) {
  auto report = find_hot_issues(sample(), {});
  ASSERT_FALSE(report.issues.empty());
  const HotIssue& top = report.issues.front();
  EXPECT_EQ(top.members, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(top.messages, 5u);
  EXPECT_EQ(top.requesters, 4u);
  EXPECT_EQ(top.likes, 4);
  EXPECT_EQ(top.last_time - top.first_time, 30 * kDay);
  EXPECT_NE(top.place.find("魅力之城"), std::string::npos) << top.place;
  EXPECT_NE(top.title.find("魅力之城"), std::string::npos) << top.title;

  const HotIssue* other_estate = issue_with(report, 6);
  ASSERT_NE(other_estate, nullptr);
  EXPECT_EQ(other_estate->members, std::vector<int64_t>{6});

  const HotIssue* fraud = issue_with(report, 7);
  ASSERT_NE(fraud, nullptr);
  EXPECT_EQ(fraud->members, (std::vector<int64_t>{7, 8}));
  EXPECT_EQ(report.groups, 5u);
}

TEST(HotIssues, ASharedSpotAndMatterJoinDifferentWordings) {
  std::vector<CitizenMessage> m;
  m.push_back(message(1, "u1", "A市万科魅力之城商铺无排烟管道，小区内到处油烟味",
                      "商铺没有排烟管道，油烟直接排到小区里。", 0));
  m.push_back(message(2, "u2", "A5区魅力之城小区一楼的夜宵摊严重污染附近的空气",
                      "魅力之城小区一楼夜宵摊每晚烧烤，油烟呛人。", 5));
  m.push_back(
      message(3, "u3", "A市万科魅力之城楼板开裂", "新房交付不到一年，楼板和墙面大面积开裂。", 8));
  auto report = find_hot_issues(m, {});
  ASSERT_EQ(report.groups, 2u);
  EXPECT_EQ(issue_with(report, 1)->members, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(issue_with(report, 3)->members, std::vector<int64_t>{3});
}

TEST(HotIssues, ARarePhraseAndMatterJoinMessagesWithoutPlace) {
  std::vector<CitizenMessage> m;
  m.push_back(message(1, "u1", "58车贷恶性退出立案近半年没有通报",
                      "立案已经半年，受害人至今不知道进展。", 0));
  m.push_back(message(2, "u2", "请书记关注58车贷案", "希望领导督促经侦加快追赃挽损。", 3));
  m.push_back(
      message(3, "u3", "请书记关注老旧电梯更换", "电梯经常困人，希望领导督促加快更换。", 4));
  auto report = find_hot_issues(m, {});
  EXPECT_EQ(issue_with(report, 1)->members, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(issue_with(report, 3)->members, std::vector<int64_t>{3});
}

TEST(HotIssues, TheTitleMasksThePersonalNumbersOfTheSubject) {
  std::vector<CitizenMessage> m;
  // A subject with a mobile number (written full-width) and an ID number with a valid check digit.
  m.push_back(message(1, "u1", "枫林小区停水三天请回电１３８１２３４５６７８",
                      "枫林小区停水三天，无人处理。", 0));
  m.push_back(message(2, "u2", "枫林小区停水三天身份证11010519491231002X",
                      "枫林小区又停水了，三天没有自来水。", 1));
  auto report = find_hot_issues(m, {});
  ASSERT_EQ(report.issues.size(), 1u);
  const std::string& title = report.issues.front().title;
  EXPECT_NE(title.find("枫林小区停水三天"), std::string::npos) << title;
  for (const char* number : {"13812345678", "１３８１２３４５６７８", "11010519491231002X"})
    EXPECT_EQ(title.find(number), std::string::npos) << title;
  EXPECT_TRUE(title.find("138****5678") != std::string::npos ||
              title.find("110105********002X") != std::string::npos)
      << title;
}

TEST(HotMatters, CueWordsNameTheKindOfProblem) {
  MatterSet fumes = matters_of("楼下烧烤摊油烟扰民");
  EXPECT_NE(fumes & matters_of("商铺无排烟管道"), 0u);
  EXPECT_NE(fumes & matters_of("夜间噪音很大"), 0u);  // 扰民 is noise too
  EXPECT_EQ(matters_of("小区楼板开裂") & matters_of("商铺无排烟管道"), 0u);
  EXPECT_EQ(matter_name(matters_of("排烟")), "餐饮油烟");
  EXPECT_EQ(matters_of(""), 0u);
  EXPECT_EQ(matter_name(0), "");
  EXPECT_EQ(matters_of("\xff\xfe"), 0u);
}

TEST(HotIssues, HeatGrowsWithPeopleAndLikesAndCoolsWithSpan) {
  EXPECT_GT(heat_index(5, 5, 0, 10), heat_index(5, 1, 0, 10));
  EXPECT_GT(heat_index(5, 5, 100, 10), heat_index(5, 5, 0, 10));
  EXPECT_GT(heat_index(5, 5, 0, 10), heat_index(5, 5, 0, 400));
  EXPECT_GT(heat_index(6, 5, 0, 10), heat_index(5, 5, 0, 10));
  EXPECT_DOUBLE_EQ(heat_index(1, 1, -5, -1), heat_index(1, 1, 0, 0));
}

TEST(HotIssues, TopCutsTheListAfterRanking) {
  HotIssueOptions options;
  options.top = 2;
  auto report = find_hot_issues(sample(), options);
  ASSERT_EQ(report.issues.size(), 2u);
  EXPECT_GE(report.issues[0].heat, report.issues[1].heat);
  EXPECT_EQ(report.messages, 10u);
}

TEST(HotIssues, OddInputGivesAResultNotACrash) {
  EXPECT_TRUE(find_hot_issues({}, {}).issues.empty());
  auto m = sample();
  m.push_back(message(11, "u11", "坏\xff字节", "正文", 1));
  m.push_back(message(12, "", "", "", 1));
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "魅力之城小区油烟扰民🏠 noise ノイズ。";
  m.push_back(message(13, "u13", "魅力之城小区油烟😡", huge, 15));
  auto report = find_hot_issues(m, {});
  EXPECT_EQ(report.unreadable, std::vector<int64_t>{11});
  EXPECT_EQ(report.messages, 13u);
  ASSERT_FALSE(report.issues.empty());
  EXPECT_NE(issue_with(report, 12), nullptr);  // an empty message is its own, quiet issue
}

}  // namespace
}  // namespace shegong::text
