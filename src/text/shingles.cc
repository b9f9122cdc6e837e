#include "text/shingles.h"

#include "base/utf8.h"

#include <algorithm>
#include <cmath>

namespace shegong::text {

namespace {

// Decodes one code point; a malformed or truncated sequence yields U+FFFD and advances one byte,
// so the caller always makes progress.

// Punctuation, spaces and symbols that only shape the sentence.
bool is_noise(char32_t cp) {
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return (cp >= 0x00A0 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation: — … “ ” ‘ ’
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation: 、。《》「」【】
         (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD ||
         cp == 0x25CF || cp == 0x25A1 || cp == 0x2605 || cp == 0x2606;  // ● □ ★ ☆ as bullets
}

}  // namespace

std::u32string content_characters(std::string_view normalized) {
  std::u32string out;
  out.reserve(normalized.size() / 2);
  size_t i = 0;
  while (i < normalized.size()) {
    char32_t cp = next_code_point(normalized, i);
    if (is_noise(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    out.push_back(cp);
  }
  return out;
}

uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::vector<uint64_t> shingle_hashes(std::u32string_view characters, size_t width) {
  std::vector<uint64_t> out;
  if (characters.empty() || width == 0) return out;
  size_t w = std::min(width, characters.size());
  out.reserve(characters.size() - w + 1);
  for (size_t i = 0; i + w <= characters.size(); ++i) {
    uint64_t h = w;
    for (size_t k = 0; k < w; ++k) h = mix64(h ^ characters[i + k]);
    out.push_back(h);
  }
  return out;
}

void DocumentFrequency::add_document(std::span<const uint64_t> terms) {
  std::vector<uint64_t> distinct(terms.begin(), terms.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (uint64_t t : distinct) ++df_[t];
  ++documents_;
}

size_t DocumentFrequency::frequency(uint64_t term) const {
  auto it = df_.find(term);
  return it == df_.end() ? 0 : it->second;
}

double DocumentFrequency::idf(uint64_t term) const {
  return std::log((documents_ + 1.0) / (frequency(term) + 1.0)) + 1.0;
}

void TermVector::add_terms(std::span<const uint64_t> terms, double scale) {
  finished_ = false;
  for (uint64_t t : terms) entries_.emplace_back(t, static_cast<float>(scale));
}

void TermVector::finish(const DocumentFrequency* df) {
  if (finished_) return;
  std::sort(entries_.begin(), entries_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t out = 0;
  for (size_t i = 0; i < entries_.size();) {
    uint64_t term = entries_[i].first;
    double weight = 0;
    for (; i < entries_.size() && entries_[i].first == term; ++i) weight += entries_[i].second;
    // Sub-linear term frequency: a word repeated ten times is not ten times the matter.
    weight = 1.0 + std::log(weight < 1.0 ? 1.0 : weight);
    if (df) weight *= df->idf(term);
    entries_[out++] = {term, static_cast<float>(weight)};
  }
  entries_.resize(out);
  double norm = 0;
  for (const auto& e : entries_) norm += double(e.second) * e.second;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& e : entries_) e.second = static_cast<float>(e.second / norm);
  finished_ = true;
}

double TermVector::cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  auto i = a.entries_.begin(), j = b.entries_.begin();
  while (i != a.entries_.end() && j != b.entries_.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += double(i->second) * j->second;
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

double TermVector::coverage(const TermVector& a, const TermVector& b) {
  double shared = 0, total = 0;
  auto j = b.entries_.begin();
  for (const auto& [term, weight] : a.entries_) {
    total += weight;
    while (j != b.entries_.end() && j->first < term) ++j;
    if (j != b.entries_.end() && j->first == term) shared += weight;
  }
  return total > 0 ? shared / total : 0.0;
}

}  // namespace shegong::text
