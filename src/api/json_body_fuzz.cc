// libFuzzer target: a request body of arbitrary bytes read by parse_object and transition_fields
// never crashes; a refusal names a field, an accepted body is an object, and a transition's fields
// are UTF-8 text. Built and run for a bounded time by bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/json_io.h"
#include "base/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shegong;
  http::Request request;
  request.body.assign(reinterpret_cast<const char*>(data), size);

  auto body = api::parse_object(request);
  if (!body.ok()) {
    if (body.status().code() != Code::kInvalidArgument || body.status().field().empty())
      std::abort();
  } else {
    if (!body->is_object() || request.body.find('\0') != std::string::npos) std::abort();
    for (const char* name : {"subject", "body", "unit_id", "anonymous", "co_unit_ids"}) {
      auto text = api::string_field(*body, name, /*required=*/false, 64);
      if (!text.ok() && text.status().field() != name) std::abort();
      if (text.ok() && *text && (text->value().size() > 64 || !is_valid_utf8(**text))) std::abort();
      auto number = api::int_member(*body, name, 0, -5, 5);
      if (number.ok() && (*number < -5 || *number > 5)) std::abort();
      auto flag = api::bool_member(*body, name, false);
      if (!flag.ok() && flag.status().field() != name) std::abort();
      auto ids = api::id_list(*body, name);
      if (!ids.ok() && ids.status().field() != name) std::abort();
    }
  }

  auto fields = api::transition_fields(request);
  if (!fields.ok()) {
    if (fields.status().field().empty()) std::abort();
  } else {
    if (!body.ok() && size > 0) std::abort();  // a refused body is refused here too
    for (const auto& [key, value] : *fields) {
      if (!is_valid_utf8(key) || !is_valid_utf8(value)) std::abort();
    }
  }
  return 0;
}
