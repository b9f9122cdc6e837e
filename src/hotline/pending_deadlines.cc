#include "hotline/pending_deadlines.h"

#include "hotline/order_kind.h"
#include "hotline/rates.h"
#include "hotline/sla.h"

namespace shegong::hotline {

using Json = nlohmann::json;

Result<int64_t> pending_due(const HolidayCalendar& calendar, const Json& pending) {
  const bool roll = pending.value("roll", true);
  auto due = deadline_after(calendar, pending.value("from_ms", int64_t{0}),
                            pending.value("amount", int64_t{0}),
                            pending.value("unit", std::string()), roll);
  if (!due.ok()) return due;
  // Extensions approved while the deadline was pending move it on one by one, as approval would
  // have (each rolls off a day off on its own). `extension_days`, the sum of those approved
  // before they were kept one by one, comes first.
  Json extensions = Json::array();
  if (pending.value("extension_days", int64_t{0}) > 0)
    extensions.push_back(pending["extension_days"]);
  for (const Json& days : pending.value("extensions", Json::array())) extensions.push_back(days);
  for (const Json& days : extensions) {
    due = deadline_after(calendar, *due, days.get<int64_t>(), "days", roll);
    if (!due.ok()) return due;
  }
  return due;
}

void keep_replied_round(Json& attrs, int64_t unit_id) {
  if (!attrs.contains("deadline_pending") || !attrs["deadline_pending"].is_object() ||
      !attrs.contains("reply") || !attrs["reply"].is_object())
    return;
  Json& pending = attrs["deadline_pending"];
  Json round = pending;
  round.erase("replied_rounds");
  round["replied_at_ms"] = attrs["reply"].value("at_ms", int64_t{0});
  round["unit_id"] = unit_id;
  pending["replied_rounds"].push_back(std::move(round));
}

Result<std::vector<int64_t>> judge_replied_rounds(db::Session& s, const HolidayCalendar& calendar,
                                                  const Json& rounds) {
  std::vector<int64_t> missed;
  if (!rounds.is_array()) return missed;
  for (const Json& round : rounds) {
    auto due = pending_due(calendar, round);
    if (!due.ok()) return due.status();
    if (round.value("replied_at_ms", int64_t{0}) <= *due) continue;
    SHEGONG_RETURN_IF_ERROR(
        bump_counter(s, round.value("unit_id", int64_t{0}), period_of(*due), "overdue"));
    missed.push_back(*due);
  }
  return missed;
}

Result<cases::PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                                      const Clock& clock) {
  return cases::set_pending_deadlines(
      db, kOrderKind, "order.deadline_set", clock,
      [&calendar](db::Session& s,
                  cases::PendingCase& c) -> Result<std::optional<cases::SetDeadline>> {
        Json p = c.pending;
        if (!p.contains("from_ms")) p["from_ms"] = c.received_at_ms;
        // Rounds replied earlier, before the order went back to its unit.
        auto missed = judge_replied_rounds(s, calendar, p.value("replied_rounds", Json::array()));
        if (!missed.ok()) return missed.status();
        const bool handling = c.state == "dispatched" || c.state == "accepted";
        // The unit's reply to this dispatch, if it came while the deadline was pending.
        int64_t replied_at = 0;
        if (c.attrs.contains("reply") && c.attrs["reply"].is_object())
          replied_at = c.attrs["reply"].value("at_ms", int64_t{0});
        const int64_t from_ms = p["from_ms"].get<int64_t>();
        if (!handling && replied_at < from_ms) {
          if (missed->empty()) return std::optional<cases::SetDeadline>();
          // Only earlier rounds to judge: the order's own deadline stays as it is.
          cases::SetDeadline set{missed->back(), {}, true};
          set.current_step = false;
          set.event_data = {{"replied_rounds_late", *missed}};
          return std::optional<cases::SetDeadline>(set);
        }
        auto due = pending_due(calendar, p);
        if (!due.ok()) return due.status();
        cases::SetDeadline set{*due, {}};
        if (!missed->empty()) set.event_data = {{"replied_rounds_late", *missed}};
        // Item 36: an extension approved meanwhile is told to the requester and the centre with
        // the deadline it gives.
        if (!p.value("extensions", Json::array()).empty() ||
            p.value("extension_days", int64_t{0}) > 0)
          set.notify = {"requester", "centre"};
        if (!handling) {
          // Replied meanwhile: no timer for a step that has ended, but a reply after the deadline
          // was late, and counts against the unit in the month the deadline passed.
          set.overdue = replied_at > *due;
          if (set.overdue && c.lead_unit_id != 0)
            SHEGONG_RETURN_IF_ERROR(bump_counter(s, c.lead_unit_id, period_of(*due), "overdue"));
          return std::optional<cases::SetDeadline>(set);
        }
        set.timers = {{"deadline", *due}};
        const int64_t reminder_minutes = p.value("reminder_minutes", int64_t{0});
        const int64_t remind_at = *due - reminder_minutes * 60'000;
        if (reminder_minutes > 0 && remind_at > c.now_ms)
          set.timers.push_back({"reminder", remind_at});
        return std::optional<cases::SetDeadline>(set);
      });
}

}  // namespace shegong::hotline
