#include "base/one_line.h"

#include <cstdio>

#include "base/utf8.h"

namespace shegong {

std::string one_line_fault(std::string_view value, size_t max_bytes) {
  if (!is_valid_utf8(value)) return "is not valid UTF-8";
  for (size_t i = 0; i < value.size();) {
    const char32_t c = next_code_point(value, i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return std::string("holds a control character (") + code + ")";
    }
  }
  if (value.size() > max_bytes) return "is longer than " + std::to_string(max_bytes) + " bytes";
  return "";
}

}  // namespace shegong
