// Monthly indicators of an organ's petition work (DOMAIN.md item 28; the names are those used in
// practice — 国信发〔2022〕11号 is not read here, so each definition below is ours and documented):
//
//   及时受理率 timely acceptance  = acceptance steps done by their deadline / acceptance steps
//                                   whose deadline fell in the month (done or overdue). A step is
//                                   the acceptance notice of a petition sent to the organ (Art. 23
//                                   para 3) or the receipt notice of one it received directly
//                                   (para 2).
//   按期办结率 on-time closing    = answers given by their deadline / answers whose deadline fell
//                                   in the month (given or overdue): the 信访处理意见书 or reply,
//                                   the 复查 opinion and the 复核 opinion, each of the organ that
//                                   gave it; answers without a deadline count as on time in the
//                                   month they were given
//   参评率     participation      = answers of the month that the petitioner rated / answers
//   满意率     satisfaction       = ratings in `petition.satisfied_ratings` (default 满意,基本满意)
//                                   / ratings; each answer is rated on its own
// A rate with an empty denominator is reported as null, never as 0 or 100 %.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"

namespace shegong::petitions {

struct OrganIndicators {
  int64_t unit_id = 0;
  std::string unit_name;
  int64_t acceptances_due = 0, accepted_in_time = 0;
  int64_t answers_due = 0, answered_in_time = 0;
  int64_t answers = 0, rated = 0, satisfied = 0;
  std::optional<double> timely_acceptance, on_time_closing, participation, satisfaction;
};

// `period` is YYYY-MM (China time); organs whose area lies within `within`.
Result<std::vector<OrganIndicators>> monthly_indicators(db::Session& s, const std::string& period,
                                                        const std::string& within);

// First and one-past-last millisecond of a YYYY-MM month in China; an error names `field`.
Result<std::pair<int64_t, int64_t>> month_range(const std::string& period, const char* field);

}  // namespace shegong::petitions
