// Near-duplicate messages: the same matter written again, by the same citizen or by others, with
// small edits (a greeting added, clauses reordered, Traditional characters, full-width digits,
// words inserted or changed).
//
// A message is normalised (text::normalize), reduced to its meaningful characters, cut into
// character shingles and sketched with MinHash (text/minhash.h). The index keeps one byte per
// sketch slot and, for locality-sensitive hashing, the sketch cut into `bands` bands of `rows`
// slots: two messages become candidates when a whole band agrees, which for Jaccard similarity J
// happens with probability 1 - (1 - J^rows)^bands; candidates are then ranked by their estimated
// similarity. Format, parameters and measured recall: docs/near-duplicates.md.
//
// Band entries live in sorted runs whose sizes follow a binary counter (the logarithmic method):
// an add costs O(log n) amortised moves, a look-up one binary search per run and band, and there
// are never more runs than bits in the message count.
//
// The same index answers the repeat checks: 重复诉求 in the hotline (same requester, same
// matter) and 重复信访 in petitions (same petitioner, same matter). The requester key is whatever
// identifies a person in the caller's module (e.g. the keyed hash of a phone or ID number); the
// index never sees personal data itself.
//
// Not thread-safe for writers; any number of concurrent readers is fine while no one adds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace shegong::text {

struct NearDuplicateOptions {
  size_t shingle_width = 3;  // characters per shingle
  size_t bands = 24;
  size_t rows = 4;  // sketch slots per band; the sketch has bands * rows slots
  // Bounds on the work of one look-up, so that a matter written ten thousand times (or a
  // one-word message) cannot make every query slow: entries read per band bucket, newest first,
  // and distinct candidates scored.
  size_t max_bucket = 2000;
  size_t max_candidates = 20000;
};

// A message reduced to what the index compares. Depends on the options it was made with.
struct Fingerprint {
  std::vector<uint32_t> band_keys;  // one per band
  std::vector<uint8_t> sketch;      // one byte per slot
};

struct SimilarMessage {
  int64_t id = 0;
  double similarity = 0;  // estimated Jaccard similarity of the shingle sets, 0 to 1
};

// Outcome of a repeat check: 重复诉求 / 重复信访.
struct RepeatFinding {
  bool repeated = false;                // the requester raised this matter before
  std::vector<SimilarMessage> earlier;  // those earlier messages, most similar first
  size_t other_requesters = 0;          // others who raised it too (a shared or group matter)
};

class NearDuplicateIndex {
 public:
  // The default similarity for "the same matter": an edited copy of a message is well above it
  // (docs/near-duplicates.md measures the planted copies), two messages sharing a stock sentence
  // are well below.
  static constexpr double kSameMatter = 0.5;

  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  // Pure and thread-safe. Errors (field "text"): invalid UTF-8, or nothing to compare (empty,
  // only spaces or punctuation).
  Result<Fingerprint> fingerprint(std::string_view text) const;

  // `requester` may be empty (anonymous): the message is found by similar() but belongs to no
  // one's history. Ids are the caller's; they are not checked for uniqueness.
  Status add(int64_t id, std::string_view requester, std::string_view text);
  Status add(int64_t id, std::string_view requester, const Fingerprint& fingerprint);

  // Up to `k` indexed messages with estimated similarity >= `min_similarity`, most similar first.
  Result<std::vector<SimilarMessage>> similar(std::string_view text, size_t k,
                                              double min_similarity = kSameMatter) const;
  std::vector<SimilarMessage> similar(const Fingerprint& fingerprint, size_t k,
                                      double min_similarity = kSameMatter) const;

  // Is `text` the same matter as an earlier message of `requester` (similarity >=
  // `min_similarity`)? Compares against every message of that requester, not only LSH
  // candidates, so a repeat is never missed for want of a band collision. Call before add().
  // Other requesters who raised the same matter are counted up to `max_others` (0: not at all;
  // counting them scores many candidates when a matter is common).
  Result<RepeatFinding> find_repeat(std::string_view requester, std::string_view text,
                                    double min_similarity = kSameMatter,
                                    size_t max_others = SIZE_MAX) const;
  RepeatFinding find_repeat(std::string_view requester, const Fingerprint& fingerprint,
                            double min_similarity = kSameMatter,
                            size_t max_others = SIZE_MAX) const;

  size_t size() const { return ids_.size(); }
  const NearDuplicateOptions& options() const { return options_; }
  // Bytes held by the index's own arrays (sketches, band runs, ids, requesters).
  size_t memory_bytes() const;

 private:
  struct BandEntry {
    uint32_t key;
    uint32_t slot;
  };
  // Entries of all bands for `count` messages, band after band, each band sorted by key, slot.
  struct Run {
    size_t count = 0;
    std::vector<BandEntry> entries;
  };
  static constexpr uint32_t kAnonymous = UINT32_MAX;

  size_t slots_per_sketch() const { return options_.bands * options_.rows; }
  Run merge(const Run& older, const Run& newer) const;
  std::vector<uint32_t> candidates(const Fingerprint& fingerprint) const;
  // The slots whose band `band` has `key`: newest runs first and the newest end of each bucket,
  // at most max_bucket of them, until `visit(slot)` returns false.
  template <typename Visit>
  void visit_bucket(size_t band, uint32_t key, Visit&& visit) const;
  double similarity_to(uint32_t slot, const Fingerprint& fingerprint) const;
  uint32_t requester_of(std::string_view requester) const;

  NearDuplicateOptions options_;
  std::vector<int64_t> ids_;         // by slot (insertion order)
  std::vector<uint8_t> sketches_;    // slots_per_sketch() bytes per slot
  std::vector<uint32_t> requester_;  // by slot, kAnonymous or an index into history_
  std::unordered_map<std::string, uint32_t> requester_index_;
  std::vector<std::vector<uint32_t>> history_;  // slots of each requester
  std::vector<Run> runs_;                       // sizes strictly decreasing
};

}  // namespace shegong::text
