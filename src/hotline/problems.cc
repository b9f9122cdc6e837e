#include "hotline/problems.h"

#include "audit/audit_log.h"
#include "base/utf8.h"
#include "hotline/rates.h"
#include "hotline/units.h"

namespace shegong::hotline {

Result<Problem> load_problem(db::Session& s, int64_t id) {
  auto rows = s.query(
      "SELECT title, description, region_code, month, lead_unit_id FROM problems WHERE id = ?",
      {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no problem has the id " + std::to_string(id));
  const db::Row& r = (*rows)[0];
  Problem p{id, r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4), {}, {}};
  auto cases =
      s.query("SELECT case_id FROM problem_orders WHERE problem_id = ? ORDER BY case_id", {id});
  if (!cases.ok()) return cases.status();
  for (const db::Row& c : *cases) p.case_ids.push_back(c.integer(0));
  auto progress = s.query(
      "SELECT month, percent, note FROM problem_progress WHERE problem_id = ? ORDER BY month",
      {id});
  if (!progress.ok()) return progress.status();
  for (const db::Row& g : *progress) p.progress.push_back({g.text(0), g.integer(1), g.text(2)});
  return p;
}

Result<Problem> create_problem(db::Session& s, const Clock& clock, const auth::Principal& who,
                               Problem p) {
  if (p.title.empty() || p.title.size() > 200 || !is_valid_utf8(p.title)) {
    return Invalid("title", "a title of at most 200 bytes");
  }
  if (!is_valid_utf8(p.description) || p.description.size() > 20000) {
    return Invalid("description", "at most 20000 bytes of UTF-8");
  }
  if (!valid_period(p.month)) return Invalid("month", "YYYY-MM");
  if (!who.covers(p.region_code)) return Denied("the problem's area is outside your jurisdiction");
  auto unit = find_unit(s, p.lead_unit_id);
  if (!unit.ok()) return unit.status();
  if (!*unit)
    return Invalid("lead_unit_id", "no unit has the id " + std::to_string(p.lead_unit_id));
  auto rows = s.query(
      "INSERT INTO problems(title, description, region_code, lead_unit_id, month, created_at_ms) "
      "VALUES(?, ?, ?, ?, ?, ?) RETURNING id",
      {p.title, p.description, p.region_code, p.lead_unit_id, p.month, clock.now_ms()});
  if (!rows.ok()) return rows.status();
  p.id = (*rows)[0].integer(0);
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock, {who.actor(), "problem.create", "problem:" + std::to_string(p.id), p.title}));
  return load_problem(s, p.id);
}

namespace {

// A problem the caller may act on: one of their jurisdiction, or one their unit leads. Others are
// answered as missing, so that their existence does not leak.
Result<Problem> problem_in_reach(db::Session& s, const auth::Principal& who, int64_t id) {
  auto p = load_problem(s, id);
  if (!p.ok()) return p.status();
  if (!who.covers(p->region_code) && !(who.unit_id != 0 && who.unit_id == p->lead_unit_id)) {
    return NotFound("no problem has the id " + std::to_string(id));
  }
  return p;
}

}  // namespace

Result<Problem> link_orders(db::Session& s, const Clock& clock, const auth::Principal& who,
                            int64_t problem_id, const std::vector<int64_t>& case_ids) {
  auto p = problem_in_reach(s, who, problem_id);
  if (!p.ok()) return p.status();
  if (case_ids.empty()) return Invalid("order_ids", "link at least one order");
  for (int64_t id : case_ids) {
    auto c = s.query("SELECT region_code FROM cases WHERE id = ? AND kind = 'order'", {id});
    if (!c.ok()) return c.status();
    if (c->empty()) return Invalid("order_ids", "no order has the id " + std::to_string(id));
    if (!who.covers((*c)[0].text(0))) return Denied("an order is outside your jurisdiction");
    SHEGONG_RETURN_IF_ERROR(s.exec("INSERT INTO problem_orders(problem_id, case_id) VALUES(?, ?) "
                                   "ON CONFLICT DO NOTHING",
                                   {problem_id, id})
                                .status());
  }
  SHEGONG_RETURN_IF_ERROR(
      audit::append(s, clock,
                    {who.actor(), "problem.link", "problem:" + std::to_string(problem_id),
                     std::to_string(case_ids.size()) + " orders"}));
  return load_problem(s, problem_id);
}

Result<Problem> record_progress(db::Session& s, const Clock& clock, const auth::Principal& who,
                                int64_t problem_id, const std::string& month, int64_t percent,
                                const std::string& note) {
  auto p = problem_in_reach(s, who, problem_id);
  if (!p.ok()) return p.status();
  if (who.role != auth::Role::kAdmin && who.unit_id != p->lead_unit_id &&
      who.role != auth::Role::kDispatcher) {
    return Denied("progress is reported by the lead unit or the centre");
  }
  if (!valid_period(month)) return Invalid("month", "YYYY-MM");
  if (percent < 0 || percent > 100) return Invalid("percent", "from 0 to 100");
  if (note.empty() || !is_valid_utf8(note) || note.size() > 5000) {
    return Invalid("note", "what was done this month (at most 5000 bytes)");
  }
  SHEGONG_RETURN_IF_ERROR(
      s.exec("INSERT INTO problem_progress(problem_id, month, percent, note) VALUES(?, ?, ?, ?) "
             "ON CONFLICT(problem_id, month) DO UPDATE SET percent = excluded.percent, "
             "note = excluded.note",
             {problem_id, month, percent, note})
          .status());
  SHEGONG_RETURN_IF_ERROR(
      audit::append(s, clock,
                    {who.actor(), "problem.progress", "problem:" + std::to_string(problem_id),
                     month + ":" + std::to_string(percent)}));
  return load_problem(s, problem_id);
}

Result<std::vector<Problem>> list_problems(db::Session& s, std::string_view within) {
  std::string lo(within);
  auto rows = s.query(
      "SELECT id FROM problems WHERE region_code >= ? AND region_code < ? ORDER BY month DESC, id",
      {lo, lo + ":"});
  if (!rows.ok()) return rows.status();
  std::vector<Problem> out;
  for (const db::Row& r : *rows) {
    auto p = load_problem(s, r.integer(0));
    if (!p.ok()) return p.status();
    out.push_back(std::move(p).value());
  }
  return out;
}

}  // namespace shegong::hotline
