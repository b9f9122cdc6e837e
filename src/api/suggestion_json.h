// How a people's suggestion looks in the API. Staff who may read it see the proposer masked (kind,
// name, phone); the full proposer is a separate, audited read for the holding unit. The public view
// by tracking number carries the state, the dates, the adoption status and the answer, with the
// personal details a proposer may have written masked; never the proposer.
#pragma once

#include <nlohmann/json.hpp>

#include "base/crypto.h"
#include "cases/case_record.h"
#include "suggestions/collections.h"

namespace shegong::api {

Result<nlohmann::json> suggestion_json(db::Session& s, const cases::CaseRecord& c,
                                       const crypto::SecretBox& box, bool with_timeline);
Result<nlohmann::json> public_suggestion_json(db::Session& s, const cases::CaseRecord& c);
// A collection as published: topic, description, how to submit, the period, whether it is open on
// `today`, and the results once published.
nlohmann::json collection_json(const suggestions::Collection& c, Date today);

}  // namespace shegong::api
