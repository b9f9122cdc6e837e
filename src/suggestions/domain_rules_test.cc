// DOMAIN.md §9.7, items 65–67 (people's suggestions), one test per statement, in simulated time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "suggestions/redirect_hint.h"
#include "suggestions/test_world.h"

namespace shegong::suggestions {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }

TEST(DomainRule,
     Item65_ASuggestionHoldsSubjectReasonsMeasuresAndProposerAndOtherMattersAreRedirected) {
  SuggestionWorld w;
  // Each of the four parts is required; a refused suggestion stores nothing.
  struct Missing {
    const char* field;
    void (*clear)(NewSuggestion&);
  };
  for (const Missing& m :
       {Missing{"subject", [](NewSuggestion& n) { n.subject.clear(); }},
        Missing{"reasons", [](NewSuggestion& n) { n.reasons = "  "; }},
        Missing{"measures", [](NewSuggestion& n) { n.measures.clear(); }},
        Missing{"proposer.name", [](NewSuggestion& n) { n.proposer.name.clear(); }},
        Missing{"proposer.phone", [](NewSuggestion& n) {
                  n.proposer.phone.clear();
                  n.proposer.address.clear();
                }}}) {
    NewSuggestion n = w.suggestion();
    m.clear(n);
    auto c = w.file(n);
    ASSERT_FALSE(c.ok()) << m.field;
    EXPECT_EQ(c.status().field(), m.field);
  }
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), 0);

  auto c = w.filed(w.suggestion());
  EXPECT_EQ(c.state, "registered");
  EXPECT_EQ(c.tracking_no.substr(0, 2), "JY");
  EXPECT_EQ(attrs(c)["measures"], w.suggestion().measures);
  EXPECT_FALSE(attrs(c).contains("redirect_hint"));
  // The proposer is sealed: neither the name nor the phone is stored in clear.
  EXPECT_EQ(w.rows_holding("cases", {"requester_sealed", "requester_hash", "attrs"},
                           {"李建言", "13712345678"}),
            0);

  // A personal demand and a matter for litigation are hinted and redirected, with an answer.
  NewSuggestion personal = w.suggestion();
  personal.subject = "请帮我追讨被拖欠的工资";
  personal.reasons = "公司拖欠我三个月工资，建议有关部门帮我追回。";
  auto p = w.filed(personal);
  EXPECT_EQ(attrs(p)["redirect_hint"]["reason"], "personal_demand");
  auto wrong = w.act(p.id, "redirect", w.office_staff,
                     {{"reason", "complaint"}, {"method", "phone"}, {"reply", "请拨打12345。"}});
  EXPECT_EQ(wrong.status().field(), "reason");
  auto r =
      w.acted(p.id, "redirect", w.office_staff,
              {{"reason", "personal_demand"},
               {"method", "phone"},
               {"reply", "您反映的是个人诉求，已告知可拨打12345热线或向劳动保障监察机构投诉。"}});
  EXPECT_EQ(r.state, "redirected");
  EXPECT_NE(r.closed_at_ms, 0);
  EXPECT_EQ(attrs(r)["redirect"]["reason"], "personal_demand");
  EXPECT_EQ(attrs(r)["feedback"]["method"], "phone");
  // Redirected, it is no longer studied.
  EXPECT_EQ(w.act(r.id, "accept", w.office_staff).status().code(), Code::kConflict);

  EXPECT_EQ(redirect_hint("对法院判决不服，建议重新审理")->reason, "litigation");
  EXPECT_EQ(redirect_hint("已申请劳动仲裁")->reason, "arbitration");
  EXPECT_EQ(redirect_hint("帮我申请行政复议")->reason, "reconsideration");
  EXPECT_FALSE(redirect_hint("建议增设公交线路，方便居民出行"));
  EXPECT_FALSE(redirect_hint("建议完善诉讼服务中心的无障碍设施"));  // about the courts, not a lawsuit
  EXPECT_FALSE(redirect_hint("建议给我们小区增设路灯"));

  // An organ studies suggestions about its own area.
  NewSuggestion elsewhere = w.suggestion();
  elsewhere.unit_id = w.street.id;           // 东华门街道
  elsewhere.region_code = "110101002001";    // 景山东街社区
  EXPECT_EQ(w.file(elsewhere).status().field(), "region_code");
}

TEST(DomainRule, Item66_EverySuggestionGetsAnAdoptionStatusWithReasonsAndAFeedbackRecord) {
  SuggestionWorld w;
  auto c = w.accepted(w.suggestion());
  EXPECT_EQ(c.state, "accepted");
  // Feedback comes after the adoption status.
  EXPECT_EQ(w.act(c.id, "feedback", w.office_staff, {{"method", "sms"}, {"text", "已采纳。"}})
                .status()
                .code(),
            Code::kConflict);
  EXPECT_EQ(w.act(c.id, "evaluate", w.office_staff, {{"adoption", "maybe"}, {"reasons", "x"}})
                .status()
                .field(),
            "adoption");
  EXPECT_EQ(w.act(c.id, "evaluate", w.office_staff, {{"adoption", "not_adopted"}}).status().field(),
            "reasons");
  // An adopted suggestion says what it becomes (Art. 13).
  EXPECT_EQ(w.act(c.id, "evaluate", w.office_staff,
                  {{"adoption", "partly_adopted"}, {"reasons", "部分可行。"}})
                .status()
                .field(),
            "conversion");
  auto e = w.acted(c.id, "evaluate", w.office_staff,
                   {{"adoption", "partly_adopted"},
                    {"reasons", "东门空地可设充电棚；按次收费另行研究。"},
                    {"conversion", "work_improvement"}});
  EXPECT_EQ(e.state, "evaluated");
  EXPECT_EQ(attrs(e)["adoption"]["status"], "partly_adopted");
  // A routine suggestion is answered individually; publication is for a collection's results.
  EXPECT_EQ(w.act(c.id, "feedback", w.office_staff, {{"method", "publication"}, {"text", "见公告"}})
                .status()
                .field(),
            "method");
  auto f = w.acted(c.id, "feedback", w.office_staff,
                   {{"method", "letter"}, {"text", "您的建议已部分采纳，充电棚将于年内建成。"}});
  EXPECT_EQ(f.state, "closed");
  EXPECT_EQ(attrs(f)["feedback"]["method"], "letter");
  EXPECT_TRUE(attrs(f)["feedback"]["in_time"].get<bool>());
  // Rewards are optional, only for adopted suggestions, and a bonus has an amount.
  EXPECT_EQ(
      w.act(c.id, "reward", w.office_staff, {{"kind", "bonus"}, {"note", "奖励"}}).status().field(),
      "amount_yuan");
  auto rewarded = w.acted(c.id, "reward", w.office_staff,
                          {{"kind", "bonus"}, {"note", "优秀建议奖"}, {"amount_yuan", "500"}});
  EXPECT_EQ(attrs(rewarded)["rewards"][0]["amount_yuan"], 500);
  auto refused = w.evaluated(w.suggestion(), "not_adopted");
  EXPECT_FALSE(attrs(refused)["adoption"].contains("conversion"));
  EXPECT_EQ(w.act(refused.id, "reward", w.office_staff, {{"kind", "commendation"}, {"note", "x"}})
                .status()
                .code(),
            Code::kConflict);
}

TEST(DomainRule, Item67_ASpecialCollectionPublishesItsPeriodAndMarksLateSubmissions) {
  SuggestionWorld w;  // 2025-09-26
  Result<Collection> bad = Internal("not run");
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    NewCollection n;
                    n.unit_id = w.office.id;
                    n.topic = "征集";
                    n.description = "说明";
                    n.submission_method = "网站";
                    bad = create_collection(s, w.clock, n, "test");
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(bad.status().field(), "closes_on");  // the period is published, so it is required
  auto later = w.open_collection("2025-10-09", "2025-10-31");
  ASSERT_TRUE(later.ok()) << later.status().to_string();
  NewSuggestion early = w.suggestion();
  early.collection_id = later->id;
  EXPECT_EQ(w.file(early).status().field(), "collection_id");  // not open yet

  auto running = w.open_collection("2025-09-20", "2025-09-30");
  ASSERT_TRUE(running.ok());
  NewSuggestion n = w.suggestion();
  n.collection_id = running->id;
  n.unit_id = w.street.id;  // received by a street office: the collecting unit holds it
  auto in_time = w.filed(n);
  EXPECT_EQ(in_time.lead_unit_id, w.office.id);
  EXPECT_EQ(in_time.type, "special");
  EXPECT_FALSE(attrs(in_time).contains("late_submission"));

  w.clock.set_ms(w.at("2025-10-01", 8));
  auto late = w.filed(n);
  EXPECT_TRUE(attrs(late)["late_submission"].get<bool>());
  EXPECT_EQ(w.count("SELECT count(*) FROM suggestion_submissions WHERE late = 1"), 1);
  EXPECT_EQ(timing(*running, *Date::parse("2025-09-30")), Timing::kOpen);
  EXPECT_EQ(timing(*running, *Date::parse("2025-10-01")), Timing::kLate);
}

}  // namespace
}  // namespace shegong::suggestions
