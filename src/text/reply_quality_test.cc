#include "text/reply_quality.h"

#include <gtest/gtest.h>

#include <numeric>

namespace shegong::text {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kSent = 1'560'000'000;

RepliedMessage noise_message(std::string reply, double days) {
  return {1,
          "A3区枫林小区夜间施工噪音扰民",
          "枫林小区旁边的工地每天晚上施工到凌晨，噪音太大，居民无法休息。",
          std::move(reply),
          kSent,
          kSent + static_cast<int64_t>(days * kDay)};
}

const char* kGoodReply =
    "网友您好！经调查核实，您反映的枫林小区旁工地夜间施工噪音扰民问题属实。根据《中华人民共和国"
    "环境噪声污染防治法》第三十条的规定，我局已责令施工单位停止夜间施工，并对其处以罚款。目前工地"
    "已按规定时间作业。如有疑问，请拨打联系电话0731-88888888。";

TEST(ReplyQuality, AGoodReplyBeatsAnEmptyPhrase) {
  ReplyScorer scorer;
  auto good = scorer.score(noise_message(kGoodReply, 4));
  auto weak = scorer.score(noise_message("您的留言已收悉。", 200));
  ASSERT_TRUE(good.ok() && weak.ok());
  EXPECT_DOUBLE_EQ(good->basis, 1.0);
  EXPECT_DOUBLE_EQ(good->next_step, 1.0);
  EXPECT_DOUBLE_EQ(good->answer, 1.0);
  EXPECT_DOUBLE_EQ(good->timeliness, 1.0);
  EXPECT_TRUE(good->weaknesses.empty()) << good->weaknesses.front();
  EXPECT_GT(good->overall, 0.75);
  EXPECT_LT(weak->overall, 0.2);
  EXPECT_DOUBLE_EQ(weak->timeliness, 0.0);
  EXPECT_EQ(weak->weaknesses.front(), "very short");
  EXPECT_EQ(weak->weaknesses.back(), "late: 200 days");
}

TEST(ReplyQuality, BasisLevels) {
  ReplyScorer scorer;
  auto cue = [&](std::string reply) {
    return scorer.score(noise_message(std::move(reply), 1))->basis;
  };
  EXPECT_DOUBLE_EQ(cue("依照《物业管理条例》处理。"), 1.0);
  EXPECT_DOUBLE_EQ(cue("按该法第十二条处理。"), 1.0);
  EXPECT_DOUBLE_EQ(cue("根据相关规定，施工须在晚上十点前结束。"), 0.7);
  EXPECT_DOUBLE_EQ(cue("这属于政策范围内的事。"), 0.3);
  EXPECT_DOUBLE_EQ(cue("我们会去看看。"), 0.0);
}

TEST(ReplyQuality, TimelinessFollowsTheLimits) {
  ReplyScorer scorer;
  auto after = [&](double days) {
    return scorer.score(noise_message(kGoodReply, days))->timeliness;
  };
  EXPECT_DOUBLE_EQ(after(0), 1.0);
  EXPECT_DOUBLE_EQ(after(15), 1.0);
  EXPECT_NEAR(after(60), 0.5, 1e-9);
  EXPECT_NEAR(after(120), 0.25, 1e-9);
  EXPECT_DOUBLE_EQ(after(400), 0.0);
  EXPECT_GT(after(20), after(40));
}

TEST(ReplyQuality, AReplyAboutSomethingElseIsLessRelevant) {
  ReplyScorer scorer;
  auto on = scorer.score(noise_message(kGoodReply, 3));
  auto off = scorer.score(noise_message(
      "经调查，您反映的社保卡制卡进度问题，目前已制卡完成，可携带身份证到社保窗口领取，联系电话"
      "0731-12345678。根据《社会保险法》办理。",
      3));
  ASSERT_TRUE(on.ok() && off.ok());
  EXPECT_GT(on->relevance, off->relevance + 0.3);
  EXPECT_LT(off->relevance, 0.3);
}

TEST(ReplyQuality, BadInputIsAnErrorOrAZeroNotACrash) {
  ReplyScorer scorer;
  EXPECT_EQ(scorer.score(noise_message("好\xff", 1)).status().field(), "reply");
  auto before = noise_message(kGoodReply, 1);
  before.reply_time = before.time - 10;
  EXPECT_EQ(scorer.score(before).status().field(), "reply_time");

  auto empty = scorer.score(noise_message("  \n　", 1));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->weaknesses, std::vector<std::string>{"no reply"});
  EXPECT_DOUBLE_EQ(empty->completeness, 0.0);

  std::string huge;
  while (huge.size() < (1u << 20)) huge += "经调查已责令整改😡，reply ノイズ。";
  auto big = scorer.score(noise_message(huge, 1));
  ASSERT_TRUE(big.ok());
  EXPECT_GT(big->answer, 0.0);
}

TEST(ReplyQuality, ReportCountsEveryReplyOnce) {
  std::vector<RepliedMessage> all = {noise_message(kGoodReply, 3), noise_message("已收悉。", 90),
                                     noise_message("坏\xff", 1)};
  all[1].id = 2;
  all[2].id = 3;
  auto report = score_replies(all);
  ASSERT_EQ(report.scores.size(), 2u);
  ASSERT_EQ(report.unscored.size(), 1u);
  EXPECT_EQ(report.unscored[0].first, 3);
  EXPECT_EQ(std::accumulate(report.histogram.begin(), report.histogram.end(), size_t{0}), 2u);
  EXPECT_GT(report.overall.p90, report.overall.p10);
  EXPECT_EQ(quantiles({}).median, 0.0);
  EXPECT_DOUBLE_EQ(quantiles({1, 2, 3}).median, 2.0);
}

}  // namespace
}  // namespace shegong::text
