// How an order looks in the API, for a given reader. Personal data is always masked here; a
// confidential requester is hidden from everyone but the centre (DOMAIN.md item 41). The public
// view (tracking by number, no login) carries no personal data at all.
#pragma once

#include "api/json_io.h"
#include "auth/principal.h"
#include "base/crypto.h"
#include "cases/engine.h"
#include "regions/region_tree.h"

namespace shegong::api {

Json order_json(db::Session& s, const cases::CaseRecord& c, const auth::Principal& reader,
                const crypto::SecretBox& box, const regions::RegionTree& tree,
                bool with_timeline);
Json public_order_json(db::Session& s, const cases::CaseRecord& c);
std::string iso_time(int64_t ms);  // "" for 0

}  // namespace shegong::api
