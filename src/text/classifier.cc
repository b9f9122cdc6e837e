#include "text/classifier.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "text/classifier_model.h"
#include "text/normalize.h"

namespace shegong::text {

namespace {

// How far ahead of its use a table slot or weight row is prefetched: enough look-ups in flight to
// hide the latency of the last-level cache, which the vocabulary does not fit in.
constexpr size_t kPrefetchDistance = 16;

// How often a message has each vocabulary row, in a small open-addressing table that stays in the
// first-level cache (a message touches hundreds of rows out of hundreds of thousands).
class RowCounts {
 public:
  // Room for `distinct` rows at a load factor of at most one half.
  void prepare(size_t distinct) {
    size_t capacity = 1024;
    while (capacity < 2 * distinct) capacity *= 2;
    if (slots_.size() < capacity) slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    used_.clear();
  }
  void add(uint32_t row) {
    const uint64_t tagged = uint64_t{row + 1} << 32;
    for (size_t i = (row * 0x9E3779B1u) & mask_;; i = (i + 1) & mask_) {
      uint64_t& slot = slots_[i];
      if (slot == 0) {
        slot = tagged | 1;
        used_.push_back(static_cast<uint32_t>(i));
        return;
      }
      if ((slot >> 32) == row + 1) {
        if ((slot & 0xFFFFFFFF) != 0xFFFFFFFF) ++slot;
        return;
      }
    }
  }
  // Calls visit(row, count) for every row seen, and clears the table for the next message.
  template <typename Visit>
  void drain(Visit visit) {
    for (size_t k = 0; k < used_.size(); ++k) {
      uint64_t& slot = slots_[used_[k]];
      visit(static_cast<uint32_t>((slot >> 32) - 1), static_cast<uint32_t>(slot));
      slot = 0;
    }
    used_.clear();
  }
  const std::vector<uint32_t>& used() const { return used_; }
  uint32_t row_at(size_t k) const { return static_cast<uint32_t>((slots_[used_[k]] >> 32) - 1); }

 private:
  std::vector<uint64_t> slots_;
  std::vector<uint32_t> used_;
  size_t mask_ = 0;
};

struct Scratch {
  std::vector<uint64_t> keys;
  RowCounts counts;
};

Scratch& scratch() {
  thread_local Scratch s;
  s.keys.clear();
  return s;
}

// Sublinear term frequency, 1 + ln(count), from a table for the common small counts.
float tf_weight(uint32_t count) {
  static const auto table = [] {
    std::array<float, 64> t{};
    for (size_t c = 1; c < t.size(); ++c) t[c] = 1.0f + std::log(static_cast<float>(c));
    return t;
  }();
  return count < table.size() ? table[count] : 1.0f + std::log(static_cast<float>(count));
}

// Counts the rows of keys [begin, end).
void count_rows(const ClassifierModel& model, Scratch& s, size_t begin, size_t end) {
  const size_t n = end;
  s.counts.prepare(std::min(n - begin, model.keys.size()));  // no more distinct rows than either
  for (size_t i = begin; i < n; ++i) {
    if (i + kPrefetchDistance < n) model.rows.prefetch(s.keys[i + kPrefetchDistance]);
    const int64_t row = model.row_of(s.keys[i]);
    if (row >= 0) s.counts.add(static_cast<uint32_t>(row));
  }
}

// Adds weight·W·x to `scores`, x the L2-normalised TF-IDF vector of the rows counted.
void score_rows(const ClassifierModel& model, Scratch& s, double weight,
                std::vector<double>& scores) {
  const size_t labels = model.labels.size();
  const size_t stride = model.stride();
  std::array<float, 64> fixed{};
  std::vector<float> spill(labels > fixed.size() ? labels : 0, 0.0f);
  float* sum = labels > fixed.size() ? spill.data() : fixed.data();
  double norm = 0;
  const size_t n = s.counts.used().size();
  size_t k = 0;
  s.counts.drain([&](uint32_t row, uint32_t count) {
    if (k + kPrefetchDistance < n)
      __builtin_prefetch(&model.weights[s.counts.row_at(k + kPrefetchDistance) * stride]);
    ++k;
    const float* w = &model.weights[size_t{row} * stride];
    const float value = tf_weight(count) * w[0];
    norm += double{value} * value;
    for (size_t c = 0; c < labels; ++c) sum[c] += value * w[1 + c];
  });
  const double scale = norm > 0 ? weight / std::sqrt(norm) : 0.0;
  for (size_t c = 0; c < labels; ++c) scores[c] += sum[c] * scale;
}

void softmax(std::vector<double>& v) {
  const double top = *std::max_element(v.begin(), v.end());
  double total = 0;
  for (double& x : v) total += (x = std::exp(x - top));
  for (double& x : v) x /= total;
}

}  // namespace

Status validate(const TrainingOptions& options) {
  SHEGONG_RETURN_IF_ERROR(validate(options.features));
  if (options.min_count < 1) return Invalid("min-count", "must be at least 1");
  if (options.epochs < 1 || options.epochs > 1000) return Invalid("epochs", "must be 1 to 1000");
  if (!(options.l2 >= 0 && options.l2 < 1)) return Invalid("l2", "must be in [0, 1)");
  if (!(options.learning_rate > 0 && options.learning_rate <= 100))
    return Invalid("learning-rate", "must be in (0, 100]");
  if (!(options.nb_power >= 0 && options.nb_power <= 4))
    return Invalid("nb-power", "must be in [0, 4]");
  if (!(options.nb_smoothing > 0 && options.nb_smoothing <= 1e6))
    return Invalid("nb-smoothing", "must be in (0, 1e6]");
  if (!(options.confidence_scale > 0 && options.confidence_scale <= 1e3))
    return Invalid("confidence-scale", "must be in (0, 1000]");
  if (!block_weights_in_range(options.block_weights))
    return Invalid("block-weights", "each must be in [0, " + std::to_string(kMaxBlockWeight) + "]");
  return Status::Ok();
}

Classifier::Classifier(std::unique_ptr<ClassifierModel> model) : model_(std::move(model)) {}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;

Result<Classifier> Classifier::train(const std::vector<LabelledText>& examples,
                                     const Lexicon& lexicon, const TrainingOptions& options) {
  auto model = train_model(examples, lexicon, options);
  if (!model.ok()) return model.status();
  return Classifier(std::move(model).value());
}

Result<Classifier> Classifier::load(const std::string& path) {
  auto model = read_model(path);
  if (!model.ok()) return model.status();
  return Classifier(std::move(model).value());
}

Result<Classifier> Classifier::parse(std::string_view file, const std::string& name) {
  auto model = parse_model(file, name);
  if (!model.ok()) return model.status();
  return Classifier(std::move(model).value());
}

Status Classifier::save(const std::string& path) const { return write_model(*model_, path); }

Status Classifier::probabilities(std::string_view text, std::vector<double>& out) const {
  auto normalized = normalize(text);
  if (!normalized.ok()) return normalized.status();
  if (normalized->empty()) return Invalid("text", "is empty");
  Scratch& s = scratch();
  BlockEnds ends{};
  FeatureExtractor(model_->segmenter, model_->options).extract(*normalized, s.keys, nullptr, &ends);
  out.assign(model_->bias.begin(), model_->bias.end());
  for (const KeySpan& span : key_spans(*model_, ends, s.keys.size())) {
    count_rows(*model_, s, span.begin, span.end);
    score_rows(*model_, s, span.weight, out);
  }
  softmax(out);
  // A huge message (a pasted file) should not pin its scratch space to the thread for good.
  if (s.keys.capacity() > (size_t{1} << 20)) s.keys = {};
  return Status::Ok();
}

Result<std::vector<Prediction>> Classifier::top_k(std::string_view text, size_t k) const {
  thread_local std::vector<double> probs;
  SHEGONG_RETURN_IF_ERROR(probabilities(text, probs));
  std::vector<size_t> order(probs.size());
  std::iota(order.begin(), order.end(), 0);
  k = std::min(k, order.size());
  // Ties go to the label that sorts first, so that output never depends on the sort's whims.
  std::partial_sort(
      order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
      [&](size_t a, size_t b) { return probs[a] > probs[b] || (probs[a] == probs[b] && a < b); });
  std::vector<Prediction> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) out.push_back({model_->labels[order[i]], probs[order[i]]});
  return out;
}

Result<Prediction> Classifier::classify(std::string_view text) const {
  auto top = top_k(text, 1);
  if (!top.ok()) return top.status();
  return std::move(top->front());
}

const std::vector<std::string>& Classifier::labels() const { return model_->labels; }
size_t Classifier::feature_count() const { return model_->keys.size(); }
size_t Classifier::dictionary_size() const { return model_->segmenter.lexicon().words.size(); }
const FeatureOptions& Classifier::feature_options() const { return model_->options; }

}  // namespace shegong::text
