#include "suggestions/indicators.h"

#include <map>

#include <nlohmann/json.hpp>

namespace shegong::suggestions {

Result<std::vector<SuggestionCounts>> suggestion_counts(db::Session& s,
                                                        std::string_view region_code,
                                                        int64_t from_ms, int64_t to_ms) {
  const std::string lo(region_code);
  std::map<int64_t, SuggestionCounts> by_unit;
  Status st = s.query_each(
      "SELECT lead_unit_id, state, overdue, attrs FROM cases WHERE kind = 'suggestion' AND "
      "region_code >= ? AND region_code < ? AND received_at_ms >= ? AND received_at_ms < ?",
      {lo, lo + ":", from_ms, to_ms}, [&](const db::Row& r) {
        SuggestionCounts& c = by_unit[r.integer(0)];
        c.unit_id = r.integer(0);
        const std::string state = r.text(1);
        const nlohmann::json a = nlohmann::json::parse(r.text(3), nullptr, false);
        ++c.received;
        c.accepted += state == "accepted" || state == "evaluated" || state == "closed";
        c.redirected += state == "redirected";
        if (a.is_object() && a.contains("adoption")) {
          const std::string adoption = a["adoption"].value("status", "");
          c.adopted += adoption == "adopted";
          c.partly_adopted += adoption == "partly_adopted";
          c.not_adopted += adoption == "not_adopted";
        }
        const bool late = a.is_object() && a.contains("late") && !a["late"].empty();
        c.answered += state == "closed";
        c.answered_in_time += state == "closed" && !late;
        c.overdue += r.integer(2) != 0;
        c.rewarded += a.is_object() && a.contains("rewards") && !a["rewards"].empty();
        return Status::Ok();
      });
  if (!st.ok()) return st;
  std::vector<SuggestionCounts> out;
  for (auto& [unit, c] : by_unit) out.push_back(c);
  return out;
}

}  // namespace shegong::suggestions
