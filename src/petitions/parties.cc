#include "petitions/parties.h"

namespace shegong::petitions {

Status add_party(db::Session& s, int64_t case_id, int64_t unit_id, const std::string& role) {
  return s
      .exec(
          "INSERT INTO petition_parties(case_id, unit_id, role) VALUES(?, ?, ?) "
          "ON CONFLICT DO NOTHING",
          {case_id, unit_id, role})
      .status();
}

Result<bool> is_accused_unit(db::Session& s, int64_t case_id, int64_t unit_id) {
  if (unit_id == 0) return false;
  auto rows = s.query(
      "SELECT 1 FROM petition_parties WHERE case_id = ? AND unit_id = ? AND role = 'accused'",
      {case_id, unit_id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

Result<bool> is_about_unit(db::Session& s, int64_t case_id, int64_t unit_id) {
  if (unit_id == 0) return false;
  auto rows =
      s.query("SELECT 1 FROM petition_parties WHERE case_id = ? AND unit_id = ? AND role = 'about'",
              {case_id, unit_id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

Status record_interest(db::Session& s, int64_t user_id, const cases::CaseRecord& petition,
                       bool whole_petitioner, const std::string& reason, int64_t now_ms) {
  return s
      .exec(
          "INSERT INTO petition_recusals(user_id, case_id, petitioner_hash, reason, "
          "declared_at_ms) VALUES(?, ?, ?, ?, ?)",
          {user_id, petition.id, whole_petitioner ? db::Value(petition.requester_hash) : db::null(),
           reason, now_ms})
      .status();
}

Result<bool> has_declared_interest(db::Session& s, int64_t user_id,
                                   const cases::CaseRecord& petition) {
  // An interest in the petitioner covers every petition that shares an identifier with the one it
  // was declared on (petition_identities), not only those stored under the same hash.
  auto rows = s.query(
      "SELECT 1 FROM petition_recusals r WHERE r.user_id = ? AND (r.case_id = ? OR "
      "(r.petitioner_hash IS NOT NULL AND (r.petitioner_hash = ? OR EXISTS (SELECT 1 FROM "
      "petition_identities a JOIN petition_identities b ON b.hash = a.hash WHERE a.case_id = "
      "r.case_id AND b.case_id = ?)))) LIMIT 1",
      {user_id, petition.id, petition.requester_hash, petition.id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

}  // namespace shegong::petitions
