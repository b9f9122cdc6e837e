// How a people's suggestion looks in the API. Staff who may read it see the proposer masked (kind,
// name, phone); the full proposer is a separate, audited read for the holding unit. The public view
// by tracking number carries the state, the dates, the adoption status and the answer, with the
// personal details a proposer may have written masked; never the proposer.
#pragma once

#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "api/case_json.h"
#include "base/crypto.h"
#include "cases/case_record.h"
#include "suggestions/collections.h"

namespace shegong::api {

// What a list reads once for all its rows: the units and the collections of the page.
struct SuggestionMemo {
  UnitMemo units;
  std::unordered_map<int64_t, std::optional<suggestions::Collection>> collections;
};

Result<nlohmann::json> suggestion_json(db::Session& s, const cases::CaseRecord& c,
                                       const crypto::SecretBox& box, bool with_timeline,
                                       SuggestionMemo* memo = nullptr);
Result<nlohmann::json> public_suggestion_json(db::Session& s, const cases::CaseRecord& c);
// A collection as published: topic, description, how to submit, the period, whether it is open on
// `today`, and the results once published.
nlohmann::json collection_json(const suggestions::Collection& c, Date today);

}  // namespace shegong::api
