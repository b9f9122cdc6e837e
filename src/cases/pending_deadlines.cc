#include "cases/pending_deadlines.h"

#include "audit/audit_log.h"

namespace shegong::cases {

using Json = nlohmann::json;

Result<PendingDeadlines> set_pending_deadlines(db::Db& db, std::string_view kind,
                                               std::string_view audit_action, const Clock& clock,
                                               const PendingDeadlineRule& rule) {
  PendingDeadlines out;
  Status st = db.write([&](db::Session& s) {
    out = {};
    auto rows = s.query(
        "SELECT id, state, region_code, received_at_ms, attrs FROM cases "
        "WHERE kind = ? AND attrs LIKE '%\"deadline_pending\"%' ORDER BY id",
        {std::string(kind)});
    if (!rows.ok()) return rows.status();
    for (const db::Row& r : *rows) {
      Json attrs = Json::parse(r.text(4), nullptr, false);
      if (!attrs.is_object() || !attrs.contains("deadline_pending")) continue;
      PendingCase c{r.integer(0), r.text(1),      r.text(2),
                    r.integer(3), clock.now_ms(), attrs["deadline_pending"]};
      attrs.erase("deadline_pending");
      auto set = rule(s, c);
      if (!set.ok() && set.status().field() == "calendar") {
        ++out.still_pending;
        continue;
      }
      if (!set.ok()) return set.status();
      if (!*set) {
        SHEGONG_RETURN_IF_ERROR(
            s.exec("UPDATE cases SET attrs = ?, version = version + 1 WHERE id = ?",
                   {attrs.dump(), c.id})
                .status());
        ++out.moved_on;
        continue;
      }
      const SetDeadline& d = **set;
      SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE cases SET due_at_ms = ?, overdue = 0, attrs = ?, "
                                     "version = version + 1 WHERE id = ?",
                                     {d.due_at_ms, attrs.dump(), c.id})
                                  .status());
      for (const auto& [timer, at] : d.timers) {
        SHEGONG_RETURN_IF_ERROR(
            s.exec("INSERT INTO case_timers(case_id, kind, due_at_ms) VALUES(?, ?, ?)",
                   {c.id, timer, at})
                .status());
      }
      SHEGONG_RETURN_IF_ERROR(
          audit::append(s, clock,
                        {"system", std::string(audit_action), "case:" + std::to_string(c.id),
                         "due=" + format_utc_iso8601(d.due_at_ms)}));
      ++out.set;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace shegong::cases
