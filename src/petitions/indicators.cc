#include "petitions/indicators.h"

#include <map>
#include <nlohmann/json.hpp>

#include "base/calendar.h"
#include "cases/profile.h"

namespace shegong::petitions {

Result<std::pair<int64_t, int64_t>> month_range(const std::string& period, const char* field) {
  auto first = Date::parse(period.size() == 7 ? period + "-01" : std::string("x"));
  if (!first.ok()) return Invalid(field, "a month YYYY-MM");
  int y = first->year();
  unsigned m = first->month();
  Date next = m == 12 ? Date::from_ymd(y + 1, 1, 1) : Date::from_ymd(y, m + 1, 1);
  return std::pair{china_start_of_day_ms(*first), china_start_of_day_ms(next)};
}

Result<std::vector<OrganIndicators>> monthly_indicators(db::Session& s, const std::string& period,
                                                        const std::string& within) {
  auto range = month_range(period, "period");
  if (!range.ok()) return range.status();
  auto [from, to] = *range;
  auto satisfied_list =
      cases::profile_value(s, within, "petition.satisfied_ratings", "满意,基本满意");
  if (!satisfied_list.ok()) return satisfied_list.status();
  std::string satisfied_csv = "," + *satisfied_list + ",";
  // One pass over the month's petition events, grouped per organ.
  auto rows = s.query(
      "SELECT e.unit_id, u.name, e.action, e.at_ms, e.data, e.case_id FROM case_events e "
      "JOIN cases c ON c.id = e.case_id JOIN units u ON u.id = e.unit_id "
      "WHERE c.kind = 'petition' AND u.region_code >= ? AND u.region_code < ? AND e.action IN "
      "('accept', 'acceptance_overdue', 'notify_receipt', 'notice_overdue', 'issue_opinion', "
      "'reply', 'settle', 'handling_overdue', 'review_opinion', 'review_overdue', "
      "'re_review_opinion', "
      "'re_review_overdue', 'rate') "
      "AND ((e.at_ms >= ? AND e.at_ms < ?) OR "
      "(CAST(json_extract(e.data, '$.due_ms') AS BIGINT) >= ? AND "
      "CAST(json_extract(e.data, '$.due_ms') AS BIGINT) < ?) OR e.action = 'rate') ORDER BY e.id",
      {within, within + ":", from, to, from, to});
  if (!rows.ok()) return rows.status();
  std::map<int64_t, OrganIndicators> by_unit;
  // Per case, the last word on each step: an acceptance or answer replaces an overdue mark.
  struct Step {
    int64_t unit = 0;
    bool done = false, in_time = false;
  };
  // An acceptance step per case and organ (the organ that received it directly notifies, the one
  // it was sent to accepts); an answer step per case and stage (0 the answer, 1 the 复查 opinion,
  // 2 the 复核 opinion), each rated on its own.
  using Key = std::pair<int64_t, int64_t>;
  std::map<Key, Step> acceptances, answers_due;
  std::map<Key, int64_t> answered_in_month;          // (case, stage) -> unit
  std::vector<std::pair<Key, std::string>> ratings;  // (case, stage), rating
  auto stage_of = [](const std::string& action) -> int64_t {
    if (action.starts_with("re_review")) return 2;
    if (action.starts_with("review")) return 1;
    return 0;
  };
  for (const db::Row& r : *rows) {
    int64_t unit = r.integer(0), case_id = r.integer(5), at = r.integer(3);
    by_unit[unit].unit_id = unit;
    by_unit[unit].unit_name = r.text(1);
    std::string action = r.text(2);
    nlohmann::json data = nlohmann::json::parse(r.text(4), nullptr, false);
    if (!data.is_object()) data = nlohmann::json::object();
    int64_t due_ms = data.value("due_ms", int64_t{0});
    bool in_time = data.value("in_time", false);
    bool counted = due_ms != 0 ? (due_ms >= from && due_ms < to) : (at >= from && at < to);
    bool late = action.ends_with("_overdue");
    // Receipt notices and 复查/复核 opinions recorded before they carried their timeliness (and,
    // for a notice that sent the petition on, the right organ) are left out, not counted late.
    if ((action == "notify_receipt" || action == "review_opinion" ||
         action == "re_review_opinion") &&
        !data.contains("in_time")) {
      continue;
    }
    if (action == "rate") {
      std::string answer = data.value("answer", "answer");
      ratings.push_back({{case_id, answer == "re_review" ? 2
                                   : answer == "review"  ? 1
                                                         : 0},
                         data.value("rating", "")});
    } else if (action == "accept" || action == "acceptance_overdue" || action == "notify_receipt" ||
               action == "notice_overdue") {
      if (!counted) continue;
      Step& step = acceptances[{case_id, unit}];
      if (step.done) continue;
      step = {unit, !late, !late && in_time};
    } else {  // the answers and their overdue marks
      Key key{case_id, stage_of(action)};
      if (!late && at >= from && at < to) answered_in_month[key] = unit;
      if (!counted) continue;
      Step& step = answers_due[key];
      if (step.done) continue;
      step = {unit, !late, !late && in_time};
    }
  }
  for (const auto& [key, step] : acceptances) {
    ++by_unit[step.unit].acceptances_due;
    if (step.in_time) ++by_unit[step.unit].accepted_in_time;
  }
  for (const auto& [key, step] : answers_due) {
    ++by_unit[step.unit].answers_due;
    if (step.in_time) ++by_unit[step.unit].answered_in_time;
  }
  for (const auto& [key, unit] : answered_in_month) ++by_unit[unit].answers;
  for (const auto& [key, rating] : ratings) {
    auto it = answered_in_month.find(key);
    if (it == answered_in_month.end()) continue;
    OrganIndicators& o = by_unit[it->second];
    ++o.rated;
    if (satisfied_csv.find("," + rating + ",") != std::string::npos) ++o.satisfied;
  }
  std::vector<OrganIndicators> out;
  auto ratio = [](int64_t n, int64_t d) -> std::optional<double> {
    if (d == 0) return std::nullopt;
    return static_cast<double>(n) / static_cast<double>(d);
  };
  for (auto& [unit, o] : by_unit) {
    o.timely_acceptance = ratio(o.accepted_in_time, o.acceptances_due);
    o.on_time_closing = ratio(o.answered_in_time, o.answers_due);
    o.participation = ratio(o.rated, o.answers);
    o.satisfaction = ratio(o.satisfied, o.rated);
    out.push_back(o);
  }
  return out;
}

}  // namespace shegong::petitions
