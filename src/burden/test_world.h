// For tests of the 减负 lists: the hotline's test world (東城区 regions, its district government,
// 东华门街道, 多福巷社区居委会 and two departments, a clock that moves only when told) plus the
// work-task kind, a leader of the district government who approves tasks off the lists, and items
// published the way a city and a district publish them.
#pragma once

#include "burden/admission.h"
#include "burden/certificates.h"
#include "burden/duty_items.h"
#include "burden/work_task_kind.h"
#include "hotline/test_world.h"

namespace shegong::burden {

class BurdenWorld : public hotline::TestWorld {
 public:
  BurdenWorld() {
    engine.add_kind(work_task_kind());
    district_leader = {7, "dcq", auth::Role::kLeader, "110101", false, {}, district.id};
  }

  // An item published for `region` (the city "1101", the district "110101", ...).
  DutyItem publish(const std::string& region, const std::string& list, const std::string& name,
                   const std::string& lead = "", const std::string& role = "") {
    DutyItem d;
    d.region_code = region;
    d.list = list;
    d.name = name;
    d.basis = "北京市街道办事处条例";
    d.lead_department = lead;
    d.supporting_role = role;
    Result<DutyItem> out = Internal("not run");
    EXPECT_TRUE(db->write([&](db::Session& s) {
                    out = create_item(s, clock, d, "test");
                    return out.status();
                  }).ok())
        << out.status().to_string();
    return out.ok() ? *out : DutyItem{};
  }

  NewTask task(int64_t to, int64_t item_id = 0) const {
    NewTask t;
    t.subject = "开展辖区老旧小区消防安全检查";
    t.content = "请于本月底前完成辖区老旧小区楼道堆物、飞线充电排查，并报送台账。";
    t.unit_id = to;
    t.item_id = item_id;
    return t;
  }
  Result<cases::CaseRecord> send(NewTask t, const auth::Principal& from) {
    Result<cases::CaseRecord> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = register_task(s, engine, std::move(t), from);
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  cases::CaseRecord sent(NewTask t, const auth::Principal& from) {
    auto c = send(std::move(t), from);
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
  Result<CertificateRequest> ask(const std::string& certificate, int64_t item_id = 0) {
    Result<CertificateRequest> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = request_certificate(s, clock, community_staff, certificate, "办理入学", item_id);
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }

  auth::Principal district_leader;
};

}  // namespace shegong::burden
