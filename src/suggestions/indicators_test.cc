#include "suggestions/indicators.h"

#include <gtest/gtest.h>

#include "suggestions/test_world.h"

namespace shegong::suggestions {
namespace {

TEST(SuggestionIndicators, CountAdoptionAnswersInTimeAndOverduePerHoldingUnit) {
  SuggestionWorld w;  // Friday 2025-09-26
  const int64_t from = w.at("2025-09-01", 0);
  // Answered in time, adopted in part; answered after its acceptance ran late; still waiting.
  auto c = w.evaluated(w.suggestion(), "partly_adopted");
  w.acted(c.id, "feedback", w.office_staff, {{"method", "letter"}, {"text", "已部分采纳。"}});
  auto late = w.filed(w.suggestion());
  auto waiting = w.filed(w.suggestion());
  w.clock.set_ms(w.at("2025-10-20", 9));  // past the 15 days to accept
  w.fire_timers();
  w.acted(late.id, "accept", w.office_staff);
  w.acted(late.id, "evaluate", w.office_staff,
          {{"adoption", "not_adopted"}, {"reasons", "与现行规划不符。"}});
  w.acted(late.id, "feedback", w.office_staff, {{"method", "phone"}, {"text", "未采纳。"}});
  std::vector<SuggestionCounts> rows;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto r = suggestion_counts(s, "110101", from, w.at("2025-10-01", 0));
                    if (!r.ok()) return r.status();
                    rows = *r;
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(rows.size(), 1u);
  const SuggestionCounts& n = rows[0];
  EXPECT_EQ(n.unit_id, w.office.id);
  EXPECT_EQ(n.received, 3);
  EXPECT_EQ(n.accepted, 2);
  EXPECT_EQ(n.partly_adopted, 1);
  EXPECT_EQ(n.not_adopted, 1);
  EXPECT_EQ(n.answered, 2);
  EXPECT_EQ(n.answered_in_time, 1);
  EXPECT_EQ(n.overdue, 1) << waiting.id;  // the one never accepted
  // Another district's area has none.
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    auto r = suggestion_counts(s, "110102", from, w.at("2025-10-01", 0));
                    EXPECT_TRUE(r.ok() && r->empty());
                    return Status::Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace shegong::suggestions
