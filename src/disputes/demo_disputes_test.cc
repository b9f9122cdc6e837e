#include "disputes/demo_disputes.h"

#include <gtest/gtest.h>

#include "disputes/test_world.h"

namespace shegong::disputes {
namespace {

TEST(DemoDisputes, ShowEveryOutcomeThroughTheRealEngineAndAreTheSameForASeed) {
  DisputeWorld w;
  DemoDisputeOptions o;
  o.now_ms = DisputeWorld::at("2025-11-20", 12);
  auto report = generate_demo_disputes(*w.db, w.box, *w.tree, w.calendar, o);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->disputes, 17);
  EXPECT_GT(report->agreed, 0);
  for (const char* state : {"registered", "accepted", "mediating", "agreed", "failed", "declined"}) {
    EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'dispute' AND state = ?",
                      {std::string(state)}),
              0)
        << state;
  }
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'record_confirmation'"), 0);
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'refer'"), 0);
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'record_refusal'"), 0);

  DisputeWorld again;
  ASSERT_TRUE(generate_demo_disputes(*again.db, again.box, *again.tree, again.calendar, o).ok());
  EXPECT_EQ(w.case_states("dispute"), again.case_states("dispute"));
}

}  // namespace
}  // namespace shegong::disputes
