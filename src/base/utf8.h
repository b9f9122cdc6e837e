// UTF-8 validity. Everything that enters storage or leaves as JSON must be valid UTF-8; input that
// is not is rejected at the edge rather than repaired.
#pragma once

#include <string>
#include <string_view>

namespace shegong {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// The code point at s[i], advancing i past it; a malformed byte reads as U+FFFD and is skipped.
char32_t next_code_point(std::string_view s, size_t& i);
// Every code point of `text` (malformed bytes as U+FFFD).
std::u32string decode_utf8(std::string_view text);
void append_utf8(char32_t cp, std::string& out);
// True when `s` holds nothing but white space: ASCII white space, the no-break and ideographic
// spaces (U+00A0, U+3000), the other Unicode spaces and the zero-width space and BOM. Empty is blank.
bool is_blank(std::string_view s);
std::string to_utf8(std::u32string_view characters);

}  // namespace shegong
