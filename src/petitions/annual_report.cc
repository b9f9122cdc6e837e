#include "petitions/annual_report.h"

#include <algorithm>

#include "base/calendar.h"

namespace shegong::petitions {

namespace {

std::vector<std::pair<std::string, int64_t>> counted(db::Session& s, const std::string& sql,
                                                     const db::Params& params, Status& st) {
  std::vector<std::pair<std::string, int64_t>> out;
  auto rows = s.query(sql, params);
  if (!rows.ok()) {
    st = rows.status();
    return out;
  }
  for (const db::Row& r : *rows) out.emplace_back(r.text(0), r.integer(1));
  return out;
}

}  // namespace

Result<AnnualReport> annual_report(db::Session& s, const std::string& region, int year) {
  if (year < 2000 || year > 2100) return Invalid("year", "a year from 2000 to 2100");
  AnnualReport r;
  r.year = year;
  r.region_code = region;
  int64_t from = china_start_of_day_ms(Date::from_ymd(year, 1, 1));
  int64_t to = china_start_of_day_ms(Date::from_ymd(year + 1, 1, 1));
  const std::string in_scope =
      " FROM cases WHERE kind = 'petition' AND region_code >= ? AND region_code < ? AND "
      "received_at_ms >= ? AND received_at_ms < ?";
  db::Params p = {region, region + ":", from, to};
  Status st = Status::Ok();
  for (auto& [key, column] : std::vector<std::pair<std::map<std::string, int64_t>*, std::string>>{
           {&r.by_channel, "channel"}, {&r.by_category, "type"}, {&r.by_state, "state"}}) {
    for (auto& [k, n] :
         counted(s, "SELECT " + column + ", count(*)" + in_scope + " GROUP BY 1", p, st)) {
      (*key)[k] = n;
    }
  }
  r.fields =
      counted(s, "SELECT category, count(*)" + in_scope + " GROUP BY 1 ORDER BY 2 DESC, 1", p, st);
  r.most_complained = counted(
      s,
      "SELECT u.name, count(DISTINCT pp.case_id) FROM petition_parties pp JOIN units u ON u.id = "
      "pp.unit_id WHERE pp.role = 'about' AND pp.case_id IN (SELECT id" +
          in_scope + ") GROUP BY u.id ORDER BY 2 DESC, 1 LIMIT 10",
      p, st);
  for (const auto& [state, n] : r.by_state) {
    r.received += n;
    if (state == "not_accepted") r.not_accepted += n;
    if (state == "redirected") r.redirected += n;
  }
  // Steps taken during the year on petitions of the area, from the timeline.
  auto steps = counted(
      s,
      "SELECT CASE WHEN e.action = 'route' THEN 'route:' || json_extract(e.data, '$.route') "
      "ELSE e.action END, count(*) FROM case_events e JOIN cases c ON c.id = e.case_id "
      "WHERE c.kind = 'petition' AND c.region_code >= ? AND c.region_code < ? AND e.at_ms >= ? "
      "AND e.at_ms < ? AND e.action IN ('route', 'accept', 'notify_receipt', 'issue_opinion', "
      "'reply', 'settle') GROUP BY 1",
      p, st);
  for (const auto& [step, n] : steps) {
    if (step == "route:transfer") r.transfers = n;
    if (step == "route:assign") r.assignments = n;
    if (step == "route:report") r.reports_for_decision = n;
    if (step == "route:politics_law") r.to_politics_law = n;
    if (step == "route:discipline") r.to_discipline = n;
    if (step == "accept" || step == "notify_receipt") r.accepted += n;
    if (step == "issue_opinion" || step == "reply" || step == "settle") r.answered += n;
  }
  auto sup = s.query(
      "SELECT count(*), count(answered_at_ms), coalesce(sum(adopted), 0) FROM "
      "petition_supervisions ps JOIN cases c ON c.id = ps.case_id WHERE c.region_code >= ? AND "
      "c.region_code < ? AND ps.issued_at_ms >= ? AND ps.issued_at_ms < ?",
      p);
  if (!sup.ok()) return sup.status();
  r.supervisions = (*sup)[0].integer(0);
  r.recommendations_answered = (*sup)[0].integer(1);
  r.recommendations_adopted = (*sup)[0].integer(2);
  if (!st.ok()) return st;
  return r;
}

std::vector<documents::Sheet> annual_report_sheets(const AnnualReport& r,
                                                   const std::string& office_name) {
  using documents::Cell;
  auto n = [](int64_t v) { return Cell(static_cast<double>(v)); };
  std::vector<documents::Sheet> out;
  documents::Sheet totals{"统计", {"项目", "数量"}, {}};
  totals.rows.push_back(
      {Cell(office_name + " " + std::to_string(r.year) + "年度信访工作报告"), Cell(std::string())});
  for (const auto& [label, v] :
       std::vector<std::pair<std::string, int64_t>>{{"登记信访事项", r.received},
                                                    {"受理（含告知）", r.accepted},
                                                    {"办结答复", r.answered},
                                                    {"不予受理", r.not_accepted},
                                                    {"引导逐级走访", r.redirected}}) {
    totals.rows.push_back({Cell(label), n(v)});
  }
  for (const auto& [k, v] : r.by_channel) totals.rows.push_back({Cell("渠道：" + k), n(v)});
  for (const auto& [k, v] : r.by_category) totals.rows.push_back({Cell("类别：" + k), n(v)});
  for (const auto& [k, v] : r.by_state) totals.rows.push_back({Cell("状态：" + k), n(v)});
  out.push_back(std::move(totals));

  documents::Sheet fields{"涉及领域", {"领域", "数量"}, {}};
  for (const auto& [k, v] : r.fields) fields.rows.push_back({Cell(k), n(v)});
  out.push_back(std::move(fields));

  documents::Sheet organs{"反映较多的机关", {"机关", "信访事项数"}, {}};
  for (const auto& [k, v] : r.most_complained) organs.rows.push_back({Cell(k), n(v)});
  out.push_back(std::move(organs));

  documents::Sheet routing{"转送交办督办", {"项目", "数量"}, {}};
  for (const auto& [label, v] :
       std::vector<std::pair<std::string, int64_t>>{{"转送", r.transfers},
                                                    {"交办", r.assignments},
                                                    {"报请决定", r.reports_for_decision},
                                                    {"转政法", r.to_politics_law},
                                                    {"转纪检监察", r.to_discipline},
                                                    {"督办", r.supervisions}}) {
    routing.rows.push_back({Cell(label), n(v)});
  }
  out.push_back(std::move(routing));

  documents::Sheet advice{"建议及采纳", {"项目", "数量"}, {}};
  advice.rows.push_back({Cell("提出改进建议"), n(r.supervisions)});
  advice.rows.push_back({Cell("已书面答复"), n(r.recommendations_answered)});
  advice.rows.push_back({Cell("被采纳"), n(r.recommendations_adopted)});
  out.push_back(std::move(advice));
  return out;
}

}  // namespace shegong::petitions
