// DOMAIN.md §9.6, items 61–64 (减负: duty lists, work admission, certificates).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "burden/test_world.h"

namespace shegong::burden {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }

TEST(DomainRule, Item61_AStreetTakesTasksOnItsListsOthersWaitForApprovalReturnedOnesNever) {
  BurdenWorld w;
  // The city publishes for every street; the district refines with an item of its own.
  const DutyItem basic = w.publish("1101", "basic", "组织开展辖区安全隐患排查");
  const DutyItem own = w.publish("110101", "basic", "胡同院落环境整治");
  const DutyItem returned = w.publish("1101", "returned", "违法建设的行政处罚");
  const DutyItem elsewhere = w.publish("110102", "basic", "西城区的事项");

  // On the basic list, from the city's or the district's publication: admitted, at the street.
  for (const DutyItem& item : {basic, own}) {
    auto c = w.sent(w.task(w.street.id, item.id), w.department_staff);
    EXPECT_EQ(c.state, "admitted");
    EXPECT_EQ(c.lead_unit_id, w.street.id);
    EXPECT_EQ(c.tracking_no.substr(0, 2), "RW");
    EXPECT_EQ(attrs(c)["item"]["name"], item.name);
  }
  // Taken back by the departments above: refused, and nothing is stored.
  const int64_t before = w.count("SELECT count(*) FROM cases");
  auto back = w.send(w.task(w.street.id, returned.id), w.department_staff);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), Code::kConflict);
  EXPECT_EQ(back.status().field(), "item_id");
  EXPECT_EQ(w.count("SELECT count(*) FROM cases"), before);
  // Another district's item does not hold here.
  EXPECT_EQ(w.send(w.task(w.street.id, elsewhere.id), w.department_staff).status().field(),
            "item_id");

  // On no list: it waits for the district government, which records its decision with reasons.
  auto off = w.sent(w.task(w.street.id), w.department_staff);
  EXPECT_EQ(off.state, "awaiting_approval");
  EXPECT_EQ(off.lead_unit_id, w.district.id);
  EXPECT_EQ(w.act(off.id, "complete", w.street_staff).status().field(), "state");
  EXPECT_EQ(w.act(off.id, "approve", w.district_leader).status().field(), "reasons");
  EXPECT_EQ(w.act(off.id, "approve", w.department_staff).status().code(),
            Code::kPermissionDenied);  // not the sender's to approve
  auto approved = w.acted(off.id, "approve", w.district_leader,
                          {{"reasons", "区政府同意：汛期专项任务，由街道统筹。"}});
  EXPECT_EQ(approved.state, "admitted");
  EXPECT_EQ(approved.lead_unit_id, w.street.id);
  EXPECT_EQ(attrs(approved)["approval"]["decision"], "approved");
  auto done = w.acted(off.id, "complete", w.street_staff, {{"note", "已完成排查。"}});
  EXPECT_EQ(done.state, "done");

  // The district government sending one off the lists is itself the approval.
  auto own_decision = w.sent(w.task(w.street.id), w.district_leader);
  EXPECT_EQ(own_decision.state, "admitted");
  EXPECT_EQ(own_decision.lead_unit_id, w.street.id);
  EXPECT_EQ(attrs(own_decision)["approval"]["unit_id"], w.district.id);

  auto refused = w.sent(w.task(w.street.id), w.department2_staff);
  auto rejected =
      w.acted(refused.id, "reject", w.district_leader, {{"reasons", "属部门职责，不得转嫁街道。"}});
  EXPECT_EQ(rejected.state, "rejected");
  EXPECT_NE(rejected.closed_at_ms, 0);
}

TEST(DomainRule, Item62_ACooperatingItemNamesItsLeadAndOnlyThatDepartmentSendsIt) {
  BurdenWorld w;
  DutyItem missing;
  missing.region_code = "1101";
  missing.list = "cooperating";
  missing.name = "燃气安全检查";
  EXPECT_EQ(validate_item(missing).field(), "lead_department");
  missing.lead_department = "城市管理委员会";
  EXPECT_EQ(validate_item(missing).field(), "supporting_role");
  missing.supporting_role = "配合入户宣传";
  EXPECT_TRUE(validate_item(missing).ok());
  missing.list = "basic";
  EXPECT_EQ(validate_item(missing).field(), "lead_department");  // only cooperating items lead

  const DutyItem gas =
      w.publish("1101", "cooperating", "燃气安全检查", "城市管理委员会", "配合入户宣传");
  // The lead department (东城区城市管理委员会) sends it: admitted, with both roles on the task.
  auto c = w.sent(w.task(w.street.id, gas.id), w.department_staff);
  EXPECT_EQ(c.state, "admitted");
  EXPECT_EQ(attrs(c)["item"]["lead_department"], "城市管理委员会");
  EXPECT_EQ(attrs(c)["item"]["supporting_role"], "配合入户宣传");
  // Another department does not hand the street a matter it does not lead.
  auto other = w.send(w.task(w.street.id, gas.id), w.department2_staff);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().field(), "item_id");
}

TEST(DomainRule, Item63_ACommitteeTakesWhatIsOnItsAssistanceListOtherwiseTheStreetApproves) {
  BurdenWorld w;
  const DutyItem census = w.publish("1101", "assistance", "协助开展人口普查");
  const DutyItem street_duty = w.publish("1101", "basic", "组织开展辖区安全隐患排查");
  auto c = w.sent(w.task(w.community.id, census.id), w.street_staff);
  EXPECT_EQ(c.state, "admitted");
  EXPECT_EQ(c.lead_unit_id, w.community.id);
  // A street's duty is not a committee's.
  EXPECT_EQ(w.send(w.task(w.community.id, street_duty.id), w.street_staff).status().field(),
            "item_id");
  // A form to fill in off the list: the street above the committee decides, on the record.
  NewTask forms = w.task(w.community.id);
  forms.form_filling = true;
  auto f = w.sent(forms, w.department_staff);
  EXPECT_EQ(f.state, "awaiting_approval");
  EXPECT_EQ(f.lead_unit_id, w.street.id);
  EXPECT_EQ(f.channel, "form_filling");
  auto no = w.acted(f.id, "reject", w.street_staff,
                    {{"reasons", "不在协助清单内，数据可从系统直接调取。"}});
  EXPECT_EQ(no.state, "rejected");
  EXPECT_EQ(attrs(no)["approval"]["reasons"], "不在协助清单内，数据可从系统直接调取。");
  // The sender still reads its task; another district's street does not reach this committee.
  EXPECT_EQ(w.count("SELECT count(*) FROM case_units WHERE case_id = ? AND unit_id = ?",
                    {f.id, w.department.id}),
            1);
  EXPECT_EQ(w.send(w.task(w.community.id), w.other_street_staff).status().field(), "unit_id");
  // The street's own form off the list is not its own to approve: the district decides.
  NewTask streets_form = w.task(w.community.id);
  streets_form.form_filling = true;
  auto s = w.sent(streets_form, w.street_staff);
  EXPECT_EQ(s.state, "awaiting_approval");
  EXPECT_EQ(s.lead_unit_id, w.district.id);
}

TEST(DomainRule, Item64_ACommitteeIssuesOnlyTheCertificatesOnItsListAndSaysWhyNot) {
  BurdenWorld w;
  const DutyItem living = w.publish("1101", "certificate", "居民居住情况证明");
  auto issued = w.ask("居民居住情况证明");
  ASSERT_TRUE(issued.ok()) << issued.status().to_string();
  EXPECT_EQ(issued->outcome, "issued");
  EXPECT_EQ(issued->item_id, living.id);
  EXPECT_EQ(issued->number.substr(0, 2), "ZM");
  auto by_item = w.ask("", living.id);
  EXPECT_EQ(by_item->outcome, "issued");
  auto refused = w.ask("亲属关系证明");
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->outcome, "refused");
  EXPECT_TRUE(refused->number.empty());
  EXPECT_NE(refused->reason.find("亲属关系证明"), std::string::npos);
  EXPECT_EQ(w.count("SELECT count(*) FROM certificate_requests WHERE outcome = 'refused'"), 1);
  EXPECT_EQ(w.ask("", 999).status().field(), "item_id");
  EXPECT_EQ(w.ask("").status().field(), "certificate");
  // A retired item is no longer issued.
  DutyItem retired = living;
  retired.active = false;
  ASSERT_TRUE(
      w.db->write([&](db::Session& s) { return update_item(s, w.clock, retired, "test").status(); })
          .ok());
  EXPECT_EQ(w.ask("居民居住情况证明")->outcome, "refused");
}

}  // namespace
}  // namespace shegong::burden
