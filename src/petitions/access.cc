#include "petitions/access.h"

#include "petitions/parties.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

namespace {

using auth::Role;

bool reads_by_jurisdiction(Role r) {
  return r == Role::kAdmin || r == Role::kLeader || r == Role::kStreetStaff ||
         r == Role::kDepartmentStaff;
}

}  // namespace

Result<PetitionAccess> access_to(db::Session& s, const auth::Principal& p,
                                 const cases::CaseRecord& c) {
  PetitionAccess out;
  if (c.kind != kPetitionKind || p.role == Role::kVolunteer) return out;
  auto accused = is_accused_unit(s, c.id, p.unit_id);
  if (!accused.ok()) return accused.status();
  if (*accused) return out;
  bool informed = false;  // told of it (Art. 30 para 2), reading without the identity
  if (p.unit_id != 0) {
    if (c.lead_unit_id == p.unit_id) {
      out.holder = true;
    } else {
      auto rows = s.query("SELECT role FROM case_units WHERE case_id = ? AND unit_id = ?",
                          {c.id, p.unit_id});
      if (!rows.ok()) return rows.status();
      informed = !rows->empty() && (*rows)[0].text(0) == "copy";
      out.holder = !rows->empty() && !informed;
    }
  }
  bool by_jurisdiction = reads_by_jurisdiction(p.role) && p.covers(c.region_code) &&
                         (c.type != "检举控告" || p.role == Role::kAdmin);
  out.read = out.holder || informed || by_jurisdiction;
  out.sees_identity = out.read && (out.holder || p.role == Role::kAdmin);
  if (out.sees_identity && c.confidential && p.role != Role::kAdmin && p.unit_id != 0) {
    auto about = is_about_unit(s, c.id, p.unit_id);
    if (!about.ok()) return about.status();
    if (*about) out.sees_identity = false;
  }
  if (out.read && p.user_id != 0) {
    auto recused = has_declared_interest(s, p.user_id, c);
    if (!recused.ok()) return recused.status();
    out.recused = *recused;
    if (out.recused) out.sees_identity = false;
  }
  return out;
}

Condition readable_condition(const auth::Principal& p) {
  if (p.role == Role::kVolunteer) return {"0", {}};
  int64_t unit = p.unit_id == 0 ? -1 : p.unit_id;
  Condition c;
  c.sql =
      "kind = 'petition' AND NOT EXISTS(SELECT 1 FROM petition_parties pp WHERE pp.case_id = "
      "cases.id AND pp.unit_id = ? AND pp.role = 'accused') AND (lead_unit_id = ? OR id IN "
      "(SELECT case_id FROM case_units WHERE unit_id = ?)";
  c.params = {unit, unit, unit};
  if (reads_by_jurisdiction(p.role)) {
    c.sql += " OR (region_code >= ? AND region_code < ?";
    c.params.push_back(p.jurisdiction);
    c.params.push_back(p.jurisdiction + ":");
    if (p.role != Role::kAdmin) c.sql += " AND type <> '检举控告'";
    c.sql += ")";
  }
  c.sql += ")";
  return c;
}

}  // namespace shegong::petitions
