#include "petitions/pending_deadlines.h"

#include "petitions/deadlines.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kPetitionKind, "petition.deadline_set", clock,
      [&calendar](db::Session& s,
                  cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        const std::string timer = c.pending.value("timer", "");
        const bool ended = c.pending.contains("ended_at_ms");
        if (timer.empty() || (!ended && c.state != "registered"))
          return std::optional<cases::SetDeadline>();
        auto due = organ_deadline(s, calendar, c.region_code, c.received_at_ms,
                                  c.pending.value("days", 15));
        if (!due.ok()) return due.status();
        if (ended) {
          // Routed, or the receipt notice sent, while the deadline was pending: whether that was
          // in time is known now. The petition's current step has a deadline of its own.
          const bool kept = c.pending["ended_at_ms"].get<int64_t>() <= *due;
          if (c.attrs.contains("routed_in_time") && c.attrs["routed_in_time"].is_null())
            c.attrs["routed_in_time"] = kept;
          if (c.attrs.contains("receipt_notice") && c.attrs["receipt_notice"].is_object() &&
              c.attrs["receipt_notice"]["in_time"].is_null())
            c.attrs["receipt_notice"]["in_time"] = kept;
          return std::optional<cases::SetDeadline>();
        }
        cases::SetDeadline set{*due, {{timer, *due}}};
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::petitions
