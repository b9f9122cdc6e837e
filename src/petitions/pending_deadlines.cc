#include "petitions/pending_deadlines.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "petitions/deadlines.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

using Json = nlohmann::json;

Result<PendingDeadlines> set_pending_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                               const Clock& clock) {
  PendingDeadlines out;
  Status st = db.write([&](db::Session& s) {
    out = {};
    auto rows = s.query(
        "SELECT id, state, region_code, received_at_ms, attrs FROM cases "
        "WHERE kind = ? AND attrs LIKE '%\"deadline_pending\"%' ORDER BY id",
        {std::string(kPetitionKind)});
    if (!rows.ok()) return rows.status();
    for (const db::Row& r : *rows) {
      const int64_t id = r.integer(0);
      Json attrs = Json::parse(r.text(4), nullptr, false);
      if (!attrs.is_object() || !attrs.contains("deadline_pending")) continue;
      const Json pending = attrs["deadline_pending"];
      attrs.erase("deadline_pending");
      const std::string object = "case:" + std::to_string(id);
      if (r.text(1) != "registered") {
        SHEGONG_RETURN_IF_ERROR(
            s.exec("UPDATE cases SET attrs = ?, version = version + 1 WHERE id = ?",
                   {attrs.dump(), id})
                .status());
        ++out.moved_on;
        continue;
      }
      auto due = organ_deadline(s, calendar, r.text(2), r.integer(3), pending.value("days", 15));
      if (!due.ok() && due.status().field() == "calendar") {
        ++out.still_pending;
        continue;
      }
      if (!due.ok()) return due.status();
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE cases SET due_at_ms = ?, attrs = ?, version = version + 1 WHERE id = ?",
                 {*due, attrs.dump(), id})
              .status());
      const std::string timer = pending.value("timer", "");
      if (!timer.empty()) {
        SHEGONG_RETURN_IF_ERROR(
            s.exec("INSERT INTO case_timers(case_id, kind, due_at_ms) VALUES(?, ?, ?)",
                   {id, timer, *due})
                .status());
      }
      SHEGONG_RETURN_IF_ERROR(audit::append(
          s, clock,
          {"system", "petition.deadline_set", object, "due=" + format_utc_iso8601(*due)}));
      ++out.set;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace shegong::petitions
