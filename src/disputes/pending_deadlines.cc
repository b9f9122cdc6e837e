#include "disputes/pending_deadlines.h"

#include "disputes/dispute_kind.h"
#include "disputes/vocabulary.h"

namespace shegong::disputes {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kDisputeKind, "dispute.deadline_set", clock,
      [&calendar](db::Session& s,
                  cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        const std::string key = c.pending.value("key", "dispute.acceptance_working_days");
        auto due = working_days_after(s, calendar, c.region_code, key.c_str(), c.received_at_ms);
        if (!due.ok()) return due.status();
        const int64_t ended_at = c.pending.value("ended_at_ms", int64_t{0});
        if (ended_at == 0) {
          // A dispute referred or started meanwhile has no acceptance of its own to keep here.
          if (c.state != "registered") return std::optional<cases::SetDeadline>();
          cases::SetDeadline set{*due, {{"acceptance_due", *due}}};
          return std::optional<cases::SetDeadline>(set);
        }
        // Accepted or declined while the deadline was pending: judged now.
        const bool kept = ended_at <= *due;
        if (c.attrs.contains("acceptance") && c.attrs["acceptance"].is_object()) {
          c.attrs["acceptance"]["in_time"] = kept;
        }
        cases::SetDeadline set{*due, {}, !kept};
        set.current_step = false;
        set.event_data = {{"step", "acceptance"}, {"ended_at_ms", ended_at}};
        if (!kept) {
          c.attrs["late"].push_back({{"step", "acceptance"}, {"at_ms", *due}});
          set.notify = {"supervision:" + c.region_code};
        }
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::disputes
