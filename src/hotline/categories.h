// The category taxonomy of demands, three levels deep. A category's code is its path of names
// joined by '/' ("城乡建设/住房保障/物业管理"), so a rule written for "城乡建设" covers everything below
// it — on whole segments only: "教育" does not cover "教育文体".
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "db/db.h"

namespace shegong::hotline {

// SQL condition: the row's `category` column covers the bound category (bind it twice).
inline constexpr const char* kCategoryCovers =
    "(category = '' OR category = ? OR substr(?, 1, length(category) + 1) = category || '/')";

struct CategoryImport {
  int64_t per_level[4] = {0, 0, 0, 0};
};

// Reads a CSV with the header level1,level2,level3 (any of the lower levels may be blank) and
// upserts every path. A bad line writes nothing.
Result<CategoryImport> import_categories(db::Db& db, const Clock& clock,
                                         const std::string& csv_text, const std::string& actor);
Result<bool> category_exists(db::Session& s, const std::string& code);
Result<int64_t> category_count(db::Session& s);
// The category of a rule (dispatch, deadlines): '' for any, else a code of the taxonomy at any
// level, so that a misspelt category is refused rather than a rule that never matches.
Status check_rule_category(db::Session& s, const std::string& category);

}  // namespace shegong::hotline
