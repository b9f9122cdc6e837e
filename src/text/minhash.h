// MinHash sketches of shingle sets, for estimating the Jaccard similarity of two messages
// without keeping their shingles.
//
// One permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017):
// each shingle is hashed once and falls into one of `slots` bins, each bin keeps its minimum, and
// an empty bin borrows the value of a bin chosen by a fixed hash sequence. Two sketches agree in
// a slot with probability (close to) the Jaccard similarity of the two sets, and a message of
// 1 MB costs one hash per character instead of one per character and per slot.
//
// The same set always gives the same sketch (the hashes are fixed, not seeded per process), so
// sketches can be stored and compared across runs.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace shegong::text {

struct MinHashSketch {
  std::vector<uint32_t> slots;  // empty only for an empty set
};

// `shingles` may repeat (a set is meant); `slots` >= 1.
MinHashSketch minhash(std::span<const uint64_t> shingles, size_t slots);

// Share of slots that agree: an unbiased estimate of the Jaccard similarity. Sketches of different
// sizes, or an empty one, compare as 0.
double estimate_jaccard(const MinHashSketch& a, const MinHashSketch& b);

// One byte per slot (b-bit MinHash with b = 8): a quarter of the memory, at the price of a 1/256
// chance that two different minima agree, which similarity_of_bytes() corrects for.
std::vector<uint8_t> sketch_bytes(const MinHashSketch& sketch);
// Number of equal bytes of two byte sketches of the same length.
size_t matching_bytes(const uint8_t* a, const uint8_t* b, size_t n);
// Jaccard estimate from `matches` agreeing bytes out of `n`, in [0, 1].
double similarity_of_bytes(size_t matches, size_t n);

}  // namespace shegong::text
