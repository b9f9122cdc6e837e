#include "api/json_io.h"

namespace shegong::api {

Result<Json> parse_object(const http::Request& request) {
  if (request.body.empty()) return Invalid("body", "a JSON object is required");
  Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    return Invalid("body", "not valid JSON (or not valid UTF-8)");
  }
  if (!body.is_object()) return Invalid("body", "must be a JSON object");
  return body;
}

Result<std::optional<std::string>> string_field(const Json& body, const char* name, bool required,
                                                size_t max_bytes) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Invalid(name, "is required");
    return std::optional<std::string>();
  }
  if (!it->is_string()) return Invalid(name, "must be a string");
  std::string value = it->get<std::string>();
  if (value.size() > max_bytes) {
    return Invalid(name, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (required && value.empty()) return Invalid(name, "must not be empty");
  return std::optional<std::string>(std::move(value));
}

http::Response json_response(int status, const Json& body) {
  return http::Response::json(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace shegong::api
