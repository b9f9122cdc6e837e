// How a dispute looks in the API: the parties masked for every reader (the full list is a separate,
// audited read for the unit holding it), the refusals, the mediation, the agreement with its
// judicial-confirmation window and the outcome as recorded. A reader whose unit does not hold the
// dispute and never held it (a leader, a street's staff reading by jurisdiction) gets every free text with
// the parties' names masked wherever they are written, and the door of an address and personal
// numbers masked too.
#pragma once

#include <nlohmann/json.hpp>

#include "api/case_json.h"
#include "auth/principal.h"
#include "base/crypto.h"
#include "cases/case_record.h"

namespace shegong::api {

// For one reader: whether the reader's unit holds or held the dispute is read here.
Result<nlohmann::json> dispute_json(db::Session& s, const cases::CaseRecord& c,
                                    const crypto::SecretBox& box, const auth::Principal& reader,
                                    bool with_timeline);
// For a row of a list, without the timeline: `holder` (the reader's unit holds or held the
// dispute) and the units come from the page.
Result<nlohmann::json> dispute_json(db::Session& s, const cases::CaseRecord& c,
                                    const crypto::SecretBox& box, bool holder, UnitMemo& units);

}  // namespace shegong::api
