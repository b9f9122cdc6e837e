// People's suggestions over HTTP against the real server, in simulated time (Tuesday 10 March 2026,
// 10:00 in Beijing): a collecting office publishes a special collection, a citizen finds it and
// sends a suggestion without signing in, staff study, evaluate and answer it, and the citizen reads
// the answer by tracking number; the proposer stays sealed; the portal's routine suggestions go to
// the office an admin names in the region's settings; bad settings are refused.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kPassword = "suggestion-pass-1";

class SuggestionsApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    office_ = make_unit("东城区人民建议征集办公室", "department", "110101");
    organ_ = make_unit("东城区住房和城乡建设委员会", "department", "110101");
    make_user("sg.office", "department_staff", "110101", office_, kPassword);
    make_user("sg.organ", "department_staff", "110101", organ_, kPassword);
  }

  Json act(int64_t id, const std::string& action, const Json& body, int expected = 200) {
    auto [status, out] = request("POST", "/api/v1/suggestions/" + std::to_string(id) + "/" + action,
                                 "sg.office", body);
    EXPECT_EQ(status, expected) << action << ": " << out;
    return out;
  }
  static Json suggestion() {
    return {{"channel", "web"},
            {"subject", "建议在多福巷增设电动自行车充电棚"},
            {"reasons", "多福巷小区居民多用电动自行车，楼道充电存在火灾隐患，现有充电点不足。"},
            {"measures", "在小区东门空地设置集中充电棚，由物业统一管理。我住3号楼2单元501室。"},
            {"region_code", "110101001001"},
            {"proposer",
             {{"name", "李建言"}, {"phone", "13712345678"}, {"address", "北京市东城区多福巷2号"}}}};
  }
  // The server again, at `simulated_ms` on its clock; sessions are signed in again.
  void restart_at(int64_t simulated_ms) {
    server_.reset();
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(simulated_ms - wall_now_ms())}});
    sessions_.clear();
  }
  int64_t suggestion_rows() {
    return stored("SELECT count(*) FROM cases WHERE kind = 'suggestion'")[0].integer(0);
  }

  int64_t office_ = 0, organ_ = 0;
};

TEST_F(SuggestionsApi, ACitizenAnswersASpecialCollectionAndReadsTheAnswerByNumber) {
  // The office publishes a collection; its period is required.
  Json collection = {{"topic", "背街小巷环境整治建议征集"},
                     {"description", "围绕背街小巷停车、绿化、照明等，征集居民意见建议。"},
                     {"submission_method", "在门户网站“人民建议征集”栏目提交，或致电12345。"},
                     {"opens_on", "2026-03-01"}};
  auto [refused, why] = request("POST", "/api/v1/suggestion-collections", "sg.office", collection);
  EXPECT_EQ(refused, 400);
  EXPECT_EQ(why["error"]["field"], "closes_on");
  collection["closes_on"] = "2026-03-31";
  auto [made, c] = request("POST", "/api/v1/suggestion-collections", "sg.office", collection);
  ASSERT_EQ(made, 201) << c;
  const int64_t collection_id = c["id"];
  EXPECT_EQ(c["open"], true);

  // Citizens find it without signing in, and answer it.
  auto [listed, open] = request("GET", "/api/v1/public/suggestion-collections?open=true", "");
  ASSERT_EQ(listed, 200) << open;
  ASSERT_EQ(open["items"].size(), 1u);
  EXPECT_EQ(open["items"][0]["topic"], "背街小巷环境整治建议征集");
  Json mine = suggestion();
  mine["collection_id"] = collection_id;
  mine.erase("region_code");
  mine["channel"] = "phone";
  EXPECT_EQ(request("POST", "/api/v1/public/suggestions", "", mine).first, 400);  // web or app only
  mine["channel"] = "web";
  auto [sent, receipt] = request("POST", "/api/v1/public/suggestions", "", mine);
  ASSERT_EQ(sent, 201) << receipt;
  const std::string no = receipt["tracking_no"];
  EXPECT_EQ(no.substr(0, 2), "JY");
  EXPECT_EQ(receipt.dump().find("李建言"), std::string::npos);

  // Staff see it under the collection, the proposer masked; the office reads the proposer in full.
  auto [found, list] = request(
      "GET", "/api/v1/suggestions?collection_id=" + std::to_string(collection_id), "sg.office");
  ASSERT_EQ(found, 200) << list;
  ASSERT_EQ(list["total"], 1);
  const Json& item = list["items"][0];
  const int64_t id = item["id"];
  EXPECT_EQ(item["type"], "special");
  EXPECT_EQ(item["proposer"]["name"], "李**");
  EXPECT_EQ(item["proposer"]["phone"], "137****5678");
  EXPECT_EQ(item["collection"]["topic"], "背街小巷环境整治建议征集");
  EXPECT_EQ(item["collection"]["results_published"], false);
  EXPECT_EQ(request("GET", "/api/v1/suggestions/" + std::to_string(id) + "/proposer", "sg.office")
                .second["phone"],
            "13712345678");
  // Another department of the district does not hold it and does not find it.
  EXPECT_EQ(
      request("GET", "/api/v1/suggestions/" + std::to_string(id) + "/proposer", "sg.organ").first,
      404);
  EXPECT_EQ(stored("SELECT count(*) FROM audit_log WHERE action = 'suggestion.reveal_proposer'")[0]
                .integer(0),
            1);

  // Studied, evaluated and answered.
  act(id, "accept", Json::object());
  act(id, "record_study",
      {{"method", "site_visit"}, {"note", "实地查看东门空地。"}, {"proposer_invited", true}});
  Json bad = act(id, "evaluate", {{"adoption", "adopted"}, {"reasons", "可行。"}}, 400);
  EXPECT_EQ(bad["error"]["field"], "conversion");
  act(id, "evaluate",
      {{"adoption", "adopted"},
       {"reasons", "东门空地可设充电棚，已列入年度实事。"},
       {"conversion", "work_improvement"}});
  // The results are published after the collection closes, and answer the suggestion.
  auto [early, not_yet] = request(
      "POST", "/api/v1/suggestion-collections/" + std::to_string(collection_id) + "/results",
      "sg.office", {{"results", "共收到建议1件，采纳1件。"}});
  EXPECT_EQ(early, 409) << not_yet;
  act(id, "feedback", {{"method", "sms"}, {"text", "您的建议已被采纳，充电棚将于6月建成。"}});

  auto [tracked, page] = request("GET", "/api/v1/public/suggestions/" + no, "");
  ASSERT_EQ(tracked, 200) << page;
  EXPECT_EQ(page["state"], "closed");
  EXPECT_EQ(page["adoption"]["status"], "adopted");
  EXPECT_EQ(page["feedback"]["method"], "sms");
  EXPECT_EQ(page.dump().find("李建言"), std::string::npos);
  EXPECT_EQ(page.dump().find("13712345678"), std::string::npos);
  // An order's page does not open a suggestion's number.
  EXPECT_EQ(request("GET", "/api/v1/public/orders/" + no, "").first, 404);
  auto [timeline_read, full] =
      request("GET", "/api/v1/suggestions/" + std::to_string(id), "leader");
  ASSERT_EQ(timeline_read, 200) << full;
  EXPECT_EQ(full["timeline"].size(), 5u);  // register, accept, study, evaluate, feedback
  EXPECT_EQ(full["adoption"]["by_name"], "sg.office");
}

TEST_F(SuggestionsApi, RoutineSuggestionsGoToTheOfficeTheRegionsSettingsName) {
  // Without a collecting office for the area, the portal says so and keeps nothing.
  auto [none, why] = request("POST", "/api/v1/public/suggestions", "", suggestion());
  EXPECT_EQ(none, 409) << why;
  EXPECT_EQ(why["error"]["field"], "region_code");
  EXPECT_EQ(suggestion_rows(), 0);

  // Settings: a key the catalogue lacks, a unit that does not exist, another district, a value out
  // of range: each refused, nothing stored.
  const std::string office = std::to_string(office_);
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office", "district_admin",
                    {{"region_code", "110101"}, {"value", office}})
                .first,
            404);
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office_unit", "district_admin",
                    {{"region_code", "110101"}, {"value", "999999"}})
                .second["error"]["field"],
            "value");
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office_unit", "district_admin",
                    {{"region_code", "110102"}, {"value", office}})
                .first,
            403);
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.accept_days", "district_admin",
                    {{"region_code", "110101"}, {"value", "0"}})
                .second["error"]["field"],
            "value");
  EXPECT_EQ(request("PUT", "/api/v1/settings/rates.weight.response", "district_admin",
                    {{"region_code", "110101"}, {"value", "40"}})
                .second["error"]["field"],
            "region_code");  // the rates' weights hold for the whole country only
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office_unit", "sg.office",
                    {{"region_code", "110101"}, {"value", office}})
                .first,
            403);  // admins only
  // The office must be an organ that serves the area.
  const int64_t shanghai = make_unit("上海市黄浦区人民政府", "government", "310101");
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office_unit", "admin",
                    {{"region_code", "110101"}, {"value", std::to_string(shanghai)}})
                .second["error"]["field"],
            "value");
  const int64_t committee = make_unit("多福巷社区居委会", "community", "110101001001");
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.office_unit", "admin",
                    {{"region_code", "110101"}, {"value", std::to_string(committee)}})
                .second["error"]["field"],
            "value");
  EXPECT_EQ(stored("SELECT count(*) FROM profiles")[0].integer(0), 0);

  auto [set, setting] = request("PUT", "/api/v1/settings/suggestion.office_unit", "district_admin",
                                {{"region_code", "110101"}, {"value", office}});
  ASSERT_EQ(set, 200) << setting;
  EXPECT_EQ(request("PUT", "/api/v1/settings/suggestion.accept_days", "district_admin",
                    {{"region_code", "110101"}, {"value", "10"}})
                .first,
            200);
  auto [read, all] = request("GET", "/api/v1/settings?region=110101001", "leader");
  ASSERT_EQ(read, 200) << all;
  bool seen = false;
  for (const Json& s : all["items"]) {
    if (s["key"] != "suggestion.accept_days") continue;
    seen = true;
    EXPECT_EQ(s["value"], "10");
    EXPECT_EQ(s["default"], "15");
    EXPECT_EQ(s["set_for"], "110101000000");
    EXPECT_EQ(s["values"]["min"], 1);
    EXPECT_EQ(s["values"]["max"], 365);
  }
  EXPECT_TRUE(seen);

  auto [sent, receipt] = request("POST", "/api/v1/public/suggestions", "", suggestion());
  ASSERT_EQ(sent, 201) << receipt;
  EXPECT_EQ(receipt["lead_unit"], "东城区人民建议征集办公室");
  auto list = request("GET", "/api/v1/suggestions", "sg.office").second;
  ASSERT_EQ(list["total"], 1) << list;
  const Json& item = list["items"][0];
  EXPECT_EQ(item["type"], "routine");
  // Accepted within the district's 10 days: 20 March, to the end of the day.
  EXPECT_EQ(item["due_at"], "2026-03-20T15:59:59.999Z");
  // A personal demand written as a suggestion is hinted, and redirected with an answer.
  Json demand = suggestion();
  demand["subject"] = "请帮我追讨拖欠的工资";
  auto [hinted, h] = request("POST", "/api/v1/suggestions", "sg.office", demand);
  ASSERT_EQ(hinted, 201) << h;
  EXPECT_EQ(h["redirect_hint"]["reason"], "personal_demand");
  Json redirected = act(h["id"], "redirect",
                        {{"reason", "personal_demand"},
                         {"method", "phone"},
                         {"reply", "已告知可向劳动保障监察机构投诉。"}});
  EXPECT_EQ(redirected["state"], "redirected");
  // The leader's indicators for the month: the office holds two, one redirected, none answered.
  auto [counted, indicators] = request("GET", "/api/v1/suggestion-indicators", "leader");
  ASSERT_EQ(counted, 200) << indicators;
  ASSERT_EQ(indicators["items"].size(), 1u) << indicators;
  const Json& row = indicators["items"][0];
  EXPECT_EQ(row["unit"]["name"], "东城区人民建议征集办公室");
  EXPECT_EQ(row["received"], 2);
  EXPECT_EQ(row["redirected"], 1);
  EXPECT_EQ(row["accepted"], 0);
  EXPECT_EQ(row["answered"], 0);
  EXPECT_EQ(request("GET", "/api/v1/suggestion-indicators?to=2026-02-30", "leader")
                .second["error"]["field"],
            "to");

  auto [removed, r] =
      request("DELETE", "/api/v1/settings/suggestion.office_unit?region=110101", "district_admin");
  EXPECT_EQ(removed, 200) << r;
  EXPECT_EQ(request("POST", "/api/v1/public/suggestions", "", suggestion()).first, 409);
  EXPECT_EQ(stored("SELECT count(*) FROM audit_log WHERE action LIKE 'setting.%'")[0].integer(0),
            3);
}

TEST_F(SuggestionsApi, PublishedResultsAnswerTheCollectionsSuggestionsAndCitizensOfItsAreaSeeIt) {
  Json collection = {{"topic", "社区养老服务建议征集"},
                     {"description", "围绕社区养老驿站的服务内容征集建议。"},
                     {"submission_method", "在门户网站提交。"},
                     {"closes_on", "2026-03-11"}};
  auto [made, c] = request("POST", "/api/v1/suggestion-collections", "sg.office", collection);
  ASSERT_EQ(made, 201) << c;
  const int64_t collection_id = c["id"];
  // A citizen of a community of the district finds the district's collection by the community.
  auto listed = request("GET", "/api/v1/public/suggestion-collections?region=110101001001", "");
  ASSERT_EQ(listed.second["items"].size(), 1u) << listed.second;
  Json mine = suggestion();
  mine["collection_id"] = collection_id;
  auto [sent, receipt] = request("POST", "/api/v1/public/suggestions", "", mine);
  ASSERT_EQ(sent, 201) << receipt;
  const std::string no = receipt["tracking_no"];
  // A place outside the collection's area is refused.
  Json outside = mine;
  outside["region_code"] = "110102001001";
  EXPECT_EQ(request("POST", "/api/v1/public/suggestions", "", outside).second["error"]["field"],
            "region_code");
  const int64_t id = request("GET", "/api/v1/suggestions", "sg.office").second["items"][0]["id"];
  act(id, "accept", Json::object());
  act(id, "evaluate", {{"adoption", "not_adopted"}, {"reasons", "驿站已提供同类服务。"}});

  // Two days on, the collection has closed: the office publishes the results once, which answers
  // the suggestion; another unit may not.
  restart_at(kSimulatedStartMs + 2 * 86'400'000LL);
  const std::string results = "/api/v1/suggestion-collections/" + std::to_string(collection_id) +
                              "/results";
  EXPECT_EQ(request("POST", results, "sg.organ", {{"results", "结果"}}).first, 403);
  auto [published, after] =
      request("POST", results, "sg.office", {{"results", "共收到建议1件，已逐件研究。"}});
  ASSERT_EQ(published, 200) << after;
  EXPECT_EQ(after["answered"], 1);
  EXPECT_EQ(after["results"], "共收到建议1件，已逐件研究。");
  EXPECT_EQ(request("POST", results, "sg.office", {{"results", "again"}}).first, 409);
  auto page = request("GET", "/api/v1/public/suggestions/" + no, "").second;
  EXPECT_EQ(page["state"], "closed");
  EXPECT_EQ(page["feedback"]["method"], "publication");
  EXPECT_EQ(page["adoption"]["status"], "not_adopted");
}

}  // namespace
}  // namespace shegong::testing
