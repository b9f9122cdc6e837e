// The suggestion kind beyond the domain statements: its deadlines from the region's profile, a
// transfer to the competent organ, and the collective publication of a collection's results.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cases/profile.h"
#include "suggestions/test_world.h"

namespace shegong::suggestions {
namespace {

using Json = nlohmann::json;

Json attrs(const cases::CaseRecord& c) { return Json::parse(c.attrs); }

TEST(SuggestionKind, AcceptanceAndAnswerAreDueByTheProfilesDaysAndMarkedOverdueAfter) {
  SuggestionWorld w;  // Friday 2025-09-26, 09:00
  auto c = w.filed(w.suggestion());
  // 15 calendar days from receipt, to the end of the last day.
  EXPECT_EQ(c.due_at_ms, china_end_of_day_ms(*Date::parse("2025-10-11")));
  w.clock.set_ms(w.at("2025-10-11", 23));
  w.fire_timers();
  EXPECT_FALSE(w.load(c.id).overdue);
  w.clock.set_ms(w.at("2025-10-12", 0, 1));
  EXPECT_EQ(w.fire_timers(), 1);
  auto late = w.load(c.id);
  EXPECT_TRUE(late.overdue);
  EXPECT_EQ(attrs(late)["late"][0]["step"], "acceptance");
  // Accepted late: recorded so, and the answer is due 60 days on.
  auto a = w.acted(c.id, "accept", w.office_staff);
  EXPECT_FALSE(a.overdue);
  EXPECT_FALSE(attrs(a)["accepted"]["in_time"].get<bool>());
  EXPECT_EQ(a.due_at_ms, china_end_of_day_ms(*Date::parse("2025-12-11")));

  // A district sets its own periods; a value out of range is refused naming the key.
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    return cases::set_profile(s, "110101", "suggestion.accept_days", "5");
                  })
                  .ok());
  auto quick = w.filed(w.suggestion());
  EXPECT_EQ(quick.due_at_ms, china_end_of_day_ms(*Date::parse("2025-10-17")));
  ASSERT_TRUE(w.db->write([&](db::Session& s) {
                    return cases::set_profile(s, "110101", "suggestion.accept_days", "0");
                  })
                  .ok());
  EXPECT_EQ(w.file(w.suggestion()).status().field(), "suggestion.accept_days");
}

TEST(SuggestionKind, ATransferHandsItToTheCompetentOrganAndTheFirstUnitKeepsReading) {
  SuggestionWorld w;
  auto c = w.filed(w.suggestion());
  EXPECT_EQ(w.act(c.id, "transfer", w.office_staff,
                  {{"unit_id", std::to_string(w.community.id)}, {"reason", "居委会"}})
                .status()
                .field(),
            "unit_id");
  EXPECT_EQ(w.act(c.id, "transfer", w.office_staff, {{"unit_id", std::to_string(w.organ.id)}})
                .status()
                .field(),
            "reason");
  auto t = w.acted(c.id, "transfer", w.office_staff,
                   {{"unit_id", std::to_string(w.organ.id)}, {"reason", "充电设施属住建委职责"}});
  EXPECT_EQ(t.lead_unit_id, w.organ.id);
  EXPECT_EQ(t.state, "registered");
  // The office no longer acts on it, the organ does; the office still reads it.
  EXPECT_EQ(w.act(c.id, "accept", w.office_staff).status().code(), Code::kPermissionDenied);
  w.acted(c.id, "accept", w.organ_staff);
  EXPECT_EQ(w.count("SELECT count(*) FROM case_units WHERE case_id = ? AND unit_id = ? AND role = "
                    "'held'",
                    {c.id, w.office.id}),
            1);
}

TEST(SuggestionKind, PublishingACollectionsResultsAnswersItsEvaluatedSuggestionsOnce) {
  SuggestionWorld w;  // 2025-09-26
  auto coll = w.open_collection("2025-09-20", "2025-09-30");
  ASSERT_TRUE(coll.ok());
  NewSuggestion n = w.suggestion();
  n.collection_id = coll->id;
  auto first = w.evaluated(n);
  auto second = w.evaluated(n, "not_adopted");
  auto waiting = w.accepted(n);  // not yet evaluated: answered on its own later
  auto publish = [&](const auth::Principal& who) {
    Result<int64_t> out = Internal("not run");
    Status st = w.db->write([&](db::Session& s) {
      out = publish_results(s, w.engine, coll->id, "征集结果：共收到建议3件，采纳1件。", who);
      return out.status();
    });
    return st.ok() ? out : Result<int64_t>(st);
  };
  EXPECT_EQ(publish(w.office_staff).status().field(), "results");  // still open
  w.clock.set_ms(w.at("2025-10-01", 9));
  EXPECT_EQ(publish(w.organ_staff).status().code(), Code::kPermissionDenied);
  auto answered = publish(w.office_staff);
  ASSERT_TRUE(answered.ok()) << answered.status().to_string();
  EXPECT_EQ(*answered, 2);
  for (int64_t id : {first.id, second.id}) {
    auto c = w.load(id);
    EXPECT_EQ(c.state, "closed");
    EXPECT_EQ(attrs(c)["feedback"]["method"], "publication");
  }
  EXPECT_EQ(w.load(waiting.id).state, "accepted");
  EXPECT_EQ(publish(w.office_staff).status().code(), Code::kConflict);  // once
  // The one still waiting may now be answered by the publication, too.
  w.acted(waiting.id, "evaluate", w.office_staff,
          {{"adoption", "not_adopted"}, {"reasons", "已有同类项目。"}});
  auto last = w.acted(waiting.id, "feedback", w.office_staff,
                      {{"method", "publication"}, {"text", "见征集结果公告。"}});
  EXPECT_EQ(last.state, "closed");
}

}  // namespace
}  // namespace shegong::suggestions
