#include "text/segmenter.h"

#include <fstream>
#include <sstream>

namespace shegong::text {

namespace {

bool all_han(std::u32string_view word) {
  for (char32_t cp : word)
    if (!is_han(cp)) return false;
  return !word.empty();
}

bool test_bit(const std::vector<uint64_t>& bits, char32_t cp) {
  return cp < 0x10000 && (bits[cp >> 6] >> (cp & 63)) & 1;
}

void set_bit(std::vector<uint64_t>& bits, char32_t cp) {
  bits[cp >> 6] |= uint64_t{1} << (cp & 63);
}

// The file names listed in friso.lex.ini under `section` ("__LEX_CJK_WORDS__ :[" ... "]").
std::vector<std::string> lexicon_files(const std::string& ini, const std::string& section) {
  std::vector<std::string> files;
  std::istringstream in(ini);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    if (!inside) {
      inside = line.compare(first, section.size(), section) == 0;
      continue;
    }
    if (line[first] == ']') break;
    size_t end = line.find(';', first);
    files.push_back(line.substr(first, end == std::string::npos ? end : end - first));
  }
  return files;
}

// Appends the Han-only entries of a friso lexicon file ("word/synonyms[/frequency]" per line).
Status read_lexicon_file(const std::string& path, size_t min_length,
                         std::vector<std::string>& out) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot open lexicon file " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string word = line.substr(0, line.find('/'));
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ')) word.pop_back();
    std::u32string cps = to_code_points(word);
    if (cps.size() >= min_length && cps.size() <= Segmenter::kMaxWordLength && all_han(cps))
      out.push_back(std::move(word));
  }
  return Status::Ok();
}

}  // namespace

std::u32string to_code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n + 1;
  }
  return out;
}

Result<Lexicon> load_friso_lexicon(const std::string& dir) {
  std::string ini_path = dir + "/friso.lex.ini";
  std::ifstream in(ini_path);
  if (!in) return NotFound("cannot open " + ini_path + " (friso's lexicon configuration)");
  std::stringstream ini;
  ini << in.rdbuf();
  Lexicon lexicon;
  auto word_files = lexicon_files(ini.str(), "__LEX_CJK_WORDS__");
  auto stop_files = lexicon_files(ini.str(), "__LEX_STOPWORDS__");
  if (word_files.empty()) return Invalid("dictionary", ini_path + " lists no __LEX_CJK_WORDS__");
  for (const auto& file : word_files)
    SHEGONG_RETURN_IF_ERROR(read_lexicon_file(dir + "/" + file, 2, lexicon.words));
  for (const auto& file : stop_files)
    SHEGONG_RETURN_IF_ERROR(read_lexicon_file(dir + "/" + file, 1, lexicon.stop_words));
  return lexicon;
}

Segmenter::Segmenter(const Lexicon& lexicon) : lexicon_(lexicon) {
  table_.reset(lexicon.words.size() * 2 + lexicon.stop_words.size());
  for (const auto& word : lexicon.words) add(to_code_points(word), kWord);
  for (const auto& word : lexicon.stop_words) add(to_code_points(word), kWord | kStop);
}

void Segmenter::add(std::u32string_view word, uint8_t flags) {
  if (word.empty() || word.size() > kMaxWordLength) return;
  for (char32_t cp : word)
    if (cp >= 0x10000) return;
  if (word.size() == 1) {
    if (flags & kStop) set_bit(single_stops_, word[0]);
    return;
  }
  set_bit(starts_word_, word[0]);
  max_length_ = std::max(max_length_, word.size());
  uint64_t hash = extend(kSeed, word[0]);
  for (size_t n = 2; n <= word.size(); ++n) {
    hash = extend(hash, word[n - 1]);
    table_.merge(mix(hash), n == word.size() ? flags : uint8_t{kPrefix});
  }
}

void Segmenter::segment(std::u32string_view text, std::vector<Token>& out) const {
  // Candidates of up to kProbeAhead characters are hashed first and their slots fetched together,
  // so that the probes, which depend on each other, do not each wait for memory in turn.
  constexpr size_t kProbeAhead = 4;
  const size_t size = text.size();
  for (size_t i = 0; i < size;) {
    uint64_t hash = extend(kSeed, text[i]);
    Token token{static_cast<uint32_t>(i), 1, hash, test_bit(single_stops_, text[i])};
    if (test_bit(starts_word_, text[i])) {
      const size_t longest = std::min(max_length_, size - i);
      uint64_t ahead[kProbeAhead + 1] = {};
      for (size_t n = 2; n <= std::min(longest, kProbeAhead); ++n) {
        hash = extend(hash, text[i + n - 1]);
        ahead[n] = hash;
        table_.prefetch(mix(hash));
      }
      hash = token.hash;
      for (size_t n = 2; n <= longest; ++n) {
        hash = n <= kProbeAhead ? ahead[n] : extend(hash, text[i + n - 1]);
        const uint64_t flags = table_.find(mix(hash));
        if (!flags) break;
        if (flags & kWord) {
          token.length = static_cast<uint32_t>(n);
          token.hash = hash;
          token.stop = flags & kStop;
        }
        if (!(flags & kPrefix)) break;
      }
    }
    out.push_back(token);
    i += token.length;
  }
}

}  // namespace shegong::text
