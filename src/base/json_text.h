// Writing JSON strings by hand on hot paths (errors, metrics) without a JSON library. Input that is
// not valid UTF-8 has its bad bytes replaced by U+FFFD, so the output is always valid JSON.
#pragma once

#include <string>
#include <string_view>

namespace shegong {

void append_json_string(std::string& out, std::string_view text);

}  // namespace shegong
