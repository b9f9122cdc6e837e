#include "text/label.h"

#include "base/utf8.h"

namespace shegong::text {

std::string label_problem(std::string_view label) {
  if (label.empty()) return "is empty";
  if (label[0] == '!') return "may not start with '!'";
  if (!is_valid_utf8(label)) return "is not valid UTF-8";
  for (unsigned char c : label)
    if (c < 0x20 || c == 0x7F) return "may not hold control characters";
  return {};
}

}  // namespace shegong::text
