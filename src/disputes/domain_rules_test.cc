// DOMAIN.md §9.7, items 68 and 69 (dispute mediation), in simulated time over the real 2025
// holiday calendar (国庆+中秋: 1–8 October off, Sunday 28 September and Saturday 11 October
// worked).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cases/profile.h"
#include "disputes/test_world.h"

namespace shegong::disputes {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }
int64_t end_of(const std::string& date) { return china_end_of_day_ms(*Date::parse(date)); }

TEST(DomainRule, Item68_NoMediationAgainstARefusalItIsFreeAndAnAgreementOffersConfirmation) {
  DisputeWorld w;  // Friday 2025-09-26, 09:00
  auto c = w.filed(w.dispute());
  EXPECT_EQ(c.state, "registered");
  EXPECT_EQ(c.tracking_no.substr(0, 2), "TJ");
  // The parties are sealed: neither name nor phone is stored in clear.
  EXPECT_EQ(w.rows_holding("cases", {"requester_sealed", "requester_hash", "attrs", "content"},
                           {"赵甲", "13811112222", "钱乙"}),
            0);
  // The respondent refuses: mediation cannot start (人民调解法 Art. 17).
  w.acted(c.id, "record_refusal", w.community_staff, {{"party", "2"}, {"note", "不愿调解"}});
  auto refused = w.act(c.id, "start", w.community_staff);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kConflict);
  EXPECT_EQ(refused.status().field(), "refusal");
  EXPECT_EQ(w.act(c.id, "record_refusal", w.community_staff, {{"party", "3"}}).status().field(),
            "party");  // two parties only
  // Mediation is free: no step records a fee.
  EXPECT_EQ(w.act(c.id, "record_consent", w.community_staff, {{"party", "2"}, {"fee", "200"}})
                .status()
                .field(),
            "fee");
  w.acted(c.id, "record_consent", w.community_staff, {{"party", "2"}});
  auto m = w.acted(c.id, "start", w.community_staff, {{"mediator", "社区调委会 孙调解"}});
  EXPECT_EQ(m.state, "mediating");

  // The agreement takes effect on its day; judicial confirmation may be applied for within 30
  // days (Art. 33), the last day moved off a weekend, and a timer closes the window.
  w.clock.set_ms(w.at("2025-10-09", 10));
  auto a = w.acted(c.id, "agree", w.community_staff,
                   {{"form", "written"}, {"terms", "钱乙赔偿赵甲维修费3000元，10日内付清。"}});
  EXPECT_EQ(a.state, "agreed");
  EXPECT_NE(a.closed_at_ms, 0);
  EXPECT_EQ(attrs(a)["agreement"]["effective_on"], "2025-10-09");
  // 30 days end on Saturday 8 November; the parties have until Monday 10 November.
  EXPECT_EQ(attrs(a)["agreement"]["confirmation_until"], "2025-11-10");
  w.clock.set_ms(w.at("2025-11-10", 23));
  w.fire_timers();
  EXPECT_FALSE(attrs(w.load(c.id))["agreement"].contains("confirmation_window_closed"));
  w.clock.set_ms(w.at("2025-11-11", 9));
  w.fire_timers();
  EXPECT_TRUE(attrs(w.load(c.id))["agreement"]["confirmation_window_closed"].get<bool>());
  auto late = w.act(c.id, "record_confirmation", w.community_staff,
                    {{"court", "东城区人民法院"}, {"applied_on", "2025-11-11"}});
  EXPECT_EQ(late.status().field(), "applied_on");
  auto on_time = w.acted(c.id, "record_confirmation", w.community_staff,
                         {{"court", "东城区人民法院"}, {"applied_on", "2025-11-10"}});
  EXPECT_EQ(attrs(on_time)["agreement"]["confirmation"]["applied_on"], "2025-11-10");

  // A refusal that stands ends the dispute without mediation; it does not stay open for ever.
  auto r = w.filed(w.dispute());
  w.acted(r.id, "record_refusal", w.community_staff, {{"party", "2"}});
  EXPECT_EQ(w.act(r.id, "fail", w.community_staff,
                  {{"reason", "no_agreement"}, {"guidance", "可向人民法院起诉。"}})
                .status()
                .field(),
            "reason");  // no mediation, so no failed agreement
  auto ended = w.acted(r.id, "fail", w.community_staff,
                       {{"reason", "refusal"}, {"guidance", "被申请人拒绝调解，可向人民法院起诉。"}});
  EXPECT_EQ(ended.state, "failed");
}

TEST(DomainRule, Item69_MediationPeriodReferralAndAcceptanceFollowTheRegionsSettings) {
  DisputeWorld w;  // Friday 2025-09-26, 09:00
  // People's mediation: 30 days from the start, overdue after; longer only if the parties agree.
  auto p = w.filed(w.dispute());
  EXPECT_EQ(w.act(p.id, "accept", w.community_staff).status().field(), "track");
  auto m = w.acted(p.id, "start", w.community_staff);
  EXPECT_EQ(m.due_at_ms, end_of("2025-10-26"));
  EXPECT_EQ(w.act(p.id, "extend", w.community_staff,
                  {{"days", "15"}, {"reason", "等待鉴定"}, {"parties_agree", "no"}})
                .status()
                .field(),
            "parties_agree");
  w.clock.set_ms(w.at("2025-10-27", 9));
  w.fire_timers();
  EXPECT_TRUE(w.load(p.id).overdue);
  // Granted a day after the period ran out: 15 days from today, not from the end of the period.
  auto longer = w.acted(p.id, "extend", w.community_staff,
                        {{"days", "15"}, {"reason", "等待房屋鉴定结果"}, {"parties_agree", "yes"}});
  EXPECT_EQ(longer.due_at_ms, end_of("2025-11-11"));
  EXPECT_FALSE(longer.overdue);

  // Administrative mediation: the decision on accepting within 5 working days (国庆 in between).
  w.clock.set_ms(w.at("2025-09-26", 9));
  auto a = w.filed(w.dispute("administrative"));
  EXPECT_EQ(a.due_at_ms, end_of("2025-10-10"));
  NewDispute complex = w.dispute("administrative");
  complex.complex = true;
  EXPECT_EQ(w.filed(complex).due_at_ms, end_of("2025-10-16"));                    // 10 working days
  EXPECT_EQ(w.act(a.id, "start", w.department_staff).status().field(), "state");  // accept first
  w.clock.set_ms(w.at("2025-10-11", 9));
  w.fire_timers();
  EXPECT_TRUE(w.load(a.id).overdue);
  auto accepted = w.acted(a.id, "accept", w.department_staff);
  EXPECT_FALSE(attrs(accepted)["acceptance"]["in_time"].get<bool>());

  // People's mediation is not handed to an organ, and a committee mediates its own area only.
  auto own = w.filed(w.dispute());
  EXPECT_EQ(w.act(own.id, "refer", w.community_staff,
                  {{"unit_id", std::to_string(w.department.id)}, {"reason", "x"}})
                .status()
                .field(),
            "unit_id");
  NewDispute elsewhere = w.dispute();
  elsewhere.region_code = "110101002001";  // 景山东街社区, not 多福巷
  EXPECT_EQ(w.file(elsewhere).status().field(), "region_code");

  // A dispute outside the organ's remit is referred within 3 working days of receipt; the
  // competent organ decides on accepting it within its own 5, from the referral.
  w.clock.set_ms(w.at("2025-09-26", 9));
  auto r = w.filed(w.dispute("administrative"));
  w.clock.set_ms(w.at("2025-10-09", 9));
  auto referred =
      w.acted(r.id, "refer", w.department_staff,
              {{"unit_id", std::to_string(w.department2.id)}, {"reason", "属住建委职责"}});
  EXPECT_EQ(referred.lead_unit_id, w.department2.id);
  EXPECT_FALSE(attrs(referred)["referrals"][0]["in_time"].get<bool>());  // due 30 September
  EXPECT_EQ(attrs(referred)["late"][0]["step"], "referral");
  EXPECT_EQ(referred.due_at_ms, end_of("2025-10-15"));
  // A declined one is answered in writing, with the reasons.
  EXPECT_EQ(w.act(r.id, "decline", w.department2_staff).status().field(), "reasons");
  auto declined = w.acted(r.id, "decline", w.department2_staff,
                          {{"reasons", "双方已向法院起诉，不予受理行政调解。"}});
  EXPECT_EQ(declined.state, "declined");
  EXPECT_TRUE(attrs(declined)["acceptance"]["in_time"].get<bool>());

  // A district sets its own periods.
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    SHEGONG_RETURN_IF_ERROR(
                        cases::set_profile(s, "110101", "dispute.mediation_days", "15"));
                    return cases::set_profile(s, "110101", "dispute.acceptance_working_days", "3");
                  })
                  .ok());
  w.clock.set_ms(w.at("2025-09-26", 9));
  EXPECT_EQ(w.filed(w.dispute("administrative")).due_at_ms, end_of("2025-09-30"));
  auto quick = w.acted(w.filed(w.dispute()).id, "start", w.community_staff);
  EXPECT_EQ(quick.due_at_ms, end_of("2025-10-11"));
}

}  // namespace
}  // namespace shegong::disputes
