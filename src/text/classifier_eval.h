// Evaluation of a classifier on labelled texts: accuracy, precision/recall/F1 per class, macro-F1
// (the unweighted mean over classes, so that small categories count as much as large ones) and the
// confusion matrix. Classes are the labels that occur as truth or as prediction, sorted; a class
// never predicted has precision 0, one never true has recall 0. Texts the classifier refuses
// (invalid UTF-8, empty) count as wrong and are reported separately.
#pragma once

#include <string>
#include <vector>

#include "text/classifier.h"

namespace shegong::text {

struct ClassScores {
  std::string label;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  size_t support = 0;  // texts whose true label this is
};

struct Evaluation {
  size_t texts = 0;
  size_t correct = 0;
  size_t refused = 0;
  double accuracy = 0;
  double macro_f1 = 0;
  std::vector<ClassScores> classes;
  // confusion[t][p]: texts of true class t predicted as class p (indices into `classes`).
  std::vector<std::vector<size_t>> confusion;
};

// From parallel lists of true and predicted labels (an empty prediction: refused).
Evaluation score_predictions(const std::vector<std::string>& truth,
                             const std::vector<std::string>& predicted);

Evaluation evaluate(const Classifier& classifier, const std::vector<LabelledText>& texts);

// The report `shegong text eval` prints.
std::string format_evaluation(const Evaluation& evaluation);

}  // namespace shegong::text
