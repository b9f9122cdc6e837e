// The category classifier for citizens' messages (12345 work orders, petitions): a linear model
// over TF-IDF weighted features from features.h (one-against-the-rest squared-hinge classifiers on
// features scaled by naive Bayes log-count ratios, NBSVM), trained on labelled texts and kept in a
// versioned model file (format in docs/text-classifier.md).
//
// Contract:
//   - train() builds a model from labelled texts; the vocabulary (features seen in at least
//     min_count texts) and the segmentation dictionary (the lexicon's words the training texts
//     use) come from the training data, so a model file is self-contained.
//   - classify()/top_k() take raw text as a citizen writes it. Invalid UTF-8 and text that is
//     empty after normalisation are errors (field "text"); any other text gets a label, even with
//     no feature the model knows (then the most likely label a priori, with a low confidence).
//     Confidences are the softmax of the labels' scores (times a temperature fixed at training)
//     and sum to 1 over all labels.
//   - load() refuses with a clear message a file that is not a model, is of another format
//     version, is truncated or fails its checksum. A loaded model is immutable and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/features.h"
#include "text/segmenter.h"

namespace shegong::text {

struct LabelledText {
  std::string text;
  std::string label;
  std::string source;  // where it came from ("file.csv:12"), for error messages
};

struct Prediction {
  std::string label;
  double confidence = 0;
};

struct TrainingOptions {
  FeatureOptions features;
  int min_count = 3;  // a feature must occur in this many training texts to enter the vocabulary
  int epochs = 20;
  double l2 = 1e-4;  // per-example L2 penalty on the weights
  double learning_rate = 0.1;
  // Each feature's value for label c is scaled by |r|^nb_power, r the naive Bayes log-count ratio
  // of the feature for c against the other labels, with nb_smoothing added to every count; 0
  // turns the scaling off.
  double nb_power = 0.75;
  double nb_smoothing = 1.0;
  // Scores are multiplied by this before the softmax, so that confidences match how often the top
  // label is right (chosen on the validation folds, docs/text-classifier.md).
  double confidence_scale = 3.5;
  uint64_t seed = 1;  // order of examples in each epoch; same data + options → same model
  // Weigh texts so that every label counts the same in the loss: macro-F1 counts small categories
  // as much as large ones, and the share of a category differs between sources.
  bool balanced = true;
  // A text's TF-IDF vector is made of blocks (features.h: words and Latin runs, character n-grams,
  // the lead), each scaled to unit length on its own and then by its weight here, so that the many
  // n-grams (three per character) do not drown the words in the length normalisation. A weight of
  // 0 leaves its block out; all 0: one vector scaled to unit length as a whole (the models of
  // format versions 1 and 2).
  std::array<double, kFeatureBlocks> block_weights{1.0, 1.0, 0.5};
};

Status validate(const TrainingOptions& options);

struct ClassifierModel;

class Classifier {
 public:
  // Written: version 3. Read: versions 1 (no lead), 2 (no block weights) and 3.
  static constexpr uint32_t kFormatVersion = 3;
  static constexpr uint32_t kOldestFormatVersion = 1;

  // Fails on invalid UTF-8 (naming the source), fewer than two labels, or a label that is empty,
  // holds a control character or starts with '!' (classify's error lines start with "!error").
  // Texts that are empty after normalisation are skipped.
  static Result<Classifier> train(const std::vector<LabelledText>& examples, const Lexicon& lexicon,
                                  const TrainingOptions& options);
  static Result<Classifier> load(const std::string& path);
  // The model in the bytes of a model file; errors start with `name`.
  static Result<Classifier> parse(std::string_view file, const std::string& name);
  Status save(const std::string& path) const;

  Result<Prediction> classify(std::string_view text) const;
  // The k most likely labels, most likely first (all labels when k exceeds their number).
  Result<std::vector<Prediction>> top_k(std::string_view text, size_t k) const;

  const std::vector<std::string>& labels() const;
  size_t feature_count() const;
  size_t dictionary_size() const;
  const FeatureOptions& feature_options() const;

  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;
  ~Classifier();

 private:
  explicit Classifier(std::unique_ptr<ClassifierModel> model);
  // Softmax probabilities of every label for `text`.
  Status probabilities(std::string_view text, std::vector<double>& out) const;

  std::unique_ptr<ClassifierModel> model_;
};

}  // namespace shegong::text
