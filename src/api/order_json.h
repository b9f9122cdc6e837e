// How an order looks in the API, for a given reader, written straight to JSON text (orders are the
// most read objects). Personal data is always masked here; a confidential requester is hidden from
// handling units (hotline::visible_requester). The public view (tracking by number, no login)
// carries no personal data at all.
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/crypto.h"
#include "cases/engine.h"
#include "hotline/units.h"
#include "regions/region_tree.h"

namespace shegong::api {

struct OrderView {
  const cases::CaseRecord& order;
  const std::vector<hotline::OrderUnit>& units;  // lead first
};

std::string order_json(db::Session& s, const OrderView& view, const auth::Principal& reader,
                       const crypto::SecretBox& box, const regions::RegionTree& tree,
                       bool with_timeline);
// Loads the order's units first.
Result<std::string> order_json(db::Session& s, const cases::CaseRecord& c,
                               const auth::Principal& reader, const crypto::SecretBox& box,
                               const regions::RegionTree& tree, bool with_timeline);
std::string public_order_json(db::Session& s, const cases::CaseRecord& c);
std::string iso_time(int64_t ms);  // "" for 0

}  // namespace shegong::api
