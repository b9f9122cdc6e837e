// DOMAIN.md §9.2, one test per statement, in simulated time over the real 2025–2026 holiday
// calendar (国庆+中秋 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cases/profile.h"
#include "petitions/access.h"
#include "petitions/annual_report.h"
#include "petitions/indicators.h"
#include "petitions/levels.h"
#include "petitions/notices.h"
#include "petitions/test_world.h"

namespace shegong::petitions {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }
int64_t end_of(const std::string& date) { return china_end_of_day_ms(*Date::parse(date)); }

cases::CaseRecord load(PetitionWorld& w, int64_t id) {
  cases::CaseRecord out;
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto c = cases::load_case(s, id);
                    if (!c.ok()) return c.status();
                    out = **c;
                    return Status::Ok();
                  })
                  .ok());
  return out;
}

TEST(DomainRule, Item7_EveryChannelRegistersAndOralPetitionsNeedAWrittenSummary) {
  PetitionWorld w;
  for (const char* channel : {"online", "letter", "phone", "fax", "visit"}) {
    auto p = w.petition("申诉求决", channel);
    if (std::string(channel) == "visit") p.competent_unit_id = w.organ.id;
    cases::CaseRecord c = w.filed(p);
    EXPECT_EQ(c.state, "registered") << channel;
    EXPECT_EQ(c.tracking_no.rfind("XF250926", 0), 0u) << c.tracking_no;
    EXPECT_EQ(c.received_at_ms, w.clock.now_ms());
  }
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE action = 'register'"), 5);
  for (const char* channel : {"phone", "visit"}) {
    auto oral = w.petition("申诉求决", channel);
    oral.summary = "";
    oral.content = "口头反映";
    oral.competent_unit_id = w.organ.id;
    auto r = w.file(oral);
    EXPECT_EQ(r.status().field(), "summary") << channel;
    EXPECT_NE(r.status().message().find("Art. 19"), std::string::npos);
  }
  auto bad = w.petition();
  bad.channel = "wechat";
  EXPECT_EQ(w.file(bad).status().field(), "channel");
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), 5);
  // The identity is sealed at rest.
  EXPECT_EQ(
      w.rows_holding("cases", {"requester_sealed", "content"}, {"王小明", "110101199003074514"}),
      0);
}

TEST(DomainRule, Item8_UnroutedAfterFifteenDaysShowsOverdue) {
  PetitionWorld w;
  w.set_time("2025-09-16");
  cases::CaseRecord rolled = w.filed(w.petition());
  // D+15 is 1 October, in the National Day break: rolled to 9 October (the default policy).
  EXPECT_EQ(rolled.due_at_ms, end_of("2025-10-09"));
  EXPECT_TRUE(w.db->write([&](db::Session& s) {
                    return cases::set_profile(s, "110101", "petition.deadline_roll", "0");
                  })
                  .ok());
  cases::CaseRecord strict = w.filed(w.petition());
  EXPECT_EQ(strict.due_at_ms, end_of("2025-10-01"));

  w.clock.set_ms(end_of("2025-10-01") + 60'000);
  w.fire_timers();
  EXPECT_TRUE(load(w, strict.id).overdue);
  EXPECT_FALSE(load(w, rolled.id).overdue);
  w.clock.set_ms(end_of("2025-10-09") + 60'000);
  w.fire_timers();
  EXPECT_TRUE(load(w, rolled.id).overdue);
  cases::CaseRecord routed = w.acted(rolled.id, "route", w.office_staff,
                                     {{"route", "transfer"}, {"unit_id", w.id(w.organ)}});
  EXPECT_EQ(routed.state, "transferred");
  EXPECT_FALSE(routed.overdue);
  EXPECT_FALSE(attrs(routed)["routed_in_time"].get<bool>());
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE action = 'routing_overdue'"), 2);
}

TEST(DomainRule, Item9_AnAssignmentNeedsAReportDeadlineAndAClosingReport) {
  PetitionWorld w;
  cases::CaseRecord c = w.filed(w.petition());
  auto missing =
      w.act(c.id, "route", w.office_staff, {{"route", "assign"}, {"unit_id", w.id(w.organ)}});
  EXPECT_EQ(missing.status().field(), "report_due_on");
  EXPECT_EQ(load(w, c.id).version, c.version);
  EXPECT_EQ(load(w, c.id).state, "registered");
  cases::CaseRecord assigned =
      w.acted(c.id, "route", w.office_staff,
              {{"route", "assign"}, {"unit_id", w.id(w.organ)}, {"report_due_on", "2025-11-28"}});
  EXPECT_EQ(assigned.state, "transferred");
  w.acted(c.id, "accept", w.organ_staff, {{"track", "opinion"}});
  w.acted(c.id, "issue_opinion", w.organ_staff, w.opinion());
  // Only the organ it was assigned to files the report, and only once there is something to
  // report; a petition that was merely transferred has none.
  EXPECT_EQ(w.act(c.id, "file_report", w.office_staff, {{"report", "x"}}).status().code(),
            Code::kPermissionDenied);
  cases::CaseRecord reported =
      w.acted(c.id, "file_report", w.organ_staff, {{"report", "已发放补贴，信访人表示认可。"}});
  EXPECT_TRUE(attrs(reported)["assigned"]["in_time"].get<bool>());
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_timers WHERE kind = 'report_due' AND state = 'cancelled'"),
      1);

  cases::CaseRecord plain = w.answered(w.petition());
  EXPECT_EQ(w.act(plain.id, "file_report", w.organ_staff, {{"report", "x"}}).status().code(),
            Code::kConflict);
  // An assignment whose report never comes is flagged when the deadline passes.
  cases::CaseRecord late = w.filed(w.petition());
  w.acted(late.id, "route", w.office_staff,
          {{"route", "assign"}, {"unit_id", w.id(w.organ)}, {"report_due_on", "2025-10-10"}});
  w.clock.set_ms(end_of("2025-10-10") + 1);
  w.fire_timers();
  EXPECT_TRUE(attrs(load(w, late.id))["assigned"]["report_overdue"].get<bool>());
}

// 属地管理、分级负责 (Art. 22): an office transfers within its own area, at its level or below; the
// petitioner's identity never travels to an organ that has no part in the matter.
TEST(DomainRule, Item8_AnOfficeRoutesWithinItsOwnArea) {
  PetitionWorld w;
  hotline::Unit xicheng;
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    auto u = hotline::create_unit(
                        s, {0, "北京市西城区住房和城乡建设委员会", "department", "110102", true});
                    if (u.ok()) xicheng = *u;
                    return u.status();
                  })
                  .ok());
  cases::CaseRecord c = w.filed(w.petition());
  for (const hotline::Unit* outside : {&w.province_organ, &xicheng}) {
    auto refused =
        w.act(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(*outside)}});
    EXPECT_EQ(refused.status().field(), "unit_id") << outside->name;
    EXPECT_NE(refused.status().message().find("属地管理"), std::string::npos);
  }
  EXPECT_EQ(load(w, c.id).state, "registered");
  EXPECT_EQ(
      w.acted(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(w.organ)}})
          .state,
      "transferred");
  // The municipality's office routes to a district's organ.
  auto at_city = w.petition();
  at_city.unit_id = w.province_office.id;
  cases::CaseRecord d = w.filed(at_city);
  EXPECT_EQ(w.acted(d.id, "route", w.province_office_staff,
                    {{"route", "transfer"}, {"unit_id", w.id(w.organ)}})
                .state,
            "transferred");
}

// Art. 31 route (5): a request to investigate an illegal act or to protect personal or property
// rights is the organ's own duty: it accepts it, performs the duty and answers; the petition does
// not leave 信访 with a referral elsewhere.
TEST(DomainRule, Art31Route5_TheOrgansOwnDutyIsAcceptedAndAnswered) {
  PetitionWorld w;
  cases::CaseRecord c = w.transferred(w.petition());
  EXPECT_EQ(
      w.act(c.id, "refer", w.organ_staff, {{"procedure", "duty"}, {"note", "x"}}).status().field(),
      "procedure");
  cases::CaseRecord accepted = w.acted(c.id, "accept", w.organ_staff, {{"track", "duty"}});
  EXPECT_EQ(accepted.state, "accepted");
  EXPECT_EQ(attrs(accepted)["track"], "duty");
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto doc = notice_document(s, w.box, accepted, "acceptance");
                    if (!doc.ok()) return doc.status();
                    std::string all;
                    for (const auto& part : doc->body) all += part.text;
                    EXPECT_NE(all.find("第三十一条第五项"), std::string::npos) << all;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(w.act(c.id, "issue_opinion", w.organ_staff, w.opinion()).status().field(), "track");
  cases::CaseRecord answered =
      w.acted(c.id, "reply", w.organ_staff, {{"reply", "已责令施工单位停止侵占并恢复原状。"}});
  EXPECT_EQ(answered.state, "replied");
  // Only a 申诉求决 petition takes route (5).
  cases::CaseRecord suggestion = w.transferred(w.petition("建议意见"));
  EXPECT_EQ(w.act(suggestion.id, "accept", w.organ_staff, {{"track", "duty"}}).status().field(),
            "track");
}

// Art. 33: a 申诉求决 matter may be mediated with both parties' consent, or settled by them; the
// agreement is written up (调解协议书, 和解协议书) and concludes the handling, on time or late like
// an opinion, with no 复查 window, since it is not an opinion.
TEST(DomainRule, Art33_AnAgreementNeedsBothConsentsAndConcludesTheHandling) {
  PetitionWorld w;
  w.set_time("2025-11-03");
  cases::CaseRecord c = w.accepted(w.petition());
  cases::Fields in = {{"form", "mediation"},
                      {"other_party", "北京某物业管理有限公司"},
                      {"matter", "加装电梯补贴的发放"},
                      {"terms", "物业公司于2025年11月30日前将代领的补贴全额转交信访人。"},
                      {"petitioner_consents", "yes"},
                      {"other_party_consents", "yes"}};
  for (const char* missing :
       {"form", "other_party", "matter", "terms", "petitioner_consents", "other_party_consents"}) {
    cases::Fields without = in;
    without.erase(missing);
    EXPECT_EQ(w.act(c.id, "settle", w.organ_staff, without).status().field(), missing);
  }
  for (const char* consent : {"petitioner_consents", "other_party_consents"}) {
    cases::Fields refused = in;
    refused[consent] = "no";
    auto st = w.act(c.id, "settle", w.organ_staff, refused).status();
    EXPECT_EQ(st.code(), Code::kConflict);
    EXPECT_EQ(st.field(), consent);
  }
  cases::Fields odd = in;
  odd["form"] = "arbitration";
  EXPECT_EQ(w.act(c.id, "settle", w.organ_staff, odd).status().field(), "form");
  odd = in;
  odd["signed_on"] = "2025-11-04";  // tomorrow
  EXPECT_EQ(w.act(c.id, "settle", w.organ_staff, odd).status().field(), "signed_on");
  odd["signed_on"] = "2025-11-02";  // before the acceptance
  EXPECT_EQ(w.act(c.id, "settle", w.organ_staff, odd).status().field(), "signed_on");
  EXPECT_EQ(w.act(c.id, "settle", w.office_staff, in).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(load(w, c.id).state, "accepted");

  w.set_time("2025-11-20");
  cases::CaseRecord settled = w.acted(c.id, "settle", w.organ_staff, in);
  EXPECT_EQ(settled.state, "settled");
  EXPECT_NE(settled.closed_at_ms, 0);
  EXPECT_EQ(settled.due_at_ms, 0);
  EXPECT_EQ(attrs(settled)["agreement"]["signed_on"], "2025-11-20");
  EXPECT_TRUE(attrs(settled)["answered_in_time"].get<bool>());
  EXPECT_FALSE(attrs(settled).contains("request_window_ends_ms"));
  EXPECT_FALSE(
      w.act(c.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}}).ok());
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN case_events e ON e.id = n.event_id "
                    "WHERE e.action = 'settle' AND n.audience = 'petitioner'"),
            1);
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto doc = notice_document(s, w.box, settled, "agreement");
                    if (!doc.ok()) return doc.status();
                    EXPECT_EQ(doc->title, "调解协议书");
                    std::string all;
                    for (const auto& part : doc->body) all += part.heading + part.text;
                    for (const char* part :
                         {"王小明", "北京某物业管理有限公司", "加装电梯补贴的发放",
                          "全额转交信访人", "2025年11月20日", "第三十三条"}) {
                      EXPECT_NE(all.find(part), std::string::npos) << part;
                    }
                    auto nov = monthly_indicators(s, "2025-11", "110101");
                    if (!nov.ok()) return nov.status();
                    EXPECT_EQ(nov->at(0).answers, 1);
                    return Status::Ok();
                  })
                  .ok());
  // The petitioner rates the agreement like any answer, once.
  EXPECT_TRUE(w.engine.apply(c.id, "rate", nullptr, {{"rating", "满意"}}).ok());
  EXPECT_EQ(w.engine.apply(c.id, "rate", nullptr, {{"rating", "满意"}}).status().field(), "rating");

  // A settlement on the duty track (route 5) is written up as a 和解协议书; suggestions and
  // accusations are not disputes to settle.
  cases::CaseRecord duty = w.transferred(w.petition());
  w.acted(duty.id, "accept", w.organ_staff, {{"track", "duty"}});
  cases::Fields settlement = in;
  settlement["form"] = "settlement";
  cases::CaseRecord agreed = w.acted(duty.id, "settle", w.organ_staff, settlement);
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto doc = notice_document(s, w.box, agreed, "agreement");
                    if (!doc.ok()) return doc.status();
                    EXPECT_EQ(doc->title, "和解协议书");
                    return Status::Ok();
                  })
                  .ok());
  cases::CaseRecord suggestion = w.transferred(w.petition("建议意见"));
  w.acted(suggestion.id, "accept", w.organ_staff, {{"track", "suggestion"}});
  EXPECT_EQ(w.act(suggestion.id, "settle", w.organ_staff, in).status().field(), "track");
}

// Art. 29 (DOMAIN 9.7 item 66): a suggestion is studied and adopted in whole or in part, or not,
// and the reply says which; when it is not adopted in whole, the reasons.
TEST(DomainRule, Art29_ASuggestionsReplySaysWhetherItIsAdoptedInWholeInPartOrNotAndWhy) {
  PetitionWorld w;
  auto accepted = [&] {
    cases::CaseRecord c = w.transferred(w.petition("建议意见"));
    w.acted(c.id, "accept", w.organ_staff, {{"track", "suggestion"}});
    return c;
  };
  cases::CaseRecord c = accepted();
  const cases::Fields reply = {{"reply", "感谢您的建议，经研究，将在学校门口增设临时接送车位。"}};
  EXPECT_EQ(w.act(c.id, "reply", w.organ_staff, reply).status().field(), "adoption");
  for (const char* wrong : {"yes", "partly", ""}) {
    cases::Fields in = reply;
    in["adoption"] = wrong;
    EXPECT_EQ(w.act(c.id, "reply", w.organ_staff, in).status().field(), "adoption") << wrong;
  }
  for (const char* without_reasons : {"partly_adopted", "not_adopted"}) {
    cases::Fields in = reply;
    in["adoption"] = without_reasons;
    EXPECT_EQ(w.act(c.id, "reply", w.organ_staff, in).status().field(), "adoption_reasons")
        << without_reasons;
    in["adoption_reasons"] = "  ";
    EXPECT_EQ(w.act(c.id, "reply", w.organ_staff, in).status().field(), "adoption_reasons")
        << without_reasons;
  }
  EXPECT_EQ(load(w, c.id).state, "accepted");  // nothing of the refusals was kept

  cases::Fields whole = reply;
  whole["adoption"] = "adopted";
  Json adopted = attrs(w.acted(c.id, "reply", w.organ_staff, whole))["reply"];
  EXPECT_EQ(adopted["adoption"], "adopted");
  EXPECT_FALSE(adopted.contains("adoption_reasons"));

  cases::CaseRecord part = accepted();
  cases::Fields in = reply;
  in["adoption"] = "partly_adopted";
  in["adoption_reasons"] = "增设车位已采纳；增派交通协管员受编制所限，暂不采纳。";
  cases::CaseRecord replied = w.acted(part.id, "reply", w.organ_staff, in);
  EXPECT_EQ(replied.state, "replied");
  EXPECT_EQ(attrs(replied)["reply"]["adoption"], "partly_adopted");
  EXPECT_EQ(attrs(replied)["reply"]["adoption_reasons"], in["adoption_reasons"]);

  cases::CaseRecord refused = accepted();
  in["adoption"] = "not_adopted";
  in["adoption_reasons"] = "该路段不具备设置条件。";
  EXPECT_EQ(attrs(w.acted(refused.id, "reply", w.organ_staff, in))["reply"]["adoption"],
            "not_adopted");
}

TEST(DomainRule, Art32_ASupportedDecisionIsCarriedOutUnderSupervisionAndNoOtherIsForgotten) {
  PetitionWorld w;
  w.set_time("2025-09-01");
  cases::CaseRecord c = w.answered(w.petition());  // supported, by the organ
  auto waiting = [&](int64_t id) {
    return w.count(
        "SELECT coalesce(max(unit_id), 0) FROM petition_implementations WHERE case_id = ?", {id});
  };
  EXPECT_EQ(waiting(c.id), w.organ.id);
  EXPECT_EQ(w.act(c.id, "record_guidance", w.organ_staff, {{"note", "已解释"}}).status().field(),
            "decision");
  cases::Fields in = {{"measures", "补贴已拨付首期款项"}, {"complete", "no"}};
  for (const char* missing : {"measures", "complete"}) {
    cases::Fields without = in;
    without.erase(missing);
    EXPECT_EQ(w.act(c.id, "record_implementation", w.organ_staff, without).status().field(),
              missing);
  }
  cases::Fields odd = in;
  odd["done_on"] = "2025-09-02";  // tomorrow
  EXPECT_EQ(w.act(c.id, "record_implementation", w.organ_staff, odd).status().field(), "done_on");
  odd["done_on"] = "2025-08-31";  // before the decision
  EXPECT_EQ(w.act(c.id, "record_implementation", w.organ_staff, odd).status().field(), "done_on");
  // The office that sent it on reads it but did not decide it.
  EXPECT_EQ(w.act(c.id, "record_implementation", w.office_staff, in).status().code(),
            Code::kPermissionDenied);

  w.set_time("2025-09-15");
  cases::CaseRecord part = w.acted(c.id, "record_implementation", w.organ_staff, in);
  EXPECT_FALSE(attrs(part)["implementation"]["complete"].get<bool>());
  EXPECT_EQ(waiting(c.id), w.organ.id);

  // The window passes; a closed petition whose supported decision waits is still supervised, and
  // the organ answers in writing.
  w.set_time("2025-11-10");
  w.fire_timers();
  EXPECT_EQ(load(w, c.id).state, "closed");
  w.acted(c.id, "supervise", w.office_staff, {{"recommendation", "请尽快拨付剩余补贴"}});
  EXPECT_EQ(w.count("SELECT unit_id FROM petition_supervisions WHERE case_id = ?", {c.id}),
            w.organ.id);
  std::string supervision = std::to_string(w.count("SELECT max(id) FROM petition_supervisions"));
  w.acted(c.id, "answer_supervision", w.organ_staff,
          {{"supervision_id", supervision}, {"adopted", "yes"}, {"answer", "本月底前拨付"}});

  cases::Fields done = {{"measures", "剩余补贴已全部拨付"},
                        {"complete", "yes"},
                        {"carried_out_by", "东城区财政局"},
                        {"done_on", "2025-11-07"}};
  cases::CaseRecord carried = w.acted(c.id, "record_implementation", w.organ_staff, done);
  EXPECT_EQ(carried.state, "closed");
  Json impl = attrs(carried)["implementation"];
  EXPECT_TRUE(impl["complete"].get<bool>());
  EXPECT_EQ(impl["completed_on"], "2025-11-07");
  ASSERT_EQ(impl["entries"].size(), 2u);
  EXPECT_EQ(impl["entries"][1]["carried_out_by"], "东城区财政局");
  EXPECT_EQ(waiting(c.id), 0);
  EXPECT_EQ(w.act(c.id, "record_implementation", w.organ_staff, done).status().field(), "complete");
  auto idle = w.act(c.id, "supervise", w.office_staff, {{"recommendation", "x"}});
  EXPECT_EQ(idle.status().code(), Code::kConflict);
  EXPECT_EQ(idle.status().field(), "state");
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN case_events e ON e.id = n.event_id "
                    "WHERE e.case_id = ? AND e.action = 'record_implementation' AND "
                    "n.audience = 'petitioner'",
                    {c.id}),
            2);

  // Not supported: the petitioner is given guidance, and nothing waits to be carried out...
  w.set_time("2025-12-01");
  cases::CaseRecord refused = w.accepted(w.petition());
  cases::Fields no = w.opinion();
  no["decision"] = "not_support";
  w.acted(refused.id, "issue_opinion", w.organ_staff, no);
  EXPECT_EQ(waiting(refused.id), 0);
  EXPECT_EQ(w.act(refused.id, "record_implementation", w.organ_staff, in).status().field(),
            "decision");
  EXPECT_EQ(w.act(refused.id, "record_guidance", w.organ_staff, {}).status().field(), "note");
  cases::CaseRecord guided = w.acted(refused.id, "record_guidance", w.organ_staff,
                                     {{"note", "当面说明补贴政策的适用条件，信访人表示理解"}});
  EXPECT_EQ(attrs(guided)["guidance"][0]["kind"], "education");
  // ... until the 复查 organ supports the request: the organ that handled it carries it out, and
  // a supervision goes to it, not to the 复查 organ now holding the petition.
  w.acted(refused.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  cases::CaseRecord reversed =
      w.acted(refused.id, "review_opinion", w.city_organ_staff,
              {{"opinion", "撤销原处理意见，支持信访人请求。"}, {"decision", "support"}});
  EXPECT_EQ(reversed.lead_unit_id, w.city_organ.id);
  EXPECT_EQ(waiting(refused.id), w.organ.id);
  w.acted(refused.id, "supervise", w.office_staff, {{"recommendation", "请落实复查意见"}});
  EXPECT_EQ(w.count("SELECT unit_id FROM petition_supervisions WHERE case_id = ?", {refused.id}),
            w.organ.id);
  w.acted(refused.id, "record_implementation", w.organ_staff,
          {{"measures", "补贴已发放"}, {"complete", "yes"}});
  EXPECT_EQ(waiting(refused.id), 0);

  // A reasonable request without legal basis is explained.
  cases::CaseRecord reasonable = w.accepted(w.petition());
  cases::Fields explain = w.opinion();
  explain["decision"] = "explain";
  w.acted(reasonable.id, "issue_opinion", w.organ_staff, explain);
  cases::CaseRecord told =
      w.acted(reasonable.id, "record_guidance", w.organ_staff, {{"note", "书面解释政策依据"}});
  EXPECT_EQ(attrs(told)["guidance"][0]["kind"], "explanation");
  EXPECT_EQ(
      w.act(reasonable.id, "record_guidance", w.city_organ_staff, {{"note", "x"}}).status().code(),
      Code::kPermissionDenied);
}

TEST(DomainRule, Art37_APetitionerInHardshipIsHelpedToApplyForAssistanceAlsoAfterTheHandling) {
  PetitionWorld w;
  w.set_time("2025-09-01");
  cases::CaseRecord fresh = w.filed(w.petition());
  cases::Fields in = {{"kind", "social"},
                      {"note", "信访人家庭生活困难，已协助其向街道申请临时救助。"}};
  EXPECT_FALSE(w.act(fresh.id, "record_assistance", w.office_staff, in).ok());  // not yet accepted

  cases::CaseRecord c = w.accepted(w.petition());
  for (const char* missing : {"kind", "note"}) {
    cases::Fields without = in;
    without.erase(missing);
    EXPECT_EQ(w.act(c.id, "record_assistance", w.organ_staff, without).status().field(), missing);
  }
  cases::Fields odd = in;
  odd["kind"] = "loan";
  EXPECT_EQ(w.act(c.id, "record_assistance", w.organ_staff, odd).status().field(), "kind");
  odd = in;
  odd["done_on"] = "2025-09-02";  // tomorrow
  EXPECT_EQ(w.act(c.id, "record_assistance", w.organ_staff, odd).status().field(), "done_on");
  odd["done_on"] = "2025-08-31";  // before it was received
  EXPECT_EQ(w.act(c.id, "record_assistance", w.organ_staff, odd).status().field(), "done_on");
  EXPECT_EQ(w.act(c.id, "record_assistance", w.accused_staff, in).status().code(),
            Code::kPermissionDenied);

  cases::CaseRecord helped = w.acted(c.id, "record_assistance", w.organ_staff, in);
  EXPECT_EQ(attrs(helped)["assistance"][0]["kind"], "social");
  EXPECT_EQ(attrs(helped)["assistance"][0]["unit_id"], w.organ.id);
  EXPECT_EQ(helped.state, "accepted");
  // The petitioner's circumstances stay out of the timeline.
  EXPECT_EQ(w.rows_holding("case_events", {"data"}, {"生活困难"}), 0);

  // After the 复核 the work goes on (Art. 37 para 3), by the organs that held it.
  w.acted(c.id, "issue_opinion", w.organ_staff, w.opinion());
  w.reviewed(c.id);
  w.acted(c.id, "request_re_review", w.province_organ_staff, {{"unit_id", w.id(w.province_organ)}});
  w.acted(c.id, "re_review_opinion", w.province_organ_staff,
          {{"opinion", "复核维持。"}, {"decision", "support"}});
  EXPECT_EQ(load(w, c.id).state, "final");
  w.acted(c.id, "record_assistance", w.organ_staff,
          {{"kind", "social"}, {"note", "回访了解救助金发放情况。"}});

  // A 涉法涉诉 matter referred to the 政法 department: the petitioner is told of judicial
  // assistance.
  auto lit = w.petition();
  lit.litigation = true;
  lit.subject = "劳动争议判决执行难";
  lit.content = "我与原单位的劳动争议经法院判决胜诉，至今未执行，生活困难，请求帮助。";
  lit.petitioner = {"李秀兰", "110101196805123425", "13811112222", "北京市东城区东四北大街5号", {}};
  cases::CaseRecord referred = w.filed(lit);
  w.acted(referred.id, "route", w.office_staff,
          {{"route", "politics_law"}, {"unit_id", w.id(w.politics_law)}});
  cases::CaseRecord told =
      w.acted(referred.id, "record_assistance", w.politics_law_staff,
              {{"kind", "judicial"}, {"note", "告知信访人可向区政法委申请国家司法救助。"}});
  EXPECT_EQ(told.state, "referred");
  EXPECT_EQ(attrs(told)["assistance"][0]["kind"], "judicial");
}

TEST(DomainRule, Item10_LitigationMattersOnlyGoToPoliticsAndLawOrAReferral) {
  PetitionWorld w;
  auto p = w.petition();
  p.litigation = true;
  cases::CaseRecord c = w.filed(p);
  auto wrong =
      w.act(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(w.organ)}});
  EXPECT_EQ(wrong.status().code(), Code::kConflict);
  EXPECT_EQ(wrong.status().field(), "route");
  EXPECT_NE(wrong.status().message().find("涉法涉诉"), std::string::npos);
  for (const char* route : {"assign", "report", "discipline"}) {
    auto refused =
        w.act(c.id, "route", w.office_staff,
              {{"route", route}, {"unit_id", w.id(w.organ)}, {"report_due_on", "2026-12-31"}});
    EXPECT_EQ(refused.status().code(), Code::kConflict) << route;
    EXPECT_EQ(refused.status().field(), "route") << route;
  }
  cases::CaseRecord sent = w.acted(c.id, "route", w.office_staff,
                                   {{"route", "politics_law"}, {"unit_id", w.id(w.politics_law)}});
  EXPECT_EQ(sent.state, "referred");
  EXPECT_EQ(sent.lead_unit_id, w.politics_law.id);

  // Received directly by an organ, it cannot enter route (6) nor go to an ordinary lower organ;
  // a referral note closes it.
  p.unit_id = w.organ.id;
  cases::CaseRecord direct = w.filed(p);
  auto track = w.act(direct.id, "notify_receipt", w.organ_staff,
                     {{"outcome", "within_powers"}, {"track", "opinion"}});
  EXPECT_EQ(track.status().field(), "track");
  auto lower = w.act(direct.id, "notify_receipt", w.organ_staff,
                     {{"outcome", "sent_to_lower"}, {"unit_id", w.id(w.street)}});
  EXPECT_EQ(lower.status().code(), Code::kConflict);
  EXPECT_EQ(lower.status().field(), "outcome");
  EXPECT_NE(lower.status().message().find("涉法涉诉"), std::string::npos);
  EXPECT_EQ(load(w, direct.id).state, "registered");
  EXPECT_EQ(load(w, direct.id).lead_unit_id, w.organ.id);
  EXPECT_EQ(
      w.act(direct.id, "refer", w.organ_staff, {{"procedure", "litigation"}}).status().field(),
      "note");
  cases::CaseRecord referred =
      w.acted(direct.id, "refer", w.organ_staff,
              {{"procedure", "litigation"}, {"note", "请向人民法院提起诉讼"}});
  EXPECT_EQ(referred.state, "referred");
  EXPECT_EQ(notices_of(referred), std::vector<std::string>{"referral"});
}

TEST(DomainRule, Item11_AccusationsForDisciplineOnlyGoToTheDisciplineOrgan) {
  PetitionWorld w;
  auto p = w.petition("检举控告");
  p.discipline_matter = true;
  cases::CaseRecord c = w.filed(p);
  for (const char* route : {"transfer", "assign", "report", "politics_law"}) {
    auto r = w.act(c.id, "route", w.office_staff,
                   {{"route", route}, {"unit_id", w.id(w.organ)}, {"report_due_on", "2025-12-01"}});
    EXPECT_EQ(r.status().code(), Code::kConflict) << route;
    EXPECT_EQ(r.status().field(), "route") << route;
  }
  EXPECT_EQ(
      w.act(c.id, "route", w.office_staff, {{"route", "discipline"}, {"unit_id", w.id(w.organ)}})
          .status()
          .field(),
      "unit_id");
  // Nor does a referral close it at the office, whatever the procedure named.
  for (const char* procedure : {"duty", "litigation", "party_appeal"}) {
    auto referred = w.act(c.id, "refer", w.office_staff,
                          {{"procedure", procedure}, {"note", "请向有关部门反映"}});
    EXPECT_EQ(referred.status().code(), Code::kConflict) << procedure;
    EXPECT_EQ(referred.status().field(), "procedure") << procedure;
  }
  EXPECT_EQ(load(w, c.id).state, "registered");
  cases::CaseRecord sent = w.acted(c.id, "route", w.office_staff,
                                   {{"route", "discipline"}, {"unit_id", w.id(w.discipline)}});
  EXPECT_EQ(sent.state, "referred");
  EXPECT_EQ(sent.lead_unit_id, w.discipline.id);

  // An organ that received it directly hands it to no ordinary organ, accepts it on no track and
  // closes it with no referral: it tells the accuser to approach the 纪检监察 organ (Art. 23).
  p.unit_id = w.organ.id;
  cases::CaseRecord direct = w.filed(p);
  auto lower = w.act(direct.id, "notify_receipt", w.organ_staff,
                     {{"outcome", "sent_to_lower"}, {"unit_id", w.id(w.street)}});
  EXPECT_EQ(lower.status().code(), Code::kConflict);
  EXPECT_EQ(lower.status().field(), "outcome");
  EXPECT_EQ(w.act(direct.id, "notify_receipt", w.organ_staff,
                  {{"outcome", "within_powers"}, {"track", "accusation"}})
                .status()
                .field(),
            "track");
  EXPECT_EQ(w.act(direct.id, "refer", w.organ_staff, {{"procedure", "duty"}, {"note", "x"}})
                .status()
                .field(),
            "procedure");
  EXPECT_EQ(load(w, direct.id).state, "registered");
  EXPECT_EQ(load(w, direct.id).lead_unit_id, w.organ.id);
  cases::CaseRecord told =
      w.acted(direct.id, "notify_receipt", w.organ_staff,
              {{"outcome", "outside_system"}, {"organ_to_approach", "北京市东城区纪委监委"}});
  EXPECT_EQ(told.state, "redirected");
}

TEST(DomainRule, Item12_TheAccusedUnitNeverSeesTheAccusation) {
  PetitionWorld w;
  auto p = w.petition("检举控告");
  p.subject = "举报街道工作人员违规收费";
  p.accused_unit_id = w.street.id;
  cases::CaseRecord c = w.filed(p);
  EXPECT_TRUE(c.confidential);
  // It cannot be sent to the accused, nor registered by it.
  auto to_accused =
      w.act(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(w.street)}});
  EXPECT_EQ(to_accused.status().code(), Code::kConflict);
  EXPECT_NE(to_accused.status().message().find("Art. 30"), std::string::npos);
  auto by_accused = p;
  by_accused.unit_id = w.street.id;
  EXPECT_EQ(w.file(by_accused).status().field(), "accused_unit_id");
  w.acted(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(w.organ)}});
  w.acted(c.id, "accept", w.organ_staff, {{"track", "accusation"}});

  EXPECT_TRUE(
      w.db->read([&](db::Session& s) {
            cases::CaseRecord now = *cases::load_case(s, c.id).value();
            auto accused = access_to(s, w.accused_staff, now);
            EXPECT_FALSE(accused->read);
            EXPECT_FALSE(accused->sees_identity);
            auto holder = access_to(s, w.organ_staff, now);
            EXPECT_TRUE(holder->read && holder->sees_identity);
            // A leader of the district reads petitions of the district, but not accusations.
            auth::Principal leader{200, "leader", auth::Role::kLeader, "110101", false, {}, 0};
            EXPECT_FALSE(access_to(s, leader, now)->read);
            for (const auth::Principal* who : {&w.accused_staff, &leader}) {
              Condition cond = readable_condition(*who);
              auto n = s.query("SELECT count(*) FROM cases WHERE " + cond.sql, cond.params);
              EXPECT_EQ((*n)[0].integer(0), 0) << who->username;
            }
            Condition holder_cond = readable_condition(w.organ_staff);
            auto n =
                s.query("SELECT count(*) FROM cases WHERE " + holder_cond.sql, holder_cond.params);
            EXPECT_EQ((*n)[0].integer(0), 1);
            return Status::Ok();
          })
          .ok());
  // No notice was ever addressed to the accused unit, and no log row carries the identity.
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_notices WHERE audience = ?", {"unit:" + w.id(w.street)}),
      0);
  EXPECT_EQ(w.rows_holding("audit_log", {"actor", "action", "object"}, {"王小明"}), 0);
  EXPECT_EQ(
      w.rows_holding("case_events", {"data"}, {"王小明", "13912345678", "110101199003074514"}), 0);
}

// Art. 30 para 2: an accusation about a leading cadre is told to the organisation department that
// manages the cadre, and a serious one to the party committee; both read it without the accuser.
TEST(DomainRule, Art30_ACadreAccusationIsToldToTheOrganisationDepartmentAndTheCommittee) {
  PetitionWorld w;
  hotline::Unit organisation, other_organisation, committee;
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    organisation = *hotline::create_unit(
                        s, {0, "中共北京市东城区委组织部", "organisation", "110101", true});
                    other_organisation = *hotline::create_unit(
                        s, {0, "中共北京市委组织部", "organisation", "11", true});
                    committee = *hotline::create_unit(
                        s, {0, "中共北京市东城区委员会", "party_committee", "110101", true});
                    return Status::Ok();
                  })
                  .ok());
  auto p = w.petition("检举控告");
  p.subject = "举报街道主任违规收费";
  p.accused_unit_id = w.street.id;
  cases::CaseRecord c = w.filed(p);
  w.acted(c.id, "route", w.office_staff, {{"route", "transfer"}, {"unit_id", w.id(w.organ)}});
  w.acted(c.id, "accept", w.organ_staff, {{"track", "accusation"}});

  EXPECT_EQ(w.act(c.id, "inform_organisation", w.organ_staff,
                  {{"unit_id", w.id(w.city_organ)}, {"serious", "no"}})
                .status()
                .field(),
            "unit_id");  // not an organisation department
  EXPECT_EQ(w.act(c.id, "inform_organisation", w.organ_staff,
                  {{"unit_id", w.id(organisation)}, {"serious", "maybe"}})
                .status()
                .field(),
            "serious");
  // No party committee in the municipality's area: a serious matter has nobody to go to.
  auto nobody = w.act(c.id, "inform_organisation", w.organ_staff,
                      {{"unit_id", w.id(other_organisation)}, {"serious", "yes"}});
  EXPECT_EQ(nobody.status().code(), Code::kConflict);
  EXPECT_EQ(nobody.status().field(), "serious");
  EXPECT_EQ(w.count("SELECT count(*) FROM case_units WHERE unit_id = ?", {other_organisation.id}),
            0);
  // Only whoever holds or held it tells the department.
  EXPECT_EQ(w.act(c.id, "inform_organisation", w.city_organ_staff,
                  {{"unit_id", w.id(organisation)}, {"serious", "no"}})
                .status()
                .code(),
            Code::kPermissionDenied);

  cases::CaseRecord told = w.acted(c.id, "inform_organisation", w.organ_staff,
                                   {{"unit_id", w.id(organisation)}, {"serious", "yes"}});
  EXPECT_EQ(told.state, "accepted");
  EXPECT_EQ(attrs(told)["cadre_reports"][0]["party_committee_unit_ids"][0], committee.id);
  for (const hotline::Unit* u : {&organisation, &committee}) {
    EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN case_events e ON e.id = "
                      "n.event_id WHERE e.action = 'inform_organisation' AND n.audience = ?",
                      {"unit:" + w.id(*u)}),
              1)
        << u->name;
  }
  auth::Principal organisation_staff{
      300, "dczzb", auth::Role::kDepartmentStaff, "110101", false, {}, organisation.id};
  auth::Principal committee_staff{301, "dcqw",      auth::Role::kDepartmentStaff, "110101", false,
                                  {},  committee.id};
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    for (const auth::Principal* who : {&organisation_staff, &committee_staff}) {
                      auto access = access_to(s, *who, told);
                      if (!access.ok()) return access.status();
                      EXPECT_TRUE(access->read) << who->username;
                      EXPECT_FALSE(access->sees_identity) << who->username;
                      EXPECT_FALSE(access->holder) << who->username;
                      Condition cond = readable_condition(*who);
                      auto n = s.query("SELECT count(*) FROM cases WHERE " + cond.sql, cond.params);
                      if (!n.ok()) return n.status();
                      EXPECT_EQ((*n)[0].integer(0), 1) << who->username;
                    }
                    return Status::Ok();
                  })
                  .ok());
  // Being told is not holding: the department takes no step on the petition.
  EXPECT_EQ(w.act(c.id, "file_report", organisation_staff, {{"report", "x"}}).status().code(),
            Code::kPermissionDenied);
  // Only accusations are reported this way.
  cases::CaseRecord appeal = w.accepted(w.petition());
  EXPECT_EQ(w.act(appeal.id, "inform_organisation", w.organ_staff,
                  {{"unit_id", w.id(organisation)}, {"serious", "no"}})
                .status()
                .field(),
            "category");
}

TEST(DomainRule, Item13_ADirectPetitionGetsAWrittenNoticeWithinFifteenDays) {
  PetitionWorld w;
  w.set_time("2025-09-16");
  auto direct = w.petition();
  direct.unit_id = w.organ.id;
  cases::CaseRecord on_time = w.filed(direct);
  cases::CaseRecord never = w.filed(direct);
  cases::CaseRecord lower = w.filed(direct);
  cases::CaseRecord elsewhere = w.filed(direct);
  auto unclear = direct;
  unclear.identity_unclear = true;
  unclear.petitioner = {};
  cases::CaseRecord anonymous = w.filed(unclear);
  EXPECT_EQ(on_time.due_at_ms, end_of("2025-10-09"));
  EXPECT_EQ(anonymous.due_at_ms, 0);

  w.set_time("2025-09-20");
  cases::CaseRecord accepted = w.acted(on_time.id, "notify_receipt", w.organ_staff,
                                       {{"outcome", "within_powers"}, {"track", "opinion"}});
  EXPECT_EQ(accepted.state, "accepted");
  cases::CaseRecord sent = w.acted(lower.id, "notify_receipt", w.organ_staff,
                                   {{"outcome", "sent_to_lower"}, {"unit_id", w.id(w.street)}});
  EXPECT_EQ(sent.state, "transferred");
  EXPECT_EQ(attrs(sent)["receipt_notice"]["sent_to"], "东华门街道办事处");
  EXPECT_EQ(w.act(elsewhere.id, "notify_receipt", w.organ_staff, {{"outcome", "outside_system"}})
                .status()
                .field(),
            "organ_to_approach");
  cases::CaseRecord redirected =
      w.acted(elsewhere.id, "notify_receipt", w.organ_staff,
              {{"outcome", "outside_system"}, {"organ_to_approach", "北京市东城区人民法院"}});
  EXPECT_EQ(redirected.state, "redirected");
  for (const auto& c : {accepted, sent, redirected}) {
    EXPECT_EQ(notices_of(c), std::vector<std::string>{"receipt"});
    EXPECT_TRUE(attrs(c)["receipt_notice"]["in_time"].get<bool>());
  }
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto doc = notice_document(s, w.box, redirected, "receipt");
                    EXPECT_TRUE(doc.ok());
                    EXPECT_EQ(doc->title, "信访事项告知书");
                    EXPECT_EQ(doc->addressee, "王小明：");
                    EXPECT_NE(doc->body[0].text.find("北京市东城区人民法院"), std::string::npos);
                    return Status::Ok();
                  })
                  .ok());

  w.clock.set_ms(end_of("2025-10-09") + 1);
  w.fire_timers();
  EXPECT_TRUE(load(w, never.id).overdue);
  EXPECT_FALSE(load(w, anonymous.id).overdue);
  EXPECT_FALSE(load(w, accepted.id).overdue);
}

TEST(DomainRule, Item14_AcceptWithinFifteenDaysOrObjectWithinFiveWorkingDays) {
  PetitionWorld w;  // 2025-09-26, a Friday: 5 working days end on 10 October
  cases::CaseRecord objecting = w.transferred(w.petition());
  cases::CaseRecord late_objection = w.transferred(w.petition());
  cases::CaseRecord rejected = w.transferred(w.petition());
  cases::CaseRecord slow = w.transferred(w.petition());
  // D+15 is Saturday 11 October, a 调休 working day: not rolled.
  EXPECT_EQ(objecting.due_at_ms, end_of("2025-10-11"));

  w.set_time("2025-10-10", 17);
  cases::CaseRecord objected =
      w.acted(objecting.id, "object", w.organ_staff,
              {{"reasons", "该事项属于市级主管部门职权，本机关无权处理。"}});
  EXPECT_EQ(objected.state, "objected");
  EXPECT_EQ(objected.lead_unit_id, w.organ.id);  // it stays until the sender agrees
  w.acted(rejected.id, "object", w.organ_staff, {{"reasons", "不属于本机关职权"}});
  EXPECT_EQ(
      w.act(objecting.id, "decide_objection", w.organ_staff, {{"approve", "yes"}}).status().code(),
      Code::kPermissionDenied);
  cases::CaseRecord returned =
      w.acted(objecting.id, "decide_objection", w.office_staff, {{"approve", "yes"}});
  EXPECT_EQ(returned.state, "registered");
  EXPECT_EQ(returned.lead_unit_id, w.office.id);
  cases::CaseRecord kept = w.acted(rejected.id, "decide_objection", w.office_staff,
                                   {{"approve", "no"}, {"note", "属于你单位职权"}});
  EXPECT_EQ(kept.state, "transferred");
  EXPECT_EQ(kept.lead_unit_id, w.organ.id);

  w.set_time("2025-10-11", 9);
  auto late = w.act(late_objection.id, "object", w.organ_staff, {{"reasons", "不属于本机关职权"}});
  EXPECT_EQ(late.status().code(), Code::kConflict);
  EXPECT_NE(late.status().message().find("5 working days"), std::string::npos);
  EXPECT_EQ(load(w, late_objection.id).state, "transferred");
  cases::CaseRecord in_time =
      w.acted(late_objection.id, "accept", w.organ_staff, {{"track", "opinion"}});
  EXPECT_TRUE(attrs(in_time)["accepted_in_time"].get<bool>());
  EXPECT_EQ(notices_of(in_time), std::vector<std::string>{"acceptance"});

  w.set_time("2025-10-12", 9);
  w.fire_timers();
  EXPECT_TRUE(load(w, slow.id).overdue);
  EXPECT_TRUE(load(w, kept.id).overdue);
  cases::CaseRecord late_accept = w.acted(slow.id, "accept", w.organ_staff, {{"track", "opinion"}});
  EXPECT_FALSE(attrs(late_accept)["accepted_in_time"].get<bool>());
}

TEST(DomainRule, Item15_HandlingInSixtyDaysPlusAtMostThirtyApprovedAndExplained) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord c = w.accepted(w.petition());
  cases::CaseRecord other = w.accepted(w.petition());
  // A+60 is Saturday 1 November: rolled to Monday 3 November.
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-03"));
  w.set_time("2025-10-20");
  EXPECT_EQ(w.act(c.id, "extend", w.organ_staff,
                  {{"days", "31"}, {"reason", "情况复杂"}, {"approved_by", "局长"}})
                .status()
                .field(),
            "days");
  EXPECT_EQ(w.act(c.id, "extend", w.organ_staff, {{"days", "20"}, {"reason", "情况复杂"}})
                .status()
                .field(),
            "approved_by");
  cases::CaseRecord extended = w.acted(c.id, "extend", w.organ_staff,
                                       {{"days", "20"},
                                        {"reason", "需要会同规划部门现场核查"},
                                        {"approved_by", "区住建委主任 李某"}});
  EXPECT_EQ(extended.due_at_ms, end_of("2025-11-21"));  // A+80, a Friday
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN case_events e ON e.id = n.event_id "
                    "WHERE e.action = 'extend' AND n.audience = 'petitioner'"),
            1);
  auto too_much = w.act(c.id, "extend", w.organ_staff,
                        {{"days", "11"}, {"reason", "x"}, {"approved_by", "主任"}});
  EXPECT_EQ(too_much.status().code(), Code::kConflict);
  EXPECT_NE(too_much.status().message().find("30 days"), std::string::npos);
  cases::CaseRecord full =
      w.acted(c.id, "extend", w.organ_staff,
              {{"days", "10"}, {"reason", "补充材料"}, {"approved_by", "主任"}});
  EXPECT_EQ(full.due_at_ms, end_of("2025-12-01"));  // A+90
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto doc = notice_document(s, w.box, full, "extension");
                    EXPECT_TRUE(doc.ok());
                    EXPECT_EQ(doc->body[1].text, "补充材料");
                    return Status::Ok();
                  })
                  .ok());
  // After the 60 days the extension comes too late.
  w.set_time("2025-11-04");
  EXPECT_EQ(w.act(other.id, "extend", w.organ_staff,
                  {{"days", "10"}, {"reason", "x"}, {"approved_by", "主任"}})
                .status()
                .code(),
            Code::kConflict);
  w.fire_timers();
  EXPECT_TRUE(load(w, other.id).overdue);
  EXPECT_FALSE(load(w, c.id).overdue);
}

TEST(DomainRule, Item16_AnOpinionNeedsRequestFactsDecisionAndBasis) {
  PetitionWorld w;
  cases::CaseRecord c = w.accepted(w.petition());
  for (const char* missing : {"request", "facts_reasons", "decision", "legal_basis"}) {
    cases::Fields in = w.opinion();
    in.erase(missing);
    EXPECT_EQ(w.act(c.id, "issue_opinion", w.organ_staff, in).status().field(), missing);
  }
  cases::Fields bad = w.opinion();
  bad["decision"] = "partly";
  EXPECT_EQ(w.act(c.id, "issue_opinion", w.organ_staff, bad).status().field(), "decision");
  EXPECT_EQ(load(w, c.id).state, "accepted");
  for (const char* decision : {"support", "explain", "not_support"}) {
    cases::CaseRecord one = w.accepted(w.petition());
    cases::Fields in = w.opinion();
    in["decision"] = decision;
    cases::CaseRecord done = w.acted(one.id, "issue_opinion", w.organ_staff, in);
    EXPECT_EQ(done.state, "answered");
    EXPECT_EQ(attrs(done)["opinion"]["decision"], decision);
    EXPECT_TRUE(w.db->read([&](db::Session& s) {
                      auto doc = notice_document(s, w.box, done, "opinion");
                      EXPECT_EQ(doc->title, "信访处理意见书");
                      EXPECT_EQ(doc->body.size(), 5u);
                      EXPECT_EQ(doc->body[3].text, "《北京市老旧小区综合整治工作方案》");
                      return Status::Ok();
                    })
                    .ok());
  }
}

TEST(DomainRule, Item17_ReviewOnlyOneLevelUpWithinThirtyDaysOfReceipt) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord c = w.answered(w.petition());
  cases::CaseRecord lapsed = w.answered(w.petition());
  // Received the day it was issued: 30 days end on 2 October, rolled to 9 October.
  EXPECT_EQ(attrs(c)["request_window_ends_ms"].get<int64_t>(), end_of("2025-10-09"));
  w.set_time("2025-10-09", 16);
  // The ministry is two levels above a Beijing district's organ; a sibling department of the
  // district is no level above it.
  auto too_high =
      w.act(c.id, "request_review", w.national_organ_staff, {{"unit_id", w.id(w.national_organ)}});
  EXPECT_EQ(too_high.status().field(), "unit_id");
  EXPECT_NE(too_high.status().message().find("one level above"), std::string::npos);
  EXPECT_NE(too_high.status().message().find("省级 above"), std::string::npos);
  auto same_level = w.act(c.id, "request_review", w.organ_staff, {{"unit_id", w.id(w.department)}});
  EXPECT_NE(same_level.status().code(), Code::kOk);
  auto late = w.act(c.id, "request_review", w.city_organ_staff,
                    {{"unit_id", w.id(w.city_organ)}, {"received_on", "2025-10-10"}});
  EXPECT_EQ(late.status().code(), Code::kInvalidArgument);  // a future day
  EXPECT_EQ(load(w, c.id).state, "answered");
  cases::CaseRecord reviewing =
      w.acted(c.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  EXPECT_EQ(reviewing.state, "reviewing");
  EXPECT_EQ(reviewing.lead_unit_id, w.city_organ.id);

  w.set_time("2025-10-10", 9);
  auto after_window =
      w.act(lapsed.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  EXPECT_EQ(after_window.status().code(), Code::kConflict);
  EXPECT_EQ(after_window.status().field(), "received_on");
  EXPECT_NE(after_window.status().message().find("复查 requested after the 30-day window"),
            std::string::npos);
  w.fire_timers();
  EXPECT_EQ(load(w, lapsed.id).state, "closed");
  EXPECT_GT(load(w, lapsed.id).closed_at_ms, 0);
}

// Beijing has no level of organs between the municipality and its districts (the 市辖区 of the
// region code, 1101, is a group of districts): a district organ's 复查 goes to a municipal organ
// or to the district's own government, and the 复核 after the government's goes to the
// municipality.
TEST(DomainRule, Item17_AboveABeijingDistrictAreTheMunicipalitysOrgansAndItsOwnGovernment) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord by_city = w.answered(w.petition());
  cases::CaseRecord by_government = w.answered(w.petition());
  w.set_time("2025-09-10");
  cases::CaseRecord c = w.acted(by_city.id, "request_review", w.province_organ_staff,
                                {{"unit_id", w.id(w.province_organ)}});
  EXPECT_EQ(c.state, "reviewing");
  EXPECT_EQ(c.lead_unit_id, w.province_organ.id);
  c = w.acted(by_government.id, "request_review", w.city_organ_staff,
              {{"unit_id", w.id(w.city_organ)}});
  EXPECT_EQ(c.lead_unit_id, w.city_organ.id);
  w.acted(by_government.id, "review_opinion", w.city_organ_staff,
          {{"opinion", "维持。"}, {"decision", "support"}});
  // Above a government is only the next level: not another organ of the district.
  EXPECT_EQ(
      w.act(by_government.id, "request_re_review", w.organ_staff, {{"unit_id", w.id(w.organ)}})
          .status()
          .field(),
      "unit_id");
  c = w.acted(by_government.id, "request_re_review", w.province_organ_staff,
              {{"unit_id", w.id(w.province_organ)}});
  EXPECT_EQ(c.state, "re_reviewing");
}

TEST(PetitionLevels, CodeOnlyLevelsAreSkipped) {
  // The four municipalities' 市辖区 and 县, a province's directly governed counties, the county
  // level of a city without districts.
  for (const char* code : {"1101", "1102", "1201", "3101", "5001", "5002", "4290", "441900"}) {
    EXPECT_TRUE(is_code_only_level(code)) << code;
  }
  for (const char* code : {"", "11", "4301", "4419", "110101", "430102", "429004", "441900003"}) {
    EXPECT_FALSE(is_code_only_level(code)) << code;
  }
  EXPECT_EQ(administrative_parent("110101"), "11");
  EXPECT_EQ(administrative_parent("110101001"), "110101");
  EXPECT_EQ(administrative_parent("441900003"), "4419");
  EXPECT_EQ(administrative_parent("429004"), "42");
  EXPECT_EQ(administrative_parent("430102"), "4301");
  EXPECT_EQ(administrative_parent("11"), "");
  EXPECT_EQ(rank_of(""), 0);
  EXPECT_EQ(rank_of("11"), 1);
  EXPECT_EQ(rank_of("1101"), 1);
  EXPECT_EQ(rank_of("110101"), 2);
  EXPECT_EQ(rank_of("430102"), 3);
  EXPECT_EQ(rank_of("441900003"), 3);
  EXPECT_TRUE(is_one_level_above("11", "110101"));
  EXPECT_TRUE(is_one_level_above("4301", "430102"));
  EXPECT_TRUE(is_one_level_above("4419", "441900003"));
  EXPECT_TRUE(is_one_level_above("", "11"));
  EXPECT_FALSE(is_one_level_above("43", "430102"));  // two levels
  EXPECT_FALSE(is_one_level_above("12", "110101"));  // another municipality
  EXPECT_FALSE(is_one_level_above("110101", "11"));  // below
  EXPECT_FALSE(is_one_level_above("", "110101"));    // two levels
}

// Until the organ records when the petitioner received the answer, the window runs from the day
// it was issued. A later delivery moves it, and reopens a petition the window closed too early.
TEST(DomainRule, Item17_AnAnswerReceivedLaterMovesTheWindowEvenAfterItClosed) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord posted = w.answered(w.petition());
  cases::CaseRecord lapsed = w.answered(w.petition());
  cases::CaseRecord entered_late = w.answered(w.petition());
  w.set_time("2025-10-10", 9);
  w.fire_timers();
  for (int64_t id : {posted.id, lapsed.id, entered_late.id}) {
    EXPECT_EQ(load(w, id).state, "closed");
  }
  EXPECT_EQ(
      w.act(posted.id, "deliver", w.organ_staff, {{"delivered_on", "2025-10-11"}}).status().field(),
      "delivered_on");  // a day still to come
  // By post, received on 20 September: the window runs to 20 October and the petition is open.
  cases::CaseRecord reopened =
      w.acted(posted.id, "deliver", w.organ_staff, {{"delivered_on", "2025-09-20"}});
  EXPECT_EQ(reopened.state, "answered");
  EXPECT_EQ(reopened.closed_at_ms, 0);
  EXPECT_EQ(attrs(reopened)["request_window_ends_ms"].get<int64_t>(), end_of("2025-10-20"));
  cases::CaseRecord reviewing =
      w.acted(posted.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  EXPECT_EQ(reviewing.state, "reviewing");
  EXPECT_EQ(reviewing.closed_at_ms, 0);

  // Reopened and then not asked: the moved window closes it again.
  w.acted(lapsed.id, "deliver", w.organ_staff, {{"delivered_on", "2025-09-20"}});
  w.clock.set_ms(end_of("2025-10-20") + 1);
  w.fire_timers();
  EXPECT_EQ(load(w, lapsed.id).state, "closed");

  // Recorded after the true window ended too: the petition stays closed, and the request is
  // judged on the true window.
  w.set_time("2025-10-25");
  cases::CaseRecord still_closed =
      w.acted(entered_late.id, "deliver", w.organ_staff, {{"delivered_on", "2025-09-20"}});
  EXPECT_EQ(still_closed.state, "closed");
  EXPECT_GT(still_closed.closed_at_ms, 0);
  auto late = w.act(entered_late.id, "request_review", w.city_organ_staff,
                    {{"unit_id", w.id(w.city_organ)}, {"received_on", "2025-10-21"}});
  EXPECT_EQ(late.status().field(), "received_on");
  EXPECT_NE(late.status().message().find("2025-10-20"), std::string::npos);
  cases::CaseRecord asked_in_time =
      w.acted(entered_late.id, "request_review", w.city_organ_staff,
              {{"unit_id", w.id(w.city_organ)}, {"received_on", "2025-10-20"}});
  EXPECT_EQ(asked_in_time.state, "reviewing");
  EXPECT_EQ(asked_in_time.closed_at_ms, 0);

  // The same for the 复查 opinion and the 复核 window.
  w.set_time("2025-10-27");
  w.acted(entered_late.id, "review_opinion", w.city_organ_staff,
          {{"opinion", "维持。"}, {"decision", "support"}});
  w.clock.set_ms(end_of("2025-11-26") + 1);
  w.fire_timers();
  EXPECT_EQ(load(w, entered_late.id).state, "closed");
  cases::CaseRecord re_opened =
      w.acted(entered_late.id, "deliver", w.city_organ_staff, {{"delivered_on", "2025-11-03"}});
  EXPECT_EQ(re_opened.state, "reviewed");
  EXPECT_EQ(attrs(re_opened)["request_window_ends_ms"].get<int64_t>(), end_of("2025-12-03"));
}

TEST(DomainRule, Item18_AReviewOpinionIsDueInWritingWithinThirtyDays) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord c = w.answered(w.petition());
  cases::CaseRecord slow = w.answered(w.petition());
  w.set_time("2025-10-09");
  c = w.acted(c.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  w.acted(slow.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  // 30 days from 9 October end on Saturday 8 November: rolled to Monday 10 November.
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-10"));
  EXPECT_EQ(
      w.act(c.id, "review_opinion", w.city_organ_staff, {{"decision", "support"}}).status().field(),
      "opinion");
  w.set_time("2025-11-05");
  cases::CaseRecord reviewed = w.acted(c.id, "review_opinion", w.city_organ_staff,
                                       {{"opinion", "维持原处理意见。"}, {"decision", "support"}});
  EXPECT_EQ(reviewed.state, "reviewed");
  EXPECT_TRUE(attrs(reviewed)["review"]["in_time"].get<bool>());
  EXPECT_EQ(notices_of(reviewed).back(), "review");
  w.clock.set_ms(end_of("2025-11-10") + 1);
  w.fire_timers();
  EXPECT_TRUE(load(w, slow.id).overdue);
  EXPECT_FALSE(load(w, c.id).overdue);
}

TEST(DomainRule, Item19_ReReviewOnlyOneLevelAboveTheReviewerWithinThirtyDays) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord c = w.answered(w.petition());
  cases::CaseRecord lapsed = w.answered(w.petition());
  w.set_time("2025-09-10");
  for (int64_t id : {c.id, lapsed.id}) {
    w.acted(id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
    w.acted(id, "review_opinion", w.city_organ_staff,
            {{"opinion", "维持。"}, {"decision", "support"}, {"delivered_on", "2025-09-08"}});
  }
  // Received on 8 September (by post, before it was recorded): the window ends on 8 October,
  // in the holiday, so on 9 October.
  EXPECT_EQ(attrs(load(w, c.id))["request_window_ends_ms"].get<int64_t>(), end_of("2025-10-09"));
  w.set_time("2025-10-09");
  auto same_level =
      w.act(c.id, "request_re_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  EXPECT_EQ(same_level.status().field(), "unit_id");
  cases::CaseRecord re = w.acted(c.id, "request_re_review", w.province_organ_staff,
                                 {{"unit_id", w.id(w.province_organ)}});
  EXPECT_EQ(re.state, "re_reviewing");
  w.set_time("2025-10-10");
  auto late = w.act(lapsed.id, "request_re_review", w.province_organ_staff,
                    {{"unit_id", w.id(w.province_organ)}});
  EXPECT_EQ(late.status().field(), "received_on");
  EXPECT_NE(late.status().message().find("复核 requested after the 30-day window"),
            std::string::npos);
}

TEST(DomainRule, Item20_ReReviewInThirtyDaysWithoutTheHearingDays) {
  PetitionWorld w;
  w.set_time("2025-10-13");
  cases::CaseRecord c = w.answered(w.petition());
  w.set_time("2025-10-20");
  w.reviewed(c.id);
  w.set_time("2025-11-03");
  c = w.acted(c.id, "request_re_review", w.province_organ_staff,
              {{"unit_id", w.id(w.province_organ)}});
  EXPECT_EQ(c.due_at_ms, end_of("2025-12-03"));
  w.set_time("2025-11-14", 18);
  EXPECT_EQ(w.act(c.id, "record_hearing", w.province_organ_staff,
                  {{"from", "2025-11-14"}, {"to", "2025-11-10"}})
                .status()
                .field(),
            "to");
  c = w.acted(c.id, "record_hearing", w.province_organ_staff,
              {{"from", "2025-11-10"}, {"to", "2025-11-14"}});
  EXPECT_EQ(c.due_at_ms, end_of("2025-12-08"));  // five hearing days not counted
  EXPECT_EQ(attrs(c)["re_review"]["hearing_days"], 5);
  // The same days again, days before the request, days after the deadline: refused.
  w.set_time("2025-12-06", 18);
  for (auto [from, to] :
       {std::pair{"2025-11-12", "2025-11-13"}, std::pair{"2025-11-14", "2025-11-15"},
        std::pair{"2025-10-30", "2025-11-02"}}) {
    auto refused =
        w.act(c.id, "record_hearing", w.province_organ_staff, {{"from", from}, {"to", to}});
    EXPECT_EQ(refused.status().field(), "from") << from << " " << refused.status().to_string();
  }
  w.clock.set_ms(end_of("2025-12-10"));
  auto after_deadline = w.act(c.id, "record_hearing", w.province_organ_staff,
                              {{"from", "2025-12-09"}, {"to", "2025-12-10"}});
  EXPECT_EQ(after_deadline.status().field(), "from") << after_deadline.status().to_string();
  EXPECT_EQ(attrs(load(w, c.id))["re_review"]["hearing_days"], 5);
  w.clock.set_ms(end_of("2025-12-04"));
  w.fire_timers();
  EXPECT_FALSE(load(w, c.id).overdue);
  w.clock.set_ms(end_of("2025-12-08") + 1);
  w.fire_timers();
  EXPECT_TRUE(load(w, c.id).overdue);
}

// The 30 days and the hearing days are one period, counted from the request and rolled like the
// 30 days: three hearing days would end it on Saturday 6 December, so it ends on Monday 8 December.
TEST(DomainRule, Item20_AReReviewDeadlineWithHearingDaysIsRolledLikeTheThirtyDays) {
  for (bool roll : {true, false}) {
    PetitionWorld w;
    if (!roll) {
      EXPECT_TRUE(w.db->write([&](db::Session& s) {
                        return cases::set_profile(s, "110101", "petition.deadline_roll", "0");
                      })
                      .ok());
    }
    w.set_time("2025-10-13");
    cases::CaseRecord c = w.answered(w.petition());
    w.set_time("2025-10-20");
    w.reviewed(c.id);
    w.set_time("2025-11-03");
    c = w.acted(c.id, "request_re_review", w.province_organ_staff,
                {{"unit_id", w.id(w.province_organ)}});
    EXPECT_EQ(c.due_at_ms, end_of("2025-12-03"));
    w.set_time("2025-11-12", 18);
    c = w.acted(c.id, "record_hearing", w.province_organ_staff,
                {{"from", "2025-11-10"}, {"to", "2025-11-12"}});
    EXPECT_EQ(c.due_at_ms, end_of(roll ? "2025-12-08" : "2025-12-06")) << roll;
    // A second hearing counts from the request again, not from the rolled date: 4 days in all.
    w.set_time("2025-11-20", 18);
    c = w.acted(c.id, "record_hearing", w.province_organ_staff,
                {{"from", "2025-11-20"}, {"to", "2025-11-20"}});
    EXPECT_EQ(c.due_at_ms, end_of(roll ? "2025-12-08" : "2025-12-07")) << roll;
    EXPECT_EQ(attrs(c)["re_review"]["hearing_days"], 4);
  }
}

TEST(DomainRule, Item21_AfterReReviewTheSameMatterIsNotAcceptedAnywhere) {
  PetitionWorld w;
  w.set_time("2025-09-02");
  cases::CaseRecord c = w.answered(w.petition());
  w.reviewed(c.id);
  w.acted(c.id, "request_re_review", w.province_organ_staff, {{"unit_id", w.id(w.province_organ)}});
  cases::CaseRecord final = w.acted(c.id, "re_review_opinion", w.province_organ_staff,
                                    {{"opinion", "复核维持。"}, {"decision", "support"}});
  EXPECT_EQ(final.state, "final");

  auto again = w.petition();
  again.content = "您好！" + again.content + "希望尽快解决。";  // the same facts, reworded a little
  for (const hotline::Unit* at :
       {&w.national_office, &w.province_office, &w.city_office, &w.office, &w.organ}) {
    again.unit_id = at->id;
    cases::CaseRecord refiled = w.filed(again);
    EXPECT_EQ(refiled.state, "not_accepted") << at->name;
    EXPECT_EQ(attrs(refiled)["duplicate"]["rule"], "信访工作条例 Art. 36 para 3");
    EXPECT_EQ(attrs(refiled)["duplicate"]["earlier"]["tracking_no"], c.tracking_no);
  }
  auto with_new_facts = again;
  with_new_facts.new_facts = "2025年12月区住建委再次发文，补贴标准已调整。";
  cases::CaseRecord reopened = w.filed(with_new_facts);
  EXPECT_EQ(reopened.state, "registered");
  EXPECT_TRUE(attrs(reopened)["duplicate"]["overridden_by_new_facts"].get<bool>());
  auto other_petitioner = again;
  other_petitioner.petitioner = {"李红", "11010519491231002X", "13700001111", "北京市东城区", {}};
  EXPECT_EQ(w.filed(other_petitioner).state, "registered");
  // Leaving the ID number out, or giving only the name and address, is the same petitioner.
  again.unit_id = w.office.id;
  for (auto [id_number, phone] : {std::pair{"", "13912345678"}, std::pair{"", ""}}) {
    auto without_id = again;
    without_id.petitioner.id_number = id_number;
    without_id.petitioner.phone = phone;
    cases::CaseRecord refiled = w.filed(without_id);
    EXPECT_EQ(refiled.state, "not_accepted") << phone;
    EXPECT_EQ(attrs(refiled)["duplicate"]["earlier"]["tracking_no"], c.tracking_no) << phone;
  }
  // The same name at another address, with another phone, is someone else.
  auto namesake = again;
  namesake.petitioner = {"王小明", "", "13600002222", "北京市西城区某胡同2号", {}};
  EXPECT_EQ(w.filed(namesake).state, "registered");
  // A spouse with the household's phone and address but an ID number of their own is another
  // person: two ID numbers that differ are two people.
  auto spouse = again;
  spouse.petitioner = {"李秀英", "11010519491231002X", "13912345678", "北京市东城区多福巷1号", {}};
  EXPECT_EQ(w.filed(spouse).state, "registered");
  auto other_matter = again;
  other_matter.subject = "小区停车收费不合理";
  other_matter.content = "物业公司擅自上调地面停车费，未经业主大会同意。";
  EXPECT_EQ(w.filed(other_matter).state, "registered");
}

TEST(DomainRule, Item22_TheSameMatterAtASuperiorWhileHandledIsNotAccepted) {
  PetitionWorld w;
  cases::CaseRecord handled = w.accepted(w.petition());
  auto to_superior = w.petition();
  to_superior.unit_id = w.city_office.id;
  cases::CaseRecord flagged = w.filed(to_superior);
  EXPECT_EQ(flagged.state, "not_accepted");
  EXPECT_EQ(attrs(flagged)["duplicate"]["rule"], "信访工作条例 Art. 19 para 3");
  EXPECT_EQ(notices_of(flagged), std::vector<std::string>{"not_accepted"});
  // At the same level it is a repeat, flagged but registered.
  cases::CaseRecord same_level = w.filed(w.petition());
  EXPECT_EQ(same_level.state, "registered");
  EXPECT_EQ(attrs(same_level)["repeat_of"]["id"], handled.id);
  // Once the first is answered, it is no longer "being handled".
  w.acted(handled.id, "issue_opinion", w.organ_staff, w.opinion());
  EXPECT_EQ(w.filed(to_superior).state, "registered");
}

TEST(DomainRule, Item23_AVisitThatSkipsLevelsIsReferredToTheProperLevel) {
  PetitionWorld w;
  auto visit = w.petition("申诉求决", "visit");
  visit.competent_unit_id = 0;
  EXPECT_EQ(w.file(visit).status().field(), "competent_unit_id");
  visit.competent_unit_id = w.organ.id;  // a Beijing district's organ
  visit.unit_id = w.national_office.id;  // two levels above it
  cases::CaseRecord skipped = w.filed(visit);
  EXPECT_EQ(skipped.state, "redirected");
  EXPECT_FALSE(attrs(skipped)["visit"]["step_by_step"].get<bool>());
  EXPECT_EQ(attrs(skipped)["visit"]["received_level"], "国家");
  EXPECT_EQ(attrs(skipped)["visit"]["competent_level"], "县级");
  EXPECT_EQ(attrs(skipped)["referral"]["to_unit"], w.organ.name);
  EXPECT_EQ(notices_of(skipped), std::vector<std::string>{"visit_referral"});
  // The municipality's office is one level above a district: no level of organs lies between
  // (1101 is a group of districts in the region code).
  visit.unit_id = w.province_office.id;
  cases::CaseRecord proper = w.filed(visit);
  EXPECT_EQ(proper.state, "registered");
  EXPECT_TRUE(attrs(proper)["visit"]["step_by_step"].get<bool>());
  EXPECT_EQ(attrs(proper)["visit"]["received_level"], "省级");
}

TEST(DomainRule, Item24_AtMostFiveRepresentativesOrTheJurisdictionsLimit) {
  PetitionWorld w;
  auto group = w.petition("申诉求决", "visit");
  group.competent_unit_id = w.organ.id;
  group.group_size = 20;
  EXPECT_EQ(w.file(group).status().field(), "representatives");  // none chosen
  group.petitioner.representatives = {"代表甲", "代表乙", "代表丙", "代表丁", "代表戊", "代表己"};
  auto six = w.file(group);
  EXPECT_EQ(six.status().field(), "representatives");
  EXPECT_NE(six.status().message().find("at most 5"), std::string::npos);
  group.petitioner.representatives.pop_back();
  EXPECT_EQ(w.filed(group).state, "registered");
  // A Zhejiang-style profile: at most 3 for a group of ten or fewer.
  EXPECT_TRUE(w.db->write([&](db::Session& s) {
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "110101", "petition.small_group_size", "10"));
                    return cases::set_profile(s, "110101",
                                              "petition.small_group_max_representatives", "3");
                  })
                  .ok());
  group.group_size = 8;
  group.petitioner.representatives = {"代表甲", "代表乙", "代表丙", "代表丁"};
  EXPECT_NE(w.file(group).status().message().find("at most 3"), std::string::npos);
  group.group_size = 12;
  EXPECT_EQ(w.filed(group).state, "registered");
}

TEST(DomainRule, Item25_MajorPetitionsNotifyCommitteeGovernmentConferenceUpperOfficeAndBureau) {
  PetitionWorld w;
  auto major = w.petition();
  major.major = true;
  cases::CaseRecord c = w.filed(major);
  std::vector<std::string> audiences;
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto rows = s.query(
                        "SELECT audience FROM case_notices WHERE case_id = ? ORDER BY audience",
                        {c.id});
                    for (const db::Row& r : *rows) audiences.push_back(r.text(0));
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(audiences,
            (std::vector<std::string>{"conference_office:110101", "government:110101",
                                      "national_petition_bureau", "party_committee:110101",
                                      "petition_office:11"}));  // the municipality's office
  cases::CaseRecord ordinary = w.filed(w.petition());
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices WHERE case_id = ?", {ordinary.id}), 0);
}

TEST(DomainRule, Item26_StaffWithADeclaredInterestCannotBeAssigned) {
  PetitionWorld w;
  cases::CaseRecord c = w.accepted(w.petition());
  w.acted(c.id, "declare_interest", w.organ_staff,
          {{"reason", "信访人是本人亲属"}, {"scope", "petitioner"}});
  auto blocked = w.act(c.id, "assign_handler", w.organ_staff2, {{"user_id", "105"}});
  EXPECT_EQ(blocked.status().field(), "user_id");
  EXPECT_NE(blocked.status().message().find("Art. 28"), std::string::npos);
  EXPECT_EQ(attrs(w.acted(c.id, "assign_handler", w.organ_staff2,
                          {{"user_id", "106"}}))["handler_user_id"],
            106);
  // Who declared an interest withdraws from every step of it, and reads it without the identity.
  for (auto [action, input] :
       {std::pair<const char*, cases::Fields>{
            "extend", {{"days", "10"}, {"reason", "情况复杂"}, {"approved_by", "张局长"}}},
        std::pair<const char*, cases::Fields>{"issue_opinion", w.opinion()},
        std::pair<const char*, cases::Fields>{"assign_handler", {{"user_id", "106"}}}}) {
    auto withdrawn = w.act(c.id, action, w.organ_staff, input);
    EXPECT_EQ(withdrawn.status().code(), Code::kConflict) << action;
    EXPECT_EQ(withdrawn.status().field(), "declared_interest") << action;
  }
  EXPECT_EQ(load(w, c.id).state, "accepted");
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto recused = access_to(s, w.organ_staff, load(w, c.id));
                    auto colleague = access_to(s, w.organ_staff2, load(w, c.id));
                    EXPECT_TRUE(recused->read && recused->recused && !recused->sees_identity);
                    EXPECT_TRUE(colleague->sees_identity && !colleague->recused);
                    return Status::Ok();
                  })
                  .ok());
  // The colleague issues the opinion.
  EXPECT_EQ(w.acted(c.id, "issue_opinion", w.organ_staff2, w.opinion()).state, "answered");

  // The interest in the petitioner covers the petitioner's later petitions too: the colleague
  // accepts it.
  cases::CaseRecord later = w.transferred(w.petition());
  EXPECT_EQ(w.act(later.id, "accept", w.organ_staff, {{"track", "opinion"}}).status().field(),
            "declared_interest");
  later = w.acted(later.id, "accept", w.organ_staff2, {{"track", "opinion"}});
  // Also when the petitioner gives only a phone the next time.
  auto by_phone = w.petition();
  by_phone.petitioner.id_number = "";
  by_phone.subject = "小区停车位分配不公";
  cases::CaseRecord phone_only = w.transferred(by_phone);
  EXPECT_EQ(w.act(phone_only.id, "accept", w.organ_staff, {{"track", "opinion"}}).status().field(),
            "declared_interest");
  EXPECT_EQ(
      w.act(later.id, "assign_handler", w.organ_staff2, {{"user_id", "105"}}).status().field(),
      "user_id");
  // Nobody outside the organ holding it, such as the accused street, can be assigned.
  EXPECT_EQ(
      w.act(later.id, "assign_handler", w.organ_staff2, {{"user_id", "111"}}).status().field(),
      "user_id");
  // The declared reason stays out of the timeline and the audit log.
  EXPECT_EQ(w.rows_holding("case_events", {"data"}, {"亲属"}), 0);
  EXPECT_EQ(w.rows_holding("audit_log", {"actor", "action", "object"}, {"亲属"}), 0);
}

TEST(DomainRule, Item27_TheAnnualReportHasEveryPartOfArticle41) {
  PetitionWorld w;
  w.set_time("2025-03-03");
  auto about = w.petition();
  about.about_unit_id = w.organ.id;
  cases::CaseRecord a = w.accepted(about);
  cases::CaseRecord b = w.filed(w.petition("建议意见", "online"));
  w.acted(b.id, "route", w.office_staff,
          {{"route", "assign"}, {"unit_id", w.id(w.organ)}, {"report_due_on", "2025-04-30"}});
  auto lit = w.petition();
  lit.litigation = true;
  lit.field = "政法";
  cases::CaseRecord l = w.filed(lit);
  w.acted(l.id, "route", w.office_staff,
          {{"route", "politics_law"}, {"unit_id", w.id(w.politics_law)}});
  w.acted(a.id, "supervise", w.office_staff, {{"recommendation", "请加快办理进度"}});
  std::string supervision = std::to_string(w.count("SELECT max(id) FROM petition_supervisions"));
  EXPECT_EQ(w.act(a.id, "answer_supervision", w.organ_staff2,
                  {{"supervision_id", "999"}, {"adopted", "yes"}, {"answer", "x"}})
                .status()
                .field(),
            "supervision_id");
  w.acted(a.id, "answer_supervision", w.organ_staff,
          {{"supervision_id", supervision}, {"adopted", "yes"}, {"answer", "已采纳，本周内办结"}});
  w.acted(a.id, "supervise", w.office_staff, {{"recommendation", "完善补贴发放流程"}});

  AnnualReport r;
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto got = annual_report(s, "110101", 2025);
                    EXPECT_TRUE(got.ok()) << got.status().to_string();
                    r = *got;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(r.received, 3);
  EXPECT_EQ(r.by_category.at("申诉求决"), 2);
  EXPECT_EQ(r.by_category.at("建议意见"), 1);
  EXPECT_EQ(r.fields.front(), (std::pair<std::string, int64_t>{"城乡建设", 2}));
  ASSERT_EQ(r.most_complained.size(), 1u);
  EXPECT_EQ(r.most_complained[0].first, w.organ.name);
  EXPECT_EQ(r.transfers, 1);
  EXPECT_EQ(r.assignments, 1);
  EXPECT_EQ(r.to_politics_law, 1);
  EXPECT_EQ(r.supervisions, 2);
  EXPECT_EQ(r.recommendations_answered, 1);
  EXPECT_EQ(r.recommendations_adopted, 1);
  auto sheets = annual_report_sheets(r, w.office.name);
  std::vector<std::string> names;
  for (const auto& sheet : sheets) names.push_back(sheet.name);
  EXPECT_EQ(names, (std::vector<std::string>{"统计", "涉及领域", "反映较多的机关", "转送交办督办",
                                             "建议及采纳"}));
  auto xlsx = documents::render_xlsx(sheets);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().to_string();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    EXPECT_EQ(annual_report(s, "110101", 1999).status().field(), "year");
                    auto other_year = annual_report(s, "110101", 2024);
                    EXPECT_EQ(other_year->received, 0);
                    return Status::Ok();
                  })
                  .ok());
}

TEST(DomainRule, Item28_MonthlyIndicatorsPerOrgan) {
  PetitionWorld w;
  w.set_time("2025-11-03");
  cases::CaseRecord quick = w.transferred(w.petition());
  cases::CaseRecord quick2 = w.transferred(w.petition());
  cases::CaseRecord slow = w.transferred(w.petition());
  w.set_time("2025-11-05");
  w.acted(quick.id, "accept", w.organ_staff, {{"track", "opinion"}});
  w.acted(quick2.id, "accept", w.organ_staff, {{"track", "opinion"}});
  w.set_time("2025-11-20");  // D+15 was 18 November
  w.fire_timers();
  w.acted(slow.id, "accept", w.organ_staff, {{"track", "opinion"}});
  w.set_time("2025-11-25");
  w.acted(quick.id, "issue_opinion", w.organ_staff, w.opinion());
  w.acted(quick2.id, "issue_opinion", w.organ_staff, w.opinion());
  EXPECT_TRUE(w.engine.apply(quick.id, "rate", nullptr, {{"rating", "满意"}}).ok());
  EXPECT_TRUE(w.engine.apply(quick2.id, "rate", nullptr, {{"rating", "基本满意"}}).ok());

  std::vector<OrganIndicators> got;
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    got = *monthly_indicators(s, "2025-11", "110101");
                    EXPECT_EQ(monthly_indicators(s, "2025-13", "").status().field(), "period");
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(got.size(), 1u);
  const OrganIndicators& o = got[0];
  EXPECT_EQ(o.unit_id, w.organ.id);
  EXPECT_EQ(o.acceptances_due, 3);
  EXPECT_EQ(o.accepted_in_time, 2);
  EXPECT_NEAR(*o.timely_acceptance, 2.0 / 3, 1e-9);
  EXPECT_EQ(o.answers, 2);
  EXPECT_FALSE(o.on_time_closing.has_value());  // no handling deadline fell in November
  EXPECT_DOUBLE_EQ(*o.participation, 1.0);
  EXPECT_DOUBLE_EQ(*o.satisfaction, 1.0);  // 基本满意 counts as satisfied by default
  // What counts as satisfied is the jurisdiction's configuration.
  EXPECT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "110101", "petition.satisfied_ratings", "满意");
                  })
                  .ok());
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto strict = *monthly_indicators(s, "2025-11", "110101");
                    EXPECT_EQ(strict.size(), 1u);
                    if (!strict.empty()) {
                      EXPECT_DOUBLE_EQ(*strict[0].satisfaction, 0.5);
                    }
                    return Status::Ok();
                  })
                  .ok());
  w.set_time("2026-01-20");  // the slow one's 60 days ended on 19 January
  w.fire_timers();
  EXPECT_TRUE(w.db->read([&](db::Session& s) {
                    auto jan = *monthly_indicators(s, "2026-01", "110101");
                    EXPECT_EQ(jan.size(), 1u);  // the handling deadlines of the three petitions
                    if (!jan.empty()) {
                      EXPECT_EQ(jan[0].answers_due, 3);
                      EXPECT_EQ(jan[0].answered_in_time, 2);
                    }
                    return Status::Ok();
                  })
                  .ok());
}

// An organ that receives petitions directly is measured on its receipt notices, a 复查 organ on its
// opinions, and the petitioner rates each written answer, for the organ that gave it.
TEST(DomainRule, Item28_DirectReceiptsAndReviewOpinionsCountAndEachAnswerIsRated) {
  PetitionWorld w;
  w.set_time("2025-11-03");
  auto direct = w.petition();
  direct.unit_id = w.organ.id;
  cases::CaseRecord on_time = w.filed(direct);
  cases::CaseRecord late = w.filed(direct);
  w.set_time("2025-11-10");
  w.acted(on_time.id, "notify_receipt", w.organ_staff,
          {{"outcome", "within_powers"}, {"track", "opinion"}});
  w.set_time("2025-11-20");  // D+15 was 18 November
  w.fire_timers();
  w.acted(late.id, "notify_receipt", w.organ_staff,
          {{"outcome", "within_powers"}, {"track", "opinion"}});
  w.acted(on_time.id, "issue_opinion", w.organ_staff, w.opinion());
  EXPECT_TRUE(w.engine.apply(on_time.id, "rate", nullptr, {{"rating", "不满意"}}).ok());
  EXPECT_EQ(w.engine.apply(on_time.id, "rate", nullptr, {{"rating", "满意"}}).status().field(),
            "rating");  // that answer is rated
  w.set_time("2025-11-24");
  w.acted(on_time.id, "request_review", w.city_organ_staff, {{"unit_id", w.id(w.city_organ)}});
  w.set_time("2025-11-28");
  w.acted(on_time.id, "review_opinion", w.city_organ_staff,
          {{"opinion", "撤销原处理意见，责令重新办理。"}, {"decision", "support"}});
  EXPECT_TRUE(w.engine.apply(on_time.id, "rate", nullptr, {{"rating", "满意"}}).ok());
  EXPECT_EQ(attrs(load(w, on_time.id))["ratings"].size(), 2u);

  std::vector<OrganIndicators> got;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    got = *monthly_indicators(s, "2025-11", "110101");
                    return Status::Ok();
                  })
                  .ok());
  std::map<int64_t, OrganIndicators> by_unit;
  for (const OrganIndicators& o : got) by_unit[o.unit_id] = o;
  const OrganIndicators& organ = by_unit[w.organ.id];
  EXPECT_EQ(organ.acceptances_due, 2);  // two receipt notices due in November, one late
  EXPECT_EQ(organ.accepted_in_time, 1);
  EXPECT_EQ(organ.answers, 1);
  EXPECT_EQ(organ.rated, 1);
  EXPECT_DOUBLE_EQ(*organ.satisfaction, 0.0);
  const OrganIndicators& government = by_unit[w.city_organ.id];
  EXPECT_EQ(government.answers, 1);      // the 复查 opinion
  EXPECT_EQ(government.answers_due, 0);  // its deadline, 24 December, falls in December
  EXPECT_DOUBLE_EQ(*government.satisfaction, 1.0);
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    got = *monthly_indicators(s, "2025-12", "110101");
                    return Status::Ok();
                  })
                  .ok());
  by_unit.clear();
  for (const OrganIndicators& o : got) by_unit[o.unit_id] = o;
  EXPECT_EQ(by_unit[w.city_organ.id].answers_due, 1);
  EXPECT_EQ(by_unit[w.city_organ.id].answered_in_time, 1);
}

TEST(DomainRule, Item29_TheNationalBureauCascadeIsFiveThreeThreeFourDays) {
  PetitionWorld w;
  w.set_time("2025-11-03");  // a Monday
  auto p = w.petition();
  p.unit_id = w.national_office.id;
  cases::CaseRecord c = w.filed(p);
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-10"));  // +5 = Saturday 8 November, rolled
  w.set_time("2025-11-04");
  c = w.acted(c.id, "route", w.national_staff,
              {{"route", "transfer"}, {"unit_id", w.id(w.province_office)}});
  EXPECT_EQ(c.state, "registered");
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-07"));  // +3
  w.set_time("2025-11-05");
  c = w.acted(c.id, "route", w.province_office_staff,
              {{"route", "transfer"}, {"unit_id", w.id(w.city_office)}});
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-10"));  // +3 = Saturday, rolled
  w.set_time("2025-11-06");
  c = w.acted(c.id, "route", w.city_office_staff,
              {{"route", "transfer"}, {"unit_id", w.id(w.office)}});
  EXPECT_EQ(c.due_at_ms, end_of("2025-11-10"));  // +4
  // An office never passes a petition upwards or sideways.
  EXPECT_EQ(w.act(c.id, "route", w.office_staff,
                  {{"route", "transfer"}, {"unit_id", w.id(w.city_office)}})
                .status()
                .field(),
            "unit_id");
  // A petition first registered by a county office has the ordinary 15 days.
  EXPECT_EQ(w.filed(w.petition()).due_at_ms, end_of("2025-11-21"));
}

}  // namespace
}  // namespace shegong::petitions
