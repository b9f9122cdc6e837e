// Character shingles and sparse term vectors: what near-duplicates, hot issues and reply quality
// compare. Chinese has no spaces between words, so the unit is a run of `width` consecutive
// characters rather than a word; this needs no segmenter and is not fooled by a segmenter's
// mistakes on place names.
//
// All functions take text that has already been through text::normalize (valid UTF-8,
// Simplified, half-width); given anything else they still terminate, treating a bad byte as one
// character. Only characters that carry meaning are kept (letters, digits, ideographs, emoji and
// other symbols); punctuation and spaces are dropped so that "，" versus "。" or a changed line
// break does not count as an edit. ASCII letters are lower-cased.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace shegong::text {

// The characters of `normalized` that carry meaning, in order.
std::u32string content_characters(std::string_view normalized);

// One 64-bit hash per run of `width` characters (width >= 1). A non-empty text shorter than
// `width` gives a single shingle of the whole text, so a two-character message still has a
// fingerprint; an empty text gives none.
std::vector<uint64_t> shingle_hashes(std::u32string_view characters, size_t width);

// A well-mixed 64-bit hash of a 64-bit value (the SplitMix64 finaliser).
uint64_t mix64(uint64_t x);

// How many documents of a collection hold each term; gives inverse document frequencies so that
// the shingles every message shares ("的问题", "小区") weigh little.
class DocumentFrequency {
 public:
  // Counts each distinct term of one document once.
  void add_document(std::span<const uint64_t> terms);
  size_t documents() const { return documents_; }
  size_t frequency(uint64_t term) const;
  // ln((N + 1) / (df + 1)) + 1: never zero, so an unseen term still counts.
  double idf(uint64_t term) const;

 private:
  std::unordered_map<uint64_t, uint32_t> df_;
  size_t documents_ = 0;
};

// A sparse vector of term weights with unit length, sorted by term for merge-joins.
class TermVector {
 public:
  TermVector() = default;
  // Term counts, each scaled by `scale`; several calls add up (e.g. a subject counted twice as
  // much as a body). Call finish() before comparing.
  void add_terms(std::span<const uint64_t> terms, double scale);
  // Applies idf weights (when given) and scales to unit length. Idempotent.
  void finish(const DocumentFrequency* df);
  bool empty() const { return entries_.empty(); }
  const std::vector<std::pair<uint64_t, float>>& entries() const { return entries_; }

  // Cosine similarity of two finished vectors, in [0, 1].
  static double cosine(const TermVector& a, const TermVector& b);
  // Share of `a`'s weight whose terms also occur in `b` (asymmetric coverage), in [0, 1].
  static double coverage(const TermVector& a, const TermVector& b);

 private:
  std::vector<std::pair<uint64_t, float>> entries_;
  bool finished_ = false;
};

}  // namespace shegong::text
