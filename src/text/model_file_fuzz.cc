// libFuzzer target: a classifier model file of arbitrary contents never crashes the loader or the
// classifier. The input's first byte picks the format version (1 to 3) and the rest is the payload,
// wrapped in a well-formed header and checksum so that the payload parser is what gets fuzzed;
// with the first byte's high bit set the input is read as a whole file instead. A model that
// loads classifies text into one of its labels with a confidence from 0 to 1. Built and run for a
// bounded time by bench/fuzz/run.sh (make bench), seeded with a small trained model.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/classifier.h"
#include "text/classifier_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shegong::text;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string file = data[0] & 0x80
                         ? std::string(rest)
                         : model_file_bytes(rest, 1 + data[0] % Classifier::kFormatVersion);
  auto classifier = Classifier::parse(file, "fuzz.model");
  if (!classifier.ok()) {
    if (classifier.status().field() != "model") std::abort();
    return 0;
  }
  const auto& labels = classifier->labels();
  for (std::string_view text : {"小区夜间施工噪音扰民", "公交 bus 线路调整 12345", "😀", "ノイズ"}) {
    auto top = classifier->top_k(text, 3);
    if (!top.ok()) std::abort();
    double last = 2;
    for (const auto& p : *top) {
      if (!(p.confidence >= 0 && p.confidence <= 1) || p.confidence > last) std::abort();
      if (std::find(labels.begin(), labels.end(), p.label) == labels.end()) std::abort();
      last = p.confidence;
    }
  }
  return 0;
}
