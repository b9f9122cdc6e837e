#include "text/label.h"

#include <limits>

#include "base/one_line.h"

namespace shegong::text {

std::string label_problem(std::string_view label) {
  if (label.empty()) return "is empty";
  if (label[0] == '!') return "may not start with '!'";
  return one_line_fault(label, std::numeric_limits<size_t>::max());
}

}  // namespace shegong::text
