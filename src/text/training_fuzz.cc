// libFuzzer target: a labelled CSV of arbitrary contents read by parse_labelled_csv and, when it
// holds a few texts, trained on and classified with, never crashes; a refusal names a field, a
// trained model's labels are valid labels, and it classifies its own texts into them with a
// confidence from 0 to 1. Built and run for a bounded time by bench/fuzz/run.sh (make bench).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/classifier.h"
#include "text/classifier_data.h"
#include "text/label.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shegong::text;
  std::string_view csv(reinterpret_cast<const char*>(data), size);
  LabelledSource source{{"subject", "body"}, "label", {{"甲", "乙"}}};
  auto parsed = parse_labelled_csv(csv, "fuzz.csv", source);
  if (!parsed.ok()) {
    if (parsed.status().field().empty()) std::abort();
    return 0;
  }
  if (parsed->texts.size() > 64) return 0;
  TrainingOptions options;
  options.min_count = 1;
  options.epochs = 2;
  auto trained = Classifier::train(parsed->texts, Lexicon{{"小区", "噪音"}, {"的"}}, options);
  if (!trained.ok()) {
    if (trained.status().field().empty()) std::abort();
    return 0;
  }
  const auto& labels = trained->labels();
  if (labels.size() < 2) std::abort();
  for (const auto& label : labels)
    if (!label_problem(label).empty()) std::abort();
  for (const auto& text : parsed->texts) {
    auto top = trained->classify(text.text);
    if (!top.ok()) continue;  // empty or invalid text
    if (std::find(labels.begin(), labels.end(), top->label) == labels.end()) std::abort();
    if (!(top->confidence >= 0 && top->confidence <= 1)) std::abort();
  }
  return 0;
}
