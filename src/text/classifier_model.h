// Inside a Classifier: what training produces, the model file stores and prediction reads. Private
// to the classifier_*.cc files.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/classifier.h"
#include "text/feature_table.h"
#include "text/features.h"
#include "text/segmenter.h"

namespace shegong::text {

struct ClassifierModel {
  std::vector<std::string> labels;
  FeatureOptions options;
  Segmenter segmenter;
  std::vector<uint64_t> keys;  // feature key of each row
  // Row r of the weight matrix: weights[r * stride()] is the feature's IDF, then one weight per
  // label.
  std::vector<float> weights;
  std::vector<float> bias;  // one per label
  // Weights of the feature blocks (features.h), each scaled to unit length on its own; all 0: one
  // vector scaled as a whole (TrainingOptions::block_weights).
  std::array<float, kFeatureBlocks> block_weights{};
  static constexpr int kRowBits = 24;
  static constexpr size_t kMaxRows = (size_t{1} << kRowBits) - 2;
  // Feature key → row + 1; rebuilt from `keys`, not stored.
  PackedKeyTable<kRowBits> rows;

  size_t stride() const { return labels.size() + 1; }
  void index_rows() {
    rows.reset(keys.size());
    for (size_t r = 0; r < keys.size(); ++r) rows.merge(keys[r], r + 1);
  }
  // The row of `key`, or -1.
  int64_t row_of(uint64_t key) const { return static_cast<int64_t>(rows.find(key)) - 1; }
};

// The largest weight of a feature block.
constexpr double kMaxBlockWeight = 100;

// The largest size of a stored weight or bias. Larger ones can make a text's scores overflow, and
// every confidence NaN; trained weights stay far below it (the reference model's largest is 12.9).
constexpr float kMaxModelWeight = 1e6f;

// True when every weight and bias is finite and at most kMaxModelWeight in size.
inline bool model_weights_in_range(const ClassifierModel& model) {
  for (const auto* numbers : {&model.weights, &model.bias}) {
    for (float x : *numbers)
      if (!(std::fabs(x) <= kMaxModelWeight)) return false;
  }
  return true;
}

template <typename Weights>
bool block_weights_in_range(const Weights& weights) {
  for (double w : weights)
    if (!(w >= 0 && w <= kMaxBlockWeight)) return false;
  return true;
}

// The runs of a text's keys that are each scaled to unit length, with their weights: the blocks
// of non-zero weight, or all the keys as one run of weight 1 when the model scales the vector as a
// whole (block weights all 0). Shared by training and prediction, so both see the same vector.
struct KeySpan {
  size_t begin = 0, end = 0;
  float weight = 1;
};
struct KeySpans {
  std::array<KeySpan, kFeatureBlocks> spans{};
  size_t count = 0;
  const KeySpan* begin() const { return spans.data(); }
  const KeySpan* end() const { return spans.data() + count; }
};
inline KeySpans key_spans(const ClassifierModel& model, const BlockEnds& ends, size_t keys) {
  KeySpans out;
  size_t begin = 0;
  for (size_t b = 0; b < kFeatureBlocks; ++b) {
    if (model.block_weights[b] != 0)
      out.spans[out.count++] = {begin, ends[b], model.block_weights[b]};
    begin = ends[b];
  }
  if (out.count == 0) out.spans[out.count++] = {0, keys, 1.0f};
  return out;
}

// classifier_file.cc
Status write_model(const ClassifierModel& model, const std::string& path);
Result<std::unique_ptr<ClassifierModel>> read_model(const std::string& path);
// The model in the bytes of a model file; errors start with `name`.
Result<std::unique_ptr<ClassifierModel>> parse_model(std::string_view file,
                                                     const std::string& name);
// A model file around `payload`: magic, `version`, size, payload, checksum.
std::string model_file_bytes(std::string_view payload, uint32_t version);

// classifier_train.cc
Result<std::unique_ptr<ClassifierModel>> train_model(const std::vector<LabelledText>& examples,
                                                     const Lexicon& lexicon,
                                                     const TrainingOptions& options);

}  // namespace shegong::text
