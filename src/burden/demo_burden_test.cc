#include "burden/demo_burden.h"

#include <gtest/gtest.h>

#include "burden/test_world.h"

namespace shegong::burden {
namespace {

TEST(DemoBurden, PublishesTheListsSendsTasksThroughTheEngineAndRunsOnce) {
  BurdenWorld w;
  // The hotline demo's departments that send the demo's tasks, beside the world's two.
  ASSERT_TRUE(
      w.db->write([&](db::Session& s) {
            for (const char* name :
                 {"东城区民政局", "东城区生态环境局", "东城区交通委员会", "东城区市场监督管理局"}) {
              SHEGONG_RETURN_IF_ERROR(
                  hotline::create_unit(s, {0, name, "department", "110101", true}).status());
            }
            return Status::Ok();
          })
          .ok());
  DemoBurdenOptions o;
  o.now_ms = w.clock.now_ms();
  auto report = generate_demo_burden(*w.db, o);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->items, 26);
  EXPECT_EQ(report->tasks, 10);
  EXPECT_EQ(report->certificates, 6);
  const std::vector<std::string> states = w.case_states("work_task");
  ASSERT_EQ(states.size(), 10u);
  for (const char* state : {"admitted", "awaiting_approval", "rejected", "done"}) {
    EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'work_task' AND state = ?",
                      {std::string(state)}),
              0)
        << state;
  }
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE kind = 'work_task' AND state = "
                    "'awaiting_approval'"),
            report->awaiting);
  EXPECT_EQ(w.count("SELECT count(*) FROM certificate_requests WHERE outcome = 'refused'"), 2);
  // Published once: a second run adds nothing.
  auto again = generate_demo_burden(*w.db, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->items, 0);
  EXPECT_EQ(w.case_states("work_task"), states);
}

}  // namespace
}  // namespace shegong::burden
