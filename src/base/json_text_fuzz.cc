// libFuzzer target for the hand-written JSON helpers, checked against nlohmann/json:
// - append_json_string always writes one valid JSON string; for valid UTF-8 it reads back as the
//   input itself;
// - json_object_members finds, in a well-formed object without repeated keys, every member in
//   order, each key and value reading as nlohmann reads them.
// Built and run for a bounded time by bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_text.h"
#include "base/utf8.h"

using Json = nlohmann::json;

namespace {

// The JSON text `text` parsed with nlohmann, or discarded.
Json parse(std::string_view text) { return Json::parse(text, nullptr, /*allow_exceptions=*/false); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  std::string quoted;
  shegong::append_json_string(quoted, input);
  Json string = parse(quoted);
  if (!string.is_string()) std::abort();
  if (shegong::is_valid_utf8(input) && string.get<std::string>() != input) std::abort();

  // nlohmann/json stops reading at a NUL byte, where JSON text cannot hold one: no reference.
  if (input.find('\0') != std::string_view::npos) return 0;
  Json object = parse(input);
  if (!object.is_object()) return 0;
  auto members = shegong::json_object_members(input);
  std::vector<std::string> keys;
  for (const auto& member : members) {
    Json key = parse("\"" + std::string(member.first) + "\"");
    if (!key.is_string()) std::abort();
    keys.push_back(key.get<std::string>());
  }
  if (std::set<std::string>(keys.begin(), keys.end()).size() != keys.size()) {
    return 0;  // a repeated key: nlohmann keeps the last, the scanner lists each
  }
  for (size_t i = 0; i < members.size(); ++i) {
    auto it = object.find(keys[i]);
    if (it == object.end() || parse(members[i].second) != *it) std::abort();
  }
  if (keys.size() != object.size()) std::abort();
  return 0;
}
