// `shegong text hot|replies|similar` as an operator runs them on a CSV export: reports on stdout,
// and clear errors with a non-zero exit for bad files and bad settings.
#include <fstream>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

class TextAnalysisCli : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    data_ = dir_ + "/messages.csv";
    std::ofstream(data_)
        << "id,user,subject,time,body,likes,reply,reply_time\n"
           "1,A001,幸福里小区夜间施工噪音扰民,2020-01-01 22:10:00,幸福里小区旁工地每晚施工到凌晨"
           "噪音很大无法休息,3,您好，已责成施工单位停止夜间施工，违规将依法处罚。,2020-01-03 "
           "10:00:00\n"
           "2,A002,幸福里小区工地夜间施工太吵,2020-01-02 23:00:00,幸福里小区旁边工地晚上施工"
           "噪音扰民严重影响休息,5,已收悉。,2020-03-30 09:00:00\n"
           "3,A001,幸福里小区夜间施工噪音扰民,2020-01-06 22:30:00,幸福里小区旁工地每晚施工到凌晨"
           "噪音很大无法休息,0,您好，经核查工地已办理夜间施工许可。,2020-01-08 15:00:00\n"
           "4,A003,公司拖欠三个月工资,2020-02-01 09:00:00,我在某公司工作公司已经拖欠三个月工资"
           "不发,1,您好，劳动监察大队已约谈企业，工资已于本周发放。,2020-02-05 11:00:00\n";
  }
  std::string data_;
};

TEST_F(TextAnalysisCli, HotRepliesAndSimilarReportOnAFile) {
  auto hot = sg({"text", "hot", "--data", data_, "--top", "1"});
  ASSERT_EQ(hot.exit_code, 0) << hot.err;
  EXPECT_NE(hot.out.find("4 messages"), std::string::npos) << hot.out;
  EXPECT_NE(hot.out.find("#1 "), std::string::npos) << hot.out;
  EXPECT_EQ(hot.out.find("#2 "), std::string::npos) << hot.out;  // --top 1

  auto replies = sg({"text", "replies", "--data", data_, "--weakest", "1"});
  ASSERT_EQ(replies.exit_code, 0) << replies.err;
  EXPECT_NE(replies.out.find("weakest 1:"), std::string::npos) << replies.out;
  auto distribution = sg({"text", "replies", "--data", data_, "--weakest", "0"});
  ASSERT_EQ(distribution.exit_code, 0) << distribution.err;
  EXPECT_NE(distribution.out.find("weakest 0:"), std::string::npos) << distribution.out;

  // The same requester writing the same matter again is a repeat demand; 3 repeats 1.
  auto repeats = sg({"text", "similar", "--data", data_});
  ASSERT_EQ(repeats.exit_code, 0) << repeats.err;
  EXPECT_NE(repeats.out.find("repeat demands (same requester, similarity >= 0.50): 1"),
            std::string::npos)
      << repeats.out;
  auto like = sg({"text", "similar", "--data", data_, "--text",
                  "幸福里小区夜间施工噪音扰民 幸福里小区旁工地每晚施工到凌晨噪音很大无法休息",
                  "--requester", "A001", "--top", "2"});
  ASSERT_EQ(like.exit_code, 0) << like.err;
  EXPECT_NE(like.out.find("repeat by A001: yes"), std::string::npos) << like.out;
}

TEST_F(TextAnalysisCli, BadSettingsAreRefusedBeforeAnyWork) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"hot", "--top", "0"}, "--top"},
      {{"hot", "--top", "-1"}, "--top"},
      {{"replies", "--weakest", "-1"}, "--weakest"},
      {{"similar", "--top", "0"}, "--top"},
      {{"similar", "--top", "-1"}, "--top"},
      {{"similar", "--min", "nan"}, "--min"},
      {{"similar", "--min", "1.5"}, "--min"},
      {{"similar", "--min", "0.5x"}, "--min"},
      {{"similar", "--requester", "A001"}, "--text"},
  };
  for (const auto& [args, named] : bad) {
    std::vector<std::string> command = {"text"};
    command.insert(command.end(), args.begin(), args.end());
    command.insert(command.end(), {"--data", data_});
    auto run = sg(command);
    EXPECT_NE(run.exit_code, 0) << args[0] << " " << args[1] << " " << args[2];
    EXPECT_NE(run.err.find(named), std::string::npos) << run.err;
  }
}

TEST_F(TextAnalysisCli, ATimeWithAnythingAfterItNamesTheRow) {
  for (const char* time :
       {"2020-01-01 10:00:00:99", "2020-01-01 10:", "2020-01-01T", "2020-01-01 10"}) {
    std::ofstream(data_) << "id,user,subject,time,body\n7,A001,噪音,2020-01-01,施工噪音\n"
                         << "8,A002,噪音," << time << ",施工噪音\n";
    auto run = sg({"text", "hot", "--data", data_});
    EXPECT_NE(run.exit_code, 0) << time;
    EXPECT_NE(run.err.find("id 8"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(time), std::string::npos) << run.err;
  }
  // Spaces around a time, as spreadsheets leave them, are not part of it.
  std::ofstream(data_) << "id,user,subject,time,body\n7,A001,噪音, 2020-01-01 ,施工噪音\n"
                       << "8,A002,噪音,2020-01-02 10:30 ,施工噪音\n";
  auto spaced = sg({"text", "hot", "--data", data_});
  EXPECT_EQ(spaced.exit_code, 0) << spaced.err;
}

}  // namespace
}  // namespace shegong::testing
