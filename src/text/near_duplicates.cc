#include "text/near_duplicates.h"

#include <algorithm>
#include <unordered_set>

#include "text/minhash.h"
#include "text/normalize.h"
#include "text/shingles.h"

namespace shegong::text {

namespace {

bool entry_less(uint32_t key_a, uint32_t slot_a, uint32_t key_b, uint32_t slot_b) {
  return key_a != key_b ? key_a < key_b : slot_a < slot_b;
}

std::vector<SimilarMessage> best(std::vector<SimilarMessage> found, size_t k) {
  auto order = [](const SimilarMessage& a, const SimilarMessage& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  };
  if (found.size() > k) {
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), found.end(),
                      order);
    found.resize(k);
  } else {
    std::sort(found.begin(), found.end(), order);
  }
  return found;
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options) : options_(options) {
  options_.shingle_width = std::max<size_t>(options_.shingle_width, 1);
  options_.bands = std::max<size_t>(options_.bands, 1);
  options_.rows = std::max<size_t>(options_.rows, 1);
}

Result<Fingerprint> NearDuplicateIndex::fingerprint(std::string_view text) const {
  auto normalized = normalize(text);
  if (!normalized.ok()) return normalized.status();
  auto shingles = shingle_hashes(content_characters(*normalized), options_.shingle_width);
  if (shingles.empty()) return Invalid("text", "has no letters, digits or characters to compare");
  MinHashSketch sketch = minhash(shingles, slots_per_sketch());
  Fingerprint fp;
  fp.band_keys.reserve(options_.bands);
  for (size_t band = 0; band < options_.bands; ++band) {
    uint64_t h = mix64(band);
    for (size_t row = 0; row < options_.rows; ++row)
      h = mix64(h ^ sketch.slots[band * options_.rows + row]);
    fp.band_keys.push_back(static_cast<uint32_t>(h >> 32));
  }
  fp.sketch = sketch_bytes(sketch);
  return fp;
}

Status NearDuplicateIndex::add(int64_t id, std::string_view requester, std::string_view text) {
  auto fp = fingerprint(text);
  if (!fp.ok()) return fp.status();
  return add(id, requester, *fp);
}

Status NearDuplicateIndex::add(int64_t id, std::string_view requester,
                               const Fingerprint& fingerprint) {
  if (fingerprint.band_keys.size() != options_.bands ||
      fingerprint.sketch.size() != slots_per_sketch())
    return Invalid("fingerprint", "was made with other index options");
  if (ids_.size() >= kAnonymous) return Status(Code::kConflict, "the index is full");
  auto slot = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  sketches_.insert(sketches_.end(), fingerprint.sketch.begin(), fingerprint.sketch.end());
  uint32_t who = kAnonymous;
  if (!requester.empty()) {
    auto [it, inserted] = requester_index_.try_emplace(std::string(requester),
                                                       static_cast<uint32_t>(history_.size()));
    if (inserted) history_.emplace_back();
    who = it->second;
    history_[who].push_back(slot);
  }
  requester_.push_back(who);

  Run run;
  run.count = 1;
  for (uint32_t key : fingerprint.band_keys) run.entries.push_back({key, slot});
  while (!runs_.empty() && runs_.back().count <= run.count) {
    run = merge(runs_.back(), run);
    runs_.pop_back();
  }
  runs_.push_back(std::move(run));
  return Status::Ok();
}

NearDuplicateIndex::Run NearDuplicateIndex::merge(const Run& older, const Run& newer) const {
  Run out;
  out.count = older.count + newer.count;
  out.entries.resize(out.count * options_.bands);
  auto less = [](const BandEntry& a, const BandEntry& b) {
    return entry_less(a.key, a.slot, b.key, b.slot);
  };
  for (size_t band = 0; band < options_.bands; ++band) {
    auto a = older.entries.begin() + static_cast<std::ptrdiff_t>(band * older.count);
    auto b = newer.entries.begin() + static_cast<std::ptrdiff_t>(band * newer.count);
    std::merge(a, a + static_cast<std::ptrdiff_t>(older.count), b,
               b + static_cast<std::ptrdiff_t>(newer.count),
               out.entries.begin() + static_cast<std::ptrdiff_t>(band * out.count), less);
  }
  return out;
}

template <typename Visit>
void NearDuplicateIndex::visit_bucket(size_t band, uint32_t key, Visit&& visit) const {
  size_t taken = 0;
  // Newest first, so the bound keeps recent messages.
  for (auto run = runs_.rbegin(); run != runs_.rend(); ++run) {
    auto first = run->entries.begin() + static_cast<std::ptrdiff_t>(band * run->count);
    auto last = first + static_cast<std::ptrdiff_t>(run->count);
    auto lo = std::lower_bound(first, last, key,
                               [](const BandEntry& e, uint32_t k) { return e.key < k; });
    auto hi =
        std::upper_bound(lo, last, key, [](uint32_t k, const BandEntry& e) { return k < e.key; });
    for (auto it = hi; it != lo; ++taken) {
      if (taken >= options_.max_bucket || !visit((--it)->slot)) return;
    }
  }
}

std::vector<uint32_t> NearDuplicateIndex::candidates(const Fingerprint& fingerprint) const {
  std::vector<uint32_t> found;
  for (size_t band = 0; band < options_.bands; ++band) {
    visit_bucket(band, fingerprint.band_keys[band], [&](uint32_t slot) {
      found.push_back(slot);
      return true;
    });
    if (found.size() >= options_.max_candidates) break;
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.size() > options_.max_candidates)
    found.erase(found.begin(), found.end() - static_cast<std::ptrdiff_t>(options_.max_candidates));
  return found;
}

double NearDuplicateIndex::similarity_to(uint32_t slot, const Fingerprint& fingerprint) const {
  size_t n = slots_per_sketch();
  return similarity_of_bytes(
      matching_bytes(&sketches_[size_t{slot} * n], fingerprint.sketch.data(), n), n);
}

Result<std::vector<SimilarMessage>> NearDuplicateIndex::similar(std::string_view text, size_t k,
                                                                double min_similarity) const {
  auto fp = fingerprint(text);
  if (!fp.ok()) return fp.status();
  return similar(*fp, k, min_similarity);
}

std::vector<SimilarMessage> NearDuplicateIndex::similar(const Fingerprint& fingerprint, size_t k,
                                                        double min_similarity) const {
  if (k == 0 || fingerprint.sketch.size() != slots_per_sketch() ||
      fingerprint.band_keys.size() != options_.bands)
    return {};
  std::vector<SimilarMessage> found;
  for (uint32_t slot : candidates(fingerprint)) {
    double s = similarity_to(slot, fingerprint);
    if (s >= min_similarity) found.push_back({ids_[slot], s});
  }
  return best(std::move(found), k);
}

uint32_t NearDuplicateIndex::requester_of(std::string_view requester) const {
  auto it = requester_index_.find(std::string(requester));
  return it == requester_index_.end() ? kAnonymous : it->second;
}

Result<RepeatFinding> NearDuplicateIndex::find_repeat(std::string_view requester,
                                                      std::string_view text, double min_similarity,
                                                      size_t max_others) const {
  if (requester.empty())
    return Invalid("requester", "is empty: an anonymous message has no history");
  auto fp = fingerprint(text);
  if (!fp.ok()) return fp.status();
  return find_repeat(requester, *fp, min_similarity, max_others);
}

RepeatFinding NearDuplicateIndex::find_repeat(std::string_view requester,
                                              const Fingerprint& fingerprint, double min_similarity,
                                              size_t max_others) const {
  RepeatFinding finding;
  if (fingerprint.sketch.size() != slots_per_sketch()) return finding;
  uint32_t who = requester.empty() ? kAnonymous : requester_of(requester);
  if (who != kAnonymous) {
    for (uint32_t slot : history_[who]) {
      double s = similarity_to(slot, fingerprint);
      if (s >= min_similarity) finding.earlier.push_back({ids_[slot], s});
    }
    finding.earlier = best(std::move(finding.earlier), finding.earlier.size());
    finding.repeated = !finding.earlier.empty();
  }
  if (max_others == 0) return finding;
  // The candidates of each band, newest first, scored once each until enough others are found:
  // a common matter has thousands, and the count stops at max_others anyway.
  std::unordered_set<uint32_t> others;
  std::unordered_set<uint32_t> seen;
  size_t scored = 0;
  for (size_t band = 0; band < options_.bands && others.size() < max_others; ++band) {
    visit_bucket(band, fingerprint.band_keys[band], [&](uint32_t slot) {
      uint32_t person = requester_[slot];
      if (person != who && person != kAnonymous && !others.count(person) &&
          seen.insert(slot).second) {
        ++scored;
        if (similarity_to(slot, fingerprint) >= min_similarity) others.insert(person);
      }
      return others.size() < max_others && scored < options_.max_candidates;
    });
  }
  finding.other_requesters = others.size();
  return finding;
}

size_t NearDuplicateIndex::memory_bytes() const {
  size_t bytes = ids_.capacity() * sizeof(int64_t) + sketches_.capacity() +
                 requester_.capacity() * sizeof(uint32_t) +
                 history_.capacity() * sizeof(std::vector<uint32_t>);
  for (const auto& h : history_) bytes += h.capacity() * sizeof(uint32_t);
  for (const auto& [key, index] : requester_index_)
    bytes += key.capacity() + sizeof(key) + sizeof(index) + 2 * sizeof(void*);
  bytes += requester_index_.bucket_count() * sizeof(void*);
  for (const auto& run : runs_) bytes += run.entries.capacity() * sizeof(BandEntry);
  return bytes;
}

}  // namespace shegong::text
