#include "suggestions/demo_suggestions.h"

#include <array>
#include <random>

#include "base/clock.h"
#include "cases/demo_people.h"
#include "cases/engine.h"
#include "cases/profile.h"
#include "hotline/units.h"
#include "suggestions/collections.h"
#include "suggestions/registration.h"
#include "suggestions/suggestion_kind.h"

namespace shegong::suggestions {

namespace {

constexpr int64_t kDay = 86'400'000;

struct Idea {
  const char* subject;
  const char* reasons;
  const char* measures;
  const char* field;
};

// Routine suggestions of the kind residents send.
constexpr Idea kIdeas[] = {
    {"建议在社区增设电动自行车集中充电棚",
     "居民楼道内飞线充电现象较多，存在火灾隐患，现有充电点不足。",
     "利用小区空地建设集中充电棚，安装智能计费和烟感报警装置，由物业统一管理。", "城乡建设"},
    {"建议延长社区老年餐桌供餐时间", "部分老人午睡后错过供餐时间，晚餐没有着落。",
     "老年餐桌增加晚餐供应，并提供送餐上门服务，费用按现行标准补贴。", "民政"},
    {"建议在学校周边设置上下学临时停车区", "上下学时段家长车辆占道停放，造成拥堵和安全隐患。",
     "在学校周边道路划设限时停车泊位，安排交通协管员疏导。", "交通运输"},
    {"建议公园增设夜间照明和健身步道", "傍晚散步的居民较多，公园部分路段照明不足。",
     "在公园环路补装节能路灯，铺设塑胶健身步道，设置里程标识。", "城乡建设"},
    {"建议推行垃圾分类积分兑换", "居民参与垃圾分类的积极性不高，分类准确率有待提高。",
     "设立积分制度，正确投放可累积积分，在社区超市兑换生活用品。", "生态环境"},
    {"建议为老旧小区增设无障碍坡道", "不少单元门口有台阶，坐轮椅的老人出行十分不便。",
     "在单元入口加装无障碍坡道和扶手，纳入老旧小区改造计划。", "城乡建设"},
    {"建议社区卫生服务站开设周末门诊", "上班族工作日无法就诊，周末只能去大医院排队。",
     "社区卫生服务站周六上午开设全科门诊，实行轮班制。", "卫生健康"},
    {"建议增加早晚高峰公交班次", "早高峰公交车拥挤，候车时间超过二十分钟。",
     "在早晚高峰加密发车班次，开通社区至地铁站的微循环线路。", "交通运输"},
    {"建议设立快递外卖骑手暖心驿站", "骑手在户外等单，冬天寒冷夏天炎热，缺少休息和饮水的地方。",
     "依托社区服务站设立骑手驿站，提供饮水、充电、热饭和休息座椅。", "民政"},
    {"建议规范共享单车停放区域", "地铁口共享单车堆积，占用盲道和人行道。",
     "施划共享单车停放电子围栏，企业定时调度清运。", "交通运输"},
};

// Personal demands sent as suggestions: redirected (Art. 10).
constexpr Idea kDemands[] = {
    {"请帮我追讨被拖欠的工资", "公司拖欠我三个月工资，多次讨要无果。", "建议有关部门帮我追回工资。",
     "劳动和社会保障"},
    {"请帮我解决邻居噪音扰民问题", "楼上邻居每天深夜跳绳，严重影响休息。", "建议社区出面给我协调。",
     "城乡建设"},
};

}  // namespace

Result<DemoSuggestionReport> generate_demo_suggestions(db::Db& db, const crypto::SecretBox& box,
                                                       const regions::RegionTree& tree,
                                                       const DemoSuggestionOptions& o) {
  auto district = tree.find(o.district);
  if (!district) return Invalid("district", "no region has the code " + o.district);
  const std::string name(district->name);
  int64_t office = 0, organ = 0;
  Status st = db.write([&](db::Session& s) {
    auto o1 = hotline::ensure_unit(s, o.district, name + "人民建议征集办公室", "department");
    if (!o1.ok()) return o1.status();
    office = *o1;
    auto o2 = hotline::unit_named(s, o.district, name + "住房和城乡建设委员会");
    if (!o2.ok()) return o2.status();
    organ = *o2;
    // Citizens' own suggestions from the portal go to the office.
    return cases::set_profile(s, o.district, "suggestion.office_unit", std::to_string(office));
  });
  if (!st.ok()) return st;

  ManualClock clock(0);
  cases::Engine engine(db, clock);
  engine.add_kind(suggestion_kind());
  std::mt19937_64 rng(o.seed);
  const auth::Principal office_staff{0,  "demo", auth::Role::kDepartmentStaff, o.district, false,
                                     {}, office};
  const auth::Principal organ_staff{0,  "demo", auth::Role::kDepartmentStaff, o.district, false,
                                    {}, organ};
  auto communities = tree.children(o.district + "001");
  const std::string region = communities.empty() ? o.district : std::string(communities[0].code);
  DemoSuggestionReport report;

  auto collection = [&](const char* topic, const char* description, int opens_ago,
                        int closes_in) -> Result<Collection> {
    clock.set_ms(o.now_ms - opens_ago * kDay);
    Result<Collection> c = Internal("not run");
    Status made = db.write([&](db::Session& s) {
      NewCollection n;
      n.unit_id = office;
      n.topic = topic;
      n.description = description;
      n.submission_method = "在门户网站“人民建议征集”栏目在线提交，或致电12345热线，或来信寄至" +
                            name + "人民建议征集办公室。";
      n.closes_on = date_in_china(o.now_ms + closes_in * kDay);
      c = create_collection(s, clock, n, "demo");
      return c.status();
    });
    if (!made.ok()) return made;
    ++report.collections;
    return c;
  };
  auto closed = collection(
      "老旧小区加装电梯建议征集",
      "围绕老旧小区加装电梯的选址、费用分摊、低楼层住户补偿等问题，征集居民意见建议。", 80, -35);
  if (!closed.ok()) return closed.status();
  auto open =
      collection("背街小巷环境精细化治理建议征集",
                 "围绕背街小巷的停车秩序、绿化美化、夜间照明和门前三包，征集意见建议。", 20, 25);
  if (!open.ok()) return open.status();

  // One suggestion: registered at `received`, then each step some days on if that day has come.
  auto file = [&](const Idea& idea, int64_t received, int64_t collection_id,
                  const char* channel) -> Result<int64_t> {
    clock.set_ms(received);
    NewSuggestion n;
    n.channel = channel;
    n.subject = idea.subject;
    n.reasons = idea.reasons;
    n.measures = idea.measures;
    n.field = idea.field;
    n.region_code = region;
    n.collection_id = collection_id;
    n.unit_id = office;
    const std::string person = cases::demo_person_name(rng);
    n.proposer = {"person", person, cases::demo_mobile(rng), "", name + "某社区"};
    int64_t id = 0;
    Status one = db.write([&](db::Session& s) {
      auto c = register_suggestion(s, engine, box, tree, n, "demo");
      if (!c.ok()) return c.status();
      id = c->id;
      return Status::Ok();
    });
    if (!one.ok()) return one;
    ++report.suggestions;
    return id;
  };
  auto step = [&](int64_t id, int64_t& at, int days, const auth::Principal& who, const char* action,
                  cases::Fields in) -> bool {
    at += days * kDay + static_cast<int64_t>(rng() % 6) * 3'600'000;
    if (at > o.now_ms) return false;
    clock.set_ms(at);
    return engine.apply(id, action, &who, in).ok();
  };
  auto evaluate = [&](int64_t id, int64_t& at, int days) -> bool {
    int roll = static_cast<int>(rng() % 10);
    cases::Fields in;
    if (roll < 4) {
      in = {{"adoption", "adopted"},
            {"reasons", "建议具有可行性，已纳入年度工作计划。"},
            {"conversion", roll == 0 ? "policy" : "work_improvement"}};
    } else if (roll < 7) {
      in = {{"adoption", "partly_adopted"},
            {"reasons", "建议部分可行，受场地和资金限制，分步实施。"},
            {"conversion", "decision_reference"}};
    } else {
      in = {{"adoption", "not_adopted"}, {"reasons", "相关工作已在推进，暂不另行安排。"}};
    }
    return step(id, at, days, office_staff, "evaluate", in);
  };

  // The closed collection: suggestions during its period (two after it closed), all evaluated,
  // then answered together by the published results.
  for (int i = 0; i < 9; ++i) {
    int64_t received = o.now_ms - (78 - static_cast<int64_t>(rng() % 44)) * kDay;
    if (i >= 7) received = o.now_ms - (33 - i) * kDay;  // late
    auto id =
        file(kIdeas[(i * 3) % std::size(kIdeas)], received, closed->id, i % 3 ? "web" : "app");
    if (!id.ok()) return id.status();
    int64_t at = received;
    if (step(*id, at, 2, office_staff, "accept", {})) evaluate(*id, at, 5);
  }
  clock.set_ms(o.now_ms - 20 * kDay);
  Status published = db.write([&](db::Session& s) {
    auto n = publish_results(
        s, engine, closed->id,
        "本次征集共收到建议9件，其中采纳和部分采纳的建议已纳入加装电梯工作方案。", office_staff);
    return n.status();
  });
  if (!published.ok()) return published;

  // The open collection: recent suggestions, some accepted.
  for (int i = 0; i < 6; ++i) {
    int64_t received = o.now_ms - static_cast<int64_t>(1 + rng() % 18) * kDay;
    auto id = file(kIdeas[(i * 7 + 1) % std::size(kIdeas)], received, open->id, "web");
    if (!id.ok()) return id.status();
    int64_t at = received;
    if (i % 2 == 0) step(*id, at, 1, office_staff, "accept", {});
  }

  // Routine suggestions of the last two months.
  for (int i = 0; i < 20; ++i) {
    const int64_t days_ago = static_cast<int64_t>(rng() % 60);
    int64_t received = o.now_ms - days_ago * kDay - static_cast<int64_t>(rng() % 8) * 3'600'000;
    const bool demand = i % 9 == 4;
    const Idea& idea =
        demand ? kDemands[i % std::size(kDemands)] : kIdeas[rng() % std::size(kIdeas)];
    auto id = file(idea, received, 0, i % 4 == 0 ? "hotline" : i % 4 == 1 ? "letter" : "web");
    if (!id.ok()) return id.status();
    int64_t at = received;
    if (demand) {
      step(*id, at, 1, office_staff, "redirect",
           {{"reason", "personal_demand"},
            {"method", "phone"},
            {"reply", "您反映的是个人诉求，不属于人民建议，已告知可拨打12345热线反映。"}});
      continue;
    }
    if (i % 7 == 3) continue;  // waiting; an older one is overdue
    const auth::Principal* holder = &office_staff;
    if (organ != 0 && i % 5 == 2) {
      if (!step(*id, at, 1, office_staff, "transfer",
                {{"unit_id", std::to_string(organ)}, {"reason", "属住房城乡建设部门职责"}})) {
        continue;
      }
      holder = &organ_staff;
    }
    if (!step(*id, at, static_cast<int>(1 + rng() % 5), *holder, "accept", {})) continue;
    if (i % 3 == 0) {
      step(*id, at, 3, *holder, "record_study",
           {{"method", "site_visit"},
            {"note", "实地查看，听取建议人和周边居民意见。"},
            {"proposer_invited", "yes"},
            {"held_on", date_in_china(at + 3 * kDay).to_string()}});
    }
    at += static_cast<int64_t>(rng() % 10) * kDay;
    if (at > o.now_ms) continue;
    clock.set_ms(at);
    auto c = engine.apply(*id, "evaluate", holder,
                          {{"adoption", i % 2 ? "adopted" : "partly_adopted"},
                           {"reasons", "建议具有可行性，结合年度计划分步实施。"},
                           {"conversion", "work_improvement"}});
    if (!c.ok()) continue;
    if (!step(*id, at, static_cast<int>(2 + rng() % 6), *holder, "feedback",
              {{"method", i % 2 ? "sms" : "letter"},
               {"text", "感谢您的建议，经研究已予采纳，将结合实际抓好落实。"}})) {
      continue;
    }
    if (i % 4 == 1) {
      step(*id, at, 2, *holder, "reward", {{"kind", "certificate"}, {"note", "优秀人民建议证书"}});
    }
  }
  // Timers that came due in simulated time (acceptances left undone) mark those overdue.
  clock.set_ms(o.now_ms);
  auto fired = engine.fire_due_timers(o.now_ms, 1000);
  if (!fired.ok()) return fired.status();
  Status counted = db.read([&](db::Session& s) {
    auto rows = s.query(
        "SELECT count(*) FROM cases WHERE kind = 'suggestion' AND state IN ('closed', "
        "'redirected')");
    if (!rows.ok()) return rows.status();
    report.answered = (*rows)[0].integer(0);
    return Status::Ok();
  });
  if (!counted.ok()) return counted;
  return report;
}

}  // namespace shegong::suggestions
