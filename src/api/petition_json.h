// How a petition looks in the API for a given reader (petitions::access_to decides what the reader
// may see): the petitioner masked for holders and admins and absent for everyone else; the public
// view by tracking number carries the state and dates only — no content, no names.
#pragma once

#include <nlohmann/json.hpp>

#include "api/case_json.h"
#include "auth/principal.h"
#include "base/crypto.h"
#include "cases/case_record.h"
#include "petitions/access.h"

namespace shegong::api {

Result<nlohmann::json> petition_json(db::Session& s, const cases::CaseRecord& c,
                                     const petitions::PetitionAccess& access,
                                     const crypto::SecretBox& box, bool with_timeline,
                                     UnitMemo* units = nullptr);
Result<nlohmann::json> public_petition_json(db::Session& s, const cases::CaseRecord& c);

}  // namespace shegong::api
