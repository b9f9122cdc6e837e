#include "text/features.h"

#include "text/normalize.h"

namespace shegong::text {

namespace {

// Mixed into the key of each kind so that the word 小区 and the bigram 小区 are two features.
constexpr uint64_t kNgramTag = 0x6e6772616d000001ULL;
constexpr uint64_t kWordTag = 0x776f726400000002ULL;
constexpr uint64_t kLatinTag = 0x6c6174696e000003ULL;
// Mixed into the key of a word or n-gram of the lead: 小区 at the start is another feature than
// 小区 further on.
constexpr uint64_t kLeadTag = 0x6c65616400000004ULL;

constexpr size_t kMaxLatinRun = 32;  // longer runs are codes or garbage, not words

struct Scratch {
  std::u32string han;
  std::u32string content;
  std::vector<Token> tokens;
};

Scratch& scratch() {
  thread_local Scratch s;
  s.han.clear();
  s.content.clear();
  s.tokens.clear();
  return s;
}

// Splits valid UTF-8 into the Han run and the keys of Latin runs.
void split_scripts(std::string_view s, bool latin, std::u32string& han,
                   std::vector<uint64_t>& keys) {
  uint64_t latin_hash = kSeed;
  size_t latin_length = 0;
  auto end_latin = [&] {
    if (latin && latin_length >= 2 && latin_length <= kMaxLatinRun)
      keys.push_back(mix(latin_hash ^ kLatinTag));
    latin_hash = kSeed;
    latin_length = 0;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        latin_hash = extend(latin_hash, c | 0x20);
        ++latin_length;
      } else {
        end_latin();
      }
      continue;
    }
    end_latin();
    char32_t cp;
    if (c < 0xE0) {
      cp = (char32_t{c & 0x1Fu} << 6) | (p[1] & 0x3F);
      p += 2;
    } else if (c < 0xF0) {
      cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3F);
      p += 3;
    } else {
      cp = (char32_t{c & 0x07u} << 18) | (char32_t{p[1] & 0x3Fu} << 12) |
           (char32_t{p[2] & 0x3Fu} << 6) | (p[3] & 0x3F);
      p += 4;
    }
    if (is_han(cp)) han.push_back(cp);
  }
  end_latin();
}

void add_ngrams(std::u32string_view text, const FeatureOptions& options,
                std::vector<uint64_t>& keys) {
  const size_t size = text.size();
  const auto lo = static_cast<size_t>(options.min_ngram);
  const auto hi = static_cast<size_t>(options.max_ngram);
  for (size_t i = 0; i < size; ++i) {
    uint64_t hash = kSeed;
    for (size_t n = 1; n <= hi && i + n <= size; ++n) {
      hash = extend(hash, text[i + n - 1]);
      if (n >= lo) keys.push_back(mix(hash ^ kNgramTag));
    }
  }
}

uint64_t hash_of(std::u32string_view cps) {
  uint64_t hash = kSeed;
  for (char32_t cp : cps) hash = extend(hash, cp);
  return hash;
}

}  // namespace

Status validate(const FeatureOptions& options) {
  if (options.min_ngram < 1 || options.max_ngram > 5 || options.min_ngram > options.max_ngram)
    return Invalid("ngram", "character n-grams must satisfy 1 <= min <= max <= 5");
  if (options.lead < 0 || options.lead > kMaxLead)
    return Invalid("lead", "must be between 0 and " + std::to_string(kMaxLead));
  if (options.ngram_window < 0 || options.ngram_window > kMaxNgramWindow)
    return Invalid("ngram-window", "must be between 0 and " + std::to_string(kMaxNgramWindow));
  return Status::Ok();
}

void FeatureExtractor::extract(std::string_view normalized, std::vector<uint64_t>& keys,
                               std::set<uint64_t>* words_seen, BlockEnds* block_ends) const {
  Scratch& s = scratch();
  split_scripts(normalized, options_.latin, s.han, keys);
  segmenter_->segment(s.han, s.tokens);
  for (const Token& token : s.tokens) {
    if (words_seen && token.length >= 2) words_seen->insert(mix(token.hash));
    if (token.stop) continue;
    s.content.append(s.han, token.begin, token.length);
    if (options_.words && token.length >= 2) keys.push_back(mix(token.hash ^ kWordTag));
  }
  if (block_ends) (*block_ends)[0] = keys.size();
  const std::u32string_view content(s.content);
  add_ngrams(options_.ngram_window > 0 ? content.substr(0, options_.ngram_window) : content,
             options_, keys);
  // The lead: whole words that fit in its first `lead` characters, and their n-grams, as
  // features of their own.
  const size_t lead_begin = keys.size();
  if (block_ends) (*block_ends)[1] = keys.size();
  size_t lead = 0;
  for (const Token& token : s.tokens) {
    if (token.stop) continue;
    if (lead + token.length > static_cast<size_t>(options_.lead)) break;
    lead += token.length;
    if (options_.words && token.length >= 2) keys.push_back(mix(token.hash ^ kWordTag));
  }
  add_ngrams(content.substr(0, lead), options_, keys);
  for (size_t i = lead_begin; i < keys.size(); ++i) keys[i] = lead_key(keys[i]);
  if (block_ends) (*block_ends)[2] = keys.size();
}

Status FeatureExtractor::extract_raw(std::string_view text, std::vector<uint64_t>& keys) const {
  auto normalized = normalize(text);
  if (!normalized.ok()) return normalized.status();
  extract(*normalized, keys);
  return Status::Ok();
}

uint64_t ngram_key(std::u32string_view ngram) { return mix(hash_of(ngram) ^ kNgramTag); }
uint64_t word_key(std::u32string_view word) { return mix(hash_of(word) ^ kWordTag); }
uint64_t lead_key(uint64_t key) { return mix(key ^ kLeadTag); }

}  // namespace shegong::text
