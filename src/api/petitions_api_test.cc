// 信访 over HTTP against the real server, in simulated time (autumn 2025, inside the loaded
// holiday calendar): the accused unit tries every route and never meets the accuser; the whole
// chain from petition to 复核 and the refused re-filing; illegal and late requests that name the
// rule and write nothing; a deadline in a year whose notice comes from a local calendar file;
// a supported decision listed until it is carried out, and help in hardship read only by the
// organs that see the petitioner; the users of a unit as its staff see them.

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"
#include "documents/test_zip.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kPassword = "petition-pass-1";
// The accuser and the accusation: none of these may reach the accused unit.
constexpr const char* kSecrets[] = {
    "赵举报",         "13600001111", "11010519491231002X", "东华门大街99号", "违规收取停车费用",
    "举报材料甲乙丙", "赵*",         "136****1111"};

std::string percent_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch)) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

class PetitionsApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    // Simulated time: Monday 3 November 2025, 10:00 in Beijing.
    restart_at(1762135200000);
    office_ = make_unit("东城区信访办公室", "petition_office", "110101");
    organ_ = make_unit("东城区住房和城乡建设委员会", "department", "110101");
    // The district organ's own government: its 复查 organ (Art. 35); the municipality's organ is
    // the next level (Beijing has none between, 1101 only groups districts in the region code).
    city_organ_ = make_unit("北京市东城区人民政府", "government", "110101");
    province_organ_ = make_unit("北京市住房和城乡建设委员会", "department", "11");
    street_ = make_unit("东华门街道办事处", "street", "110101001");
    make_user("pt.office", "department_staff", "110101", office_, kPassword);
    make_user("pt.organ", "department_staff", "110101", organ_, kPassword);
    make_user("pt.city", "department_staff", "110101", city_organ_, kPassword);
    make_user("pt.province", "department_staff", "11", province_organ_, kPassword);
    make_user("pt.accused", "street_staff", "110101001", street_, kPassword);
    make_user("pt.accused_leader", "leader", "110101001", street_, kPassword);
  }
  void restart_at(int64_t simulated_ms) {
    server_.reset();
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(simulated_ms - wall_now_ms())}});
    sessions_.clear();
  }

  Json petition(const std::string& category = "申诉求决") {
    return {{"channel", "letter"},
            {"category", category},
            {"field", "城乡建设"},
            {"subject", "老旧小区加装电梯补贴未发放"},
            {"content", "多福巷小区去年完成加装电梯，按政策应发放的补贴至今未到位，请求依法发放。"},
            {"region_code", "110101001001"},
            {"petitioner",
             {{"name", "王小明"},
              {"id_number", "110101199003074514"},
              {"phone", "13912345678"},
              {"address", "北京市东城区多福巷1号"}}}};
  }
  Json act(int64_t id, const std::string& action, const std::string& who, const Json& body,
           int expected = 200) {
    auto [status, out] = post("/api/v1/petitions/" + std::to_string(id) + "/" + action, who, body);
    EXPECT_EQ(status, expected) << action << ": " << out;
    return out;
  }
  int64_t petition_total() {
    return get("/api/v1/petitions", "pt.office").second.value("total", int64_t{-1});
  }

  int64_t office_ = 0, organ_ = 0, city_organ_ = 0, province_organ_ = 0, street_ = 0;
};

// A concrete request for every route of the server, as the caller `who` would try it.
struct Probe {
  std::string method, path, body;
};

TEST_F(PetitionsApi, TheAccusedUnitNeverMeetsTheAccuserOnAnyRoute) {
  Json accusation = petition("检举控告");
  accusation["subject"] = "举报东华门街道违规收取停车费用";
  accusation["content"] = "举报材料甲乙丙：街道工作人员向商户违规收取停车费用，附收据照片。";
  accusation["petitioner"] = {{"name", "赵举报"},
                              {"id_number", "11010519491231002X"},
                              {"phone", "13600001111"},
                              {"address", "东华门大街99号"}};
  accusation["accused_unit_id"] = street_;
  auto [created, c] = post("/api/v1/petitions", "pt.office", accusation);
  ASSERT_EQ(created, 201) << c;
  int64_t id = c["id"];
  std::string tracking_no = c["tracking_no"];
  act(id, "route", "pt.accused", {{"route", "transfer"}, {"unit_id", organ_}}, 404);
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", street_}}, 409);
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  act(id, "accept", "pt.organ", {{"track", "accusation"}});
  act(id, "supervise", "pt.office", {{"recommendation", "请依纪依法核查"}});
  act(id, "reply", "pt.organ", {{"reply", "经查属实，已责令退还并处理相关人员。"}});
  // The holders do see the accuser where the law lets them: the probe below is not looking in the
  // wrong place.
  auto revealed = http().Get(("/api/v1/petitions/" + std::to_string(id) + "/petitioner").c_str(),
                             user("pt.organ"));
  ASSERT_TRUE(revealed && revealed->status == 200);
  EXPECT_NE(revealed->body.find("赵举报"), std::string::npos);
  auto notice =
      http().Get(("/api/v1/petitions/" + std::to_string(id) + "/notices/acceptance").c_str(),
                 user("pt.organ"));
  ASSERT_TRUE(notice && notice->status == 200);
  EXPECT_NE(notice->body.find("赵举报"), std::string::npos);

  auto doc = get("/openapi.json", "pt.office").second;
  std::vector<Probe> probes;
  std::vector<std::string> queries = {"",
                                      "?q=" + percent_encoded("违规收取停车费用"),
                                      "?q=" + tracking_no,
                                      "?state=replied&category=" + percent_encoded("检举控告"),
                                      "?period=2025-11",
                                      "?year=2025",
                                      "?region=110101001"};
  std::vector<std::string> actions = {
      "route",   "accept",     "reply", "declare_interest", "supervise", "answer_supervision",
      "deliver", "file_report"};
  for (auto& [pattern, ops] : doc["paths"].items()) {
    for (auto& [method, op] : ops.items()) {
      std::vector<std::string> paths = expand_path(pattern, {{"id", {std::to_string(id), "1"}},
                                                             {"tracking_no", {tracking_no}},
                                                             {"name", {"acceptance", "receipt"}},
                                                             {"action", actions},
                                                             {"code", {"110101001"}},
                                                             {"username", {"pt.office"}}});
      for (auto& p : paths) {
        for (size_t at; (at = p.find('{')) != std::string::npos;)
          p.replace(at, p.find('}', at) - at + 1, "1");
        std::string m = method;
        for (auto& ch : m) ch = static_cast<char>(std::toupper(ch));
        if (m == "GET") {
          for (const auto& q : queries) probes.push_back({m, p + q, ""});
        } else {
          probes.push_back({m, p, "{}"});
          probes.push_back({m, p, Json{{"unit_id", street_}, {"q", "违规"}}.dump()});
        }
      }
    }
  }
  EXPECT_GT(probes.size(), 200u);
  size_t answered = 0;
  for (const std::string who : {"pt.accused", "pt.accused_leader"}) {
    for (const Probe& probe : probes) {
      if (probe.path == "/api/v1/session" && probe.method == "DELETE") continue;  // stay signed in
      const httplib::Headers& h = user(who);
      const char* path = probe.path.c_str();
      httplib::Result r =
          probe.method == "GET"     ? http().Get(path, h)
          : probe.method == "POST"  ? http().Post(path, h, probe.body, "application/json")
          : probe.method == "PUT"   ? http().Put(path, h, probe.body, "application/json")
          : probe.method == "PATCH" ? http().Patch(path, h, probe.body, "application/json")
                                    : http().Delete(path, h);
      ASSERT_TRUE(r) << probe.method << " " << probe.path;
      ++answered;
      EXPECT_NE(r->status, 500) << who << " " << probe.method << " " << probe.path << " "
                                << probe.body << ": " << r->body;
      std::string everything = r->body;
      for (const auto& [k, v] : r->headers) everything += k + ": " + v + "\n";
      for (const char* secret : kSecrets) {
        EXPECT_EQ(everything.find(secret), std::string::npos)
            << who << " " << probe.method << " " << probe.path << " revealed " << secret;
      }
      // Not even the existence of the accusation, except to whoever holds its tracking number on
      // the public progress page.
      if (probe.path.find("/public/") == std::string::npos) {
        EXPECT_EQ(everything.find(tracking_no), std::string::npos)
            << who << " " << probe.method << " " << probe.path << " revealed the tracking number";
      }
    }
  }
  EXPECT_EQ(answered,
            probes.size() * 2 - 2 * std::count_if(probes.begin(), probes.end(), [](const Probe& p) {
                                  return p.path == "/api/v1/session" && p.method == "DELETE";
                                }));
  // The petition itself is untouched by all that probing.
  auto [status, after] = get("/api/v1/petitions/" + std::to_string(id), "pt.organ");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(after["state"], "replied");
  // Every full read of the accuser's identity was logged (Art. 30 para 3, 46 item 5): the holder's
  // two above, and none of the accused unit's attempts, which were refused.
  auto logged = [&](const char* action) {
    db::Rows rows = stored(
        "SELECT count(*), count(DISTINCT actor) FROM audit_log WHERE action = ? AND object = ?",
        {std::string(action), "case:" + std::to_string(id)});
    return rows.empty() ? std::pair<int64_t, int64_t>{-1, -1}
                        : std::pair<int64_t, int64_t>{rows[0].integer(0), rows[0].integer(1)};
  };
  EXPECT_EQ(logged("petition.reveal_petitioner"), (std::pair<int64_t, int64_t>{1, 1}));
  EXPECT_EQ(logged("petition.open_notice"), (std::pair<int64_t, int64_t>{1, 1}));
  // And no log line of the server ever carried the accuser's identity.
  std::string log = slurp(dir_ + "/server.log");
  EXPECT_GT(log.size(), 1000u);
  for (const char* secret : kSecrets) EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

TEST_F(PetitionsApi, FromPetitionToReReviewAndTheRefiledPetitionIsNotAccepted) {
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201) << c;
  EXPECT_EQ(c["state"], "registered");
  EXPECT_EQ(c["petitioner"]["name"], "王**");
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  Json accepted = act(id, "accept", "pt.organ", {{"track", "opinion"}});
  EXPECT_EQ(accepted["state"], "accepted");
  EXPECT_EQ(accepted["due_at"], "2026-01-04T15:59:59.999Z");  // A+60 = 2 January, a holiday
  Json answered = act(id, "issue_opinion", "pt.organ",
                      {{"request", "发放电梯补贴"},
                       {"facts_reasons", "经核查，补贴申请材料齐全，因预算调整延迟拨付。"},
                       {"decision", "not_support"},
                       {"legal_basis", "《北京市老旧小区综合整治工作方案》"}});
  EXPECT_EQ(answered["state"], "answered");
  auto docx = http().Get(
      ("/api/v1/petitions/" + std::to_string(id) + "/notices/opinion?format=docx").c_str(),
      user("pt.organ"));
  ASSERT_TRUE(docx && docx->status == 200);
  EXPECT_EQ(docx->body.substr(0, 2), "PK");
  Json reviewing = act(id, "request_review", "pt.city", {{"unit_id", city_organ_}});
  EXPECT_EQ(reviewing["state"], "reviewing");
  Json reviewed = act(id, "review_opinion", "pt.city",
                      {{"opinion", "维持原处理意见。"}, {"decision", "not_support"}});
  EXPECT_EQ(reviewed["state"], "reviewed");
  Json re = act(id, "request_re_review", "pt.province", {{"unit_id", province_organ_}});
  EXPECT_EQ(re["state"], "re_reviewing");
  Json final = act(id, "re_review_opinion", "pt.province",
                   {{"opinion", "复核维持。"}, {"decision", "not_support"}});
  EXPECT_EQ(final["state"], "final");
  std::vector<std::string> steps;
  for (const auto& e : final["timeline"]) steps.push_back(e["action"]);
  EXPECT_EQ(steps, (std::vector<std::string>{"register", "route", "accept", "issue_opinion",
                                             "request_review", "review_opinion",
                                             "request_re_review", "re_review_opinion"}));
  // The same petitioner files the same matter again, a little reworded, at the office.
  Json again = petition();
  again["content"] = "您好！" + again["content"].get<std::string>() + "希望尽快解决。";
  auto [refiled_status, refiled] = post("/api/v1/petitions", "pt.office", again);
  ASSERT_EQ(refiled_status, 201) << refiled;
  EXPECT_EQ(refiled["state"], "not_accepted");
  EXPECT_EQ(refiled["details"]["duplicate"]["rule"], "信访工作条例 Art. 36 para 3");
  EXPECT_EQ(refiled["notices"], Json::array({"not_accepted"}));
  auto html =
      http().Get(("/api/v1/petitions/" + refiled["id"].dump() + "/notices/not_accepted").c_str(),
                 user("pt.office"));
  ASSERT_TRUE(html && html->status == 200);
  EXPECT_NE(html->body.find("不再受理"), std::string::npos);
  // The public progress page shows the state and no personal data.
  auto [pub_status, pub] =
      get("/api/v1/public/petitions/" + c["tracking_no"].get<std::string>(), "pt.office");
  EXPECT_EQ(pub_status, 200);
  EXPECT_EQ(pub["state"], "final");
  EXPECT_EQ(pub.dump().find("王"), std::string::npos);
}

TEST_F(PetitionsApi, ASupportedDecisionWaitsUntilCarriedOutAndHelpInHardshipIsReadByHoldersOnly) {
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201) << c;
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  act(id, "accept", "pt.organ", {{"track", "opinion"}});
  std::string pending = "/api/v1/petitions?implementation=pending";
  EXPECT_EQ(get(pending, "pt.office").second["total"], 0);
  Json answered = act(id, "issue_opinion", "pt.organ",
                      {{"request", "发放电梯补贴"},
                       {"facts_reasons", "补贴申请材料齐全，应予发放。"},
                       {"decision", "support"},
                       {"legal_basis", "《北京市老旧小区综合整治工作方案》"}});
  EXPECT_EQ(answered["decision_in_force"], "support");
  EXPECT_TRUE(answered["implementation_pending"].get<bool>());
  auto [listed_status, listed] = get(pending, "pt.office");
  EXPECT_EQ(listed_status, 200) << listed;
  ASSERT_EQ(listed["total"], 1) << listed;
  EXPECT_EQ(listed["items"][0]["id"], id);
  auto [bad_status, bad] = get("/api/v1/petitions?implementation=done", "pt.office");
  EXPECT_EQ(bad_status, 400);
  EXPECT_EQ(bad["error"]["field"], "implementation");
  std::string progress = "/api/v1/public/petitions/" + c["tracking_no"].get<std::string>();
  EXPECT_EQ(get(progress, "pt.office").second["carried_out"], false);

  Json done = {{"measures", "补贴已全部发放到户"}, {"complete", "yes"}};
  act(id, "record_implementation", "pt.office", done, 403);
  act(id, "record_implementation", "pt.organ", {{"measures", "补贴已全部发放到户"}}, 400);
  Json carried = act(id, "record_implementation", "pt.organ", done);
  EXPECT_FALSE(carried["implementation_pending"].get<bool>());
  EXPECT_EQ(carried["details"]["implementation"]["entries"][0]["measures"], "补贴已全部发放到户");
  EXPECT_EQ(get(pending, "pt.office").second["total"], 0);
  EXPECT_EQ(get(progress, "pt.office").second["carried_out"], true);

  // Help for a petitioner in hardship (Art. 37): the note tells of their circumstances, so only
  // those who see the petitioner read it; a leader reading by jurisdiction sees the kind alone.
  act(id, "record_assistance", "pt.organ",
      {{"kind", "social"}, {"note", "家庭生活困难，已协助申请临时救助"}});
  std::string path = "/api/v1/petitions/" + std::to_string(id);
  Json holder = get(path, "pt.organ").second;
  EXPECT_EQ(holder["details"]["assistance"][0]["note"], "家庭生活困难，已协助申请临时救助");
  make_user("pt.leader", "leader", "110101", city_organ_, kPassword);
  auto [leader_status, leader] = get(path, "pt.leader");
  ASSERT_EQ(leader_status, 200) << leader;
  EXPECT_EQ(leader["details"]["assistance"][0]["kind"], "social");
  EXPECT_EQ(leader.dump().find("生活困难"), std::string::npos);
}

TEST_F(PetitionsApi, ANextYearsNoticeInALocalCalendarFileLetsDeadlinesReachThatYear) {
  // Monday 2 November 2026, 10:00 in Beijing: 60 days after acceptance is 1 January 2027, a year
  // the package calendar does not carry yet.
  restart_at(1793584800000);
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201) << c;
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  Json refused = act(id, "accept", "pt.organ", {{"track", "opinion"}}, 409);
  EXPECT_EQ(refused["error"]["field"], "calendar") << refused;
  EXPECT_EQ(get("/api/v1/petitions/" + std::to_string(id), "pt.organ").second["state"],
            "transferred");

  // The notice, written beside the package's file as its rows: the server loads it after.
  const std::string local = dir_ + "/local.csv";
  std::ofstream(local) << "date,kind,name\n2027-01-01,holiday,元旦\n";
  server_.reset();
  start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(1793584800000 - wall_now_ms())}},
               {"--calendar", local});
  sessions_.clear();
  Json accepted = act(id, "accept", "pt.organ", {{"track", "opinion"}});
  EXPECT_EQ(accepted["state"], "accepted");
  // A+60 = Friday 1 January 2027, a holiday; then a weekend: Monday 4 January.
  EXPECT_EQ(accepted["due_at"], "2027-01-04T15:59:59.999Z");
}

TEST_F(PetitionsApi, APetitionReceivedBeforeTheNextNoticeIsRegisteredAndGetsItsDeadlineOnceLoaded) {
  // Tuesday 20 December 2039, 10:00 in Beijing, on a calendar that ends with 2039: the 15 days
  // to route the petition end in 2040, a year whose notice is not loaded.
  const std::string through_2039 = dir_ + "/2039.csv", through_2040 = dir_ + "/2040.csv";
  std::ofstream(through_2039) << "date,kind,name\n2039-01-01,holiday,元旦\n";
  std::ofstream(through_2040)
      << "date,kind,name\n2039-01-01,holiday,元旦\n2040-01-01,holiday,元旦\n";
  auto restart = [&](int64_t simulated_ms, const std::string& calendar) {
    server_.reset();
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(simulated_ms - wall_now_ms())}},
                 {"--calendar", calendar});
    sessions_.clear();
  };
  restart(2207959200000, through_2039);
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201) << c;  // recorded at receipt (item 7) ...
  EXPECT_EQ(c["state"], "registered");
  EXPECT_TRUE(!c.contains("due_at") || c["due_at"].is_null()) << c;  // ... no guessed deadline
  EXPECT_EQ(c["details"]["deadline_pending"]["days"], 15) << c;
  int64_t id = c["id"];
  Json refused = act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}}, 409);
  EXPECT_EQ(refused["error"]["field"], "calendar") << refused;

  // The notice is loaded and the server restarted two days later: the deadline is counted from
  // receipt, 15 days to Wednesday 4 January 2040.
  restart(2208132000000, through_2040);
  auto [status, p] = get("/api/v1/petitions/" + std::to_string(id), "pt.office");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(p["due_at"], "2040-01-04T15:59:59.999Z") << p;
  EXPECT_FALSE(p["details"].contains("deadline_pending")) << p;
  EXPECT_EQ(act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}})["state"],
            "transferred");
}

TEST_F(PetitionsApi, IllegalAndLateRequestsNameTheRuleAndWriteNothing) {
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201);
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  act(id, "accept", "pt.organ", {{"track", "opinion"}});
  act(id, "issue_opinion", "pt.organ",
      {{"request", "发放补贴"},
       {"facts_reasons", "材料齐全"},
       {"decision", "support"},
       {"legal_basis", "有关规定"}});
  auto snapshot = [&] {
    Json p = get("/api/v1/petitions/" + std::to_string(id), "pt.organ").second;
    return std::make_tuple(p["state"], p["version"], p["timeline"].size(), petition_total());
  };
  auto before = snapshot();
  struct Bad {
    std::string action, who;
    Json body;
    int status;
    std::string field, says;
  };
  std::vector<Bad> bad = {
      {"accept", "pt.organ", {{"track", "opinion"}}, 409, "state", "not allowed while"},
      {"extend",
       "pt.organ",
       {{"days", 10}, {"reason", "x"}, {"approved_by", "y"}},
       409,
       "state",
       "not allowed while"},
      {"request_review",  // a street office lies below the district organ that answered
       "pt.accused",
       {{"unit_id", street_}},
       409,
       "unit_id",
       "one level above"},
      {"request_review",
       "pt.city",
       {{"unit_id", city_organ_}, {"received_on", "2025-13-01"}},
       400,
       "received_on",
       "YYYY-MM-DD"},
      {"request_re_review",
       "pt.province",
       {{"unit_id", province_organ_}},
       409,
       "state",
       "not allowed while"},
      {"review_opinion",
       "pt.city",
       {{"opinion", "x"}, {"decision", "support"}},
       409,
       "state",
       "not allowed while"},
      {"no_such_action", "pt.organ", Json::object(), 404, "", "no action"},
  };
  for (const auto& b : bad) {
    auto [status, out] =
        post("/api/v1/petitions/" + std::to_string(id) + "/" + b.action, b.who, b.body);
    EXPECT_EQ(status, b.status) << b.action << " " << out;
    EXPECT_EQ(out["error"].value("field", ""), b.field) << b.action << " " << out;
    EXPECT_NE(out.dump().find(b.says), std::string::npos) << b.action << " " << out;
  }
  EXPECT_EQ(snapshot(), before);
  // Bad registrations: each names its field and the rule, and nothing is stored.
  std::vector<std::pair<Json, std::string>> bodies;
  Json oral = petition();
  oral["channel"] = "visit";
  oral["competent_unit_id"] = organ_;
  bodies.push_back({oral, "summary"});
  Json crowd = oral;
  crowd["summary"] = "集体来访，口述如下";
  crowd["group_size"] = 30;
  crowd["representatives"] = {"甲", "乙", "丙", "丁", "戊", "己"};
  bodies.push_back({crowd, "representatives"});
  Json no_name = petition();
  no_name["petitioner"].erase("name");
  bodies.push_back({no_name, "petitioner.name"});
  Json bad_id = petition();
  bad_id["petitioner"]["id_number"] = "110101199003074513";
  bodies.push_back({bad_id, "petitioner.id_number"});
  Json other_unit = petition();
  other_unit["unit_id"] = organ_;
  bodies.push_back({other_unit, "unit_id"});
  Json category = petition();
  category["category"] = "投诉";
  bodies.push_back({category, "category"});
  for (const auto& [body, field] : bodies) {
    auto [status, out] = post("/api/v1/petitions", "pt.office", body);
    EXPECT_GE(status, 400) << field;
    EXPECT_LT(status, 500) << field;
    EXPECT_EQ(out["error"].value("field", ""), field) << out;
  }
  EXPECT_EQ(snapshot(), before);

  // 31 days later (past the window, rolled over no rest day): 复查 is refused, naming the rule.
  restart_at(1762135200000 + 45LL * 86'400'000);
  auto [late_status, late] = post("/api/v1/petitions/" + std::to_string(id) + "/request_review",
                                  "pt.city", {{"unit_id", city_organ_}});
  EXPECT_EQ(late_status, 409) << late;
  EXPECT_EQ(late["error"].value("field", ""), "received_on");
  EXPECT_NE(late.dump().find("复查 requested after the 30-day window"), std::string::npos) << late;
}

// The 指定承办人 picker: a unit's staff list their colleagues (no phone numbers), admins and
// leaders any unit in their jurisdiction; nobody else, and disabled users are left out.
TEST_F(PetitionsApi, TheLedgerExportsWhatTheCallerReadsWithPersonalNumbersMasked) {
  Json p = petition();
  p["subject"] = "电梯补贴未发放 联系电话13912345678";
  auto [created, c] = post("/api/v1/petitions", "pt.office", p);
  ASSERT_EQ(created, 201) << c;
  auto ledger = http().Get("/api/v1/petition-ledger", user("pt.office"));
  ASSERT_TRUE(ledger);
  ASSERT_EQ(ledger->status, 200) << ledger->body;
  std::optional<std::string> cells = documents::zip_entry(ledger->body, "xl/sharedStrings.xml");
  ASSERT_TRUE(cells);
  EXPECT_NE(cells->find("电梯补贴未发放 联系电话139******78"), std::string::npos) << *cells;
  for (const char* secret : {"13912345678", "王小明", "110101199003074514"}) {
    EXPECT_EQ(cells->find(secret), std::string::npos) << secret;
  }
  // Filtered by state and category, as the workbench asks for it.
  auto filtered = http().Get(
      "/api/v1/petition-ledger?state=registered&category=%E7%94%B3%E8%AF%89%E6%B1%82%E5%86%B3",
      user("pt.office"));
  ASSERT_TRUE(filtered);
  ASSERT_EQ(filtered->status, 200) << filtered->body;
  cells = documents::zip_entry(filtered->body, "xl/sharedStrings.xml");
  ASSERT_TRUE(cells);
  EXPECT_NE(cells->find("电梯补贴未发放"), std::string::npos);
  // A department of another district reads none of them, in the ledger as in the list.
  auto outside = http().Get("/api/v1/petition-ledger", as("xicheng"));
  ASSERT_TRUE(outside);
  ASSERT_EQ(outside->status, 200) << outside->body;
  cells = documents::zip_entry(outside->body, "xl/sharedStrings.xml");
  EXPECT_TRUE(!cells || cells->find("电梯补贴未发放") == std::string::npos);
  auto none = http().Get("/api/v1/petition-ledger?state=final", user("pt.office"));
  ASSERT_TRUE(none);
  ASSERT_EQ(none->status, 200) << none->body;
  cells = documents::zip_entry(none->body, "xl/sharedStrings.xml");
  EXPECT_TRUE(!cells || cells->find("电梯补贴未发放") == std::string::npos);
}

// A letter opened days after it arrived: its periods run from receipt (Arts. 22, 23).
TEST_F(PetitionsApi, APetitionRegisteredLaterCountsItsPeriodsFromReceipt) {
  Json letter = petition();
  letter["received_at"] = "2025-10-29";  // Wednesday; today is Monday 3 November
  auto [created, c] = post("/api/v1/petitions", "pt.office", letter);
  ASSERT_EQ(created, 201) << c;
  EXPECT_EQ(c["received_at"], "2025-10-28T16:00:00.000Z");  // the first moment of the China day
  EXPECT_EQ(c["due_at"], "2025-11-13T15:59:59.999Z");       // D+15
  letter["received_at"] = "2025-10-31T09:30:00+08:00";
  auto [created2, c2] = post("/api/v1/petitions", "pt.office", letter);
  ASSERT_EQ(created2, 201) << c2;
  EXPECT_EQ(c2["received_at"], "2025-10-31T01:30:00.000Z");
  EXPECT_EQ(c2["due_at"], "2025-11-17T15:59:59.999Z");  // D+15 is a Saturday: rolled to Monday
  int64_t before = petition_total();
  for (const char* bad : {"2025-11-04", "2024-10-01", "2025-02-30", "2025-10-31 09:30"}) {
    letter["received_at"] = bad;
    auto [status, refused] = post("/api/v1/petitions", "pt.office", letter);
    EXPECT_EQ(status, 400) << bad << ": " << refused;
    EXPECT_EQ(refused["error"].value("field", ""), "received_at") << refused;
  }
  EXPECT_EQ(petition_total(), before);
}

// Notices that name no single unit reach the bodies they are for: a major petition the office one
// level up and the people's government (Art. 25), an overdue one the nearest petition office whose
// area holds its place (Art. 43), not the offices above it.
TEST_F(PetitionsApi, MajorAndOverduePetitionsReachTheOfficesAndGovernmentsTheyAreFor) {
  int64_t city_office = make_unit("北京市信访办公室", "petition_office", "11");
  make_user("pt.city_office", "department_staff", "11", city_office, kPassword);
  int64_t committee = make_unit("中共北京市东城区委员会", "party_committee", "110101");
  make_user("pt.committee", "department_staff", "110101", committee, kPassword);
  int64_t conference = make_unit("东城区信访工作联席会议办公室", "conference_office", "110101");
  make_user("pt.conference", "department_staff", "110101", conference, kPassword);
  auto actions = [&](const std::string& who) { return notice_actions(user(who)); };
  Json major = petition();
  major["major"] = true;
  auto [created, c] = post("/api/v1/petitions", "pt.office", major);
  ASSERT_EQ(created, 201) << c;
  EXPECT_EQ(actions("pt.city_office"), std::vector<std::string>{"register"});
  EXPECT_EQ(actions("pt.city"), std::vector<std::string>{"register"});  // 东城区人民政府
  EXPECT_EQ(actions("pt.committee"), std::vector<std::string>{"register"});
  EXPECT_EQ(actions("pt.conference"), std::vector<std::string>{"register"});
  EXPECT_TRUE(actions("pt.office").empty());
  EXPECT_TRUE(actions("pt.organ").empty());
  // Twenty days on, neither petition is routed: the district office is told of both.
  auto [created2, ordinary] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created2, 201) << ordinary;
  restart_at(1762135200000 + 20LL * 86'400'000);
  std::vector<std::string> told = actions("pt.office");
  EXPECT_EQ(told, (std::vector<std::string>{"routing_overdue", "routing_overdue"}));
  EXPECT_EQ(actions("pt.city_office"), std::vector<std::string>{"register"});
}

// 北京市信访条例 Arts. 16, 22: a petitioner who asks for confidentiality is not known to the unit
// the petition is about, even when that unit handles it; the office that received it still is.
TEST_F(PetitionsApi, APetitionerWhoAsksForConfidentialityIsNotKnownToTheUnitComplainedAbout) {
  Json complaint = petition();
  complaint["subject"] = "街道拆除违建时损坏我家院墙";
  complaint["about_unit_id"] = street_;
  complaint["confidential"] = true;
  auto [created, c] = post("/api/v1/petitions", "pt.office", complaint);
  ASSERT_EQ(created, 201) << c;
  EXPECT_TRUE(c["confidential"].get<bool>());
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", street_}});
  const std::string base = "/api/v1/petitions/" + std::to_string(id);
  auto [status, seen] = get(base, "pt.accused");  // staff of the street, which now holds it
  ASSERT_EQ(status, 200) << seen;
  EXPECT_TRUE(seen["petitioner"].is_null()) << seen["petitioner"];
  EXPECT_EQ(seen.dump().find("王"), std::string::npos);
  EXPECT_EQ(get(base + "/petitioner", "pt.accused").first, 403);
  act(id, "accept", "pt.accused", {{"track", "opinion"}});
  EXPECT_EQ(get(base + "/notices/acceptance", "pt.accused").first, 403);
  // The receiving office, which held it, still sees who filed it (masked in views).
  auto [office_status, office_view] = get(base, "pt.office");
  ASSERT_EQ(office_status, 200);
  EXPECT_EQ(office_view["petitioner"]["name"], "王**");
  // Filed again, the link to the earlier petition would tell the street who it is: left out.
  auto [again_status, again] = post("/api/v1/petitions", "pt.office", complaint);
  ASSERT_EQ(again_status, 201) << again;
  ASSERT_TRUE(again["details"]["duplicate"].contains("earlier")) << again["details"];
  auto [seen_status, seen_again] =
      get("/api/v1/petitions/" + std::to_string(again["id"].get<int64_t>()), "pt.accused");
  ASSERT_EQ(seen_status, 200) << seen_again;
  EXPECT_FALSE(seen_again["details"]["duplicate"].contains("earlier")) << seen_again["details"];
  EXPECT_EQ(seen_again.dump().find(c["tracking_no"].get<std::string>()), std::string::npos);
  // An accusation naming the street as the unit it is about (not the accused) is kept from the
  // street the same way.
  Json accusation = petition("检举控告");
  accusation["about_unit_id"] = street_;
  accusation["subject"] = "举报街道工作人员收受礼品";
  auto [created3, c3] = post("/api/v1/petitions", "pt.office", accusation);
  ASSERT_EQ(created3, 201) << c3;
  int64_t id3 = c3["id"];
  act(id3, "route", "pt.office", {{"route", "transfer"}, {"unit_id", street_}});
  EXPECT_TRUE(
      get("/api/v1/petitions/" + std::to_string(id3), "pt.accused").second["petitioner"].is_null());
  EXPECT_EQ(get("/api/v1/petitions/" + std::to_string(id3) + "/petitioner", "pt.accused").first,
            403);
  // Without the request, the unit that handles it sees the petitioner as usual.
  Json plain = complaint;
  plain.erase("confidential");
  plain["petitioner"] = {
      {"name", "李四"}, {"phone", "13811112222"}, {"address", "东城区多福巷2号"}};
  auto [created2, c2] = post("/api/v1/petitions", "pt.office", plain);
  ASSERT_EQ(created2, 201) << c2;
  int64_t id2 = c2["id"];
  act(id2, "route", "pt.office", {{"route", "transfer"}, {"unit_id", street_}});
  EXPECT_EQ(
      get("/api/v1/petitions/" + std::to_string(id2), "pt.accused").second["petitioner"]["name"],
      "李*");
}

// Art. 28 para 3: who declared an interest withdraws: no full identity, no notice, no step.
TEST_F(PetitionsApi, StaffWithADeclaredInterestSeeNoIdentityAndTakeNoStep) {
  auto [created, c] = post("/api/v1/petitions", "pt.office", petition());
  ASSERT_EQ(created, 201) << c;
  int64_t id = c["id"];
  act(id, "route", "pt.office", {{"route", "transfer"}, {"unit_id", organ_}});
  act(id, "declare_interest", "pt.organ",
      {{"scope", "petitioner"}, {"reason", "信访人是本人亲属"}});
  const std::string base = "/api/v1/petitions/" + std::to_string(id);
  for (const std::string& path : {base + "/petitioner", base + "/notices/receipt"}) {
    auto [status, out] = get(path, "pt.organ");
    EXPECT_EQ(status, 403) << path << " " << out;
    EXPECT_NE(out.dump().find("Art. 28"), std::string::npos) << out;
  }
  auto [status, seen] = get(base, "pt.organ");
  ASSERT_EQ(status, 200) << seen;
  EXPECT_TRUE(seen["petitioner"].is_null()) << seen["petitioner"];
  Json refused = act(id, "accept", "pt.organ", {{"track", "opinion"}}, 409);
  EXPECT_EQ(refused["error"].value("field", ""), "declared_interest");
}

TEST_F(PetitionsApi, StaffListTheirOwnUnitsActiveUsers) {
  make_user("pt.organ2", "department_staff", "110101", organ_, kPassword);
  const std::string path = "/api/v1/units/" + std::to_string(organ_) + "/users";
  auto usernames = [&](const Json& list) {
    std::set<std::string> out;
    for (const auto& u : list["items"]) {
      EXPECT_FALSE(u.contains("phone")) << u;
      EXPECT_EQ(u.value("unit_id", int64_t{0}), organ_) << u;
      out.insert(u.value("username", ""));
    }
    return out;
  };
  auto [status, mine] = get(path, "pt.organ");
  ASSERT_EQ(status, 200) << mine;
  EXPECT_EQ(usernames(mine), (std::set<std::string>{"pt.organ", "pt.organ2"}));
  auto by_admin = http().Get(path.c_str(), as("admin"));
  ASSERT_TRUE(by_admin);
  EXPECT_EQ(by_admin->status, 200);
  EXPECT_EQ(usernames(Json::parse(by_admin->body)), usernames(mine));

  for (const char* other : {"pt.office", "pt.accused", "pt.accused_leader"}) {
    auto [refused, out] = get(path, other);
    EXPECT_EQ(refused, 403) << other << ": " << out;
    EXPECT_EQ(out["error"].value("field", ""), "id") << out;
  }
  EXPECT_EQ(get("/api/v1/units/999999/users", "pt.organ").first, 404);
  EXPECT_EQ(get("/api/v1/units/x/users", "pt.organ").first, 400);

  int64_t colleague = 0;
  for (const auto& u : mine["items"])
    if (u.value("username", "") == "pt.organ2") colleague = u.value("id", int64_t{0});
  auto disabled = http().Put(("/api/v1/users/" + std::to_string(colleague)).c_str(), as("admin"),
                             R"({"disabled":true})", "application/json");
  ASSERT_TRUE(disabled && disabled->status == 200) << (disabled ? disabled->body : "");
  EXPECT_EQ(usernames(get(path, "pt.organ").second), (std::set<std::string>{"pt.organ"}));
}

}  // namespace
}  // namespace shegong::testing
