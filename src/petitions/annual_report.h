// The annual report of a petition office (信访工作条例 Art. 41; DOMAIN.md item 27): statistics, the
// fields petitions involved and the organs most complained about; transfers, assignments and
// supervision; recommendations made and adopted. Delivered as an xlsx workbook.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"
#include "documents/xlsx_workbook.h"

namespace shegong::petitions {

struct AnnualReport {
  int year = 0;
  std::string region_code;  // petitions whose place lies within it
  int64_t received = 0, not_accepted = 0, redirected = 0, accepted = 0, answered = 0;
  std::map<std::string, int64_t> by_channel, by_category, by_state;
  std::vector<std::pair<std::string, int64_t>> fields;           // most frequent first
  std::vector<std::pair<std::string, int64_t>> most_complained;  // organs, at most 10
  int64_t transfers = 0, assignments = 0, reports_for_decision = 0, to_politics_law = 0,
          to_discipline = 0, supervisions = 0, recommendations_adopted = 0,
          recommendations_answered = 0;
};

Result<AnnualReport> annual_report(db::Session& s, const std::string& region_code, int year);
std::vector<documents::Sheet> annual_report_sheets(const AnnualReport& report,
                                                   const std::string& office_name);

}  // namespace shegong::petitions
