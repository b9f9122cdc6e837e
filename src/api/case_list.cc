#include "api/case_list.h"

#include "cases/engine.h"
#include "http/error_response.h"

namespace shegong::api {

Result<cases::CaseRecord> readable_case(db::Session& s, const auth::Principal& p, int64_t id,
                                        std::string_view kind, std::string_view noun) {
  auto c = cases::load_case(s, id);
  if (!c.ok()) return c.status();
  auto missing = NotFound("no " + std::string(noun) + " has the id " + std::to_string(id));
  if (!*c || (*c)->kind != kind) return missing;
  auto units = cases::case_units(s, **c);
  if (!units.ok()) return units.status();
  if (!cases::can_read(p, **c, *units)) return missing;
  return std::move(**c);
}

namespace {

// The cases among `page` that `unit` leads, holds or held (cases::case_units), in one query.
Status read_held(db::Session& s, int64_t unit, const std::vector<cases::CaseRecord>& page,
                 std::unordered_set<int64_t>& held) {
  if (unit == 0 || page.empty()) return Status::Ok();
  std::string sql = "SELECT DISTINCT case_id FROM case_units WHERE unit_id = ? AND case_id IN (";
  db::Params params = {unit};
  for (const cases::CaseRecord& c : page) {
    if (c.lead_unit_id == unit) held.insert(c.id);
    sql += params.size() == 1 ? "?" : ", ?";
    params.push_back(c.id);
  }
  auto rows = s.query(sql + ")", params);
  if (!rows.ok()) return rows.status();
  for (const db::Row& row : *rows) held.insert(row.integer(0));
  return Status::Ok();
}

}  // namespace

http::Response list_cases(App& app, Call& call, const CaseList& list) {
  const auth::Principal& p = *call.principal;
  const http::Request& r = call.request;
  // cases::can_read: the jurisdiction, except for departments, which read what their unit holds
  // or held.
  int64_t unit = p.unit_id == 0 ? -1 : p.unit_id;
  const bool by_region = p.role != auth::Role::kDepartmentStaff && p.role != auth::Role::kVolunteer;
  std::string where =
      "kind = ? AND ((? = 1 AND region_code >= ? AND region_code < ?) OR lead_unit_id = ? OR id "
      "IN (SELECT case_id FROM case_units WHERE unit_id = ?))";
  db::Params params = {list.kind, int64_t{by_region}, p.jurisdiction, p.jurisdiction + ":", unit,
                       unit};
  if (list.scope) std::tie(where, params) = *list.scope;
  for (auto [name, column] : list.filters) {
    if (!r.has_query_param(name)) continue;
    where += std::string(" AND ") + column + " = ?";
    params.emplace_back(std::in_place_type<std::string>, r.query_param(name));
  }
  if (r.has_query_param("overdue")) {
    std::string_view v = r.query_param("overdue");
    if (v != "true" && v != "false") {
      return http::error_response(Invalid("overdue", "true or false"));
    }
    where += " AND overdue = ?";
    params.push_back(int64_t{v == "true"});
  }
  if (list.narrow) {
    Status st = list.narrow(r, where, params);
    if (!st.ok()) return http::error_response(st);
  }
  if (r.has_query_param("q")) {
    std::string q(r.query_param("q"));
    if (q.empty() || q.size() > 100) return http::error_response(Invalid("q", "1 to 100 bytes"));
    where += " AND (instr(subject, ?) > 0 OR instr(content, ?) > 0 OR tracking_no = ?)";
    params.insert(params.end(), {q, q, q});
  }
  auto page = int_query(r, "page", 1, 1, 1'000'000);
  if (!page.ok()) return http::error_response(page.status());
  auto size = int_query(r, "page_size", 20, 1, 100);
  if (!size.ok()) return http::error_response(size.status());
  Json out = {{"items", Json::array()}, {"page", *page}, {"page_size", *size}};
  Status st = app.db().read([&](db::Session& s) {
    auto count = s.query("SELECT count(*) FROM cases WHERE " + where, params);
    if (!count.ok()) return count.status();
    out["total"] = (*count)[0].integer(0);
    db::Params paged = params;
    paged.push_back(*size);
    paged.push_back((*page - 1) * *size);
    auto rows = s.query(std::string("SELECT ") + cases::kCaseColumns + " FROM cases WHERE " +
                            where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                        paged);
    if (!rows.ok()) return rows.status();
    std::vector<cases::CaseRecord> found;
    found.reserve(rows->size());
    for (db::Row& row : *rows) found.push_back(cases::read_case_row(std::move(row)));
    CasePage shared;
    Status held = read_held(s, p.unit_id, found, shared.held);
    if (!held.ok()) return held;
    for (const cases::CaseRecord& c : found) {
      auto one = list.render(s, c, shared);
      if (!one.ok()) return one.status();
      out["items"].push_back(std::move(*one));
    }
    return Status::Ok();
  });
  if (!st.ok()) return http::error_response(st);
  return json_response(200, out);
}

}  // namespace shegong::api
