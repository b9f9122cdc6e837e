// Features of a message for the text classifier, as 64-bit keys (repeats kept: the classifier
// counts them).
//
// The same text can reach us as a citizen wrote it ("A市的在水一方大厦人为烂尾多年，安全隐患严重")
// or as a third party's word list with stop words, letters and punctuation removed ("市 在水一方
// 大厦 人为 烂尾 多年 安全隐患 严重"). Both must yield the same kind of features, so extraction is
// built to forget what differs:
//   1. normalize() (Traditional→Simplified, width folding, spaces);
//   2. keep Han characters in one run, dropping spaces, punctuation, digits, letters and emoji, so
//      a word list joins back into running text;
//   3. segment the run (forward maximum matching) and drop stop words;
//   4. features: character n-grams of the remaining text joined together, the remaining words of
//      two or more characters, and runs of two or more Latin letters (lower-cased; "ETC", "wifi");
//   5. the n-grams and words of the first `lead` characters of the remaining text once more, as
//      features of their own: a message starts with its subject, a summary of what it is about,
//      and a word list keeps that order;
//   6. n-grams only from the first `ngram_window` characters: long messages tell a story around
//      the matter, and their n-grams would outweigh everything else (words still come from all).
// The keys come in three blocks, in this order: words and Latin runs, character n-grams, the lead
// (the classifier scales each block to unit length on its own).
// Keys of the three kinds never collide by construction (each kind mixes its own tag in).
#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/segmenter.h"

namespace shegong::text {

constexpr int kMaxLead = 1000;
constexpr int kMaxNgramWindow = 1 << 20;

// The blocks of a message's keys, in the order extract() appends them: words and Latin runs,
// character n-grams, the lead's words and n-grams.
constexpr size_t kFeatureBlocks = 3;
using BlockEnds = std::array<size_t, kFeatureBlocks>;

struct FeatureOptions {
  int min_ngram = 1;  // character n-grams from min_ngram to max_ngram characters
  int max_ngram = 3;
  bool words = true;  // segmented words of 2+ characters
  bool latin = true;  // runs of Latin letters
  // The words and n-grams of the first `lead` characters (after stop words) are features of their
  // own: about the length of a subject (17 Han characters in the median, 21 in the upper quartile,
  // stop words included). 0: none.
  int lead = 20;
  // Character n-grams come from the first `ngram_window` characters (after stop words); 0: all.
  int ngram_window = 300;
};

// Checks the ranges: 1 <= min_ngram <= max_ngram <= 5 (field "ngram"), 0 <= lead <= kMaxLead
// (field "lead"), 0 <= ngram_window <= kMaxNgramWindow (field "ngram-window").
Status validate(const FeatureOptions& options);

class FeatureExtractor {
 public:
  FeatureExtractor(const Segmenter& segmenter, FeatureOptions options)
      : segmenter_(&segmenter), options_(options) {}

  // Appends the keys of `normalized` (the output of normalize(), hence valid UTF-8) to `keys`.
  // When `words_seen` is given it receives mix() of the hash of every dictionary word of two or
  // more characters found, stop words included (training keeps only the words it needs).
  // When `block_ends` is given it receives the offset in `keys` where each block ends.
  // Thread-safe: scratch space is per thread.
  void extract(std::string_view normalized, std::vector<uint64_t>& keys,
               std::set<uint64_t>* words_seen = nullptr, BlockEnds* block_ends = nullptr) const;

  // normalize() then extract(): an error only for invalid UTF-8 (field "text").
  Status extract_raw(std::string_view text, std::vector<uint64_t>& keys) const;

  const FeatureOptions& options() const { return options_; }

 private:
  const Segmenter* segmenter_;
  FeatureOptions options_;
};

// The key of a character n-gram and of a word, for tests and for explaining a model.
uint64_t ngram_key(std::u32string_view ngram);
uint64_t word_key(std::u32string_view word);
// The key of a feature (n-gram or word key) found in the lead.
uint64_t lead_key(uint64_t key);

}  // namespace shegong::text
