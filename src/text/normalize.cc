#include "text/normalize.h"

#include <opencc/opencc.h>

#include <mutex>
#include <vector>

#include "base/utf8.h"

namespace shegong::text {

namespace {

// CJK Unified Ideographs and Extension A, where Traditional characters live.
constexpr char32_t kFirst = 0x3400, kLast = 0x9FFF;

bool decode(std::string_view s, size_t& i, char32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
  cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return true;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// table[cp - kFirst] = Simplified code point, or 0 when unchanged.
const std::vector<char32_t>& table() {
  static std::vector<char32_t> t;
  static std::once_flag once;
  std::call_once(once, [] {
    t.assign(kLast - kFirst + 1, 0);
    opencc_t od = opencc_open("t2s.json");
    if (od == reinterpret_cast<opencc_t>(-1)) return;  // no OpenCC data: leave text as it is
    std::string one;
    for (char32_t cp = kFirst; cp <= kLast; ++cp) {
      one.clear();
      encode(cp, one);
      char* converted = opencc_convert_utf8(od, one.data(), one.size());
      if (!converted) continue;
      std::string_view out(converted);
      size_t i = 0;
      char32_t to = 0;
      if (!out.empty() && decode(out, i, to) && i == out.size() && to != cp) t[cp - kFirst] = to;
      opencc_convert_utf8_free(converted);
    }
    opencc_close(od);
  });
  return t;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0x00A0 || cp == 0x3000 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x200B);
}

}  // namespace

char32_t simplified(char32_t cp) {
  if (cp < kFirst || cp > kLast) return cp;
  char32_t to = table()[cp - kFirst];
  return to ? to : cp;
}

Result<std::string> normalize(std::string_view input) {
  if (!is_valid_utf8(input)) return Invalid("text", "is not valid UTF-8");
  const auto& t = table();
  std::string out;
  out.reserve(input.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < input.size()) {
    char32_t cp;
    decode(input, i, cp);
    if (cp < 0x20 && !is_space(cp)) continue;  // other control characters carry nothing
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp >= kFirst && cp <= kLast && t[cp - kFirst]) cp = t[cp - kFirst];
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    encode(cp, out);
  }
  return out;
}

}  // namespace shegong::text
