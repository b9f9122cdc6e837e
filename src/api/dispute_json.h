// How a dispute looks in the API: the parties masked for every reader (the full list is a separate,
// audited read for the unit holding it), the refusals, the mediation, the agreement with its
// judicial-confirmation window and the outcome as recorded.
#pragma once

#include <nlohmann/json.hpp>

#include "base/crypto.h"
#include "cases/case_record.h"

namespace shegong::api {

Result<nlohmann::json> dispute_json(db::Session& s, const cases::CaseRecord& c,
                                    const crypto::SecretBox& box, bool with_timeline);

}  // namespace shegong::api
