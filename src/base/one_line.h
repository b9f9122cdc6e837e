// A name or label that is shown on one line and kept in storage (a region, a category, a token's
// label): valid UTF-8, no control character (C0, DEL or C1: a tab or a line break would split it in
// lists and exports, an escape would reach a terminal), and at most a given size.
#pragma once

#include <string>
#include <string_view>

namespace shegong {

// What is wrong with `value` ("is not valid UTF-8", "holds a control character (U+000A)", "is
// longer than 200 bytes"), or "" when nothing is. Emptiness is the caller's to judge.
std::string one_line_fault(std::string_view value, size_t max_bytes);

}  // namespace shegong
