// UTF-8 validity. Everything that enters storage or leaves as JSON must be valid UTF-8; input that
// is not is rejected at the edge rather than repaired.
#pragma once

#include <string_view>

namespace shegong {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace shegong
