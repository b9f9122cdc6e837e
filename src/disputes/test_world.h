// For tests of dispute mediation: the hotline's test world (東城区 regions, the real holiday
// calendar, a clock that moves only when told) plus the dispute kind. People's mediation is done by
// the world's residents' committee (多福巷社区居委会), administrative mediation by its
// 城市管理委员会.
#pragma once

#include "disputes/dispute_kind.h"
#include "disputes/registration.h"
#include "hotline/test_world.h"

namespace shegong::disputes {

class DisputeWorld : public hotline::TestWorld {
 public:
  DisputeWorld() { engine.add_kind(dispute_kind(calendar)); }

  NewDispute dispute(const std::string& track = "people") const {
    NewDispute d;
    d.track = track;
    d.source = "application";
    d.category = "邻里纠纷";
    d.subject = "楼上漏水损坏楼下装修";
    d.description = "多福巷3号楼住户反映楼上卫生间漏水，导致自家天花板损坏，双方就赔偿协商未果。";
    d.region_code = "110101001001";
    d.parties = {{"赵甲", "13811112222", "applicant"}, {"钱乙", "13933334444", "respondent"}};
    d.unit_id = track == "people" ? community.id : department.id;
    return d;
  }
  const auth::Principal& mediator(const std::string& track = "people") const {
    return track == "people" ? community_staff : department_staff;
  }

  Result<cases::CaseRecord> file(NewDispute d) {
    Result<cases::CaseRecord> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = register_dispute(s, engine, calendar, box, *tree, std::move(d), "test");
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  cases::CaseRecord filed(NewDispute d) {
    auto c = file(std::move(d));
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
};

}  // namespace shegong::disputes
