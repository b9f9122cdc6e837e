// Who reads a petition, and how much of it.
//
//   * Nobody of an accused unit, ever (parties.h), and no volunteer.
//   * The units holding it or that held it (the lead unit and case_units) read all of it.
//   * The organisation department and party committee told of an accusation about a leading
//     cadre (Art. 30 para 2, case_units role `copy`) read it without the identity.
//   * Admins, leaders, street and department staff whose jurisdiction covers its place read it,
//     except accusations, which only holders and admins read.
//   * The petitioner's identity, even masked, is shown only to holders and admins; in full only
//     through the audited reveal, to the lead unit and admins.
//   * Whoever declared an interest in the petition or its petitioner withdraws from it (Art. 28
//     para 3): they read it without the identity, take no step on it and open no notice.
//   * When the petitioner asked for confidentiality, staff of a unit the petition is about read it
//     without the identity, even while their unit holds it (北京市信访条例 Arts. 16, 22).
#pragma once

#include <string>

#include "auth/principal.h"
#include "cases/case_record.h"
#include "db/db.h"

namespace shegong::petitions {

struct PetitionAccess {
  bool read = false;
  bool holder = false;         // the caller's unit holds or held it (not one only told of it)
  bool sees_identity = false;  // masked identity in views
  bool recused = false;        // the caller declared an interest in it or its petitioner
};

Result<PetitionAccess> access_to(db::Session& s, const auth::Principal& p,
                                 const cases::CaseRecord& petition);

// SQL condition over `cases` (and its params) selecting the petitions `p` may read, for lists,
// searches and exports: the same rule as access_to.
struct Condition {
  std::string sql;
  db::Params params;
};
Condition readable_condition(const auth::Principal& p);

}  // namespace shegong::petitions
