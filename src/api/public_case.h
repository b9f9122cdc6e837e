// A case found by the tracking number a citizen quotes, for the routes without login: 400 naming
// "tracking_no" for a number of the wrong shape, and 404 for a number of no case of `kind` (a
// petition's number never opens an order's page).
#pragma once

#include <string>
#include <string_view>

#include "cases/case_record.h"

namespace shegong::api {

Result<cases::CaseRecord> case_by_number(db::Session& s, std::string_view no,
                                         const std::string& kind, const char* noun);

}  // namespace shegong::api
