#include "petitions/demo_petitions.h"

#include <array>
#include <random>

#include "cases/demo_people.h"
#include "cases/engine.h"
#include "hotline/units.h"
#include "petitions/levels.h"
#include "petitions/petition_kind.h"
#include "petitions/registration.h"

namespace shegong::petitions {

namespace {

constexpr int64_t kDay = 86'400'000;

struct Matter {
  const char* category;
  const char* field;
  const char* subject;
  const char* content;
};

// Written for the product: typical matters of a district petition office.
constexpr std::array<Matter, 8> kMatters = {{
    {"申诉求决", "城乡建设", "老旧小区加装电梯补贴迟迟未发放",
     "我所在小区去年完成加装电梯，按照政策应当发放的补贴至今没有到位，多次到区住建委询问没有结果，"
     "请求依法发放补贴并说明拖延原因。"},
    {"申诉求决", "劳动和社会保障", "企业拖欠三个月工资",
     "我在一家装修公司工作，公司已拖欠三个月工资，劳动监察大队受理后一直没有处理结果，请求督促企业"
     "支付工资。"},
    {"申诉求决", "城乡建设", "平房改造中补偿标准不一致",
     "同一胡同的平房改造，邻居与我家面积相同，补偿款却相差很多，请求公开补偿标准并重新核定。"},
    {"申诉求决", "民政", "低保资格被取消未说明理由",
     "我家一直享受最低生活保障，今年突然被取消，街道没有书面说明理由，请求复核家庭经济状况。"},
    {"建议意见", "交通运输", "建议在学校门口增设接送车位",
     "每天上下学时间学校门口道路拥堵严重，建议在附近增设临时接送车位并安排交通协管员。"},
    {"建议意见", "生态环境", "建议公园增设垃圾分类投放点",
     "公园内只有普通垃圾桶，游客垃圾分类困难，建议在主要出入口增设分类投放点和宣传牌。"},
    {"检举控告", "纪检监察", "反映街道工作人员违规收取费用",
     "街道个别工作人员在办理临时占道许可时向商户收取费用且不开收据，请求调查处理。"},
    {"申诉求决", "市场监管", "预付卡商家关门拒不退款",
     "小区附近健身房突然关门，会员预付费无法退还，向市场监管部门反映后没有进展，请求协调退款。"},
}};

// A valid 18-digit ID number (GB 11643 check digit) for a made-up person of `region6`.
std::string id_number(const std::string& region6, std::mt19937_64& rng) {
  // One draw per statement: the operands of + are not evaluated in a fixed order.
  std::string body = region6 + std::to_string(1950 + rng() % 50) + "0";
  body += std::to_string(1 + rng() % 9) + "1";
  body += std::to_string(rng() % 9);
  body += std::to_string(100 + rng() % 900);
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * kWeights[i];
  return body + "10X98765432"[sum % 11];
}

Result<int64_t> existing_unit(db::Session& s, const std::string& region, const std::string& like) {
  auto found = s.query("SELECT id FROM units WHERE region_code = ? AND name LIKE ? LIMIT 1",
                       {region, "%" + like + "%"});
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFound("the hotline demo has no unit " + like + " in " + region);
  return (*found)[0].integer(0);
}

struct District {
  std::string code, name;
  int64_t office = 0, politics_law = 0, discipline = 0;
  std::map<std::string, int64_t> organ;  // field -> department
  std::vector<int64_t> streets;
};

// A reply to a suggestion (Art. 29), by `variant`: adopted in whole, in part (with the reasons) or
// not (with the reasons).
cases::Fields suggestion_reply(int variant) {
  cases::Fields in = {
      {"reply", "感谢您的建议，我们已会同有关部门研究，将在明年实施方案中统筹考虑。"}};
  switch (variant % 3) {
    case 0:
      in["adoption"] = "adopted";
      break;
    case 1:
      in["adoption"] = "partly_adopted";
      in["adoption_reasons"] =
          "建议中的增设设施部分已采纳并列入年度计划；其余事项受场地条件所限，暂不采纳。";
      break;
    default:
      in["adoption"] = "not_adopted";
      in["adoption_reasons"] = "经现场勘查，该处不具备设置条件，相关部门已有替代方案正在实施。";
  }
  return in;
}

}  // namespace

Result<DemoPetitionReport> generate_demo_petitions(db::Db& db, const crypto::SecretBox& box,
                                                   const regions::RegionTree& tree,
                                                   const HolidayCalendar& calendar,
                                                   const DemoPetitionOptions& o) {
  auto city = tree.find(o.city);
  if (!city) return Invalid("city", "no city has the code " + o.city);
  const std::string province(regions::parent_of(o.city));
  const auto province_ref = tree.find(province);
  if (!province_ref) {
    return Invalid("city", "the province " + province + " of the city " + o.city +
                               " is not in the region tree");
  }
  const std::string province_name(province_ref->name);
  std::vector<District> districts;
  int64_t city_organ = 0;
  std::string city_organ_region;
  Status st = db.write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(
        hotline::ensure_unit(s, province, province_name + "信访办公室", "petition_office")
            .status());
    // The 复查 organ above the districts' organs: the city's, or in a municipality, whose 1101
    // only groups districts in the region code, the municipality's.
    const std::string above =
        is_code_only_level(o.city) ? administrative_parent(o.city) : std::string(o.city);
    const auto above_ref = tree.find(above);
    const std::string above_name = above_ref ? std::string(above_ref->name) : province_name;
    auto organ =
        hotline::ensure_unit(s, above, above_name + "住房和城乡建设委员会（复查）", "department");
    if (!organ.ok()) return organ.status();
    city_organ = *organ;
    city_organ_region = above;
    for (const auto& d : tree.children(o.city)) {
      District out;
      out.code = std::string(d.code);
      out.name = std::string(d.name);
      const std::string& name = out.name;
      auto office = hotline::ensure_unit(s, out.code, name + "信访办公室", "petition_office");
      auto pl = hotline::ensure_unit(s, out.code, "中共" + name + "委政法委员会", "politics_law");
      auto dc = hotline::ensure_unit(s, out.code, name + "纪委监委", "discipline");
      if (!office.ok()) return office.status();
      if (!pl.ok()) return pl.status();
      if (!dc.ok()) return dc.status();
      // The district's party committee and its organisation department, told of accusations
      // about leading cadres (Art. 30) and, the committee, of major petitions (Art. 25).
      SHEGONG_RETURN_IF_ERROR(
          hotline::ensure_unit(s, out.code, "中共" + name + "委员会", "party_committee").status());
      SHEGONG_RETURN_IF_ERROR(
          hotline::ensure_unit(s, out.code, "中共" + name + "委组织部", "organisation").status());
      out.office = *office;
      out.politics_law = *pl;
      out.discipline = *dc;
      for (auto [field, suffix] : std::initializer_list<std::pair<const char*, const char*>>{
               {"城乡建设", "住房和城乡建设委员会"},
               {"劳动和社会保障", "人力资源和社会保障局"},
               {"民政", "民政局"},
               {"交通运输", "交通委员会"},
               {"生态环境", "生态环境局"},
               {"市场监管", "市场监督管理局"}}) {
        auto u = existing_unit(s, out.code, suffix);
        if (!u.ok()) return u.status();
        out.organ[field] = *u;
      }
      auto streets = s.query(
          "SELECT id FROM units WHERE kind = 'street' AND region_code >= ? AND "
          "region_code < ? ORDER BY id",
          {out.code, out.code + ":"});
      if (!streets.ok()) return streets.status();
      for (const db::Row& r : *streets) out.streets.push_back(r.integer(0));
      if (!out.streets.empty()) districts.push_back(std::move(out));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (districts.empty()) return Invalid("city", "run the hotline demo first: no street offices");

  ManualClock clock(0);
  cases::Engine engine(db, clock);
  engine.add_kind(petition_kind(calendar));
  std::mt19937_64 rng(o.seed);
  DemoPetitionReport report;
  int supported_answers = 0;  // route (6) answers that supported the request, in turn
  auto staff = [](int64_t unit, const std::string& region) {
    return auth::Principal{0, "demo", auth::Role::kDepartmentStaff, region, false, {}, unit};
  };
  for (int64_t i = 0; i < o.count; ++i) {
    const Matter& m = kMatters[rng() % kMatters.size()];
    // The first districts get most of them, as petitions cluster where the city is densest.
    const District& d = districts[std::min<size_t>(rng() % 4, districts.size() - 1)];
    int64_t received = o.now_ms - static_cast<int64_t>(rng() % 75) * kDay;
    received -= static_cast<int64_t>(rng() % 8) * 3'600'000;
    clock.set_ms(received);
    NewPetition p;
    p.channel =
        std::array<const char*, 5>{"online", "letter", "phone", "visit", "online"}[rng() % 5];
    p.category = m.category;
    p.field = m.field;
    p.subject = m.subject;
    p.content = m.content;
    if (p.channel == "phone" || p.channel == "visit")
      p.summary = std::string("来访（来电）人口述：") + m.content;
    auto communities = tree.children(d.code + std::string("001"));
    p.region_code = communities.empty() ? d.code : std::string(communities[0].code);
    p.petitioner = {cases::demo_person_name(rng),
                    id_number(d.code, rng),
                    cases::demo_mobile(rng),
                    d.name + "某小区" + std::to_string(1 + rng() % 20) + "号楼",
                    {}};
    p.unit_id = d.office;
    p.competent_unit_id = d.organ.count(m.field) ? d.organ.at(m.field) : d.organ.begin()->second;
    if (std::string(m.category) == "检举控告") {
      p.accused_unit_id = d.streets[rng() % d.streets.size()];
      p.discipline_matter = true;
    }
    int64_t id = 0;
    Status one = db.write([&](db::Session& s) {
      auto c = register_petition(s, engine, calendar, box, tree, p, "demo");
      if (!c.ok()) return c.status();
      id = c->id;
      return Status::Ok();
    });
    if (!one.ok()) return one;
    ++report.petitions;
    // Each later step happens some days on, if that day has come; a step the calendar cannot
    // date (a deadline in a year not yet published) is left undone.
    int64_t at = received;
    auto step = [&](const char* action, const auth::Principal& who, cases::Fields in,
                    int days) -> bool {
      at += days * kDay + static_cast<int64_t>(rng() % 6) * 3'600'000;
      if (at > o.now_ms) return false;
      clock.set_ms(at);
      return engine.apply(id, action, &who, in).ok();
    };
    auto office = staff(d.office, d.code);
    if (p.discipline_matter) {
      step("route", office, {{"route", "discipline"}, {"unit_id", std::to_string(d.discipline)}},
           static_cast<int>(2 + rng() % 5));
      continue;
    }
    int64_t organ_id = p.competent_unit_id;
    auto organ = staff(organ_id, d.code);
    bool assign = rng() % 4 == 0;
    cases::Fields route = {{"route", assign ? "assign" : "transfer"},
                           {"unit_id", std::to_string(organ_id)}};
    if (assign) route["report_due_on"] = date_in_china(at + 40 * kDay).to_string();
    if (rng() % 10 == 0) continue;  // not yet routed: some of these are overdue
    if (!step("route", office, route, static_cast<int>(1 + rng() % 8))) continue;
    std::string track = std::string(m.category) == "建议意见" ? "suggestion" : "opinion";
    if (rng() % 12 == 0 ||
        !step("accept", organ, {{"track", track}}, static_cast<int>(1 + rng() % 16))) {
      ++report.in_progress;
      continue;
    }
    int answer_days = static_cast<int>(15 + rng() % 50);
    bool supported = rng() % 3 != 0;
    bool answered =
        track == "suggestion"
            ? step("reply", organ, suggestion_reply(answer_days), static_cast<int>(10 + rng() % 40))
            : step("issue_opinion", organ,
                   {{"request", m.subject},
                    {"facts_reasons", "经调查核实，信访人反映的情况基本属实，相关手续正在办理。"},
                    {"decision", supported ? "support" : "explain"},
                    {"legal_basis", "《信访工作条例》第三十一条、第三十二条及有关政策规定"}},
                   answer_days);
    if (!answered) {
      ++report.in_progress;
      continue;
    }
    ++report.answered;
    if (assign) step("file_report", organ, {{"report", "已按要求办结，信访人表示认可。"}}, 2);
    // Art. 32: of the supported decisions, one in three carried out in part, one still waiting,
    // one carried out in full; the petitioners of explained decisions told why.
    auto follow_up = [&](const char* action, cases::Fields in, int days) {
      if (at + days * kDay > o.now_ms) return;
      at += days * kDay;
      clock.set_ms(at);
      (void)engine.apply(id, action, &organ, std::move(in));
    };
    if (track == "opinion" && supported) {
      int turn = supported_answers++ % 3;
      if (turn != 1) {
        follow_up("record_implementation",
                  {{"measures", turn == 2 ? "已会同有关单位办理完毕，信访人反映的问题已解决。"
                                          : "已制定整改方案，正在组织实施。"},
                   {"complete", turn == 2 ? "yes" : "no"}},
                  3);
      }
    }
    if (track == "opinion" && !supported) {
      follow_up("record_guidance",
                {{"note", "已当面向信访人说明有关政策规定和办理情况，信访人表示理解。"}}, 2);
    }
    if (track == "opinion" && rng() % 4 == 0) {
      step("request_review", staff(city_organ, city_organ_region),
           {{"unit_id", std::to_string(city_organ)}}, static_cast<int>(5 + rng() % 20));
    }
  }
  return report;
}

}  // namespace shegong::petitions
