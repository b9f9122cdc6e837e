#include "petitions/pending_deadlines.h"

#include "petitions/deadlines.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kPetitionKind, "petition.deadline_set", clock,
      [&calendar](db::Session& s,
                  const cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        if (c.state != "registered") return std::optional<cases::SetDeadline>();
        auto due = organ_deadline(s, calendar, c.region_code, c.received_at_ms,
                                  c.pending.value("days", 15));
        if (!due.ok()) return due.status();
        cases::SetDeadline set{*due, {}};
        const std::string timer = c.pending.value("timer", "");
        if (!timer.empty()) set.timers.push_back({timer, *due});
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::petitions
