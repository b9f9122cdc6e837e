// Writing JSON strings by hand on hot paths (errors, metrics) without a JSON library. Input that is
// not valid UTF-8 has its bad bytes replaced by U+FFFD, so the output is always valid JSON.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shegong {

void append_json_string(std::string& out, std::string_view text);

// The members of a JSON object as written (key without its quotes, still escaped; value as raw JSON
// text), in order, without building a document: for passing parts of stored JSON, which this
// program wrote, through. A well-formed object without repeated keys gives exactly the members a
// JSON parser reads (checked against nlohmann/json by src/base/json_text_fuzz.cc); other text
// gives an empty list, or members whose values are not checked further.
std::vector<std::pair<std::string_view, std::string_view>> json_object_members(
    std::string_view object);

}  // namespace shegong
