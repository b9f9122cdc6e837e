// Normalisation of Chinese text before anything reads it: Traditional to Simplified characters,
// full-width ASCII to half-width, every kind of space (ideographic, no-break, tabs, newlines) to
// one ASCII space, runs of spaces collapsed, ends trimmed. Invalid UTF-8 is an error (field
// "text"), never repaired silently. Emoji and other scripts pass through unchanged.
//
// The Traditional→Simplified step uses a per-character table built once from OpenCC's t2s
// configuration (every CJK ideograph converted at start-up), so normalising costs one table look-up
// per character; OpenCC's phrase-level rules (rare in citizens' messages) are not applied.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace shegong::text {

// Thread-safe; the table is built on first use (tens of milliseconds).
Result<std::string> normalize(std::string_view input);

// One code point of Simplified for `cp` (cp itself when there is none).
char32_t simplified(char32_t cp);

}  // namespace shegong::text
