// Speed of the category classifier on real raw messages (subject and body as citizens wrote them),
// one thread: the whole path of `shegong text classify` for one message (normalisation, features,
// scoring), its parts, and loading the model.
// Run: bench/text/train-reference.sh build/text-reference.model
//      build/shegong_bench --benchmark_filter=Text
// SHEGONG_TEXT_MODEL and SHEGONG_TEXT_MESSAGES (a CSV with subject and body) override the paths.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "base/csv.h"
#include "text/classifier.h"
#include "text/normalize.h"

namespace shegong {
namespace {

std::string setting(const char* name, const char* fallback) {
  const char* value = getenv(name);
  return value && *value ? value : fallback;
}

struct Corpus {
  std::optional<text::Classifier> classifier;
  std::vector<std::string> messages;
  std::string error;
  double model_mib = 0;
};

std::vector<std::string> raw_messages(const std::string& path) {
  std::vector<std::string> out;
  auto csv = read_file(path);
  if (!csv.ok()) return out;
  CsvReader reader(*csv);
  std::vector<std::string> header, row;
  if (!reader.next(header)) return out;
  auto column = [&](const char* name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t subject = column("subject"), body = column("body");
  while (reader.next(row))
    if (subject < row.size() && body < row.size()) out.push_back(row[subject] + " " + row[body]);
  return out;
}

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    const std::string model = setting("SHEGONG_TEXT_MODEL", "build/text-reference.model");
    const std::string messages =
        setting("SHEGONG_TEXT_MESSAGES", "../shared/data/messages-unlabelled-test.csv");
    auto loaded = text::Classifier::load(model);
    if (!loaded.ok()) {
      c.error = loaded.status().message() + " (run bench/text/train-reference.sh " + model + ")";
      return c;
    }
    c.classifier.emplace(std::move(loaded).value());
    c.model_mib = static_cast<double>(std::filesystem::file_size(model)) / (1 << 20);
    c.messages = raw_messages(messages);
    if (c.messages.empty()) c.error = "no messages with subject and body in " + messages;
    return c;
  }();
  return c;
}

// Runs `work` over the messages in turn, one message per iteration.
template <typename Work>
void over_messages(benchmark::State& state, Work work) {
  const Corpus& c = corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& message = c.messages[i];
    work(*c.classifier, message);
    bytes += message.size();
    if (++i == c.messages.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["model_MiB"] = c.model_mib;
  state.counters["features"] = static_cast<double>(c.classifier->feature_count());
}

void BM_TextClassifyRawMessage(benchmark::State& state) {
  over_messages(state, [](const text::Classifier& classifier, const std::string& message) {
    auto prediction = classifier.classify(message);
    benchmark::DoNotOptimize(prediction);
  });
}
BENCHMARK(BM_TextClassifyRawMessage)->Unit(benchmark::kMicrosecond);

void BM_TextTop3RawMessage(benchmark::State& state) {
  over_messages(state, [](const text::Classifier& classifier, const std::string& message) {
    auto top = classifier.top_k(message, 3);
    benchmark::DoNotOptimize(top);
  });
}
BENCHMARK(BM_TextTop3RawMessage)->Unit(benchmark::kMicrosecond);

// The first step alone, to see what is left for features and scoring.
void BM_TextNormalizeRawMessage(benchmark::State& state) {
  over_messages(state, [](const text::Classifier&, const std::string& message) {
    auto normalized = text::normalize(message);
    benchmark::DoNotOptimize(normalized);
  });
}
BENCHMARK(BM_TextNormalizeRawMessage)->Unit(benchmark::kMicrosecond);

void BM_TextLoadModel(benchmark::State& state) {
  const Corpus& c = corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const std::string model = setting("SHEGONG_TEXT_MODEL", "build/text-reference.model");
  for (auto _ : state) {
    auto loaded = text::Classifier::load(model);
    benchmark::DoNotOptimize(loaded);
  }
  state.counters["model_MiB"] = c.model_mib;
}
BENCHMARK(BM_TextLoadModel)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace shegong
