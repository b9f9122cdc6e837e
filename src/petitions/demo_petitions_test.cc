#include "petitions/demo_petitions.h"

#include <gtest/gtest.h>

#include "hotline/demo_orders.h"
#include "petitions/test_world.h"

namespace shegong::petitions {
namespace {

TEST(DemoPetitions, GoThroughTheRealEngineAndKeepAccusationsFromTheAccused) {
  PetitionWorld w;
  hotline::DemoOptions orders;
  orders.month = "2025-11";
  orders.count = 20;
  orders.now_ms = PetitionWorld::at("2025-11-20", 12);
  ASSERT_TRUE(hotline::generate_demo_orders(*w.db, w.box, *w.tree, w.calendar, orders).ok());
  DemoPetitionOptions o;
  o.count = 40;
  o.now_ms = orders.now_ms;
  auto report = generate_demo_petitions(*w.db, w.box, *w.tree, w.calendar, o);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->petitions, 40);
  EXPECT_GT(report->answered, 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE kind = 'petition'"), 40);
  EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'petition' AND state = 'answered'"),
            0);
  // Supported decisions carried out in part or in full, and some still waiting (Art. 32).
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'record_implementation'"), 0);
  EXPECT_GT(w.count("SELECT count(*) FROM petition_implementations"), 0);
  // Every accusation went to the 纪检监察 organ, and no notice reached a unit it accuses.
  EXPECT_EQ(w.count("SELECT count(*) FROM cases c JOIN petition_parties pp ON pp.case_id = c.id "
                    "AND pp.role = 'accused' WHERE c.state NOT IN ('registered', 'referred')"),
            0);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_notices n JOIN petition_parties pp ON pp.case_id = "
                    "n.case_id AND pp.role = 'accused' AND n.audience = 'unit:' || pp.unit_id"),
            0);
  // Deterministic: the same seed gives the same petitions.
  PetitionWorld again;
  ASSERT_TRUE(
      hotline::generate_demo_orders(*again.db, again.box, *again.tree, again.calendar, orders)
          .ok());
  ASSERT_TRUE(generate_demo_petitions(*again.db, again.box, *again.tree, again.calendar, o).ok());
  EXPECT_EQ(
      again.count("SELECT count(*) FROM cases WHERE kind = 'petition' AND state = 'answered'"),
      w.count("SELECT count(*) FROM cases WHERE kind = 'petition' AND state = 'answered'"));
}

// Late in the last loaded year, before the next year's notice is loaded: orders whose deadlines
// would end in the next year go to their units with the deadline pending, as the server dispatches
// them, petitions are registered with their deadline pending, and the demos go on.
TEST(DemoPetitions, LateInTheLastLoadedYearTheDemosGoOnWithDeadlinesPending) {
  PetitionWorld w;
  const std::string year = std::to_string(w.calendar.last_year());
  hotline::DemoOptions orders;
  orders.month = year + "-12";
  orders.count = 300;
  orders.now_ms = PetitionWorld::at(year + "-12-28", 12);
  auto order_report = hotline::generate_demo_orders(*w.db, w.box, *w.tree, w.calendar, orders);
  ASSERT_TRUE(order_report.ok()) << order_report.status().to_string();
  EXPECT_EQ(order_report->orders, 300);
  EXPECT_GT(order_report->deadline_pending, 0);
  EXPECT_LE(order_report->deadline_pending, order_report->in_progress);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE kind = 'order' AND due_at_ms IS NULL AND "
                    "attrs LIKE '%deadline_pending%' AND state <> 'closed'"),
            order_report->deadline_pending);
  // No deadline is guessed: none lies past the loaded calendar.
  const int64_t next_year =
      PetitionWorld::at(std::to_string(w.calendar.last_year() + 1) + "-01-01", 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE due_at_ms >= " + std::to_string(next_year)),
            0);

  DemoPetitionOptions o;
  o.count = 40;
  o.now_ms = orders.now_ms;
  auto report = generate_demo_petitions(*w.db, w.box, *w.tree, w.calendar, o);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  // Every petition is registered; those whose first deadline needs the next year wait for it.
  EXPECT_EQ(report->petitions, 40);
  EXPECT_EQ(w.count("SELECT count(*) FROM cases WHERE kind = 'petition'"), 40);
  EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'petition' AND attrs LIKE "
                    "'%deadline_pending%'"),
            0);
}

}  // namespace
}  // namespace shegong::petitions
