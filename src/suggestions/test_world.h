// For tests of people's suggestions: the hotline's test world (東城区 regions, a clock that moves
// only when told) plus the suggestion kind, the district's suggestion-collecting office and the
// organ a suggestion is transferred to, with one staff member each.
#pragma once

#include "hotline/test_world.h"
#include "suggestions/collections.h"
#include "suggestions/registration.h"
#include "suggestions/suggestion_kind.h"

namespace shegong::suggestions {

class SuggestionWorld : public hotline::TestWorld {
 public:
  SuggestionWorld() {
    engine.add_kind(suggestion_kind());
    EXPECT_TRUE(db->write([&](db::Session& s) {
                    office = *hotline::create_unit(
                        s, {0, "东城区人民建议征集办公室", "department", "110101", true});
                    return Status::Ok();
                  }).ok());
    office_staff = {201, "jyb", auth::Role::kDepartmentStaff, "110101", false, {}, office.id};
    // The hotline world's 住房和城乡建设委员会 is the organ a suggestion goes to.
    organ = department2;
    organ_staff = department2_staff;
  }

  NewSuggestion suggestion() const {
    NewSuggestion n;
    n.channel = "web";
    n.subject = "建议在多福巷增设电动自行车充电桩";
    n.reasons = "多福巷小区居民多用电动自行车，楼道充电存在火灾隐患，现有充电点不足。";
    n.measures = "在小区东门空地设置集中充电棚，按次收费，由物业统一管理。";
    n.region_code = "110101001001";
    n.proposer = {"person", "李建言", "13712345678", "", "北京市东城区多福巷2号"};
    n.unit_id = office.id;
    return n;
  }

  Result<cases::CaseRecord> file(NewSuggestion n) {
    Result<cases::CaseRecord> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = register_suggestion(s, engine, box, *tree, std::move(n), "test");
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  cases::CaseRecord filed(NewSuggestion n) {
    auto c = file(std::move(n));
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
  cases::CaseRecord accepted(NewSuggestion n) {
    return acted(filed(std::move(n)).id, "accept", office_staff);
  }
  cases::CaseRecord evaluated(NewSuggestion n, const std::string& adoption = "adopted") {
    cases::Fields in = {{"adoption", adoption}, {"reasons", "经现场查看，东门空地可以利用。"}};
    if (adoption != "not_adopted") in["conversion"] = "work_improvement";
    return acted(accepted(std::move(n)).id, "evaluate", office_staff, in);
  }

  Result<Collection> open_collection(const std::string& opens, const std::string& closes) {
    Result<Collection> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      NewCollection n;
      n.unit_id = office.id;
      n.topic = "“十五五”规划民生实事建议征集";
      n.description = "围绕养老、托育、停车等民生实事，征集意见建议。";
      n.submission_method = "登录门户网站“人民建议征集”栏目，或致电12345。";
      n.opens_on = *Date::parse(opens);
      n.closes_on = *Date::parse(closes);
      out = create_collection(s, clock, n, "test");
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }

  hotline::Unit office, organ;
  auth::Principal office_staff, organ_staff;
};

}  // namespace shegong::suggestions
