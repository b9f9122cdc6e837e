// DOMAIN.md §9.3, one test per statement, in simulated time over the real 2025 holiday calendar
// (国庆+中秋 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/mask.h"
#include "cases/profile.h"
#include "hotline/problems.h"
#include "hotline/rates.h"
#include "hotline/requester.h"
#include "hotline/sla.h"
#include "hotline/intake_levels.h"
#include "hotline/test_world.h"
#include "hotline/whistles.h"

namespace shegong::hotline {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }

TEST(DomainRule, Item30_OrderNeedsTimeDemandAndContact) {
  TestWorld w;
  auto no_content = w.order();
  no_content.content = "";
  EXPECT_EQ(w.create(no_content).status().field(), "content");
  auto no_phone = w.order();
  no_phone.contact_phone = "";
  EXPECT_EQ(w.create(no_phone).status().field(), "contact.phone");
  auto bad_phone = w.order("投诉", "1234");
  EXPECT_EQ(w.create(bad_phone).status().field(), "contact.phone");
  auto no_name = w.order();
  no_name.contact_name = "";
  EXPECT_EQ(w.create(no_name).status().field(), "contact.name");
  EXPECT_EQ(w.create(w.order("表扬")).status().field(), "type");
  auto future = w.order();
  future.received_at_ms = w.clock.now_ms() + 3'600'000;
  EXPECT_EQ(w.create(future).status().field(), "received_at");
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), 0);

  for (const char* type : {"咨询", "求助", "投诉", "举报", "建议"}) {
    cases::CaseRecord c = w.created(w.order(type));
    EXPECT_EQ(c.type, type);
    EXPECT_EQ(c.received_at_ms, w.clock.now_ms());
    EXPECT_EQ(c.state, "registered");
    EXPECT_EQ(c.tracking_no.rfind("GD250926", 0), 0u) << c.tracking_no;
  }
}

TEST(DomainRule, Item31_TriageOffersExactlyTheStatutoryOutcomes) {
  TestWorld w;
  struct Case {
    const char* outcome;
    cases::Fields extra;
    const char* state;
  };
  cases::CaseRecord earlier = w.created(w.order());
  std::vector<Case> outcomes = {
      {"answer_now", {}, "answered"},
      {"transfer_emergency", {{"line", "110"}}, "referred"},
      {"transfer_emergency", {{"line", "119"}}, "referred"},
      {"transfer_emergency", {{"line", "120"}}, "referred"},
      {"transfer_emergency", {{"line", "122"}}, "referred"},
      // Litigation, arbitration, discipline/supervision, reconsideration, information disclosure,
      // and a matter already in 信访.
      {"refer_legal_channel", {{"channel", "litigation"}}, "referred"},
      {"refer_legal_channel", {{"channel", "arbitration"}}, "referred"},
      {"refer_legal_channel", {{"channel", "discipline"}}, "referred"},
      {"refer_legal_channel", {{"channel", "reconsideration"}}, "referred"},
      {"refer_legal_channel", {{"channel", "disclosure"}}, "referred"},
      {"refer_legal_channel", {{"channel", "petition"}}, "referred"},
      {"existing_order", {{"existing_tracking_no", earlier.tracking_no}}, "referred"},
      {"explain_confidential", {}, "referred"},
      {"refer_market", {}, "referred"},
      {"dissuade", {}, "referred"},
  };
  for (const auto& o : outcomes) {
    cases::CaseRecord c =
        w.created(w.order(std::string(o.outcome) == "answer_now" ? "咨询" : "求助"));
    cases::Fields in = o.extra;
    in["outcome"] = o.outcome;
    in["answer"] = "已告知";
    cases::CaseRecord done = w.acted(c.id, "triage", w.dispatcher, in);
    EXPECT_EQ(done.state, o.state) << o.outcome;
    EXPECT_GT(done.closed_at_ms, 0) << o.outcome;
    EXPECT_EQ(attrs(done)["triage"]["outcome"], o.outcome);
    for (const auto& [name, value] : o.extra)
      EXPECT_EQ(attrs(done)["triage"][name], value) << o.outcome;
  }
  // Dispatch is the eighth outcome, through its own action; nothing else is accepted.
  cases::CaseRecord c = w.created(w.order());
  EXPECT_EQ(w.act(c.id, "triage", w.dispatcher, {{"outcome", "ignore"}, {"answer", "x"}})
                .status()
                .field(),
            "outcome");
  EXPECT_EQ(w.act(c.id, "triage", w.dispatcher, {{"outcome", "answer_now"}, {"answer", "x"}})
                .status()
                .field(),
            "outcome");  // a complaint is not answered on the spot
  EXPECT_EQ(w.act(c.id, "triage", w.dispatcher,
                  {{"outcome", "transfer_emergency"}, {"answer", "x"}, {"line", "12345"}})
                .status()
                .field(),
            "line");
  EXPECT_EQ(w.act(c.id, "triage", w.dispatcher,
                  {{"outcome", "refer_legal_channel"}, {"answer", "x"}, {"channel", "lawyer"}})
                .status()
                .field(),
            "channel");
  EXPECT_EQ(
      w.acted(c.id, "dispatch", w.dispatcher, {{"unit_id", std::to_string(w.street.id)}}).state,
      "dispatched");
  // Triage and dispatch end the dispatch clock; only the untouched earlier order still runs it.
  EXPECT_EQ(
      w.count(
          "SELECT count(*) FROM case_timers WHERE kind = 'dispatch_limit' AND state = 'pending'"),
      1);
  EXPECT_EQ(
      w.count(
          "SELECT count(*) FROM case_timers WHERE kind = 'dispatch_limit' AND state = 'pending' "
          "AND case_id = ?",
          {earlier.id}),
      1);
}

TEST(DomainRule, Item32_StreetDispatchCopiesTheDistrictAndNoUnitGoesToTheDistrict) {
  TestWorld w;
  cases::CaseRecord to_street = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                                        {{"unit_id", std::to_string(w.street.id)}});
  EXPECT_EQ(to_street.lead_unit_id, w.street.id);
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_units WHERE case_id = ? AND unit_id = ? AND role = 'copy'",
              {to_street.id, w.district.id}),
      1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices WHERE case_id = ? AND audience = ?",
                    {to_street.id, "unit:" + std::to_string(w.district.id)}),
            1);
  // A department's order is not copied.
  cases::CaseRecord to_department = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                                            {{"unit_id", std::to_string(w.department.id)}});
  EXPECT_EQ(w.count("SELECT count(*) FROM case_units WHERE case_id = ?", {to_department.id}), 0);
  // No unit named and no rule: the district government.
  cases::CaseRecord unnamed = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher);
  EXPECT_EQ(unnamed.lead_unit_id, w.district.id);
  EXPECT_EQ(attrs(unnamed).contains("copied_to"), false);
  // A rule, when there is one, names the unit.
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    return upsert_dispatch_rule(s,
                                                {0, "110101", "环境保护/噪声污染", w.department.id})
                        .status();
                  })
                  .ok());
  auto noise = w.order();
  noise.category = "环境保护/噪声污染/施工噪声";
  EXPECT_EQ(w.acted(w.created(noise).id, "dispatch", w.dispatcher).lead_unit_id, w.department.id);
}

TEST(DomainRule, Item33_EveryDispatchedOrderCarriesADeadlineFromTheTable) {
  TestWorld w;
  // General: 7 calendar days from Friday 26 September 2025 is 3 October, in the National Day
  // break; the deadline rolls to Thursday 9 October, end of day, China time.
  cases::CaseRecord c = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                                {{"unit_id", std::to_string(w.street.id)}});
  EXPECT_EQ(c.due_at_ms, china_end_of_day_ms(*Date::parse("2025-10-09")));
  EXPECT_EQ(attrs(c)["sla"]["handling"], "7 days");
  // Without a rule for the urgency, an order cannot be dispatched, and nothing is written.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return s.exec("DELETE FROM sla_rules WHERE urgency = 'complex'").status();
                  })
                  .ok());
  auto hard = w.order();
  hard.urgency = "complex";
  cases::CaseRecord h = w.created(hard);
  auto refused = w.act(h.id, "dispatch", w.dispatcher, {{"unit_id", std::to_string(w.street.id)}});
  EXPECT_EQ(refused.status().code(), Code::kConflict);
  EXPECT_EQ(refused.status().field(), "urgency");
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE case_id = ?", {h.id}), 1);
  EXPECT_EQ(w.count("SELECT state = 'registered' FROM cases WHERE id = ?", {h.id}), 1);
}

TEST(DomainRule, Item34_DisputeKeepsTheOrderWithTheFirstUnitUntilDecided) {
  TestWorld w;
  int64_t id = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                       {{"unit_id", std::to_string(w.street.id)}})
                   .id;
  cases::CaseRecord disputed = w.acted(id, "dispute", w.street_staff, {{"reason", "属于城管职责"}});
  EXPECT_EQ(disputed.lead_unit_id, w.street.id);
  EXPECT_EQ(disputed.state, "dispatched");
  EXPECT_EQ(w.act(id, "dispute", w.street_staff, {{"reason", "again"}}).status().code(),
            Code::kConflict);
  // The unit still works the order meanwhile.
  EXPECT_EQ(w.acted(id, "accept", w.street_staff).state, "accepted");
  // Reassigned by the centre: a new lead, a new deadline.
  cases::CaseRecord moved =
      w.acted(id, "decide_dispute", w.dispatcher,
              {{"decision", "reassign"}, {"unit_id", std::to_string(w.department.id)}});
  EXPECT_EQ(moved.lead_unit_id, w.department.id);
  EXPECT_EQ(moved.state, "dispatched");
  EXPECT_EQ(w.act(id, "accept", w.street_staff).status().code(), Code::kPermissionDenied);
  // Weifang-style rule, configurable: an order reassigned after a dispute cannot be returned.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "11", "hotline.no_return_after_dispute", "1");
                  })
                  .ok());
  auto again = w.act(id, "dispute", w.department_staff, {{"reason", "不是我们的"}});
  EXPECT_EQ(again.status().code(), Code::kConflict);
  EXPECT_NE(again.status().message().find("cannot be returned"), std::string::npos);
}

TEST(DomainRule, Item35_OneLeadAndCoUnitsReportToIt) {
  TestWorld w;
  cases::CaseRecord c = w.acted(
      w.created(w.order()).id, "dispatch", w.dispatcher,
      {{"unit_id", std::to_string(w.street.id)},
       {"co_unit_ids", std::to_string(w.department.id) + "," + std::to_string(w.department2.id)}});
  EXPECT_EQ(c.lead_unit_id, w.street.id);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_units WHERE case_id = ? AND role = 'co'", {c.id}),
            2);
  EXPECT_EQ(w.act(c.id, "dispatch", w.dispatcher, {}).status().field(),
            "state");  // one dispatch only
  w.acted(c.id, "co_report", w.department_staff, {{"report", "已派执法队核查"}});
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices WHERE case_id = ? AND audience = ?",
                    {c.id, "unit:" + std::to_string(w.street.id)}),
            2);  // the dispatch and the co-unit's report
  EXPECT_EQ(w.act(c.id, "co_report", w.other_street_staff, {{"report", "x"}}).status().code(),
            Code::kPermissionDenied);
  // After the deadline a report must say why it is late and how far it got.
  w.clock.set_ms(TestWorld::at("2025-10-10", 9));
  EXPECT_EQ(w.act(c.id, "co_report", w.department2_staff, {{"report", "进行中"}}).status().field(),
            "late_reason");
  w.acted(c.id, "co_report", w.department2_staff,
          {{"report", "进行中"}, {"late_reason", "需协调产权单位，已完成七成"}});
}

TEST(DomainRule, Item36_ExtensionNeedsAReasonAndNoticesToRequesterAndCentre) {
  TestWorld w;
  int64_t id = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                       {{"unit_id", std::to_string(w.street.id)}})
                   .id;
  w.acted(id, "accept", w.street_staff);
  EXPECT_EQ(w.act(id, "extend", w.street_staff, {{"days", "2"}}).status().field(), "reason");
  for (const char* blank : {"   ", "\u3000\u3000", "\n"}) {
    EXPECT_EQ(
        w.act(id, "extend", w.street_staff, {{"days", "2"}, {"reason", blank}}).status().field(),
        "reason");
  }
  EXPECT_EQ(w.act(id, "extend", w.street_staff, {{"days", "0"}, {"reason", "x"}}).status().field(),
            "days");
  w.acted(id, "extend", w.street_staff, {{"days", "2"}, {"reason", "需要产权单位配合"}});
  // Two days after Thursday 9 October is Saturday 11 October, a 调休 working day: not rolled.
  cases::CaseRecord approved =
      w.acted(id, "decide_extension", w.dispatcher, {{"decision", "approve"}});
  EXPECT_EQ(approved.due_at_ms, china_end_of_day_ms(*Date::parse("2025-10-11")));
  int64_t event = w.count("SELECT max(id) FROM case_events WHERE case_id = ?", {id});
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_notices WHERE event_id = ? AND audience = 'requester'",
              {event}),
      1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices WHERE event_id = ? AND audience = 'centre'",
                    {event}),
            1);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'extend' "
                    "AND data LIKE '%需要产权单位配合%'",
                    {id}),
            1);
  // One more day from Saturday 11 October lands on Sunday and rolls to Monday.
  w.acted(id, "extend", w.street_staff, {{"days", "1"}, {"reason", "雨天无法施工"}});
  EXPECT_EQ(w.acted(id, "decide_extension", w.dispatcher, {{"decision", "approve"}}).due_at_ms,
            china_end_of_day_ms(*Date::parse("2025-10-13")));
}

TEST(DomainRule, Item37_CommunitiesTakeOnlyListedDutiesAndNeverLeadAssistItems) {
  TestWorld w;
  ASSERT_TRUE(
      w.db->write([](db::Session& s) {
            SHEGONG_RETURN_IF_ERROR(
                s.exec("INSERT INTO community_duties VALUES('城乡建设/物业管理', 'own')").status());
            return s.exec("INSERT INTO community_duties VALUES('公共安全', 'assist')").status();
          })
          .ok());
  auto order_in = [&](const char* category) {
    auto o = w.order();
    o.category = category;
    return w.created(o).id;
  };
  std::string community = std::to_string(w.community.id);
  auto unlisted = w.act(order_in("环境保护/噪声污染/施工噪声"), "dispatch", w.dispatcher,
                        {{"unit_id", community}});
  EXPECT_EQ(unlisted.status().code(), Code::kConflict);
  EXPECT_NE(unlisted.status().message().find("duty list"), std::string::npos);
  EXPECT_EQ(w.acted(order_in("城乡建设/物业管理/物业服务质量"), "dispatch", w.dispatcher,
                    {{"unit_id", community}})
                .lead_unit_id,
            w.community.id);
  int64_t fire_lane = order_in("公共安全/消防安全/消防通道堵塞");
  auto lead = w.act(fire_lane, "dispatch", w.dispatcher, {{"unit_id", community}});
  EXPECT_EQ(lead.status().code(), Code::kConflict);
  EXPECT_NE(lead.status().message().find("cannot lead"), std::string::npos);
  // It may assist.
  EXPECT_EQ(w.acted(fire_lane, "dispatch", w.dispatcher,
                    {{"unit_id", std::to_string(w.street.id)}, {"co_unit_ids", community}})
                .lead_unit_id,
            w.street.id);
}

TEST(DomainRule, Item38_DeadlineCreatesACallbackThatRecordsSolvedAndSatisfaction) {
  TestWorld w;
  int64_t id = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                       {{"unit_id", std::to_string(w.street.id)}})
                   .id;
  w.acted(id, "accept", w.street_staff);
  w.clock.set_ms(TestWorld::at("2025-10-09", 23, 59));
  w.fire_timers();  // the reminder only
  EXPECT_EQ(w.count("SELECT count(*) FROM callbacks WHERE case_id = ?", {id}), 0);
  w.clock.set_ms(TestWorld::at("2025-10-10", 0, 1));
  EXPECT_EQ(w.fire_timers(), 1);
  EXPECT_EQ(w.fire_timers(), 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM callbacks WHERE case_id = ? AND reason = 'deadline' "
                    "AND done_at_ms IS NULL",
                    {id}),
            1);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {id}), 1);
  EXPECT_EQ(w.act(id, "callback", w.dispatcher, {{"solved", "maybe"}, {"satisfaction", "满意"}})
                .status()
                .field(),
            "solved");
  cases::CaseRecord closed =
      w.acted(id, "callback", w.dispatcher,
              {{"solved", "yes"}, {"satisfaction", "基本满意"}, {"channel", "phone"}});
  EXPECT_EQ(closed.state, "closed");
  EXPECT_EQ(w.count("SELECT solved FROM callbacks WHERE case_id = ?", {id}), 1);
  EXPECT_EQ(
      w.count("SELECT count(*) FROM callbacks WHERE case_id = ? AND satisfaction = '基本满意'",
              {id}),
      1);
}

TEST(DomainRule, Item39_ThreeRatesPerUnitAndMonthWithConfigurableWeights) {
  TestWorld w;
  auto run = [&](bool accept_in_time, const char* solved, const char* satisfaction) {
    int64_t id = w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                         {{"unit_id", std::to_string(w.street.id)}})
                     .id;
    if (!accept_in_time) w.clock.advance_ms(3 * 3'600'000);  // past the 2-hour response limit
    w.acted(id, "accept", w.street_staff);
    w.acted(id, "reply", w.street_staff, {{"reply", "已协调施工方调整作业时间"}});
    w.acted(id, "callback", w.dispatcher, {{"solved", solved}, {"satisfaction", satisfaction}});
  };
  run(true, "yes", "满意");
  run(false, "no", "基本满意");
  auto rank = [&] {
    std::vector<UnitRates> out;
    EXPECT_TRUE(w.db->read([&](db::Session& s) {
                      auto cfg = load_rate_config(s);
                      auto r = ranking(s, "2025-09", "street", "", *cfg);
                      if (!r.ok()) return r.status();
                      out = *r;
                      return Status::Ok();
                    })
                    .ok());
    return out;
  };
  auto rates = rank();
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[0].unit.id, w.street.id);
  EXPECT_EQ(rates[0].rank, 1);
  // The unsolved callback reopened the order: not a new dispatch.
  EXPECT_EQ(rates[0].dispatched, 2);
  EXPECT_DOUBLE_EQ(*rates[0].response_rate, 0.5);
  EXPECT_DOUBLE_EQ(*rates[0].resolution_rate, 0.5);
  EXPECT_DOUBLE_EQ(*rates[0].satisfaction_rate, 1.0);
  EXPECT_DOUBLE_EQ(*rates[0].score, 67.5);  // (30 × 0.5 + 35 × 0.5 + 35 × 1.0) / 100
  EXPECT_EQ(rates[1].rank, 0);              // 景山街道 had no orders: unranked
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "", "rates.basically_satisfied_credit", "60");
                  })
                  .ok());
  EXPECT_DOUBLE_EQ(*rank()[0].satisfaction_rate, 0.8);
  EXPECT_DOUBLE_EQ(*rank()[0].score, 60.5);
  // The weights are configuration too: response only.
  ASSERT_TRUE(
      w.db->write([](db::Session& s) {
            SHEGONG_RETURN_IF_ERROR(cases::set_profile(s, "", "rates.weight.response", "100"));
            SHEGONG_RETURN_IF_ERROR(cases::set_profile(s, "", "rates.weight.resolution", "0"));
            return cases::set_profile(s, "", "rates.weight.satisfaction", "0");
          })
          .ok());
  EXPECT_DOUBLE_EQ(*rank()[0].score, 50.0);
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "", "rates.weight.satisfaction", "100");
                  })
                  .ok());
  EXPECT_DOUBLE_EQ(*rank()[0].score, 65.0);  // (100 × 0.5 + 100 × 0.8) / 200
}

TEST(DomainRule, Item40_DispatchAndHandlingLimitsDefaultToTheBeijingStandardAndAreConfigurable) {
  TestWorld w;
  std::vector<SlaRule> rules;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    rules = *list_sla_rules(s);
                    return Status::Ok();
                  })
                  .ok());
  auto rule = [&](const std::string& urgency) {
    return *std::find_if(rules.begin(), rules.end(),
                         [&](const SlaRule& r) { return r.urgency == urgency; });
  };
  EXPECT_EQ(rule("emergency").dispatch_minutes, 60);
  EXPECT_EQ(rule("utilities").dispatch_minutes, 120);
  EXPECT_EQ(rule("general").dispatch_minutes, 24 * 60);
  EXPECT_EQ(rule("complex").handling_amount, 15);
  EXPECT_EQ(rule("complex").handling_unit, "days");
  // The dispatch limit is a timer from registration.
  auto urgent = w.order();
  urgent.urgency = "emergency";
  cases::CaseRecord c = w.created(urgent);
  w.clock.advance_ms(61 * 60'000);
  EXPECT_EQ(w.fire_timers(), 1);
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'dispatch_overdue'",
              {c.id}),
      1);
  EXPECT_EQ(w.count("SELECT overdue FROM cases WHERE id = ?", {c.id}), 1);  // in the overdue queue
  // Emergency handling: 2 hours from dispatch, on time again until then.
  cases::CaseRecord d =
      w.acted(c.id, "dispatch", w.dispatcher, {{"unit_id", std::to_string(w.street.id)}});
  EXPECT_EQ(d.due_at_ms, w.clock.now_ms() + 2 * 3'600'000);
  EXPECT_FALSE(d.overdue);
  // Configurable: general orders in working days.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return upsert_sla_rule(s, {0, "general", "", 1440, 120, 5, "working_days", 60})
                        .status();
                  })
                  .ok());
  // 5 working days after Friday 26 September 2025: 28 Sep (Sun, worked), 29, 30, 9, 10 October.
  w.clock.set_ms(TestWorld::at("2025-09-26", 9));
  EXPECT_EQ(w.acted(w.created(w.order()).id, "dispatch", w.dispatcher,
                    {{"unit_id", std::to_string(w.street.id)}})
                .due_at_ms,
            china_end_of_day_ms(*Date::parse("2025-10-10")));
}

TEST(DomainRule, Item41_AConfidentialRequesterIsHiddenFromHandlingUnits) {
  TestWorld w;
  auto secret = w.order("举报");
  secret.confidential = true;
  cases::CaseRecord c = w.acted(w.created(secret).id, "dispatch", w.dispatcher,
                                {{"unit_id", std::to_string(w.street.id)}});
  auto to_unit = visible_requester(w.box, w.street_staff, c);
  ASSERT_TRUE(to_unit.ok());
  EXPECT_FALSE(to_unit->has_value());
  auto to_centre = visible_requester(w.box, w.dispatcher, c);
  ASSERT_TRUE(to_centre.ok() && to_centre->has_value());
  EXPECT_EQ((*to_centre)->name, "张*");
  EXPECT_EQ((*to_centre)->phone, "138****1234");
  // An ordinary order shows the unit a masked contact.
  cases::CaseRecord plain = w.created(w.order());
  EXPECT_EQ((*visible_requester(w.box, w.street_staff, plain))->phone, "138****1234");
}

TEST(DomainRule, Item41_IntakeServiceLevelsFollowGbT33358AndAreConfiguration) {
  TestWorld w;
  IntakeLimits national, beijing;
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    national = *load_intake_limits(s, "11");
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "11", "hotline.intake.answer_seconds", "10"));
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "11", "hotline.intake.completion_percent", "98"));
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "11", "hotline.intake.media_response_minutes", "2"));
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "11", "hotline.intake.mailbox_response_hours", "12"));
                    beijing = *load_intake_limits(s, "110101");
                    return Status::Ok();
                  })
                  .ok());
  // Phone answered within 15 s; 95 % completed over any 24 hours; text media within 3 minutes;
  // mailboxes within 24 hours.
  EXPECT_EQ(national.answer_seconds, 15);
  EXPECT_EQ(national.completion_percent, 95);
  EXPECT_EQ(national.media_response_minutes, 3);
  EXPECT_EQ(national.mailbox_response_hours, 24);
  EXPECT_EQ(beijing.answer_seconds, 10);
  EXPECT_EQ(beijing.completion_percent, 98);
  EXPECT_EQ(beijing.media_response_minutes, 2);
  EXPECT_EQ(beijing.mailbox_response_hours, 12);
  // SMS and mailboxes are intake channels (GB/T 33358 names both).
  auto sms = w.order();
  sms.channel = "sms";
  EXPECT_EQ(w.created(sms).channel, "sms");
  auto mailbox = w.order();
  mailbox.channel = "mailbox";
  EXPECT_EQ(w.created(mailbox).channel, "mailbox");
}

TEST(DomainRule, Item42_RepeatCallersAreFlaggedNeverBlocked) {
  TestWorld w;
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900001111"))).contains("repeat_caller"));
  }
  cases::CaseRecord sixth = w.created(w.order("投诉", "13900001111"));
  EXPECT_EQ(attrs(sixth)["repeat_caller"]["previous_orders"], 5);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), 6);
  // Another caller is not affected; and after the window the count starts again.
  EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900002222"))).contains("repeat_caller"));
  w.clock.advance_ms(31LL * 86'400'000);
  EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900001111"))).contains("repeat_caller"));

  // The threshold and the window are the region's configuration: with 2 in 7 days, a third call
  // within the week is flagged, and still registered.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "110101", "hotline.repeat_threshold", "2"));
                    return cases::set_profile(s, "110101", "hotline.repeat_window_days", "7");
                  })
                  .ok());
  EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900003333"))).contains("repeat_caller"));
  EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900003333"))).contains("repeat_caller"));
  EXPECT_EQ(attrs(w.created(w.order("投诉", "13900003333")))["repeat_caller"]["previous_orders"],
            2);
  w.clock.advance_ms(8LL * 86'400'000);
  EXPECT_FALSE(attrs(w.created(w.order("投诉", "13900003333"))).contains("repeat_caller"));
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), 12);
}

TEST(DomainRule, Item43_PersonalDataIsSealedAtRestAndMaskedInSharedText) {
  TestWorld w;
  w.created(w.order("投诉", "13812341234"));
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE requester_sealed LIKE '%13812341234%' "
                    "OR requester_hash = '13812341234' OR attrs LIKE '%13812341234%'"),
            0);
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_events WHERE data LIKE '%1381234%' OR data LIKE '%张三%'"),
      0);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE object LIKE '%1381234%'"), 0);
  // The door of an address and a name given after a cue do not leave either.
  EXPECT_EQ(mask_personal_details("我叫张三，住3号楼2单元501室"), "我叫张*，住*号楼*单元***室");
  EXPECT_EQ(mask_digit_runs("回电13812341234，身份证11010119900307123X"),
            "回电138******34，身份证110*************3X");
}

TEST(DomainRule, Item44_WhistlesRecordArrivalsAndScoreBothSides) {
  TestWorld w;
  auto blown = [&](const auth::Principal& who) {
    Result<Whistle> out = Internal("not run");
    EXPECT_TRUE(w.db->write([&](db::Session& s) {
                      out = blow_whistle(s, w.clock, who,
                                         {w.street.id,
                                          0,
                                          "tough",
                                          "违建拆除需城管、住建到场",
                                          {w.department.id, w.department2.id}});
                      return Status::Ok();
                    })
                    .ok());
    return out;
  };
  EXPECT_EQ(blown(w.other_street_staff).status().code(), Code::kPermissionDenied);
  auto whistle = blown(w.street_staff);
  ASSERT_TRUE(whistle.ok()) << whistle.status().to_string();
  EXPECT_EQ(whistle->arrive_within_minutes, 30);
  auto arrive = [&](const auth::Principal& who, int64_t unit) {
    return w.db->write([&](db::Session& s) {
      return record_arrival(s, w.clock, who, whistle->id, unit).status();
    });
  };
  w.clock.advance_ms(20 * 60'000);
  ASSERT_TRUE(arrive(w.department_staff, w.department.id).ok());
  EXPECT_EQ(arrive(w.department_staff, w.department2.id).code(), Code::kPermissionDenied);
  w.clock.advance_ms(20 * 60'000);
  ASSERT_TRUE(arrive(w.department2_staff, w.department2.id).ok());
  EXPECT_EQ(arrive(w.department2_staff, w.department2.id).code(), Code::kConflict);
  std::vector<WhistleScore> scores;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    scores = *whistle_scores(s, "2025-09", "");
                    return Status::Ok();
                  })
                  .ok());
  auto score = [&](const std::string& side, int64_t unit) {
    return *std::find_if(scores.begin(), scores.end(), [&](const WhistleScore& x) {
      return x.side == side && x.unit_id == unit;
    });
  };
  EXPECT_EQ(score("department", w.department.id).in_time, 1);
  EXPECT_EQ(score("department", w.department2.id).late, 1);
  EXPECT_DOUBLE_EQ(score("department", w.department2.id).rate, 0.0);
  EXPECT_EQ(score("street", w.street.id).calls, 2);
  EXPECT_DOUBLE_EQ(score("street", w.street.id).rate, 0.5);

  // The arrival limit is the street's configuration: with 45 minutes, 40 is in time.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "110101", "hotline.whistle_arrival_minutes", "45");
                  })
                  .ok());
  auto slow = blown(w.street_staff);
  ASSERT_TRUE(slow.ok()) << slow.status().to_string();
  EXPECT_EQ(slow->arrive_within_minutes, 45);
  w.clock.advance_ms(40 * 60'000);
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    return record_arrival(s, w.clock, w.department2_staff, slow->id,
                                          w.department2.id)
                        .status();
                  })
                  .ok());
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    scores = *whistle_scores(s, "2025-09", "");
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(score("department", w.department2.id).in_time, 1);
  EXPECT_EQ(score("department", w.department2.id).late, 1);

  // The type is one of 日常, 攻坚, 应急, stored with the whistle; nothing else is taken.
  for (const char* kind : {"routine", "tough", "emergency", "urgent"}) {
    Result<Whistle> made = Internal("not run");
    Status st = w.db->write([&](db::Session& s) {
      made = blow_whistle(s, w.clock, w.street_staff,
                          {w.street.id, 0, kind, "到场处置", {w.department.id}});
      return made.status();
    });
    if (std::string(kind) == "urgent") {
      EXPECT_EQ(st.field(), "kind") << st.to_string();
      continue;
    }
    ASSERT_TRUE(st.ok()) << kind << ": " << st.to_string();
    Result<Whistle> stored = Internal("not run");
    ASSERT_TRUE(w.db->read([&](db::Session& s) {
                      stored = load_whistle(s, made->id);
                      return stored.status();
                    })
                    .ok());
    EXPECT_EQ(stored->input.kind, kind);
    EXPECT_EQ(stored->blown_at_ms, w.clock.now_ms());
    ASSERT_EQ(stored->calls.size(), 1u);
    EXPECT_EQ(stored->calls[0].unit_id, w.department.id);
  }
}

TEST(DomainRule, Item45_ProblemsLinkOrdersWithALeadUnitAndMonthlyProgress) {
  TestWorld w;
  int64_t a = w.created(w.order()).id, b = w.created(w.order()).id;
  auth::Principal centre = w.dispatcher;
  Result<Problem> p = Internal("not run");
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    p = create_problem(s, w.clock, centre,
                                       {0,
                                        "老旧小区夜间施工扰民",
                                        "集中整治",
                                        "110101",
                                        "2025-10",
                                        w.department.id,
                                        {},
                                        {}});
                    if (!p.ok()) return p.status();
                    p = link_orders(s, w.clock, centre, p->id, {a, b});
                    if (!p.ok()) return p.status();
                    p = record_progress(s, w.clock, w.department_staff, p->id, "2025-10", 40,
                                        "已约谈施工单位");
                    if (!p.ok()) return p.status();
                    p = record_progress(s, w.clock, w.department_staff, p->id, "2025-11", 100,
                                        "已建立夜间施工审批机制");
                    return p.status();
                  })
                  .ok())
      << p.status().to_string();
  EXPECT_EQ(p->lead_unit_id, w.department.id);
  EXPECT_EQ(p->case_ids, (std::vector<int64_t>{a, b}));
  ASSERT_EQ(p->progress.size(), 2u);
  EXPECT_EQ(p->progress[1].percent, 100);
  // Inside the problem's area, only the lead unit and the centre report progress.
  auth::Principal district_staff = w.department2_staff;
  Status other = w.db->write([&](db::Session& s) {
    return record_progress(s, w.clock, district_staff, p->id, "2025-12", 10, "x").status();
  });
  EXPECT_EQ(other.code(), Code::kPermissionDenied);
  // Outside it, the problem is not there to act on: a street below it, another district's centre.
  auth::Principal xicheng = w.dispatcher;
  xicheng.jurisdiction = "110102";
  for (const auth::Principal* outside : {&w.street_staff, &xicheng}) {
    Status progress = w.db->write([&](db::Session& s) {
      return record_progress(s, w.clock, *outside, p->id, "2025-12", 10, "x").status();
    });
    EXPECT_EQ(progress.code(), Code::kNotFound) << outside->username;
    Status linked = w.db->write(
        [&](db::Session& s) { return link_orders(s, w.clock, *outside, p->id, {a}).status(); });
    EXPECT_EQ(linked.code(), Code::kNotFound) << outside->username;
  }
}

}  // namespace
}  // namespace shegong::hotline
