#include "http/error_response.h"

#include <string>

#include "base/json_text.h"

namespace shegong::http {

int http_status_for(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kConflict:
      return 409;
    case Code::kTooManyRequests:
      return 429;
    case Code::kUnavailable:
      return 503;
    case Code::kInternal:
      return 500;
  }
  return 500;
}

Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view field) {
  std::string body = "{\"error\":{\"code\":";
  append_json_string(body, code);
  body += ",\"message\":";
  append_json_string(body, message);
  if (!field.empty()) {
    body += ",\"field\":";
    append_json_string(body, field);
  }
  body += "}}";
  return Response::json(status, std::move(body));
}

Response error_response(const Status& status) {
  Response r = error_response(http_status_for(status.code()), code_name(status.code()),
                              status.message(), status.field());
  if (status.retry_after_s() > 0)
    r.set_header("Retry-After", std::to_string(status.retry_after_s()));
  return r;
}

}  // namespace shegong::http
