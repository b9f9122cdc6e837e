// A demand as the API receives it, for staff intake and for citizens' own submissions: the JSON
// body of POST /api/v1/orders or /api/v1/public/orders as a hotline::NewOrder. Errors name the
// member ("contact.phone", "lat", ...).
#pragma once

#include "api/json_io.h"
#include "hotline/intake.h"

namespace shegong::api {

Result<hotline::NewOrder> new_order_from(const Json& body);

}  // namespace shegong::api
