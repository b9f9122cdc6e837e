#include "hotline/pending_deadlines.h"

#include "hotline/order_kind.h"
#include "hotline/sla.h"

namespace shegong::hotline {

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kOrderKind, "order.deadline_set", clock,
      [&calendar](db::Session&,
                  const cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        if (c.state != "dispatched" && c.state != "accepted")
          return std::optional<cases::SetDeadline>();
        const nlohmann::json& p = c.pending;
        auto due = deadline_after(calendar, p.value("from_ms", c.received_at_ms),
                                  p.value("amount", int64_t{0}), p.value("unit", std::string()),
                                  p.value("roll", true));
        if (!due.ok()) return due.status();
        cases::SetDeadline set{*due, {{"deadline", *due}}};
        const int64_t remind_at = *due - p.value("reminder_minutes", int64_t{0}) * 60'000;
        if (p.value("reminder_minutes", int64_t{0}) > 0 && remind_at > c.now_ms)
          set.timers.push_back({"reminder", remind_at});
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::hotline
