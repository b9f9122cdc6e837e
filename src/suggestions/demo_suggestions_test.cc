#include "suggestions/demo_suggestions.h"

#include <gtest/gtest.h>

#include "suggestions/test_world.h"

namespace shegong::suggestions {
namespace {

TEST(DemoSuggestions, ShowEveryStepThroughTheRealEngineAndAreTheSameForASeed) {
  SuggestionWorld w;
  DemoSuggestionOptions o;
  o.now_ms = SuggestionWorld::at("2025-11-20", 12);
  auto report = generate_demo_suggestions(*w.db, w.box, *w.tree, o);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->suggestions, 35);
  EXPECT_EQ(report->collections, 2);
  for (const char* state : {"registered", "accepted", "closed", "redirected"}) {
    EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'suggestion' AND state = ?",
                      {std::string(state)}),
              0)
        << state;
  }
  EXPECT_GT(w.count("SELECT count(*) FROM cases WHERE kind = 'suggestion' AND overdue = 1"), 0);
  // The closed collection's late submissions, and its results answering its suggestions.
  EXPECT_EQ(w.count("SELECT count(*) FROM suggestion_submissions WHERE late = 1"), 2);
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'feedback' AND data LIKE "
                    "'%publication%'"),
            0);
  // A transfer to the district's 住房和城乡建设委员会, and the office named for the portal.
  EXPECT_GT(w.count("SELECT count(*) FROM case_events WHERE action = 'transfer'"), 0);
  EXPECT_GT(w.count("SELECT count(*) FROM profiles WHERE key = 'suggestion.office_unit'"), 0);

  SuggestionWorld again;
  ASSERT_TRUE(generate_demo_suggestions(*again.db, again.box, *again.tree, o).ok());
  EXPECT_EQ(w.case_states("suggestion"), again.case_states("suggestion"));
}

}  // namespace
}  // namespace shegong::suggestions
