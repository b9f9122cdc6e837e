// The text module over HTTP: a model trained with the CLI, suggestions and the repeat flag on new
// orders, classification, similar orders within the caller's reach, hot issues, and bad input.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

// A small labelled set written for the test: three matters, varied wording.
void write_training_set(const std::string& path) {
  std::ofstream f(path);
  f << "text,label\n";
  const char* noise[] = {"工地夜间施工噪音很大", "楼下商铺音响太吵",         "凌晨还在打桩噪音扰民",
                         "广场舞音响声音太大",   "装修电钻声早上六点就开始", "酒吧夜里吵闹影响休息",
                         "施工噪声持续到半夜",   "KTV噪音扰民严重",          "夜间渣土车轰鸣声大",
                         "空调外机噪音很大"};
  const char* wages[] = {"公司拖欠三个月工资不发",
                         "包工头拖欠农民工工资",
                         "离职后工资一直不结算",
                         "加班费不按规定支付",
                         "老板跑路工资没发",
                         "试用期工资被克扣",
                         "工程款拖欠导致工人没拿到工资",
                         "工资欠了半年讨不回",
                         "单位不缴社保还欠薪",
                         "年底工资迟迟不发放"};
  const char* school[] = {"孩子入学学位不够",     "小学对口划片问题咨询", "幼儿园收费太高",
                          "学校课后服务时间太短", "初中入学材料怎么准备", "学校食堂饭菜质量差",
                          "转学手续办理咨询",     "校车接送安全问题",     "幼儿园入园报名时间",
                          "学校周边补习班乱收费"};
  for (const char* t : noise) f << t << ",噪声\n";
  for (const char* t : wages) f << t << ",欠薪\n";
  for (const char* t : school) f << t << ",教育\n";
}

class TextApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    write_training_set(dir_ + "/train.csv");
    auto trained =
        run_command({kBinary, "text", "train", "--data", dir_ + "/train.csv", "--text-column",
                     "text", "--label-column", "label", "--out", dir_ + "/category.model"});
    ASSERT_EQ(trained.exit_code, 0) << trained.err;
    server_->stop();
    start_server({}, {"--model", dir_ + "/category.model"});
  }
  static Json demand(const std::string& subject, const std::string& content,
                     const std::string& phone) {
    return {{"channel", "phone"},
            {"type", "投诉"},
            {"subject", subject},
            {"content", content},
            {"contact", {{"name", "王五"}, {"phone", phone}}},
            {"region_code", "110101001001"}};
  }
};

TEST_F(TextApi, NewOrdersCarrySuggestionsAndTheRepeatFlag) {
  std::string subject = "凌晨工地打桩噪音扰民",
              content = "东华门附近工地每天凌晨两点还在打桩，噪音很大，无法休息。";
  auto [s1, first] = post("/api/v1/orders", "admin", demand(subject, content, "13900000001"));
  ASSERT_EQ(s1, 201) << first;
  ASSERT_TRUE(first.contains("suggestions")) << first;
  EXPECT_EQ(first["suggestions"]["categories"][0]["category"], "噪声");
  EXPECT_FALSE(first.contains("repeat_of"));
  // The same requester, the same matter in other words: flagged, and the earlier order named.
  auto [s2, again] =
      post("/api/v1/orders", "admin",
           demand(subject, "东华门附近工地每天凌晨两点还在打桩，噪音很大，根本无法休息！！",
                  "13900000001"));
  ASSERT_EQ(s2, 201);
  ASSERT_TRUE(again.contains("repeat_of")) << again;
  EXPECT_EQ(again["repeat_of"]["orders"][0], first["id"]);
  // Someone else with the same matter is not a repeat of theirs.
  auto [s3, other] = post("/api/v1/orders", "admin", demand(subject, content, "13900000002"));
  ASSERT_EQ(s3, 201);
  EXPECT_FALSE(other.contains("repeat_of"));

  auto [s4, similar] = post("/api/v1/text/similar", "admin", {{"text", subject + " " + content}});
  ASSERT_EQ(s4, 200) << similar;
  EXPECT_GE(similar["items"].size(), 3u);
  // Similar orders stay within the caller's reach.
  auto [s5, outside] = post("/api/v1/text/similar", "xicheng", {{"text", subject + " " + content}});
  ASSERT_EQ(s5, 200);
  EXPECT_TRUE(outside["items"].empty()) << outside;

  auto hot = http().Get("/api/v1/hot-issues", as("leader"));  // 东城区, reads by area
  ASSERT_TRUE(hot && hot->status == 200) << (hot ? hot->body : "");
  Json issues = Json::parse(hot->body)["issues"];
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0]["orders"], 3);

  auto suggestions = http().Get(
      ("/api/v1/orders/" + std::to_string(first["id"].get<int64_t>()) + "/suggestions").c_str(),
      as("admin"));
  ASSERT_TRUE(suggestions && suggestions->status == 200);
  EXPECT_EQ(Json::parse(suggestions->body)["categories"].size(), 3u);
}

TEST_F(TextApi, DispatchersCategoriesExportAsATrainingFileForTheModel) {
  auto imported = run_command({kBinary, "import", "categories", "--db", db_, "--from",
                               source_path("assets/categories.csv")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto unit =
      post("/api/v1/units", "admin",
           {{"name", "东华门街道办事处"}, {"kind", "street"}, {"region_code", "110101001"}});
  ASSERT_EQ(unit.first, 201) << unit.second;
  ASSERT_EQ(post("/api/v1/units", "admin",
                 {{"name", "东城区人民政府"}, {"kind", "district"}, {"region_code", "110101"}})
                .first,
            201);
  // The model reads unpaid wages; the dispatcher files the order under construction, with a
  // category the taxonomy has; one it lacks is refused.
  auto [s1, order] = post("/api/v1/orders", "admin",
                          demand("包工头拖欠农民工工资",
                                 "工程款拖欠导致工人没拿到工资，电话13912345678", "13900000003"));
  ASSERT_EQ(s1, 201) << order;
  EXPECT_EQ(order["suggestions"]["predicted"][0]["label"], "欠薪");
  std::string dispatch =
      "/api/v1/orders/" + std::to_string(order["id"].get<int64_t>()) + "/dispatch";
  auto [s2, refused] =
      post(dispatch, "admin", {{"unit_id", unit.second["id"]}, {"category", "城乡建设/无此类"}});
  EXPECT_EQ(s2, 400);
  EXPECT_EQ(refused["error"]["field"], "category");
  auto [s3, dispatched] =
      post(dispatch, "admin",
           {{"unit_id", unit.second["id"]}, {"category", "城乡建设/违法建设/私搭乱建"}});
  ASSERT_EQ(s3, 200) << dispatched;

  std::string out = dir_ + "/corrections.csv";
  auto exported = run_command({kBinary, "text", "corrections", "--db", db_, "--out", out});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.out.find("corrected by the dispatcher: 1"), std::string::npos) << exported.out;
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.4f",
                order["suggestions"]["predicted"][0]["confidence"].get<double>());
  EXPECT_EQ(slurp(out),
            "tracking_no,subject,body,category,suggested,confidence\n" +
                dispatched["tracking_no"].get<std::string>() +
                ",包工头拖欠农民工工资,\"工程款拖欠导致工人没拿到工资,电话139****5678\","
                "城乡建设,欠薪," +
                confidence + "\n");
  // The file is training data as it stands, beside other files with the same columns.
  std::ofstream(dir_ + "/more.csv") << "subject,body,category\n夜间施工噪音,,环境保护\n"
                                       "广场舞音响太吵,,环境保护\n";
  auto retrained =
      run_command({kBinary, "text", "train", "--data", out, "--data", dir_ + "/more.csv",
                   "--text-column", "subject", "--text-column", "body", "--label-column",
                   "category", "--min-count", "1", "--out", dir_ + "/retrained.model"});
  EXPECT_EQ(retrained.exit_code, 0) << retrained.err;
  EXPECT_NE(retrained.out.find("城乡建设"), std::string::npos) << retrained.out;

  auto bad = run_command(
      {kBinary, "text", "corrections", "--db", db_, "--out", out, "--from", "2025-02-30"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("from: \"2025-02-30\" is not a day of the calendar"), std::string::npos)
      << bad.err;
  auto missing =
      run_command({kBinary, "text", "corrections", "--db", dir_ + "/none.db", "--out", out});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("no database"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(dir_ + "/none.db"));
  // --out naming the database file itself, or its write-ahead log, is refused and changes
  // nothing.
  if (!on_postgres()) {
    for (const std::string& over : {db_, dir_ + "/./shegong.db", db_ + "-wal", db_ + "-journal"}) {
      auto refused = run_command({kBinary, "text", "corrections", "--db", db_, "--out", over});
      EXPECT_NE(refused.exit_code, 0);
      EXPECT_NE(refused.err.find("out: " + over), std::string::npos) << refused.err;
    }
    EXPECT_EQ(slurp(db_).substr(0, 15), "SQLite format 3");
  }
  auto verified = run_command({kBinary, "audit", "verify", "--db", db_});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
}

TEST_F(TextApi, ClassifyAndItsBadInput) {
  auto [ok, top] =
      post("/api/v1/text/classify", "street", {{"text", "单位拖欠我两个月的工资"}, {"k", 2}});
  ASSERT_EQ(ok, 200) << top;
  ASSERT_EQ(top["predictions"].size(), 2u);
  EXPECT_EQ(top["predictions"][0]["label"], "欠薪");
  EXPECT_GT(top["predictions"][0]["confidence"].get<double>(),
            top["predictions"][1]["confidence"].get<double>());
  EXPECT_EQ(post("/api/v1/text/classify", "street", {{"text", ""}}).second["error"]["field"],
            "text");
  EXPECT_EQ(
      post("/api/v1/text/classify", "street", {{"text", "x"}, {"k", 0}}).second["error"]["field"],
      "k");
  EXPECT_EQ(
      post("/api/v1/text/classify", "street", {{"text", " \t\u3000 "}}).second["error"]["field"],
      "text");
  EXPECT_EQ(post("/api/v1/text/classify", "volunteer", {{"text", "工资"}}).first, 403);
  auto long_line = std::string(1 << 20, 'a');
  EXPECT_EQ(post("/api/v1/text/classify", "street", {{"text", long_line}}).first, 413);
  auto two = post("/api/v1/text/classify", "street", {{"text", "x"}, {"k", 2.0}}).second;
  EXPECT_EQ(two["error"]["field"], "k");
  EXPECT_NE(two["error"]["message"].get<std::string>().find("whole number"), std::string::npos)
      << two;
  auto no_day = http().Get("/api/v1/hot-issues?from=2026-13-01", as("street"));
  EXPECT_EQ(no_day->status, 400);
  auto no_day_error = Json::parse(no_day->body)["error"];
  EXPECT_EQ(no_day_error["field"], "from");
  EXPECT_NE(no_day_error["message"].get<std::string>().find("not a day of the calendar"),
            std::string::npos)
      << no_day_error;
  auto future = http().Get("/api/v1/hot-issues?from=2999-01-01", as("street"));
  EXPECT_EQ(future->status, 400);
  EXPECT_EQ(Json::parse(future->body)["error"]["field"], "from") << future->body;
  auto reversed = http().Get("/api/v1/hot-issues?from=2999-01-01&to=2998-01-01", as("street"));
  EXPECT_EQ(reversed->status, 400);
  EXPECT_EQ(Json::parse(reversed->body)["error"]["field"], "to") << reversed->body;
  EXPECT_EQ(http().Get("/api/v1/hot-issues?region=110102", as("street"))->status, 403);
}

TEST_F(TextApi, WithoutAModelClassifyIsUnavailableAndOrdersStillWork) {
  server_->stop();
  start_server();
  auto [status, error] = post("/api/v1/text/classify", "street", {{"text", "工资"}});
  EXPECT_EQ(status, 503);
  EXPECT_EQ(error["error"]["code"], "unavailable");
  auto [created, order] =
      post("/api/v1/orders", "admin", demand("路灯不亮", "东华门大街路灯不亮", "13900000003"));
  EXPECT_EQ(created, 201);
  EXPECT_FALSE(order.contains("suggestions"));
  // A model put beside the database later goes live on a reload, without a restart. (A
  // PostgreSQL database has no folder of ours: its default model is var/models/category.model.)
  if (on_postgres()) return;
  auto [missing, absent] = post("/api/v1/text/model/reload", "admin", Json::object());
  EXPECT_EQ(missing, 404) << absent;
  EXPECT_EQ(absent["error"]["field"], "model");
  fs::create_directories(dir_ + "/models");
  fs::copy_file(dir_ + "/category.model", dir_ + "/models/category.model");
  auto [reloaded, info] = post("/api/v1/text/model/reload", "admin", Json::object());
  ASSERT_EQ(reloaded, 200) << info;
  EXPECT_EQ(info["path"], dir_ + "/models/category.model");
  EXPECT_EQ(post("/api/v1/text/classify", "street", {{"text", "工资"}}).first, 200);
}

TEST_F(TextApi, ARetrainedModelGoesLiveOnReloadAndABadFileLeavesTheOldOne) {
  auto info = http().Get("/api/v1/text/model", as("admin"));
  ASSERT_TRUE(info && info->status == 200);
  Json loaded = Json::parse(info->body);
  EXPECT_EQ(loaded["path"], dir_ + "/category.model");
  EXPECT_EQ(loaded["labels"].size(), 3u) << info->body;
  // Labels the taxonomy lacks cannot be dispatched as suggested: the model says which.
  EXPECT_EQ(loaded["labels_outside_taxonomy"].size(), 3u) << info->body;
  std::ofstream(dir_ + "/taxonomy.csv") << "level1,level2,level3\n噪声,,\n欠薪,拖欠工资,\n";
  auto imported =
      run_command({kBinary, "import", "categories", "--db", db_, "--from", dir_ + "/taxonomy.csv"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  info = http().Get("/api/v1/text/model", as("admin"));
  ASSERT_TRUE(info && info->status == 200);
  EXPECT_EQ(Json::parse(info->body)["labels_outside_taxonomy"], Json::array({"教育"}))
      << info->body;
  EXPECT_EQ(http().Get("/api/v1/text/model", as("street"))->status, 403);
  EXPECT_EQ(post("/api/v1/text/model/reload", "leader", Json::object()).first, 403);

  // Retrained with a new category, into the file the server started with.
  {
    std::ofstream more(dir_ + "/train.csv", std::ios::app);
    for (const char* t : {"公交车到站不准时", "公交线路调整咨询", "地铁站出口拥堵",
                          "公交车司机开车太猛", "公交站台没有遮雨棚", "地铁末班车时间太早"})
      more << t << ",交通\n";
  }
  auto trained =
      run_command({kBinary, "text", "train", "--data", dir_ + "/train.csv", "--text-column", "text",
                   "--label-column", "label", "--out", dir_ + "/category.model"});
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  std::string bus = "公交车到站太不准时了";
  EXPECT_NE(
      post("/api/v1/text/classify", "street", {{"text", bus}}).second["predictions"][0]["label"],
      "交通")
      << "the old model serves until the reload";
  auto [s1, reloaded] = post("/api/v1/text/model/reload", "admin", Json::object());
  ASSERT_EQ(s1, 200) << reloaded;
  EXPECT_EQ(reloaded["labels"].size(), 4u);
  EXPECT_EQ(
      post("/api/v1/text/classify", "street", {{"text", bus}}).second["predictions"][0]["label"],
      "交通");

  // A damaged file is refused and the retrained model keeps serving.
  std::ofstream(dir_ + "/category.model", std::ios::trunc) << "not a model";
  auto [s2, refused] = post("/api/v1/text/model/reload", "admin", Json::object());
  EXPECT_EQ(s2, 400) << refused;
  EXPECT_EQ(refused["error"]["field"], "model");
  EXPECT_EQ(
      post("/api/v1/text/classify", "street", {{"text", bus}}).second["predictions"][0]["label"],
      "交通");
  auto audit = http().Get("/api/v1/audit/verify", as("admin"));
  ASSERT_TRUE(audit && audit->status == 200) << (audit ? audit->body : "");
  server_->stop();
  db::Rows entries = stored("SELECT count(*) FROM audit_log WHERE action = 'text.model.reload'");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].integer(0), 1);
}

}  // namespace
}  // namespace shegong::testing
