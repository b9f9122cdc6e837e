#include "petitions/pending_deadlines.h"

#include "petitions/deadlines.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

namespace {

using Json = nlohmann::json;

// When the step the pending deadline was for ended (routing on, or the receipt notice), or 0 while
// it has not. Rows written before ended_at_ms was recorded have only the step's own time.
int64_t step_ended_at(const cases::PendingCase& c) {
  if (c.pending.contains("ended_at_ms")) return c.pending["ended_at_ms"].get<int64_t>();
  if (c.attrs.contains("routed_at_ms")) return c.attrs["routed_at_ms"].get<int64_t>();
  if (c.attrs.contains("receipt_notice") && c.attrs["receipt_notice"].is_object())
    return c.attrs["receipt_notice"].value("at_ms", int64_t{0});
  return 0;
}

}  // namespace

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kPetitionKind, "petition.deadline_set", clock,
      [&calendar](db::Session& s,
                  cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        const std::string timer = c.pending.value("timer", "");
        const int64_t ended_at = step_ended_at(c);
        if (timer.empty() || (ended_at == 0 && c.state != "registered"))
          return std::optional<cases::SetDeadline>();
        auto due = organ_deadline(s, calendar, c.region_code, c.received_at_ms,
                                  c.pending.value("days", 15));
        if (!due.ok()) return due.status();
        if (ended_at == 0) {
          cases::SetDeadline set{*due, {{timer, *due}}};
          return std::optional<cases::SetDeadline>(set);
        }
        // Routed, or the receipt notice sent, while the deadline was pending: whether that was in
        // time is known now. The petition's current step has a deadline of its own, left alone;
        // a step that ended late is recorded as the timer would have (attrs.late) and the office
        // that supervises it is told.
        const bool kept = ended_at <= *due;
        const bool recorded = c.pending.contains("ended_at_ms");
        if (c.attrs.contains("routed_in_time") &&
            (c.attrs["routed_in_time"].is_null() || !recorded))
          c.attrs["routed_in_time"] = kept;
        if (c.attrs.contains("receipt_notice") && c.attrs["receipt_notice"].is_object() &&
            (c.attrs["receipt_notice"]["in_time"].is_null() || !recorded))
          c.attrs["receipt_notice"]["in_time"] = kept;
        const std::string step = timer.substr(0, timer.rfind("_due"));
        cases::SetDeadline set{*due, {}, !kept};
        set.current_step = false;
        set.event_data = {{"step", step}, {"ended_at_ms", ended_at}};
        if (!kept) {
          c.attrs["late"].push_back({{"step", step}, {"at_ms", *due}});
          set.notify = {"supervision:" + c.region_code};
        }
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::petitions
