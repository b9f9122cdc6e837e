// Retraining the category model from dispatchers' corrections: the orders a dispatcher has
// dispatched, each with the category the dispatcher settled on and the classifier's own
// suggestion at intake, as a CSV that `shegong text train` reads (`--text-column subject
// --text-column body --label-column category`).
//
// - Only dispatched orders count: dispatching is where a person confirms or changes the category.
// - Confidential orders (保密) stay out, and personal numbers in the text are masked (mobile and
//   landline numbers, ID and bank card numbers), as for every export of citizens' text.
// - Categories are cut to `level` segments of the taxonomy code (at level 1,
//   "城乡建设/物业管理/电梯" is "城乡建设"), the depth the model's labels have; the suggestion is
//   cut alike before the two are compared.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "base/status.h"
#include "db/db.h"

namespace shegong::hotline {

struct CorrectionsQuery {
  int64_t from_ms = 0;                                  // received at or after
  int64_t to_ms = std::numeric_limits<int64_t>::max();  // received before
  int level = 1;                                        // taxonomy levels kept, 1 to 3
  bool corrections_only = true;  // false: also the orders whose suggestion was right
};

struct CorrectionsReport {
  int64_t dispatched = 0;    // dispatched orders with a category in the period (not confidential)
  int64_t suggested = 0;     // ... of which the classifier made a suggestion at intake
  int64_t corrections = 0;   // ... of which the dispatcher's category differs from it
  int64_t confidential = 0;  // dispatched confidential orders left out
  int64_t written = 0;       // rows in the CSV
};

inline constexpr int kMaxCategoryLevel = 3;

// "a/b/c" cut to its first `level` segments.
std::string category_at_level(std::string_view code, int level);

// Appends the CSV (header `tracking_no,subject,body,category,suggested,confidence`, oldest order
// first) to `csv`.
Result<CorrectionsReport> export_corrections(db::Session& s, const CorrectionsQuery& query,
                                             std::string& csv);

}  // namespace shegong::hotline
