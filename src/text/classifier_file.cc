// The model file, format version 3 (docs/text-classifier.md): little-endian,
//   "SGTEXTCL" | u32 version | u64 payload size | payload | u64 FNV-1a-64 of everything before it
// and the payload is the feature options (version 2 added the lead and the n-gram window), the
// block weights (version 3), the
// labels, the segmentation dictionary, the stop words, the vocabulary keys, the weight rows (IDF
// then one weight per label) and the biases. A file is written beside its destination and renamed
// into place, so a reader never sees half a model.
#include <algorithm>
#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/csv.h"
#include "text/classifier_model.h"
#include "text/label.h"

namespace shegong::text {

namespace {

static_assert(std::endian::native == std::endian::little, "the model format is little-endian");
static_assert(kFeatureBlocks == 3, "the model format stores three block weights");

constexpr char kMagic[8] = {'S', 'G', 'T', 'E', 'X', 'T', 'C', 'L'};
constexpr size_t kHeaderSize = sizeof(kMagic) + 4 + 8;
constexpr uint32_t kWordsFlag = 1, kLatinFlag = 2;

uint64_t fnv1a(std::string_view bytes) {
  uint64_t h = kSeed;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

class Writer {
 public:
  template <typename T>
  void put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void put_array(const std::vector<T>& values) {
    out_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& strings) {
    put(static_cast<uint32_t>(strings.size()));
    for (const auto& s : strings) {
      put(static_cast<uint32_t>(s.size()));
      out_ += s;
    }
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reads; after the first failure every read fails and ok() is false.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool get(T& value) {
    if (!take(sizeof value)) return false;
    std::memcpy(&value, in_.data() + pos_ - sizeof value, sizeof value);
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& values, size_t count) {
    if (count > (in_.size() - pos_) / sizeof(T) || !take(count * sizeof(T))) return fail();
    values.resize(count);
    if (count) std::memcpy(values.data(), in_.data() + pos_ - count * sizeof(T), count * sizeof(T));
    return true;
  }
  bool get_strings(std::vector<std::string>& strings) {
    uint32_t count = 0;
    if (!get(count) || count > in_.size() - pos_) return fail();
    strings.resize(count);
    for (auto& s : strings) {
      uint32_t length = 0;
      if (!get(length) || !take(length)) return false;
      s.assign(in_.data() + pos_ - length, length);
    }
    return true;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  bool take(size_t n) {
    if (!ok_ || n > in_.size() - pos_) return fail();
    pos_ += n;
    return true;
  }
  bool fail() { return ok_ = false; }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

std::string payload_of(const ClassifierModel& model) {
  Writer w;
  w.put(static_cast<uint32_t>(model.options.min_ngram));
  w.put(static_cast<uint32_t>(model.options.max_ngram));
  w.put((model.options.words ? kWordsFlag : 0) | (model.options.latin ? kLatinFlag : 0));
  w.put(static_cast<uint32_t>(model.options.lead));
  w.put(static_cast<uint32_t>(model.options.ngram_window));
  for (float weight : model.block_weights) w.put(weight);
  w.put_strings(model.labels);
  w.put_strings(model.segmenter.lexicon().words);
  w.put_strings(model.segmenter.lexicon().stop_words);
  w.put(static_cast<uint32_t>(model.keys.size()));
  w.put_array(model.keys);
  w.put_array(model.weights);
  w.put_array(model.bias);
  return std::move(w.bytes());
}

// Version 1 files have no lead and no n-gram window: their models were trained without them.
// Versions 1 and 2 have no block weights: their vectors were scaled to unit length as a whole.
Status parse_payload(std::string_view payload, uint32_t version, ClassifierModel& model) {
  Reader r(payload);
  uint32_t min_ngram = 0, max_ngram = 0, flags = 0, lead = 0, window = 0, features = 0;
  Lexicon lexicon;
  r.get(min_ngram) && r.get(max_ngram) && r.get(flags) &&
      (version < 2 || (r.get(lead) && r.get(window))) &&
      (version < 3 || (r.get(model.block_weights[0]) && r.get(model.block_weights[1]) &&
                       r.get(model.block_weights[2]))) &&
      r.get_strings(model.labels) && r.get_strings(lexicon.words) &&
      r.get_strings(lexicon.stop_words) && r.get(features) && r.get_array(model.keys, features) &&
      r.get_array(model.weights, size_t{features} * (model.labels.size() + 1)) &&
      r.get_array(model.bias, model.labels.size());
  if (!r.ok() || !r.at_end()) return Invalid("model", "the model's contents are malformed");
  for (const auto& label : model.labels) {
    if (const std::string problem = label_problem(label); !problem.empty())
      return Invalid("model", "a label of the model " + problem);
  }
  if (!model_weights_in_range(model))
    return Invalid("model", "the model holds weights that are not finite or out of range");
  model.options = {static_cast<int>(min_ngram),
                   static_cast<int>(max_ngram),
                   (flags & kWordsFlag) != 0,
                   (flags & kLatinFlag) != 0,
                   static_cast<int>(std::min<uint32_t>(lead, kMaxLead + 1)),
                   static_cast<int>(std::min<uint32_t>(window, kMaxNgramWindow + 1))};
  if (!block_weights_in_range(model.block_weights) || !validate(model.options).ok() ||
      model.labels.size() < 2)
    return Invalid("model", "the model's settings are out of range");
  if (model.keys.size() > ClassifierModel::kMaxRows)
    return Invalid("model", "the model's vocabulary is too large");
  model.index_rows();
  if (model.rows.size() != model.keys.size())
    return Invalid("model", "the model's vocabulary has repeated keys");
  model.segmenter = Segmenter(lexicon);
  return Status::Ok();
}

}  // namespace

Status write_model(const ClassifierModel& model, const std::string& path) {
  return replace_file(path, model_file_bytes(payload_of(model), Classifier::kFormatVersion), "out");
}

Result<std::unique_ptr<ClassifierModel>> parse_model(std::string_view file,
                                                     const std::string& name) {
  const std::string where = name + ": ";
  if (file.size() < sizeof kMagic || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0)
    return Invalid("model", where + "not a shegong text classifier model");
  Reader header(file.substr(sizeof kMagic));
  uint32_t version = 0;
  uint64_t payload_size = 0;
  if (!header.get(version) || !header.get(payload_size))
    return Invalid("model", where + "truncated model file");
  if (version < Classifier::kOldestFormatVersion || version > Classifier::kFormatVersion)
    return Invalid("model", where + "model format version " + std::to_string(version) +
                                ", this build reads versions " +
                                std::to_string(Classifier::kOldestFormatVersion) + " to " +
                                std::to_string(Classifier::kFormatVersion) + "; retrain the model");
  if (file.size() < kHeaderSize + 8 || payload_size != file.size() - kHeaderSize - 8)
    return Invalid("model", where + "truncated model file (size does not match its header)");
  uint64_t checksum = 0;
  std::memcpy(&checksum, file.data() + file.size() - 8, 8);
  if (checksum != fnv1a(file.substr(0, file.size() - 8)))
    return Invalid("model", where + "corrupt model file (checksum mismatch)");
  auto model = std::make_unique<ClassifierModel>();
  Status parsed = parse_payload(file.substr(kHeaderSize, payload_size), version, *model);
  if (!parsed.ok()) return Invalid("model", where + parsed.message());
  return model;
}

Result<std::unique_ptr<ClassifierModel>> read_model(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return Status(Code::kNotFound, bytes.status().message(), "model");
  return parse_model(*bytes, path);
}

std::string model_file_bytes(std::string_view payload, uint32_t version) {
  Writer w;
  w.bytes().append(kMagic, sizeof kMagic);
  w.put(version);
  w.put(static_cast<uint64_t>(payload.size()));
  w.bytes() += payload;
  w.put(fnv1a(w.bytes()));
  return std::move(w.bytes());
}

}  // namespace shegong::text
