#include "burden/demo_burden.h"

#include <map>
#include <span>
#include <vector>

#include "base/clock.h"
#include "burden/admission.h"
#include "burden/certificates.h"
#include "burden/duty_items.h"
#include "burden/work_task_kind.h"
#include "cases/engine.h"
#include "hotline/units.h"

namespace shegong::burden {

namespace {

constexpr int64_t kDay = 86'400'000;

struct Item {
  const char* list;
  const char* name;
  const char* basis;
  const char* lead = "";
  const char* role = "";
};

constexpr const char* kStreetRegulation = "北京市街道办事处条例";
constexpr const char* kCommitteeLaw = "北京市实施《中华人民共和国城市居民委员会组织法》办法";

const Item kCityItems[] = {
    {"basic", "组织开展辖区安全隐患排查", kStreetRegulation},
    {"basic", "统筹辖区环境卫生和市容秩序", kStreetRegulation},
    {"basic", "组织实施接诉即办，办理派至街道的市民诉求", "北京市接诉即办工作条例"},
    {"basic", "指导社区居民委员会建设，组织开展社区议事协商", kStreetRegulation},
    {"basic", "组织开展矛盾纠纷排查化解", "中华人民共和国人民调解法"},
    {"basic", "做好辖区退役军人、残疾人、困难群众服务保障", kStreetRegulation},
    {"basic", "组织开展志愿服务和社区动员", "志愿服务条例"},
    {"cooperating", "燃气安全检查", "北京市燃气管理条例", "城市管理委员会",
     "组织社区入户宣传，发现隐患及时报告"},
    {"cooperating", "老旧小区综合整治", "北京市老旧小区综合整治工作方案", "住房和城乡建设委员会",
     "组织居民议事协商，协调施工扰民问题"},
    {"cooperating", "食品安全日常监管", "中华人民共和国食品安全法", "市场监督管理局",
     "发现无证经营线索及时移送"},
    {"cooperating", "违法建设治理", "北京市禁止违法建设若干规定", "城市管理委员会",
     "巡查发现、劝阻并报告"},
    {"cooperating", "就业困难人员帮扶", "北京市就业援助规定", "人力资源和社会保障局",
     "摸排登记，组织参加招聘活动"},
    {"returned", "违法建设的行政处罚", "北京市禁止违法建设若干规定"},
    {"returned", "食品经营许可审批", "中华人民共和国食品安全法"},
    {"returned", "特种设备安全监察", "中华人民共和国特种设备安全法"},
    {"returned", "建设工程质量监督", "建设工程质量管理条例"},
    {"assistance", "协助开展人口普查和经济普查", kCommitteeLaw},
    {"assistance", "协助做好社会救助对象的入户调查", kCommitteeLaw},
    {"assistance", "协助开展征兵宣传和兵役登记", kCommitteeLaw},
    {"assistance", "协助开展爱国卫生运动", kCommitteeLaw},
    {"assistance", "协助做好突发事件中的居民动员和信息报告", kCommitteeLaw},
    {"certificate", "居民居住情况证明", "社区可以出具的证明事项清单"},
    {"certificate", "家庭经济困难情况证明（入户调查后）", "社区可以出具的证明事项清单"},
    {"certificate", "参加社区志愿服务证明", "社区可以出具的证明事项清单"},
};

const Item kDistrictItems[] = {
    {"basic", "胡同院落环境整治和“街巷长制”落实", "东城区街道职责清单"},
    {"assistance", "协助开展平房区冬季清洁取暖入户核查", "东城区社区协助清单"},
};

struct Task {
  const char* from;  // the sending department's name within the district ("" = the street)
  const char* to;    // "street" or "community"
  const char* item;  // the list item's name ("" = none)
  bool form_filling;
  const char* subject;
  const char* content;
  int ends;  // 0 stays, 1 approved, 2 rejected, 3 done, 4 approved and done
};

const Task kTasks[] = {
    {"城市管理委员会", "street", "燃气安全检查", false, "开展冬季燃气安全入户宣传",
     "请组织社区对辖区老旧小区燃气用户开展入户宣传，发现隐患及时报告。", 3},
    {"城市管理委员会", "street", "组织开展辖区安全隐患排查", false, "开展楼道堆物和飞线充电排查",
     "请于本月内完成辖区楼道堆物、飞线充电排查，建立问题台账。", 0},
    {"住房和城乡建设委员会", "street", "老旧小区综合整治", false, "配合老旧小区综合整治施工协调",
     "多福巷小区综合整治即将开工，请组织居民议事协商并协调施工扰民问题。", 0},
    {"民政局", "street", "", true, "报送辖区养老服务设施统计表",
     "请填写辖区养老服务设施统计表（共12项指标），并加盖公章后报送。", 2},
    {"生态环境局", "street", "", false, "配合开展餐饮油烟夜间巡查",
     "请街道每晚安排人员配合开展餐饮油烟巡查。", 0},
    {"交通委员会", "street", "", false, "协助开展共享单车停放秩序治理",
     "请街道组织力量，在重点区域开展共享单车停放秩序治理。", 4},
    {"", "community", "协助开展人口普查和经济普查", false, "协助开展经济普查入户登记",
     "请社区配合普查员完成辖区个体经营户入户登记。", 3},
    {"", "community", "", true, "填报社区文明创建工作台账",
     "请社区每周填报文明创建工作台账并拍照留痕。", 2},
    {"市场监督管理局", "community", "", true, "报送辖区商户经营情况调查表",
     "请社区逐户填写辖区商户经营情况调查表。", 0},
    {"", "community", "协助开展平房区冬季清洁取暖入户核查", false, "平房区清洁取暖入户核查",
     "请社区协助核查平房院落清洁取暖设备使用情况。", 0},
};

struct Ask {
  const char* certificate;
  const char* purpose;
};

const Ask kAsks[] = {
    {"居民居住情况证明", "子女入学"},   {"亲属关系证明", "办理继承公证"},
    {"居民居住情况证明", "办理居住证"}, {"参加社区志愿服务证明", "学校社会实践"},
    {"无犯罪记录证明", "应聘"},         {"家庭经济困难情况证明（入户调查后）", "申请助学金"},
};

auth::Principal staff_of(const hotline::Unit& u, auth::Role role) {
  return auth::Principal{0, "demo", role, u.region_code, false, {}, u.id};
}

}  // namespace

Result<DemoBurdenReport> generate_demo_burden(db::Db& db, const DemoBurdenOptions& o) {
  DemoBurdenReport out;
  ManualClock clock(o.now_ms - 40 * kDay);
  cases::Engine engine(db, clock);
  engine.add_kind(work_task_kind());
  std::map<std::string, int64_t> published;  // item name -> id, for the tasks resting on them
  Status st = db.write([&](db::Session& s) {
    auto items = items_within(s, o.city, "");
    if (!items.ok()) return items.status();
    if (!items->empty()) return Status::Ok();  // published before: the demo runs once
    for (const auto& [region, list] :
         {std::pair{o.city, std::span<const Item>(kCityItems)},
          std::pair{o.district, std::span<const Item>(kDistrictItems)}}) {
      for (const Item& i : list) {
        DutyItem d;
        d.region_code = region;
        d.list = i.list;
        d.name = i.name;
        d.basis = i.basis;
        d.lead_department = i.lead;
        d.supporting_role = i.role;
        auto made = create_item(s, clock, d, "demo");
        if (!made.ok()) return made.status();
        published[i.name] = made->id;
        ++out.items;
      }
    }
    return Status::Ok();
  });
  if (!st.ok() || out.items == 0) return st.ok() ? Result<DemoBurdenReport>(out) : st;

  // The units: the hotline demo's street, district government and departments, the dispute
  // demo's committee.
  auto unit_of = [&](const std::string& region, const std::string& kind,
                     const std::string& name) -> Result<hotline::Unit> {
    Result<hotline::Unit> found =
        NotFound("the demo has no " + kind + " " + name + " in " + region);
    Status read = db.read([&](db::Session& s) {
      auto list = hotline::list_units(s, region, kind);
      if (!list.ok()) return list.status();
      for (const hotline::Unit& u : *list) {
        if (u.region_code == region && u.name.ends_with(name)) found = u;
      }
      return Status::Ok();
    });
    if (!read.ok()) return read;
    return found;
  };
  auto street = unit_of(o.street, "street", "");
  if (!street.ok()) return street.status();
  auto community = unit_of(o.community, "community", "");
  if (!community.ok()) return community.status();
  auto government = unit_of(o.district, "district", "");
  if (!government.ok()) return government.status();

  int64_t at = o.now_ms - 35 * kDay;
  for (const Task& t : kTasks) {
    at += 3 * kDay + 2 * 3'600'000;
    clock.set_ms(at);
    hotline::Unit from = *street;
    if (*t.from != '\0') {
      auto dept = unit_of(o.district, "department", t.from);
      if (!dept.ok()) return dept.status();
      from = *dept;
    }
    const hotline::Unit& to = std::string_view(t.to) == "street" ? *street : *community;
    NewTask n;
    n.subject = t.subject;
    n.content = t.content;
    n.unit_id = to.id;
    n.item_id = *t.item == '\0' ? 0 : published.at(t.item);
    n.form_filling = t.form_filling;
    n.due_on = date_in_china(at).plus_days(20);
    const auth::Principal sender = staff_of(
        from, from.kind == "street" ? auth::Role::kStreetStaff : auth::Role::kDepartmentStaff);
    int64_t id = 0, lead = 0;
    Status sent = db.write([&](db::Session& s) {
      auto c = register_task(s, engine, n, sender);
      if (!c.ok()) return c.status();
      id = c->id;
      lead = c->lead_unit_id;
      return Status::Ok();
    });
    if (!sent.ok()) return sent;
    ++out.tasks;
    // Off the lists, the unit the task waits at decides: the district government or the street.
    const hotline::Unit& approver = lead == government->id ? *government : *street;
    const auth::Principal decider = staff_of(
        approver, approver.kind == "street" ? auth::Role::kStreetStaff : auth::Role::kLeader);
    const auth::Principal doer =
        staff_of(to, to.kind == "street" ? auth::Role::kStreetStaff : auth::Role::kCommunityStaff);
    clock.set_ms(at + kDay);
    if (t.ends == 1 || t.ends == 4) {
      SHEGONG_RETURN_IF_ERROR(
          engine
              .apply(id, "approve", &decider, {{"reasons", "经研究，同意作为阶段性任务由其承担。"}})
              .status());
    }
    if (t.ends == 2) {
      SHEGONG_RETURN_IF_ERROR(
          engine
              .apply(id, "reject", &decider,
                     {{"reasons", "不在履职事项清单和协助清单内，数据可通过部门系统共享获取。"}})
              .status());
    }
    if (t.ends == 3 || t.ends == 4) {
      clock.set_ms(at + 6 * kDay);
      SHEGONG_RETURN_IF_ERROR(
          engine.apply(id, "complete", &doer, {{"note", "已按要求完成。"}}).status());
    }
    if (t.ends == 0 && n.item_id == 0) ++out.awaiting;
  }

  const auth::Principal committee = staff_of(*community, auth::Role::kCommunityStaff);
  for (const Ask& a : kAsks) {
    at += kDay;
    clock.set_ms(std::min(at, o.now_ms));
    Status asked = db.write([&](db::Session& s) {
      return request_certificate(s, clock, committee, a.certificate, a.purpose, 0).status();
    });
    if (!asked.ok()) return asked;
    ++out.certificates;
  }
  return out;
}

}  // namespace shegong::burden
