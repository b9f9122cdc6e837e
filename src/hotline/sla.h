// Deadlines from the configurable SLA table (sla_rules), by urgency and category. Defaults follow
// DOMAIN.md items 40–41 (Beijing DB11/T 2021—2022 as reported, marked [S]: configurable, not law):
//   emergency  dispatch ≤ 1 h, handling 2 h;   utilities dispatch ≤ 2 h, handling 24 h;
//   general    dispatch ≤ 24 h, handling 7 days; complex dispatch ≤ 24 h, handling 15 days.
// The first-contact (response) limit is not published for Beijing; the defaults (30 min to 2 h)
// are ours and configurable.
//
// A deadline in days ends at the end of the last day in China time, counted from the day after the
// start (民法典 Art. 201); if that day is a rest day it rolls to the next working day (Art. 203),
// unless the profile key hotline.deadline_roll is 0. Working days follow the loaded holiday
// calendar, and a deadline reaching into a year without a calendar is an error, never a guess.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/status.h"
#include "db/db.h"

namespace shegong::hotline {

struct SlaRule {
  int64_t id = 0;
  std::string urgency;
  std::string category;  // prefix; '' = any
  int64_t dispatch_minutes = 0;
  int64_t response_minutes = 0;
  int64_t handling_amount = 0;
  std::string handling_unit;  // hours, days, working_days
  int64_t reminder_minutes = 0;
};

Status validate_sla_rule(const SlaRule& r);
Result<SlaRule> upsert_sla_rule(db::Session& s, SlaRule r);
Result<std::vector<SlaRule>> list_sla_rules(db::Session& s);
// The rule for an urgency and category: the longest matching category prefix.
Result<std::optional<SlaRule>> find_sla_rule(db::Session& s, std::string_view urgency,
                                             std::string_view category);

// The end of a handling period that starts at `from_ms`.
Result<int64_t> deadline_after(const HolidayCalendar& calendar, int64_t from_ms, int64_t amount,
                               std::string_view unit, bool roll);

}  // namespace shegong::hotline
