// The three rates (三率) per unit per month, kept as incremental counters written in the same
// transaction as the events that move them, so a month's ranking over millions of orders reads a
// few hundred rows.
//
// Definitions (DOMAIN.md §2.7: Beijing's exact definitions and weights are not published; these are
// configuration, read from the national profile):
//   response rate     = orders accepted within the response limit / orders dispatched (by the month
//                       of dispatch);
//   resolution rate   = callbacks answering "solved" / callbacks (by the month of the callback);
//   satisfaction rate = (满意 + credit × 基本满意) / callbacks;
//   score             = weighted mean of the rates present, in percent.
// Profile keys (percent): rates.weight.response (30), rates.weight.resolution (35),
// rates.weight.satisfaction (35), rates.basically_satisfied_credit (100). The 30/35/35 default is a
// published county example (准格尔旗), not Beijing's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"
#include "hotline/units.h"

namespace shegong::hotline {

// "YYYY-MM" of an instant, in China time.
std::string period_of(int64_t utc_ms);
bool valid_period(std::string_view period);

// Adds `delta` to one counter of a unit's month. `column` is one of the counter names.
Status bump_counter(db::Session& s, int64_t unit_id, const std::string& period,
                    std::string_view column, int64_t delta = 1);

struct RateConfig {
  double weight_response = 30;
  double weight_resolution = 35;
  double weight_satisfaction = 35;
  double basically_satisfied_credit = 1.0;
};
Result<RateConfig> load_rate_config(db::Session& s);

struct UnitRates {
  Unit unit;
  int64_t dispatched = 0, responded_in_time = 0, callbacks = 0, solved = 0, satisfied = 0,
          basically_satisfied = 0, unsatisfied = 0, overdue = 0;
  std::optional<double> response_rate, resolution_rate, satisfaction_rate, score;
  int rank = 0;  // 1 = best; 0 = unranked (no rate yet)
};

// Units of `unit_kind` within `within`, best score first; units without any rate come last.
Result<std::vector<UnitRates>> ranking(db::Session& s, const std::string& period,
                                       std::string_view unit_kind, std::string_view within,
                                       const RateConfig& config);

}  // namespace shegong::hotline
