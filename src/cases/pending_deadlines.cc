#include "cases/pending_deadlines.h"

#include <algorithm>
#include <exception>

#include "audit/audit_log.h"
#include "base/log.h"

namespace shegong::cases {

namespace {

using Json = nlohmann::json;

// Stores the deadline `d` of case `c` (attrs without the flag), and tells its history, its lead
// unit (when the deadline is of the step it holds now) and whoever else the rule names.
Status store_deadline(db::Session& s, const Clock& clock, std::string_view audit_action,
                      const PendingCase& c, const SetDeadline& d) {
  if (d.current_step) {
    SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE cases SET due_at_ms = ?, overdue = ?, attrs = ?, "
                                   "version = version + 1 WHERE id = ?",
                                   {d.due_at_ms, int64_t{d.overdue ? 1 : 0}, c.attrs.dump(), c.id})
                                .status());
    for (const auto& [timer, at] : d.timers) {
      SHEGONG_RETURN_IF_ERROR(
          s.exec("INSERT INTO case_timers(case_id, kind, due_at_ms) VALUES(?, ?, ?)",
                 {c.id, timer, at})
              .status());
    }
  } else {
    SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE cases SET attrs = ?, version = version + 1 WHERE id = ?",
                                   {c.attrs.dump(), c.id})
                                .status());
  }
  Json data{{"due_ms", d.due_at_ms}, {"overdue", d.overdue}};
  if (d.event_data.is_object()) data.update(d.event_data);
  auto event = s.query(
      "INSERT INTO case_events(case_id, at_ms, actor, action, from_state, to_state, unit_id, data) "
      "VALUES(?, ?, 'system', 'deadline_set', ?, ?, ?, ?) RETURNING id",
      {c.id, c.now_ms, c.state, c.state,
       c.lead_unit_id == 0 ? db::null() : db::Value(c.lead_unit_id), data.dump()});
  if (!event.ok()) return event.status();
  std::vector<std::string> audiences = d.notify;
  if (d.current_step && c.lead_unit_id != 0)
    audiences.push_back("unit:" + std::to_string(c.lead_unit_id));
  std::sort(audiences.begin(), audiences.end());
  audiences.erase(std::unique(audiences.begin(), audiences.end()), audiences.end());
  for (const std::string& audience : audiences) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO case_notices(case_id, event_id, audience, created_at_ms) "
               "VALUES(?, ?, ?, ?)",
               {c.id, (*event)[0].integer(0), audience, c.now_ms})
            .status());
  }
  return audit::append(s, clock,
                       {"system", std::string(audit_action), "case:" + std::to_string(c.id),
                        "due=" + format_utc_iso8601(d.due_at_ms) + (d.overdue ? " late" : "")});
}

// The rule's answer for `c`; an exception (nlohmann's, on a malformed attrs value) is an error.
Result<std::optional<SetDeadline>> apply_rule(db::Session& s, const PendingDeadlineRule& rule,
                                              PendingCase& c) {
  try {
    return rule(s, c);
  } catch (const std::exception& e) {
    return Internal(std::string("malformed deadline_pending or attrs: ") + e.what());
  }
}

// One case: what it counts as, or an error (the caller rolls the case back).
enum class Outcome { kSet, kStillPending, kMovedOn };
Result<Outcome> settle(db::Session& s, const Clock& clock, std::string_view audit_action,
                       const PendingDeadlineRule& rule, PendingCase& c) {
  auto set = apply_rule(s, rule, c);
  if (!set.ok() && set.status().field() == "calendar") return Outcome::kStillPending;
  if (!set.ok()) return set.status();
  if (!*set) {
    SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE cases SET attrs = ?, version = version + 1 WHERE id = ?",
                                   {c.attrs.dump(), c.id})
                                .status());
    return Outcome::kMovedOn;
  }
  SHEGONG_RETURN_IF_ERROR(store_deadline(s, clock, audit_action, c, **set));
  return Outcome::kSet;
}

}  // namespace

Result<PendingDeadlines> set_pending_deadlines(db::Db& db, std::string_view kind,
                                               std::string_view audit_action, const Clock& clock,
                                               const PendingDeadlineRule& rule) {
  PendingDeadlines out;
  Status st = db.write([&](db::Session& s) {
    out = {};
    auto rows = s.query(
        "SELECT id, state, region_code, lead_unit_id, received_at_ms, attrs FROM cases "
        "WHERE kind = ? AND attrs LIKE '%\"deadline_pending\"%' ORDER BY id",
        {std::string(kind)});
    if (!rows.ok()) return rows.status();
    for (const db::Row& r : *rows) {
      Json attrs = Json::parse(r.text(5), nullptr, false);
      if (!attrs.is_object() || !attrs.contains("deadline_pending")) continue;
      PendingCase c{r.integer(0),
                    r.text(1),
                    r.text(2),
                    r.integer(3),
                    r.integer(4),
                    clock.now_ms(),
                    attrs["deadline_pending"],
                    attrs};
      c.attrs.erase("deadline_pending");
      // A savepoint per case: one that fails is rolled back alone and keeps its flag.
      SHEGONG_RETURN_IF_ERROR(s.exec("SAVEPOINT pending_deadline").status());
      auto outcome = settle(s, clock, audit_action, rule, c);
      if (!outcome.ok()) {
        log::error("the pending deadline of case {} was not set: {}", c.id,
                   outcome.status().to_string());
        SHEGONG_RETURN_IF_ERROR(s.exec("ROLLBACK TO pending_deadline").status());
        ++out.failed;
      } else if (*outcome == Outcome::kSet) {
        ++out.set;
      } else if (*outcome == Outcome::kStillPending) {
        SHEGONG_RETURN_IF_ERROR(s.exec("ROLLBACK TO pending_deadline").status());
        ++out.still_pending;
      } else {
        ++out.moved_on;
      }
      SHEGONG_RETURN_IF_ERROR(s.exec("RELEASE pending_deadline").status());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace shegong::cases
