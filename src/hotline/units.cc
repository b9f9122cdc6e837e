#include "hotline/units.h"

#include "base/one_line.h"
#include "base/utf8.h"
#include "hotline/categories.h"
#include "hotline/vocabulary.h"
#include "regions/region_code.h"

namespace shegong::hotline {

namespace {

constexpr const char* kUnitColumns = "SELECT id, name, kind, region_code, active FROM units ";

Unit read_unit(const db::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4) != 0};
}

}  // namespace

Status validate_unit(const Unit& u) {
  if (is_blank(u.name)) return Invalid("name", "a unit needs a name");
  // Shown on one line in lists, ledgers and notices ("已转送…办理").
  if (std::string fault = one_line_fault(u.name, 200); !fault.empty()) {
    return Invalid("name", fault);
  }
  if (!one_of(u.kind, kUnitKinds)) return Invalid("kind", "one of " + list_of(kUnitKinds));
  return Status::Ok();
}

Result<int64_t> unit_named(db::Session& s, const std::string& region, const std::string& name) {
  auto found = s.query("SELECT id FROM units WHERE region_code = ? AND name = ?", {region, name});
  if (!found.ok()) return found.status();
  return found->empty() ? int64_t{0} : (*found)[0].integer(0);
}

Result<int64_t> ensure_unit(db::Session& s, const std::string& region, const std::string& name,
                            const std::string& kind, int64_t* created) {
  auto found = unit_named(s, region, name);
  if (!found.ok() || *found != 0) return found;
  auto u = create_unit(s, {0, name, kind, region, true});
  if (!u.ok()) return u.status();
  if (created != nullptr) ++*created;
  return u->id;
}

Result<Unit> create_unit(db::Session& s, Unit u) {
  SHEGONG_RETURN_IF_ERROR(validate_unit(u));
  if (u.kind == "district" && regions::level_of(u.region_code) != regions::Level::kDistrict) {
    return Invalid("region_code", "a district government answers for a district (6 digits)");
  }
  if (u.kind == "street" && regions::level_of(u.region_code) != regions::Level::kStreet) {
    return Invalid("region_code", "a street office answers for a street or township (9 digits)");
  }
  auto rows = s.query(
      "INSERT INTO units(name, kind, region_code) VALUES(?, ?, ?) "
      "ON CONFLICT(region_code, name) DO NOTHING RETURNING id",
      {u.name, u.kind, u.region_code});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Conflict("a unit named " + u.name + " exists in that region", "name");
  u.id = (*rows)[0].integer(0);
  return u;
}

Result<std::optional<Unit>> find_unit(db::Session& s, int64_t id) {
  auto rows = s.query(std::string(kUnitColumns) + "WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Unit>();
  return std::optional<Unit>(read_unit((*rows)[0]));
}

Result<Unit> active_unit(db::Session& s, int64_t id, std::string_view field) {
  auto unit = find_unit(s, id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid(std::string(field), "no active unit has the id " + std::to_string(id));
  }
  return **unit;
}

Result<std::vector<Unit>> list_units(db::Session& s, std::string_view within,
                                     std::string_view kind) {
  std::string lo(within);
  auto rows =
      kind.empty()
          ? s.query(std::string(kUnitColumns) +
                        "WHERE region_code >= ? AND region_code < ? ORDER BY region_code, id",
                    {lo, lo + ":"})
          : s.query(std::string(kUnitColumns) +
                        "WHERE kind = ? AND region_code >= ? AND region_code < ? "
                        "ORDER BY region_code, id",
                    {std::string(kind), lo, lo + ":"});
  if (!rows.ok()) return rows.status();
  std::vector<Unit> out;
  for (const db::Row& r : *rows) out.push_back(read_unit(r));
  return out;
}

Result<std::optional<Unit>> district_government_for(db::Session& s, std::string_view region_code) {
  if (region_code.size() < 6) return std::optional<Unit>();
  auto rows = s.query(std::string(kUnitColumns) +
                          "WHERE kind = 'district' AND region_code = ? AND active = 1 LIMIT 1",
                      {std::string(region_code.substr(0, 6))});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Unit>();
  return std::optional<Unit>(read_unit((*rows)[0]));
}

Result<std::vector<OrderUnit>> order_units(db::Session& s, int64_t case_id, int64_t lead_unit_id) {
  auto rows = s.query(
      "SELECT id, name, kind, 'lead' FROM units WHERE id = ? "
      "UNION ALL SELECT u.id, u.name, u.kind, cu.role FROM case_units cu "
      "JOIN units u ON u.id = cu.unit_id WHERE cu.case_id = ? AND cu.unit_id <> ?",
      {lead_unit_id, case_id, lead_unit_id});
  if (!rows.ok()) return rows.status();
  std::vector<OrderUnit> out;
  for (const db::Row& r : *rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

Result<DispatchRule> upsert_dispatch_rule(db::Session& s, DispatchRule r) {
  auto unit = find_unit(s, r.unit_id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid("unit_id", "no active unit has the id " + std::to_string(r.unit_id));
  }
  const Unit& u = **unit;
  if (u.kind == "centre") {
    return Invalid("unit_id",
                   "the 12345 centre dispatches orders; a rule names a unit that handles them");
  }
  // The unit answers for the rule's area or for part of it (a district's department, a street).
  const bool related = regions::is_within(u.region_code, r.region_code) ||
                       regions::is_within(r.region_code, u.region_code);
  if (!related) {
    return Invalid("unit_id", u.name + " answers for another area than " +
                                  (r.region_code.empty() ? "the whole country" : r.region_code));
  }
  SHEGONG_RETURN_IF_ERROR(check_rule_category(s, r.category));
  auto rows = s.query(
      "INSERT INTO dispatch_rules(region_code, category, unit_id) VALUES(?, ?, ?) "
      "ON CONFLICT(region_code, category) DO UPDATE SET unit_id = excluded.unit_id RETURNING id",
      {r.region_code, r.category, r.unit_id});
  if (!rows.ok()) return rows.status();
  r.id = (*rows)[0].integer(0);
  return r;
}

Status delete_dispatch_rule(db::Session& s, int64_t id) {
  auto n = s.exec("DELETE FROM dispatch_rules WHERE id = ?", {id});
  if (!n.ok()) return n.status();
  if (*n == 0) return NotFound("no dispatch rule has the id " + std::to_string(id));
  return Status::Ok();
}

Result<std::vector<DispatchRule>> list_dispatch_rules(db::Session& s, std::string_view within) {
  std::string lo(within);
  auto rows = s.query(
      "SELECT id, region_code, category, unit_id FROM dispatch_rules "
      "WHERE region_code >= ? AND region_code < ? ORDER BY region_code, category",
      {lo, lo + ":"});
  if (!rows.ok()) return rows.status();
  std::vector<DispatchRule> out;
  for (const db::Row& r : *rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3)});
  return out;
}

Result<std::optional<DispatchRule>> match_dispatch_rule(db::Session& s,
                                                        std::string_view region_code,
                                                        std::string_view category) {
  auto rows = s.query(
      "SELECT id, region_code, category, unit_id FROM dispatch_rules "
      "WHERE substr(?, 1, length(region_code)) = region_code AND " +
          std::string(kCategoryCovers) +
          " ORDER BY length(region_code) DESC, length(category) DESC LIMIT 1",
      {std::string(region_code), std::string(category), std::string(category)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<DispatchRule>();
  const db::Row& r = (*rows)[0];
  return std::optional<DispatchRule>(
      DispatchRule{r.integer(0), r.text(1), r.text(2), r.integer(3)});
}

}  // namespace shegong::hotline
