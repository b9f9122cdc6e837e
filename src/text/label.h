// What a category label of the classifier may be, wherever one comes from (training data, a
// relabelling, a model file): one line (base/one_line.h: valid UTF-8 without control characters),
// not empty, and not starting with '!' (classify's error lines start with "!error").
#pragma once

#include <string>
#include <string_view>

namespace shegong::text {

// Why `label` cannot be a label ("is empty", ...), or empty when it can.
std::string label_problem(std::string_view label);

}  // namespace shegong::text
