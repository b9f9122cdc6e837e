// What the lists spared the streets and committees of an area over a period (减负成效), for the
// leaders who read it: per street or committee, the tasks sent to it, how many rested on its lists
// and how many came off them, the government's approvals and rejections, those still waiting, done
// and overdue, and the form-filling requests among them.
#pragma once

#include <string>
#include <vector>

#include "db/db.h"

namespace shegong::burden {

struct TaskCounts {
  std::string region_code;  // the street's or committee's area
  int64_t sent = 0;
  int64_t on_lists = 0;   // admitted at once on the target's lists
  int64_t off_lists = 0;  // sent with no item, for approval
  int64_t approved = 0, rejected = 0, awaiting = 0;
  int64_t done = 0, overdue = 0;
  int64_t form_filling = 0;
};

// The tasks received in [from_ms, to_ms) by the streets and committees within `region_code`, one
// row per area that received any, in code order.
Result<std::vector<TaskCounts>> task_counts(db::Session& s, std::string_view region_code,
                                            int64_t from_ms, int64_t to_ms);

}  // namespace shegong::burden
