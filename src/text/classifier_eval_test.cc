#include "text/classifier_eval.h"

#include <gtest/gtest.h>

namespace shegong::text {
namespace {

TEST(Evaluation, PerClassScoresMacroF1AndConfusion) {
  // a: 3 true, 2 found, 1 false alarm; b: 2 true, 1 found; c: never true, predicted once.
  std::vector<std::string> truth = {"a", "a", "a", "b", "b", "b"};
  std::vector<std::string> predicted = {"a", "a", "b", "b", "a", "c"};
  Evaluation e = score_predictions(truth, predicted);
  ASSERT_EQ(e.classes.size(), 3u);
  EXPECT_EQ(e.correct, 3u);
  EXPECT_DOUBLE_EQ(e.accuracy, 0.5);
  EXPECT_DOUBLE_EQ(e.classes[0].precision, 2.0 / 3);  // a
  EXPECT_DOUBLE_EQ(e.classes[0].recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(e.classes[1].precision, 0.5);  // b
  EXPECT_DOUBLE_EQ(e.classes[1].recall, 1.0 / 3);
  EXPECT_DOUBLE_EQ(e.classes[2].f1, 0.0);  // c
  EXPECT_EQ(e.classes[2].support, 0u);
  const double f1_b = 2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3);
  EXPECT_DOUBLE_EQ(e.macro_f1, (2.0 / 3 + f1_b + 0) / 3);
  EXPECT_EQ(e.confusion[1], (std::vector<size_t>{1, 1, 1}));  // b → a, b, c
}

TEST(Evaluation, RefusedTextsCountAsWrong) {
  Evaluation e = score_predictions({"a", "b"}, {"a", ""});
  EXPECT_EQ(e.refused, 1u);
  EXPECT_DOUBLE_EQ(e.accuracy, 0.5);
  EXPECT_DOUBLE_EQ(e.classes[1].recall, 0.0);
}

TEST(Evaluation, ReportNamesEveryFigure) {
  std::string report =
      format_evaluation(score_predictions({"城乡建设", "环境保护"}, {"城乡建设", "城乡建设"}));
  for (const char* part : {"accuracy: 0.5000", "macro F1: 0.3333", "城乡建设", "confusion matrix"})
    EXPECT_NE(report.find(part), std::string::npos) << part;
}

}  // namespace
}  // namespace shegong::text
