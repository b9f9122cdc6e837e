// Inside a Classifier: what training produces, the model file stores and prediction reads. Private
// to the classifier_*.cc files.
#pragma once

#include <array>
#include <memory>
#include <string>
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
  bool by_block() const {
    for (float w : block_weights)
      if (w != 0) return true;
    return false;
  }
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

// classifier_file.cc
Status write_model(const ClassifierModel& model, const std::string& path);
Result<std::unique_ptr<ClassifierModel>> read_model(const std::string& path);

// classifier_train.cc
Result<std::unique_ptr<ClassifierModel>> train_model(const std::vector<LabelledText>& examples,
                                                     const Lexicon& lexicon,
                                                     const TrainingOptions& options);

}  // namespace shegong::text
