// Near-duplicate search over a million messages: latency of similar() and its recall and
// precision on planted near-duplicates. The corpus, the planting and how to read the figures are
// described in docs/near-duplicates.md.
//
// Run from the project root (the real messages are read from ../shared/data, or
// $SHEGONG_DATA_DIR):
//   build/shegong_bench --benchmark_filter=NearDuplicate
//   SHEGONG_SIMILAR_MESSAGES=100000 build/shegong_bench --benchmark_filter=NearDuplicate
// The corpus is a pure function of the data files, the size and the seed: message i is the same
// text on every run and every machine, so a query's expected answer is known without storing it.
#include <benchmark/benchmark.h>
#include <opencc/opencc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>

#include "base/csv.h"
#include "text/near_duplicates.h"
#include "text/normalize.h"
#include "text/shingles.h"

namespace shegong {
namespace {

constexpr uint64_t kSeed = 20261121;
constexpr size_t kPlantEvery = 100;  // message i is planted when i % 100 == 50 (1%)
constexpr size_t kTopK = 10;
constexpr double kMinSimilarity = 0.5;  // answers are those estimated at least this similar
constexpr double kNearDuplicate = 0.4;  // an answer is right if its exact similarity is this much
constexpr size_t kFreshQueries = 2000;

// A small deterministic generator (SplitMix64); std distributions differ between libraries.
class Rng {
 public:
  explicit Rng(uint64_t key) : state_(text::mix64(key ^ kSeed)) {}
  uint64_t next() { return state_ = text::mix64(state_); }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }

 private:
  uint64_t state_;
};

// The real messages and what synthetic ones are made of.
struct Pools {
  std::vector<std::string> real;  // subject + "\n" + body, as published
  std::vector<std::string> subjects;
  std::vector<std::string> sentences;  // clauses of the bodies, with their closing mark
};

void split_sentences(const std::string& body, std::vector<std::string>& out) {
  std::u32string s = decode_utf8(body), current;
  for (char32_t c : s) {
    if (c == U'\n' || c == U'\r') c = U'，';
    current.push_back(c);
    if (std::u32string_view(U"。！？；!?;").find(c) != std::u32string_view::npos) {
      if (current.size() >= 6) out.push_back(to_utf8(current));
      current.clear();
    }
  }
  if (current.size() >= 6) out.push_back(to_utf8(current));
}

// One CSV of ../shared/data: the first of `subject_columns` and of `body_columns` present.
void read_messages(const std::string& path, const std::vector<std::string>& subject_columns,
                   const std::vector<std::string>& body_columns, Pools& pools) {
  auto content = read_file(path);
  if (!content.ok()) return;
  CsvReader reader(*content);
  std::vector<std::string> row;
  if (!reader.next(row)) return;
  auto find = [&](const std::vector<std::string>& names) -> std::optional<size_t> {
    for (const auto& n : names)
      for (size_t i = 0; i < row.size(); ++i)
        if (row[i] == n) return i;
    return std::nullopt;
  };
  auto subject = find(subject_columns), body = find(body_columns);
  if (!subject || !body) return;
  while (reader.next(row)) {
    if (row.size() <= std::max(*subject, *body)) continue;
    pools.real.push_back(row[*subject] + "\n" + row[*body]);
    pools.subjects.push_back(row[*subject]);
    split_sentences(row[*body], pools.sentences);
  }
}

Pools load_pools(const std::string& dir) {
  Pools pools;
  for (const char* file : {"messages-hot.csv", "messages-replies.csv", "messages-labelled.csv",
                           "messages-unlabelled-test.csv", "leaderboard-fuzhou.csv"})
    read_messages(dir + "/" + file, {"subject"}, {"body"}, pools);
  read_messages(dir + "/fz12345-river-complaints.csv", {"title"}, {"content"}, pools);
  return pools;
}

// Traditional characters as a citizen in Hong Kong or Taiwan, or a phone set that way, writes.
class Traditional {
 public:
  Traditional() : od_(opencc_open("s2t.json")) {}
  ~Traditional() {
    if (ok()) opencc_close(od_);
  }
  bool ok() const { return od_ != reinterpret_cast<opencc_t>(-1); }
  std::string convert(const std::string& s) const {
    if (!ok()) return s;
    char* out = opencc_convert_utf8(od_, s.data(), s.size());
    if (!out) return s;
    std::string result(out);
    opencc_convert_utf8_free(out);
    return result;
  }

 private:
  opencc_t od_;
};

// Message i of the corpus: the real messages first, then synthetic ones (a real subject and two
// to seven clauses drawn from all real bodies), and every 100th synthetic one a planted
// near-duplicate of an earlier message.
class Corpus {
 public:
  Corpus(Pools pools, size_t size) : pools_(std::move(pools)), size_(size) {}

  size_t size() const { return size_; }
  size_t real_count() const { return pools_.real.size(); }
  bool planted(size_t i) const { return i >= real_count() && i % kPlantEvery == kPlantEvery / 2; }
  size_t source_of(size_t i) const {
    size_t source = Rng(i * 2 + 1).below(i);
    return planted(source) ? source - 1 : source;  // never a copy of a copy
  }
  std::string text(size_t i) const {
    if (i < real_count()) return pools_.real[i];
    if (planted(i)) return edited(text(source_of(i)), i);
    return synthetic(i);
  }
  // A message that is not in the corpus, for measuring false positives.
  std::string fresh(size_t j) const { return synthetic(size_ + 1'000'000'000 + j); }
  size_t sentences() const { return pools_.sentences.size(); }

 private:
  std::string synthetic(uint64_t key) const {
    Rng rng(key * 2);
    std::string out = pools_.subjects[rng.below(pools_.subjects.size())] + "\n";
    size_t clauses = 2 + rng.below(6);
    for (size_t c = 0; c < clauses; ++c)
      out += pools_.sentences[rng.below(pools_.sentences.size())];
    return out;
  }
  std::string edited(const std::string& original, uint64_t key) const;

  Pools pools_;
  size_t size_;
  Traditional traditional_;
};

constexpr std::u32string_view kCommonCharacters =
    U"的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    U"子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两";
constexpr std::string_view kGreetings[] = {"您好！", "尊敬的领导：您好，", "领导好，",
                                           "你好，我想反映一个问题：", "麻烦相关部门看一下，"};
constexpr std::string_view kClosings[] = {"谢谢！", "望尽快解决，谢谢。", "盼复。",
                                          "请尽快处理，万分感谢！"};

std::u32string full_width(std::u32string s) {
  for (auto& c : s)
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) c += 0xFEE0;
  return s;
}

// Two clauses (split at ，。；！？) change places.
std::u32string swap_clauses(const std::u32string& s, Rng& rng) {
  std::vector<std::u32string> clauses(1);
  for (char32_t c : s) {
    clauses.back().push_back(c);
    if (std::u32string_view(U"，。；！？").find(c) != std::u32string_view::npos)
      clauses.emplace_back();
  }
  if (clauses.size() >= 3)
    std::swap(clauses[rng.below(clauses.size())], clauses[rng.below(clauses.size())]);
  std::u32string out;
  for (const auto& c : clauses) out += c;
  return out;
}

// Insertions, deletions and substitutions of single characters: 1% to 5% of the text.
std::u32string edit_characters(std::u32string s, Rng& rng) {
  size_t edits = std::max<size_t>(1, s.size() * (1 + rng.below(5)) / 100);
  for (size_t e = 0; e < edits && !s.empty(); ++e) {
    size_t at = rng.below(s.size());
    char32_t c = kCommonCharacters[rng.below(kCommonCharacters.size())];
    switch (rng.below(3)) {
      case 0:
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c);
        break;
      case 1:
        s.erase(at, 1);
        break;
      default:
        s[at] = c;
    }
  }
  return s;
}

std::string Corpus::edited(const std::string& original, uint64_t key) const {
  Rng rng(key * 2 + 1'000'003);
  std::u32string s = decode_utf8(original);
  if (rng.chance(0.5)) s = swap_clauses(s, rng);
  if (rng.chance(0.8)) s = edit_characters(std::move(s), rng);
  if (rng.chance(0.3)) s = full_width(std::move(s));
  std::string out = to_utf8(s);
  if (rng.chance(0.5)) out = std::string(kGreetings[rng.below(std::size(kGreetings))]) + out;
  if (rng.chance(0.5)) out += kClosings[rng.below(std::size(kClosings))];
  if (rng.chance(0.3)) out = traditional_.convert(out);
  return out;
}

std::vector<uint64_t> shingle_set(const std::string& t) {
  auto n = text::normalize(t);
  auto s = text::shingle_hashes(text::content_characters(n.ok() ? *n : t), 3);
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

double exact_jaccard(const std::string& a, const std::string& b) {
  auto x = shingle_set(a), y = shingle_set(b);
  std::vector<uint64_t> both;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  size_t all = x.size() + y.size() - both.size();
  return all ? static_cast<double>(both.size()) / all : 0.0;
}

double resident_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  return 0;
}

struct Quality {
  size_t planted = 0, found = 0, returned = 0, correct = 0, strictly_correct = 0;
  size_t fresh_returned = 0, fresh_false = 0;
  std::vector<double> latency_ms;
  std::vector<double> planted_jaccard;  // exact, of each copy and its source
  double recall() const { return planted ? double(found) / planted : 0.0; }
  double precision() const { return returned ? double(correct) / returned : 1.0; }
  double strict_precision() const { return returned ? double(strictly_correct) / returned : 1.0; }
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

struct World {
  std::unique_ptr<Corpus> corpus;
  text::NearDuplicateIndex index;
  std::vector<size_t> planted;
  double build_seconds = 0, rss_before = 0, rss_after = 0;
  Quality quality;
  std::string error;
};

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

// Every planted message is a query (its source should come back); fresh messages are queries
// that should find nothing. Each result is judged by the exact Jaccard similarity of the two
// texts' shingle sets, or by the planting.
void evaluate(World& w) {
  Quality& q = w.quality;
  for (size_t p : w.planted) {
    std::string query = w.corpus->text(p);
    auto start = std::chrono::steady_clock::now();
    auto found = w.index.similar(query, kTopK + 1, kMinSimilarity);
    q.latency_ms.push_back(elapsed_ms(start));
    if (!found.ok()) continue;
    ++q.planted;
    size_t source = w.corpus->source_of(p);
    q.planted_jaccard.push_back(exact_jaccard(query, w.corpus->text(source)));
    for (const auto& s : *found) {
      auto id = static_cast<size_t>(s.id);
      if (id == p) continue;  // itself
      ++q.returned;
      bool planted_pair =
          id == source || (w.corpus->planted(id) && w.corpus->source_of(id) == source);
      if (id == source) ++q.found;
      double exact = planted_pair ? 1.0 : exact_jaccard(query, w.corpus->text(id));
      q.correct += exact >= kNearDuplicate;
      q.strictly_correct += exact >= kMinSimilarity;
    }
  }
  for (size_t j = 0; j < kFreshQueries; ++j) {
    std::string query = w.corpus->fresh(j);
    auto start = std::chrono::steady_clock::now();
    auto found = w.index.similar(query, kTopK, kMinSimilarity);
    q.latency_ms.push_back(elapsed_ms(start));
    if (!found.ok()) continue;
    for (const auto& s : *found) {
      ++q.fresh_returned;
      if (exact_jaccard(query, w.corpus->text(static_cast<size_t>(s.id))) < kNearDuplicate)
        ++q.fresh_false;
    }
  }
}

World& world() {
  static World* w = [] {
    auto* w = new World;
    const char* dir = std::getenv("SHEGONG_DATA_DIR");
    const char* size = std::getenv("SHEGONG_SIMILAR_MESSAGES");
    Pools pools = load_pools(dir ? dir : "../shared/data");
    if (pools.real.empty() || pools.sentences.empty()) {
      w->error = "no messages found: run from the project root or set SHEGONG_DATA_DIR";
      return w;
    }
    size_t n = size ? std::strtoull(size, nullptr, 10) : 1'000'000;
    w->corpus = std::make_unique<Corpus>(std::move(pools), std::max(n, size_t{1}));
    w->rss_before = resident_mib();
    auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < w->corpus->size(); ++i) {
      (void)w->index.add(static_cast<int64_t>(i), "", w->corpus->text(i));
      if (w->corpus->planted(i)) w->planted.push_back(i);
    }
    w->build_seconds = elapsed_ms(start) / 1000;
    w->rss_after = resident_mib();
    evaluate(*w);
    const Quality& q = w->quality;
    std::fprintf(stderr,
                 "near-duplicates: %zu messages (%zu real, %zu clauses), built in %.1f s; index "
                 "%.1f MiB (RSS +%.1f MiB)\n",
                 w->index.size(), w->corpus->real_count(), w->corpus->sentences(), w->build_seconds,
                 w->index.memory_bytes() / 1048576.0, w->rss_after - w->rss_before);
    std::fprintf(stderr,
                 "  planted %zu (exact Jaccard with the source: min %.3f, p1 %.3f, p5 %.3f, "
                 "median %.3f): recall %.4f\n  answers %zu: precision %.4f (exact >= %.1f or "
                 "planted), %.4f (exact >= %.1f or planted)\n",
                 q.planted, percentile(q.planted_jaccard, 0), percentile(q.planted_jaccard, 0.01),
                 percentile(q.planted_jaccard, 0.05), percentile(q.planted_jaccard, 0.5),
                 q.recall(), q.returned, q.precision(), kNearDuplicate, q.strict_precision(),
                 kMinSimilarity);
    std::fprintf(stderr,
                 "  fresh queries %zu: %zu answers, %zu with exact < %.1f\n  latency over %zu "
                 "queries: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                 kFreshQueries, q.fresh_returned, q.fresh_false, kNearDuplicate,
                 q.latency_ms.size(), percentile(q.latency_ms, 0.5), percentile(q.latency_ms, 0.99),
                 percentile(q.latency_ms, 1.0));
    return w;
  }();
  return *w;
}

// The timed loop: one similar() per iteration over the planted queries, normalisation included.
void BM_NearDuplicateSimilar(benchmark::State& state) {
  World& w = world();
  if (!w.error.empty()) {
    state.SkipWithError(w.error.c_str());
    return;
  }
  std::vector<std::string> queries;
  for (size_t i = 0; i < w.planted.size() && i < 2000; ++i)
    queries.push_back(w.corpus->text(w.planted[i]));
  size_t next = 0;
  for (auto _ : state) {
    auto found = w.index.similar(queries[next], kTopK, kMinSimilarity);
    benchmark::DoNotOptimize(found);
    if (++next == queries.size()) next = 0;
  }
  const Quality& q = w.quality;
  state.counters["messages"] = static_cast<double>(w.index.size());
  state.counters["recall"] = q.recall();
  state.counters["precision"] = q.precision();
  state.counters["precision_strict"] = q.strict_precision();
  state.counters["fresh_false"] = static_cast<double>(q.fresh_false);
  state.counters["p50_ms"] = percentile(q.latency_ms, 0.50);
  state.counters["p99_ms"] = percentile(q.latency_ms, 0.99);
  state.counters["index_MiB"] = w.index.memory_bytes() / 1048576.0;
  state.counters["rss_MiB"] = w.rss_after - w.rss_before;
  state.counters["build_s"] = w.build_seconds;
}
BENCHMARK(BM_NearDuplicateSimilar)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace shegong
