// Dispute mediation over HTTP against the real server, in simulated time (Tuesday 10 March 2026,
// 10:00 in Beijing): a residents' committee registers a neighbours' dispute, cannot start against a
// party's refusal, mediates to a written agreement with its 30 days for judicial confirmation;
// the parties stay sealed and are read in full only by the committee, audited; a fee is refused
// everywhere; an administrative mediation's acceptance is due in 5 working days.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kPassword = "dispute-pass-1";

class DisputesApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    committee_ = make_unit("多福巷社区居委会", "community", "110101001001");
    organ_ = make_unit("东城区城市管理委员会", "department", "110101");
    make_user("dp.committee", "community_staff", "110101001001", committee_, kPassword);
    make_user("dp.organ", "department_staff", "110101", organ_, kPassword);
  }

  static Json dispute(const std::string& track = "people") {
    return {{"track", track},
            {"source", "application"},
            {"category", "邻里纠纷"},
            {"risk", "medium"},
            {"subject", "楼上漏水损坏楼下装修"},
            {"description", "多福巷3号楼住户反映楼上卫生间漏水，双方就赔偿协商未果。"},
            {"region_code", "110101001001"},
            {"parties",
             {{{"name", "赵甲"}, {"phone", "13811112222"}, {"role", "applicant"}},
              {{"name", "钱乙"}, {"phone", "13933334444"}, {"role", "respondent"}}}}};
  }
  Json act(int64_t id, const std::string& action, const Json& body, int expected = 200,
           const std::string& who = "dp.committee") {
    auto [status, out] = post("/api/v1/disputes/" + std::to_string(id) + "/" + action, who, body);
    EXPECT_EQ(status, expected) << action << ": " << out;
    return out;
  }
  int64_t disputes() {
    return stored("SELECT count(*) FROM cases WHERE kind = 'dispute'")[0].integer(0);
  }

  int64_t committee_ = 0, organ_ = 0;
};

TEST_F(DisputesApi, AResidentsCommitteeMediatesToAnAgreementOnlyOnceEveryPartyIsWilling) {
  // Refused with nothing stored: a fee, a single party, a committee doing administrative mediation.
  Json paid = dispute();
  paid["fee"] = 200;
  EXPECT_EQ(post("/api/v1/disputes", "dp.committee", paid).second["error"]["field"], "fee");
  Json alone = dispute();
  alone["parties"].erase(1);
  EXPECT_EQ(post("/api/v1/disputes", "dp.committee", alone).second["error"]["field"], "parties");
  EXPECT_EQ(
      post("/api/v1/disputes", "dp.committee", dispute("administrative")).second["error"]["field"],
      "unit_id");
  EXPECT_EQ(disputes(), 0);

  auto [created, d] = post("/api/v1/disputes", "dp.committee", dispute());
  ASSERT_EQ(created, 201) << d;
  const int64_t id = d["id"];
  EXPECT_EQ(d["tracking_no"].get<std::string>().substr(0, 2), "TJ");
  EXPECT_EQ(d["parties"][0]["name"], "赵*");
  EXPECT_EQ(d["parties"][1]["phone"], "139****4444");

  act(id, "record_refusal", {{"party", 2}, {"note", "钱乙表示不愿调解"}});
  EXPECT_EQ(act(id, "start", Json::object(), 409)["error"]["field"], "refusal");
  act(id, "record_consent", {{"party", 2}});
  act(id, "start", {{"mediator", "孙调解"}});
  EXPECT_EQ(act(id, "extend",
                {{"days", 10}, {"reason", "鉴定"}, {"parties_agree", true}, {"amount_yuan", 50}},
                400)["error"]["field"],
            "amount_yuan");
  Json agreed = act(id, "agree", {{"form", "written"}, {"terms", "钱乙赔偿赵甲维修费3000元。"}});
  EXPECT_EQ(agreed["state"], "agreed");
  EXPECT_EQ(agreed["details"]["agreement"]["confirmation_until"], "2026-04-09");

  // The parties in full: the committee, audited; not the district's leader.
  auto [read, parties] = get("/api/v1/disputes/" + std::to_string(id) + "/parties", "dp.committee");
  ASSERT_EQ(read, 200) << parties;
  EXPECT_EQ(parties["items"][1]["phone"], "13933334444");
  EXPECT_EQ(get("/api/v1/disputes/" + std::to_string(id) + "/parties", "leader").first, 403);
  EXPECT_EQ(
      stored("SELECT count(*) FROM audit_log WHERE action = 'dispute.reveal_parties'")[0].integer(
          0),
      1);
  // The leader reads the dispute and its timeline; another district's staff do not find it.
  auto [seen, one] = get("/api/v1/disputes/" + std::to_string(id), "leader");
  ASSERT_EQ(seen, 200) << one;
  EXPECT_EQ(one["timeline"].size(), 5u);  // register, refusal, consent, start, agree
  // Free text reaches a reader outside the committee with the parties' names masked.
  EXPECT_EQ(one["details"]["agreement"]["terms"], "钱*赔偿赵*维修费3000元。");
  EXPECT_EQ(one["details"]["agreement"]["by_name"], "dp.committee");
  EXPECT_EQ(one.dump().find("钱乙"), std::string::npos);
  EXPECT_EQ(agreed["details"]["agreement"]["terms"], "钱乙赔偿赵甲维修费3000元。");
  EXPECT_EQ(get("/api/v1/disputes/" + std::to_string(id), "xicheng").first, 404);
  // A list reads for each row what the one-dispute read does: masked for the leader, in clear for
  // the committee holding it.
  Json listed = get("/api/v1/disputes?state=agreed", "leader").second;
  EXPECT_EQ(listed["total"], 1);
  EXPECT_EQ(listed["items"][0]["details"]["agreement"]["terms"], "钱*赔偿赵*维修费3000元。");
  EXPECT_EQ(listed["items"][0]["lead_unit"], one["lead_unit"]);
  EXPECT_EQ(get("/api/v1/disputes?state=agreed", "dp.committee")
                .second["items"][0]["details"]["agreement"]["terms"],
            "钱乙赔偿赵甲维修费3000元。");
  EXPECT_EQ(get("/api/v1/disputes", "xicheng").second["total"], 0);
}

TEST_F(DisputesApi, AnOrgansAcceptanceOfAnAdministrativeMediationIsDueInFiveWorkingDays) {
  Json d = dispute("administrative");
  d["unit_id"] = organ_;
  EXPECT_EQ(post("/api/v1/disputes", "dp.committee", d).first, 403);  // another unit's
  auto [created, made] = post("/api/v1/disputes", "dp.organ", d);
  ASSERT_EQ(created, 201) << made;
  // Tuesday 10 March + 5 working days: Tuesday 17 March, to the end of the day.
  EXPECT_EQ(made["due_at"], "2026-03-17T15:59:59.999Z");
  const int64_t id = made["id"];
  EXPECT_EQ(act(id, "start", Json::object(), 409, "dp.organ")["error"]["field"], "state");
  EXPECT_EQ(act(id, "decline", Json::object(), 400, "dp.organ")["error"]["field"], "reasons");
  act(id, "accept", Json::object(), 200, "dp.organ");
  Json m = act(id, "start", Json::object(), 200, "dp.organ");
  EXPECT_EQ(m["state"], "mediating");
  Json failed = act(id, "fail", {{"reason", "no_agreement"}, {"guidance", "可向人民法院起诉。"}},
                    200, "dp.organ");
  EXPECT_EQ(failed["state"], "failed");
  EXPECT_EQ(failed["details"]["outcome"]["reason"], "no_agreement");
}

}  // namespace
}  // namespace shegong::testing
