// Chinese word segmentation by forward maximum matching: at each position the longest dictionary
// word wins, and a character no word starts with stands alone. Stop words (的, 了, 我, ...) are
// dictionary words marked as such; the segmenter reports them so that callers can drop them.
//
// It is the segmenter the classifier runs on every message, so it trades linguistic finesse for
// speed: a probe per extra character of a candidate word, stopped as soon as no longer word can
// match, and a bitmap that skips characters no word starts with. The dictionary is a plain list of
// words; load_friso_lexicon() reads the one Debian ships with friso (friso.lex.ini and its files).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/feature_table.h"

namespace shegong::text {

// One word of a segmented text: code points [begin, begin + length), its unmixed key (extend()
// over its code points from kSeed) and whether it is a stop word.
struct Token {
  uint32_t begin = 0;
  uint32_t length = 0;
  uint64_t hash = 0;
  bool stop = false;
};

// Words of the dictionary and stop words, UTF-8. Words of one character are implied (every
// character is a word); stop words may be single characters.
struct Lexicon {
  std::vector<std::string> words;
  std::vector<std::string> stop_words;
};

// Reads friso's lexicon from `dir` (the folder holding friso.lex.ini): the files listed under
// __LEX_CJK_WORDS__ and __LEX_STOPWORDS__. Keeps entries made only of Han characters, 2 to
// Segmenter::kMaxWordLength of them for words. Missing files are an error naming the file.
Result<Lexicon> load_friso_lexicon(const std::string& dir);

class Segmenter {
 public:
  static constexpr size_t kMaxWordLength = 8;

  Segmenter() = default;
  // Words longer than kMaxWordLength, or with characters outside the Basic Multilingual Plane, are
  // left out: they would never be matched.
  explicit Segmenter(const Lexicon& lexicon);

  // Appends the words of `text` (Han characters only; callers split other scripts off) to `out`.
  void segment(std::u32string_view text, std::vector<Token>& out) const;

  // The dictionary this segmenter was built from (what is kept in a model file).
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  enum Flags : uint8_t { kWord = 1, kStop = 2, kPrefix = 4 };
  void add(std::u32string_view word, uint8_t flags);

  Lexicon lexicon_;
  PackedKeyTable<3> table_;  // mix(hash of a word or of a prefix of a word) → Flags
  // Bit per code point of the Basic Multilingual Plane: some word of 2+ characters starts with it;
  // it is a stop word on its own.
  std::vector<uint64_t> starts_word_ = std::vector<uint64_t>(0x10000 / 64);
  std::vector<uint64_t> single_stops_ = std::vector<uint64_t>(0x10000 / 64);
  size_t max_length_ = 1;
};

// Han characters: CJK Unified Ideographs with extensions A to G, and the compatibility block.
inline bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

// UTF-8 to code points; `text` must be valid UTF-8 (normalize() guarantees it).
std::u32string to_code_points(std::string_view text);

}  // namespace shegong::text
