// Training: vocabulary and IDF from the training texts, naive Bayes log-count ratios that scale
// each feature per label (NBSVM), then one-against-the-rest linear classifiers with the squared
// hinge loss by stochastic gradient descent with a linearly decaying step and L2 regularisation
// (Bottou's scaled-weights form, so each step costs the example's features, not the whole matrix).
// The scalings and a temperature are folded into the stored weights, so prediction is one linear
// map and a softmax whatever the training.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "text/classifier_model.h"
#include "text/label.h"
#include "text/normalize.h"

namespace shegong::text {

namespace {

// A training text as the optimiser sees it: vocabulary rows and their L2-normalised TF-IDF values.
struct SparseText {
  std::vector<uint32_t> rows;
  std::vector<float> values;
  uint32_t label = 0;
  float weight = 1;  // of its loss
};

Status check_label(const LabelledText& example) {
  const std::string problem = label_problem(example.label);
  if (!problem.empty()) return Invalid("label", example.source + ": the label " + problem);
  return Status::Ok();
}

// Feature keys of each text (sorted, repeats kept), in the order of `examples`; empty texts are
// left out (their index in `kept` is skipped). `words_seen` receives the keys of the lexicon
// words the texts use.
struct Extracted {
  std::vector<std::vector<uint64_t>> keys;
  std::vector<BlockEnds> blocks;  // where each text's blocks of keys end (features.h)
  std::vector<size_t> kept;       // index into the examples
};

Result<Extracted> extract_all(const std::vector<LabelledText>& examples,
                              const FeatureExtractor& extractor, std::set<uint64_t>& words_seen) {
  Extracted out;
  for (size_t i = 0; i < examples.size(); ++i) {
    auto normalized = normalize(examples[i].text);
    if (!normalized.ok())
      return Invalid("text", examples[i].source + ": " + normalized.status().message());
    if (normalized->empty()) continue;
    SHEGONG_RETURN_IF_ERROR(check_label(examples[i]));
    std::vector<uint64_t> keys;
    BlockEnds ends{};
    extractor.extract(*normalized, keys, &words_seen, &ends);
    size_t begin = 0;
    for (size_t end : ends) {
      std::sort(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                keys.begin() + static_cast<std::ptrdiff_t>(end));
      begin = end;
    }
    out.keys.push_back(std::move(keys));
    out.blocks.push_back(ends);
    out.kept.push_back(i);
  }
  return out;
}

// Keys found in at least min_count texts, sorted, with their document frequency. The model's table
// tells keys apart by their top 40 bits only; of keys that agree there (rare: an even chance of one
// such pair in a million features; adjacent once sorted) the first is kept, so that no two
// features share a row.
std::vector<std::pair<uint64_t, uint32_t>> vocabulary(const Extracted& texts, int min_count) {
  KeyTable<uint32_t> df;
  for (const auto& keys : texts.keys)
    for (size_t i = 0; i < keys.size(); ++i)
      if (i == 0 || keys[i] != keys[i - 1]) ++df[keys[i]];
  std::vector<std::pair<uint64_t, uint32_t>> out;
  for (const auto& slot : df.slots())
    if (slot.key != 0 && slot.value >= static_cast<uint32_t>(min_count))
      out.emplace_back(slot.key, slot.value);
  std::sort(out.begin(), out.end());
  auto same_top_bits = [](const auto& a, const auto& b) {
    return a.first >> ClassifierModel::kRowBits == b.first >> ClassifierModel::kRowBits;
  };
  out.erase(std::unique(out.begin(), out.end(), same_top_bits), out.end());
  return out;
}

// A text's TF-IDF vector: each run of key_spans() scaled to unit length and then by its weight.
SparseText to_sparse(const std::vector<uint64_t>& keys, const BlockEnds& ends,
                     const ClassifierModel& model) {
  SparseText text;
  for (const KeySpan& span : key_spans(model, ends, keys.size())) {
    const size_t first = text.values.size();
    double norm = 0;
    for (size_t i = span.begin; i < span.end;) {
      size_t j = i;
      while (j < span.end && keys[j] == keys[i]) ++j;
      if (const int64_t row = model.row_of(keys[i]); row >= 0) {
        float value = (1.0f + std::log(static_cast<float>(j - i))) *
                      model.weights[static_cast<size_t>(row) * model.stride()];
        text.rows.push_back(static_cast<uint32_t>(row));
        text.values.push_back(value);
        norm += double{value} * value;
      }
      i = j;
    }
    const float scale = norm > 0 ? static_cast<float>(span.weight / std::sqrt(norm)) : 0.0f;
    for (size_t k = first; k < text.values.size(); ++k) text.values[k] *= scale;
  }
  return text;
}

// Weighs each text by N / (labels × texts of its label), so that every label carries the same
// total weight whatever its share of the training data.
void balance(std::vector<SparseText>& texts, size_t labels) {
  std::vector<size_t> count(labels, 0);
  for (const auto& t : texts) ++count[t.label];
  for (auto& t : texts)
    t.weight = static_cast<float>(static_cast<double>(texts.size()) /
                                  static_cast<double>(labels * count[t.label]));
}

// How strongly each feature speaks for each label, from naive Bayes: the log-ratio of the feature's
// share of the label's texts to its share of the other texts (features counted once per text,
// texts weighed like their losses, `smoothing` added to every count), as |ratio|^power.
// Rows × labels, row-major. Power 0 gives 1 everywhere: no scaling.
std::vector<float> nb_scales(const std::vector<SparseText>& texts, size_t rows, size_t labels,
                             const TrainingOptions& options) {
  std::vector<double> in(rows * labels, 0.0), all(rows, 0.0), label_total(labels, 0.0);
  double total = 0;
  for (const auto& t : texts) {
    for (uint32_t row : t.rows) {
      in[row * labels + t.label] += t.weight;
      all[row] += t.weight;
    }
    label_total[t.label] += t.weight * static_cast<double>(t.rows.size());
    total += t.weight * static_cast<double>(t.rows.size());
  }
  const double a = options.nb_smoothing;
  const double smoothed = a * static_cast<double>(rows);
  std::vector<float> scales(rows * labels);
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < labels; ++c) {
      const double mine = in[r * labels + c];
      const double ratio = std::log(((a + mine) / (smoothed + label_total[c])) /
                                    ((a + all[r] - mine) / (smoothed + total - label_total[c])));
      scales[r * labels + c] =
          static_cast<float>(std::pow(std::abs(ratio) + 1e-3, options.nb_power));
    }
  return scales;
}

// One-against-the-rest linear classifiers, one per label, trained together by SGD on the squared
// hinge loss max(0, 1 - y·score)² (y = +1 for the text's label, -1 for the others); label c sees
// feature values scaled by scales[row × labels + c]. Weights live in model.weights (column 0 of
// each row is the IDF and is left alone); the true weights are `scale` times the stored ones. At
// the end the feature scalings and the temperature are folded into the weights.
void fit(const std::vector<SparseText>& texts, const std::vector<float>& scales,
         const TrainingOptions& options, ClassifierModel& model) {
  const size_t labels = model.labels.size();
  const size_t stride = model.stride();
  std::vector<size_t> order(texts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 random(options.seed);
  std::vector<double> score(labels);
  double scale = 1.0;
  size_t step = 0;
  const double total = static_cast<double>(texts.size()) * options.epochs;
  auto fold_scale = [&] {
    for (size_t r = 0; r < model.keys.size(); ++r)
      for (size_t c = 0; c < labels; ++c)
        model.weights[r * stride + 1 + c] *= static_cast<float>(scale);
    scale = 1.0;
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (size_t index : order) {
      const SparseText& t = texts[index];
      // Linear decay to zero: large steps early, and a last epoch that settles instead of
      // wandering.
      const double rate = options.learning_rate * (1.0 - static_cast<double>(step++) / total);
      for (size_t c = 0; c < labels; ++c) score[c] = model.bias[c];
      for (size_t k = 0; k < t.rows.size(); ++k) {
        const float* w = &model.weights[t.rows[k] * stride + 1];
        const float* s = &scales[t.rows[k] * labels];
        for (size_t c = 0; c < labels; ++c) score[c] += scale * t.values[k] * s[c] * w[c];
      }
      scale *= 1.0 - rate * options.l2;
      for (size_t c = 0; c < labels; ++c) {
        const double y = c == t.label ? 1.0 : -1.0;
        const double slack = 1.0 - y * score[c];
        if (slack <= 0) continue;
        // d/dscore of slack² is -2·y·slack; the 2 is absorbed by the learning rate.
        const double gradient = -t.weight * y * slack;
        model.bias[c] -= static_cast<float>(rate * gradient);
        const double step_size = rate * gradient / scale;
        for (size_t k = 0; k < t.rows.size(); ++k)
          model.weights[t.rows[k] * stride + 1 + c] -=
              static_cast<float>(step_size * t.values[k] * scales[t.rows[k] * labels + c]);
      }
      if (scale < 1e-6) fold_scale();
    }
  }
  fold_scale();
  const auto temperature = static_cast<float>(options.confidence_scale);
  for (size_t r = 0; r < model.keys.size(); ++r)
    for (size_t c = 0; c < labels; ++c)
      model.weights[r * stride + 1 + c] *= scales[r * labels + c] * temperature;
  for (float& b : model.bias) b *= temperature;
}

// The lexicon's words that segmenting the training texts produced, plus every stop word. On the
// training texts this smaller dictionary segments exactly as the full one did: at each position
// the longest match of the full dictionary is a word it keeps, and no longer word exists in it.
Lexicon used_lexicon(const Lexicon& full, const std::set<uint64_t>& words_seen) {
  Lexicon used;
  used.stop_words = full.stop_words;
  std::set<std::string> unique;
  for (const auto& word : full.words) {
    uint64_t hash = kSeed;
    for (char32_t cp : to_code_points(word)) hash = extend(hash, cp);
    if (words_seen.count(mix(hash))) unique.insert(word);
  }
  used.words.assign(unique.begin(), unique.end());
  return used;
}

}  // namespace

Result<std::unique_ptr<ClassifierModel>> train_model(const std::vector<LabelledText>& examples,
                                                     const Lexicon& lexicon,
                                                     const TrainingOptions& options) {
  SHEGONG_RETURN_IF_ERROR(validate(options));
  auto model = std::make_unique<ClassifierModel>();
  model->options = options.features;
  for (size_t b = 0; b < kFeatureBlocks; ++b)
    model->block_weights[b] = static_cast<float>(options.block_weights[b]);
  std::set<uint64_t> words_seen;
  Segmenter full(lexicon);
  auto texts = extract_all(examples, FeatureExtractor(full, options.features), words_seen);
  if (!texts.ok()) return texts.status();

  std::map<std::string, uint32_t> label_index;
  for (size_t i : texts->kept) label_index.emplace(examples[i].label, 0);
  if (label_index.size() < 2)
    return Invalid("label", "training needs texts of at least two labels, got " +
                                std::to_string(label_index.size()));
  for (auto& [label, index] : label_index) {
    index = static_cast<uint32_t>(model->labels.size());
    model->labels.push_back(label);
  }

  const auto vocab = vocabulary(*texts, options.min_count);
  if (vocab.size() > ClassifierModel::kMaxRows)
    return Invalid("min-count", "the vocabulary has " + std::to_string(vocab.size()) +
                                    " features, more than a model holds; raise --min-count");
  const double n = static_cast<double>(texts->keys.size());
  model->weights.assign(vocab.size() * model->stride(), 0.0f);
  for (size_t r = 0; r < vocab.size(); ++r) {
    model->keys.push_back(vocab[r].first);
    model->weights[r * model->stride()] =
        static_cast<float>(std::log((1 + n) / (1 + vocab[r].second)) + 1);
  }
  model->index_rows();
  model->bias.assign(model->labels.size(), 0.0f);

  std::vector<SparseText> sparse;
  sparse.reserve(texts->keys.size());
  for (size_t k = 0; k < texts->keys.size(); ++k) {
    sparse.push_back(to_sparse(texts->keys[k], texts->blocks[k], *model));
    sparse.back().label = label_index.at(examples[texts->kept[k]].label);
  }
  if (options.balanced) balance(sparse, model->labels.size());
  fit(sparse, nb_scales(sparse, model->keys.size(), model->labels.size(), options), options,
      *model);
  // A model that its own file could not hold: the optimiser diverged.
  if (!model_weights_in_range(*model))
    return Invalid(
        "learning-rate",
        "training diverged (weights not finite or out of range); lower the learning rate");
  model->segmenter = Segmenter(used_lexicon(lexicon, words_seen));
  return model;
}

}  // namespace shegong::text
