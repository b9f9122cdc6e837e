// 主动治理 / 每月一题: a problem that groups many orders (a high-frequency, common, hard matter),
// with one lead unit and a record of progress month by month (接诉即办条例 Art. 24).
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/clock.h"
#include "db/db.h"

namespace shegong::hotline {

struct Problem {
  int64_t id = 0;
  std::string title, description, region_code, month;
  int64_t lead_unit_id = 0;
  std::vector<int64_t> case_ids;
  struct Progress {
    std::string month;
    int64_t percent;
    std::string note;
  };
  std::vector<Progress> progress;
};

Result<Problem> create_problem(db::Session& s, const Clock& clock, const auth::Principal& who,
                               Problem p);
Result<Problem> link_orders(db::Session& s, const Clock& clock, const auth::Principal& who,
                            int64_t problem_id, const std::vector<int64_t>& case_ids);
Result<Problem> record_progress(db::Session& s, const Clock& clock, const auth::Principal& who,
                                int64_t problem_id, const std::string& month, int64_t percent,
                                const std::string& note);
Result<Problem> load_problem(db::Session& s, int64_t id);
Result<std::vector<Problem>> list_problems(db::Session& s, std::string_view within);

}  // namespace shegong::hotline
