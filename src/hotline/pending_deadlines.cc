#include "hotline/pending_deadlines.h"

#include "hotline/order_kind.h"
#include "hotline/rates.h"
#include "hotline/sla.h"

namespace shegong::hotline {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kOrderKind, "order.deadline_set", clock,
      [&calendar](db::Session& s,
                  cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        const nlohmann::json& p = c.pending;
        const int64_t from_ms = p.value("from_ms", c.received_at_ms);
        const bool handling = c.state == "dispatched" || c.state == "accepted";
        // The unit's reply to this dispatch, if it came while the deadline was pending.
        int64_t replied_at = 0;
        if (c.attrs.contains("reply") && c.attrs["reply"].is_object())
          replied_at = c.attrs["reply"].value("at_ms", int64_t{0});
        if (!handling && replied_at < from_ms) return std::optional<cases::SetDeadline>();
        const bool roll = p.value("roll", true);
        auto due = deadline_after(calendar, from_ms, p.value("amount", int64_t{0}),
                                  p.value("unit", std::string()), roll);
        if (!due.ok()) return due.status();
        // Extensions approved while the deadline was pending move it on, as approval would have.
        if (const int64_t days = p.value("extension_days", int64_t{0}); days > 0) {
          due = deadline_after(calendar, *due, days, "days", roll);
          if (!due.ok()) return due.status();
        }
        if (!handling) {
          // Replied meanwhile: no timer for a step that has ended, but a reply after the deadline
          // was late, and counts against the unit in the month the deadline passed.
          cases::SetDeadline set{*due, {}, replied_at > *due};
          if (set.overdue && c.lead_unit_id != 0)
            SHEGONG_RETURN_IF_ERROR(bump_counter(s, c.lead_unit_id, period_of(*due), "overdue"));
          return std::optional<cases::SetDeadline>(set);
        }
        cases::SetDeadline set{*due, {{"deadline", *due}}};
        const int64_t remind_at = *due - p.value("reminder_minutes", int64_t{0}) * 60'000;
        if (p.value("reminder_minutes", int64_t{0}) > 0 && remind_at > c.now_ms)
          set.timers.push_back({"reminder", remind_at});
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::hotline
