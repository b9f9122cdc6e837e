#include "burden/indicators.h"

#include "burden/work_task_kind.h"

namespace shegong::burden {

Result<std::vector<TaskCounts>> task_counts(db::Session& s, std::string_view region_code,
                                            int64_t from_ms, int64_t to_ms) {
  const std::string lo(region_code);
  // An approval or a rejection is the only way out of awaiting_approval, and either leaves the
  // task's list "unlisted": rejected tasks are in state rejected, approved ones went on.
  auto rows = s.query(
      "SELECT region_code, type, state, channel, overdue, count(*) FROM cases WHERE kind = ? AND "
      "region_code >= ? AND region_code < ? AND received_at_ms >= ? AND received_at_ms < ? "
      "GROUP BY region_code, type, state, channel, overdue ORDER BY region_code",
      {std::string(kWorkTaskKind), lo, lo + ":", from_ms, to_ms});
  if (!rows.ok()) return rows.status();
  std::vector<TaskCounts> out;
  for (const db::Row& r : *rows) {
    if (out.empty() || out.back().region_code != r.text(0)) out.push_back({r.text(0)});
    TaskCounts& t = out.back();
    const int64_t n = r.integer(5);
    const bool listed = r.text(1) != "unlisted";
    const std::string state = r.text(2);
    t.sent += n;
    (listed ? t.on_lists : t.off_lists) += n;
    if (!listed && state == "rejected") t.rejected += n;
    if (!listed && (state == "admitted" || state == "done")) t.approved += n;
    if (state == "awaiting_approval") t.awaiting += n;
    if (state == "done") t.done += n;
    if (r.integer(4) != 0) t.overdue += n;
    if (r.text(3) == "form_filling") t.form_filling += n;
  }
  return out;
}

}  // namespace shegong::burden
