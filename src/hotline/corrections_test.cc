#include "hotline/corrections.h"

#include <gtest/gtest.h>

#include "base/csv.h"
#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

// A model whose labels are level-1 codes of the taxonomy, as the reference model's are.
text::Classifier noise_or_wages() {
  std::vector<text::LabelledText> texts;
  const char* noise[] = {"夜间施工噪音扰民", "工地噪音太大", "施工噪音扰民严重", "夜间噪音"};
  const char* wages[] = {"公司拖欠工资", "讨薪无门拖欠工资", "工地拖欠农民工工资", "工资被拖欠"};
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 4; ++i) {
      texts.push_back({noise[i], "环境保护", "noise"});
      texts.push_back({wages[i], "劳动和社会保障", "wages"});
    }
  text::TrainingOptions options;
  options.min_count = 1;
  options.epochs = 30;
  auto c = text::Classifier::train(
      texts, {{"噪音", "扰民", "施工", "夜间", "工资", "拖欠", "讨薪", "工地", "公司"}, {"的"}},
      options);
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return std::move(c).value();
}

class Corrections : public ::testing::Test {
 protected:
  Corrections() {
    model.replace(std::make_shared<const text::Classifier>(noise_or_wages()));
    aids.model = &model;
  }

  cases::CaseRecord order_with_aids(NewOrder o) {
    Result<cases::CaseRecord> out = Internal("not run");
    EXPECT_TRUE(w.db->write([&](db::Session& s) {
                      out = register_order(s, w.engine, w.box, *w.tree, o, "test", aids);
                      return out.status();
                    })
                    .ok());
    EXPECT_TRUE(out.ok()) << out.status().to_string();
    return out.ok() ? *out : cases::CaseRecord{};
  }
  void dispatch(const cases::CaseRecord& c, const std::string& category) {
    w.acted(c.id, "dispatch", w.dispatcher,
            {{"unit_id", std::to_string(w.street.id)}, {"category", category}});
  }
  std::vector<std::vector<std::string>> exported(const CorrectionsQuery& q,
                                                 CorrectionsReport* report = nullptr) {
    std::string csv;
    EXPECT_TRUE(w.db->read([&](db::Session& s) {
                      auto r = export_corrections(s, q, csv);
                      if (r.ok() && report) *report = *r;
                      return r.status();
                    })
                    .ok());
    std::vector<std::vector<std::string>> rows;
    CsvReader reader(csv);
    for (std::vector<std::string> fields; reader.next(fields);) rows.push_back(fields);
    EXPECT_TRUE(reader.status().ok());
    return rows;
  }

  TestWorld w;
  CategoryModel model;
  TextAids aids;
};

TEST_F(Corrections, ADispatchersChangedCategoryIsOneTrainingRowWithTheSuggestion) {
  // The classifier reads wages; the dispatcher files it under construction.
  NewOrder wages = w.order();
  wages.subject = "工地拖欠农民工工资";
  wages.content = "老板拖欠工资三个月，联系电话13912345678。";
  cases::CaseRecord corrected = order_with_aids(wages);
  dispatch(corrected, "城乡建设/违法建设/私搭乱建");
  // The classifier is right about the noise: a confirmation, not a correction.
  cases::CaseRecord confirmed = order_with_aids(w.order());
  dispatch(confirmed, "环境保护/噪声污染/施工噪声");
  // Not dispatched yet: no person has settled its category.
  order_with_aids(w.order());
  // Confidential: stays out whatever happened to it.
  NewOrder secret = wages;
  secret.confidential = true;
  dispatch(order_with_aids(secret), "城乡建设/违法建设/私搭乱建");

  CorrectionsReport report;
  auto rows = exported({}, &report);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"tracking_no", "subject", "body", "category",
                                               "suggested", "confidence"}));
  EXPECT_EQ(rows[1][0], corrected.tracking_no);
  EXPECT_EQ(rows[1][1], "工地拖欠农民工工资");
  EXPECT_EQ(rows[1][2], "老板拖欠工资三个月,联系电话139****5678。") << "masked and normalised";
  EXPECT_EQ(rows[1][3], "城乡建设");
  EXPECT_EQ(rows[1][4], "劳动和社会保障");
  EXPECT_GT(std::stod(rows[1][5]), 0.5);
  EXPECT_EQ(report.dispatched, 2);
  EXPECT_EQ(report.suggested, 2);
  EXPECT_EQ(report.corrections, 1);
  EXPECT_EQ(report.confidential, 1);
  EXPECT_EQ(report.written, 1);

  CorrectionsQuery all;
  all.corrections_only = false;
  all.level = 2;
  rows = exported(all);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][3], "城乡建设/违法建设");
  EXPECT_EQ(rows[2][0], confirmed.tracking_no);
  EXPECT_EQ(rows[2][3], "环境保护/噪声污染");
  EXPECT_EQ(rows[2][4], "环境保护");
}

TEST_F(Corrections, ThePeriodCountsByTheTimeReceived) {
  NewOrder early = w.order();
  early.received_at_ms = TestWorld::at("2025-09-20", 10);
  dispatch(order_with_aids(early), "城乡建设/违法建设/私搭乱建");
  dispatch(order_with_aids(w.order()), "城乡建设/违法建设/私搭乱建");  // 2025-09-26
  CorrectionsQuery q;
  EXPECT_EQ(exported(q).size(), 3u);
  q.from_ms = TestWorld::at("2025-09-21", 0);
  EXPECT_EQ(exported(q).size(), 2u);
  q.from_ms = 0;
  q.to_ms = TestWorld::at("2025-09-21", 0);
  EXPECT_EQ(exported(q).size(), 2u);
}

TEST_F(Corrections, BadQueriesNameTheField) {
  std::string csv;
  CorrectionsQuery q;
  q.level = 0;
  ASSERT_TRUE(w.db->read([&](db::Session& s) {
                    EXPECT_EQ(export_corrections(s, q, csv).status().field(), "level");
                    q.level = 4;
                    EXPECT_EQ(export_corrections(s, q, csv).status().field(), "level");
                    q.level = 1;
                    q.from_ms = 10;
                    q.to_ms = 10;
                    EXPECT_EQ(export_corrections(s, q, csv).status().field(), "to");
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_TRUE(csv.empty());
}

TEST_F(Corrections, ADispatcherChoosesACategoryOfTheTaxonomyOrNothingIsWritten) {
  cases::CaseRecord c = order_with_aids(w.order());
  auto refused = w.act(c.id, "dispatch", w.dispatcher,
                       {{"unit_id", std::to_string(w.street.id)}, {"category", "城乡建设/无此类"}});
  EXPECT_EQ(refused.status().field(), "category");
  EXPECT_EQ(
      w.count("SELECT count(*) FROM case_events WHERE case_id = ? AND action = 'dispatch'", {c.id}),
      0);
  EXPECT_EQ(exported({}).size(), 1u);
}

TEST(CategoryAtLevel, CutsWholeSegments) {
  EXPECT_EQ(category_at_level("城乡建设/物业管理/电梯", 1), "城乡建设");
  EXPECT_EQ(category_at_level("城乡建设/物业管理/电梯", 2), "城乡建设/物业管理");
  EXPECT_EQ(category_at_level("城乡建设/物业管理/电梯", 3), "城乡建设/物业管理/电梯");
  EXPECT_EQ(category_at_level("城乡建设", 2), "城乡建设");
  EXPECT_EQ(category_at_level("", 1), "");
}

}  // namespace
}  // namespace shegong::hotline
