#include "text/classifier_eval.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "text/segmenter.h"

namespace shegong::text {

namespace {

double ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0; }

// Columns a string takes in a terminal: Han and full-width forms take two.
size_t display_width(const std::string& s) {
  size_t width = 0;
  for (char32_t cp : to_code_points(s))
    width +=
        (is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60)) ? 2 : 1;
  return width;
}

std::string pad(const std::string& s, size_t width) {
  size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string fixed(double value, const char* format = "%.4f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

Evaluation score_predictions(const std::vector<std::string>& truth,
                             const std::vector<std::string>& predicted) {
  Evaluation e;
  std::set<std::string> labels(truth.begin(), truth.end());
  for (const auto& p : predicted)
    if (!p.empty()) labels.insert(p);
  std::map<std::string, size_t> index;
  for (const auto& label : labels) {
    index.emplace(label, e.classes.size());
    e.classes.push_back({label});
  }
  const size_t n = e.classes.size();
  e.confusion.assign(n, std::vector<size_t>(n, 0));
  e.texts = truth.size();
  std::vector<size_t> predicted_as(n, 0);
  for (size_t i = 0; i < truth.size(); ++i) {
    const size_t t = index.at(truth[i]);
    ++e.classes[t].support;
    if (predicted[i].empty()) {
      ++e.refused;
      continue;
    }
    const size_t p = index.at(predicted[i]);
    ++e.confusion[t][p];
    ++predicted_as[p];
    if (t == p) ++e.correct;
  }
  double f1_sum = 0;
  for (size_t c = 0; c < n; ++c) {
    ClassScores& s = e.classes[c];
    s.precision = ratio(e.confusion[c][c], predicted_as[c]);
    s.recall = ratio(e.confusion[c][c], s.support);
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    f1_sum += s.f1;
  }
  e.accuracy = ratio(e.correct, e.texts);
  e.macro_f1 = n ? f1_sum / static_cast<double>(n) : 0;
  return e;
}

Evaluation evaluate(const Classifier& classifier, const std::vector<LabelledText>& texts) {
  std::vector<std::string> truth, predicted;
  for (const auto& text : texts) {
    truth.push_back(text.label);
    auto prediction = classifier.classify(text.text);
    predicted.push_back(prediction.ok() ? prediction->label : std::string());
  }
  return score_predictions(truth, predicted);
}

std::string format_evaluation(const Evaluation& e) {
  size_t width = 8;
  for (const auto& c : e.classes) width = std::max(width, display_width(c.label) + 2);
  std::string out = "texts: " + std::to_string(e.texts) + "\n";
  if (e.refused) out += "refused (invalid or empty text): " + std::to_string(e.refused) + "\n";
  out += "accuracy: " + fixed(e.accuracy) + "\n\n";
  out += pad("class", width) + "precision  recall  f1      support\n";
  for (const auto& c : e.classes)
    out += pad(c.label, width) + fixed(c.precision, "%-11.4f") + fixed(c.recall, "%-8.4f") +
           fixed(c.f1, "%-8.4f") + std::to_string(c.support) + "\n";
  out += "\nmacro F1: " + fixed(e.macro_f1) + "\n\n";
  out += "confusion matrix (rows: true class, columns: predicted, in the order above)\n";
  for (size_t t = 0; t < e.classes.size(); ++t) {
    out += pad(e.classes[t].label, width);
    for (size_t count : e.confusion[t]) out += fixed(static_cast<double>(count), "%6.0f");
    out += "\n";
  }
  return out;
}

}  // namespace shegong::text
