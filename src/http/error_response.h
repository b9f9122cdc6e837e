// The one error format of the API: {"error":{"code":"...","message":"...","field":"..."}}
// with a 4xx/5xx status. `field` names the offending input when there is one. A refusal that
// passes carries Retry-After, in seconds, when the Status knows them.
#pragma once

#include <string_view>

#include "base/status.h"
#include "http/response.h"

namespace shegong::http {

int http_status_for(Code code);
Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view field = {});
Response error_response(const Status& status);

}  // namespace shegong::http
