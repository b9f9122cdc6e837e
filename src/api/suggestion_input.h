// A people's suggestion from a request body, shared by staff registration and a citizen's own
// submission: {channel, subject, reasons, measures, field, region_code, collection_id,
// proposer: {kind, name, phone, email, address}}. Errors name the member ("proposer.phone").
#pragma once

#include "api/json_io.h"
#include "suggestions/registration.h"

namespace shegong::api {

Result<suggestions::NewSuggestion> new_suggestion_from(const Json& body);

}  // namespace shegong::api
