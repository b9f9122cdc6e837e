#include "disputes/demo_disputes.h"

#include <array>
#include <random>

#include "base/clock.h"
#include "cases/demo_people.h"
#include "cases/engine.h"
#include "disputes/dispute_kind.h"
#include "disputes/registration.h"
#include "hotline/units.h"
#include "regions/region_code.h"

namespace shegong::disputes {

namespace {

constexpr int64_t kDay = 86'400'000;

struct Matter {
  const char* category;
  const char* subject;
  const char* description;
};

constexpr Matter kNeighbours[] = {
    {"邻里纠纷", "楼上漏水损坏楼下装修", "楼上卫生间防水层老化漏水，楼下天花板和墙面受损，双方就维修费用协商未果。"},
    {"邻里纠纷", "楼道堆物引发争吵", "住户在楼道长期堆放杂物，邻居多次提醒未果，双方发生口角。"},
    {"物业纠纷", "业主拒交物业费", "业主认为物业公司服务不到位，连续两年未交物业费，物业公司要求补缴。"},
    {"婚姻家庭", "赡养老人费用分担", "三兄妹对母亲的赡养费用和照料安排意见不一，老人请求社区调解。"},
    {"损害赔偿", "宠物狗咬伤邻居", "住户饲养的宠物狗在小区内咬伤邻居，双方对医疗费赔偿金额有分歧。"},
    {"邻里纠纷", "空调外机噪音扰邻", "新装空调外机正对邻居卧室窗户，夜间噪音影响休息。"},
};

constexpr Matter kAdministrative[] = {
    {"合同纠纷", "商户与市场管理方租金纠纷", "市场管理方单方面上调摊位租金，商户认为违反合同约定。"},
    {"损害赔偿", "占道施工损坏商户门面", "道路施工围挡损坏沿街商户门面，商户要求施工单位赔偿。"},
    {"其他", "违规广告牌拆除补偿争议", "商户对拆除违规广告牌的补偿标准有异议。"},
};

}  // namespace

Result<DemoDisputeReport> generate_demo_disputes(db::Db& db, const crypto::SecretBox& box,
                                                 const regions::RegionTree& tree,
                                                 const HolidayCalendar& calendar,
                                                 const DemoDisputeOptions& o) {
  auto community = tree.find(o.community);
  if (!community) return Invalid("community", "no region has the code " + o.community);
  const std::string district_code = o.community.substr(0, 6);
  auto district = tree.find(district_code);
  const std::string district_name = district ? std::string(district->name) : "";
  int64_t committee = 0, organ = 0, housing = 0;
  Status st = db.write([&](db::Session& s) {
    auto c = hotline::ensure_unit(s, o.community, std::string(community->name), "community");
    if (!c.ok()) return c.status();
    committee = *c;
    auto a = hotline::unit_named(s, district_code, district_name + "城市管理委员会");
    if (!a.ok()) return a.status();
    organ = *a;
    auto h = hotline::unit_named(s, district_code, district_name + "住房和城乡建设委员会");
    if (!h.ok()) return h.status();
    housing = *h;
    return Status::Ok();
  });
  if (!st.ok()) return st;

  ManualClock clock(0);
  cases::Engine engine(db, clock);
  engine.add_kind(dispute_kind(calendar));
  std::mt19937_64 rng(o.seed);
  DemoDisputeReport report;
  auto staff = [&](int64_t unit, auth::Role role, const std::string& region) {
    return auth::Principal{0, "demo", role, region, false, {}, unit};
  };
  const auth::Principal mediator = staff(committee, auth::Role::kCommunityStaff, o.community);
  const auth::Principal official = staff(organ, auth::Role::kDepartmentStaff, district_code);
  auto person = [&]() { return cases::demo_person_name(rng); };
  auto phone = [&]() { return cases::demo_mobile(rng); };

  // Each dispute's story: 0 registered, 1 refused, 2 mediating, 3 agreed, 4 agreed and brought
  // for confirmation, 5 failed; administrative: 6 waiting for acceptance, 7 declined, 8 referred,
  // 9 accepted and not yet started.
  constexpr int kPeopleStories[] = {3, 4, 2, 1, 3, 5, 2, 0, 3, 3};
  constexpr int kOrganStories[] = {3, 7, 2, 6, 8, 9, 3};
  auto run = [&](bool people, int story, int index) -> Status {
    const Matter& m = people ? kNeighbours[index % std::size(kNeighbours)]
                             : kAdministrative[index % std::size(kAdministrative)];
    if (!people && organ == 0) return Status::Ok();
    // A story that ends (an agreement, a failure) needs the weeks for its steps.
    const bool ends = story >= 3 && story <= 5;
    const int64_t days_ago = static_cast<int64_t>(ends ? 20 + rng() % 23 : 3 + rng() % 40);
    const int64_t received = o.now_ms - days_ago * kDay - static_cast<int64_t>(rng() % 7) * 3'600'000;
    clock.set_ms(received);
    NewDispute d;
    d.track = people ? "people" : "administrative";
    d.source = index % 3 == 0 ? "initiative" : "application";
    d.category = m.category;
    d.risk = index % 5 == 4 ? "high" : index % 2 ? "medium" : "low";
    d.subject = m.subject;
    d.description = m.description;
    d.region_code = o.community;
    d.parties = {{person(), phone(), "applicant"}, {person(), phone(), "respondent"}};
    d.unit_id = people ? committee : organ;
    int64_t id = 0;
    SHEGONG_RETURN_IF_ERROR(db.write([&](db::Session& s) {
      auto c = register_dispute(s, engine, calendar, box, tree, d, "demo");
      if (!c.ok()) return c.status();
      id = c->id;
      return Status::Ok();
    }));
    ++report.disputes;
    const auth::Principal& who = people ? mediator : official;
    int64_t at = received;
    auto step = [&](const char* action, cases::Fields in, int days) -> bool {
      at += days * kDay + static_cast<int64_t>(rng() % 5) * 3'600'000;
      if (at > o.now_ms) return false;
      clock.set_ms(at);
      return engine.apply(id, action, &who, in).ok();
    };
    if (story == 0 || story == 6) return Status::Ok();
    if (story == 1) {
      step("record_refusal", {{"party", "2"}, {"note", "被申请人明确表示不同意调解"}}, 1);
      return Status::Ok();
    }
    if (story == 7) {
      step("decline", {{"reasons", "当事人已就同一事项向人民法院起诉，不予受理行政调解。"}}, 2);
      return Status::Ok();
    }
    if (story == 8) {
      if (housing != 0) {
        step("refer", {{"unit_id", std::to_string(housing)}, {"reason", "属住房城乡建设部门职责"}},
             1);
      }
      return Status::Ok();
    }
    if (!people && (!step("accept", {}, 2) || story == 9)) return Status::Ok();
    if (!step("start", {{"mediator", people ? "社区人民调解员" : "行政调解员"}}, 1)) {
      return Status::Ok();
    }
    if (story == 2) return Status::Ok();
    if (story == 5) {
      step("fail", {{"reason", "no_agreement"}, {"guidance", "双方未能达成一致，已告知可向人民法院起诉。"}},
           static_cast<int>(3 + rng() % 10));
      return Status::Ok();
    }
    if (!step("agree",
              {{"form", index % 4 == 0 ? "oral" : "written"},
               {"terms", "双方自愿达成协议：责任方承担维修及相关费用，于十日内履行完毕。"}},
              static_cast<int>(2 + rng() % 12))) {
      return Status::Ok();
    }
    ++report.agreed;
    if (story == 4) {
      step("record_confirmation",
           {{"court", district_name + "人民法院"},
            {"applied_on", date_in_china(std::min(at + 5 * kDay, o.now_ms)).to_string()}},
           5);
    }
    return Status::Ok();
  };
  for (size_t i = 0; i < std::size(kPeopleStories); ++i) {
    SHEGONG_RETURN_IF_ERROR(run(true, kPeopleStories[i], static_cast<int>(i)));
  }
  for (size_t i = 0; i < std::size(kOrganStories); ++i) {
    SHEGONG_RETURN_IF_ERROR(run(false, kOrganStories[i], static_cast<int>(i)));
  }
  clock.set_ms(o.now_ms);
  auto fired = engine.fire_due_timers(o.now_ms, 1000);
  if (!fired.ok()) return fired.status();
  return report;
}

}  // namespace shegong::disputes
