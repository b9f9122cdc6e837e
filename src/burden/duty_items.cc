#include "burden/duty_items.h"

#include "audit/audit_log.h"
#include "base/text_field.h"
#include "hotline/vocabulary.h"
#include "regions/region_code.h"

namespace shegong::burden {

namespace {

constexpr const char* kColumns =
    "id, region_code, list, name, basis, lead_department, supporting_role, active, created_by, "
    "created_at_ms, updated_at_ms";

DutyItem read_row(const db::Row& r) {
  DutyItem d;
  d.id = r.integer(0);
  d.region_code = r.text(1);
  d.list = r.text(2);
  d.name = r.text(3);
  d.basis = r.text(4);
  d.lead_department = r.text(5);
  d.supporting_role = r.text(6);
  d.active = r.integer(7) != 0;
  d.created_by = r.text(8);
  d.created_at_ms = r.integer(9);
  d.updated_at_ms = r.integer(10);
  return d;
}

Result<std::vector<DutyItem>> read_items(db::Session& s, const std::string& where,
                                         const db::Params& params) {
  auto rows = s.query(std::string("SELECT ") + kColumns + " FROM duty_items WHERE " + where +
                          " ORDER BY length(region_code), list, id",
                      params);
  if (!rows.ok()) return rows.status();
  std::vector<DutyItem> out;
  out.reserve(rows->size());
  for (const db::Row& r : *rows) out.push_back(read_row(r));
  return out;
}

std::string audit_detail(const DutyItem& d) {
  std::string out = d.list + "\n" + d.name;
  if (!d.lead_department.empty()) out += "\n" + d.lead_department + "\n" + d.supporting_role;
  if (!d.active) out += "\nretired";
  return out;
}

}  // namespace

Status validate_item(const DutyItem& d) {
  if (!hotline::one_of(d.list, kLists)) {
    return Invalid("list", "one of " + hotline::list_of(kLists));
  }
  SHEGONG_RETURN_IF_ERROR(check_text(d.name, "name", 400, true));
  SHEGONG_RETURN_IF_ERROR(check_text(d.basis, "basis", 2000, false));
  SHEGONG_RETURN_IF_ERROR(check_text(d.lead_department, "lead_department", 200, false));
  SHEGONG_RETURN_IF_ERROR(check_text(d.supporting_role, "supporting_role", 2000, false));
  const bool cooperating = d.list == "cooperating";
  if (cooperating && d.lead_department.empty()) {
    return Invalid("lead_department",
                   "is required: a cooperating item names the department that leads it");
  }
  if (cooperating && d.supporting_role.empty()) {
    return Invalid("supporting_role",
                   "is required: a cooperating item says what the street does in it");
  }
  if (!cooperating && !d.lead_department.empty()) {
    return Invalid("lead_department", "only a cooperating item names a lead department");
  }
  if (!cooperating && !d.supporting_role.empty()) {
    return Invalid("supporting_role", "only a cooperating item has a supporting role");
  }
  return Status::Ok();
}

Result<DutyItem> create_item(db::Session& s, const Clock& clock, DutyItem d,
                             const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(validate_item(d));
  d.active = true;
  d.created_by = actor;
  d.created_at_ms = clock.now_ms();
  d.updated_at_ms = d.created_at_ms;
  auto rows = s.query(
      "INSERT INTO duty_items(region_code, list, name, basis, lead_department, supporting_role, "
      "active, created_by, created_at_ms, updated_at_ms) VALUES(?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
      "RETURNING id",
      {d.region_code, d.list, d.name, d.basis, d.lead_department, d.supporting_role, d.created_by,
       d.created_at_ms, d.updated_at_ms});
  if (!rows.ok()) return rows.status();
  d.id = (*rows)[0].integer(0);
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock, {actor, "duty_item.create", "duty_item:" + std::to_string(d.id), audit_detail(d)}));
  return d;
}

Result<DutyItem> update_item(db::Session& s, const Clock& clock, const DutyItem& changed,
                             const std::string& actor) {
  auto stored = find_item(s, changed.id);
  if (!stored.ok()) return stored.status();
  if (!*stored) return NotFound("no duty item has the id " + std::to_string(changed.id));
  DutyItem d = **stored;
  d.name = changed.name;
  d.basis = changed.basis;
  d.lead_department = changed.lead_department;
  d.supporting_role = changed.supporting_role;
  d.active = changed.active;
  SHEGONG_RETURN_IF_ERROR(validate_item(d));
  d.updated_at_ms = clock.now_ms();
  auto n = s.exec(
      "UPDATE duty_items SET name = ?, basis = ?, lead_department = ?, supporting_role = ?, "
      "active = ?, updated_at_ms = ? WHERE id = ?",
      {d.name, d.basis, d.lead_department, d.supporting_role, int64_t{d.active}, d.updated_at_ms,
       d.id});
  if (!n.ok()) return n.status();
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock, {actor, "duty_item.update", "duty_item:" + std::to_string(d.id), audit_detail(d)}));
  return d;
}

Result<std::optional<DutyItem>> find_item(db::Session& s, int64_t id) {
  auto items = read_items(s, "id = ?", {id});
  if (!items.ok()) return items.status();
  if (items->empty()) return std::optional<DutyItem>();
  return std::optional<DutyItem>(std::move(items->front()));
}

Result<std::vector<DutyItem>> items_for(db::Session& s, std::string_view region_code,
                                        std::string_view list) {
  std::string where = "active = 1 AND region_code IN (";
  db::Params params;
  for (std::string_view code = region_code; !code.empty(); code = regions::parent_of(code)) {
    where += params.empty() ? "?" : ", ?";
    params.emplace_back(std::in_place_type<std::string>, code);
  }
  if (params.empty()) return std::vector<DutyItem>();
  where += ")";
  if (!list.empty()) {
    where += " AND list = ?";
    params.emplace_back(std::in_place_type<std::string>, list);
  }
  return read_items(s, where, params);
}

Result<std::vector<DutyItem>> items_within(db::Session& s, std::string_view region_code,
                                           std::string_view list) {
  std::string where = "region_code >= ? AND region_code < ?";
  db::Params params = {std::string(region_code), std::string(region_code) + ":"};
  if (!list.empty()) {
    where += " AND list = ?";
    params.emplace_back(std::in_place_type<std::string>, list);
  }
  return read_items(s, where, params);
}

}  // namespace shegong::burden
