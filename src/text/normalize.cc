#include "text/normalize.h"

#include <opencc/opencc.h>

#include <mutex>
#include <vector>

#include "base/utf8.h"

namespace shegong::text {

namespace {

// CJK Unified Ideographs and Extension A, where Traditional characters live.
constexpr char32_t kFirst = 0x3400, kLast = 0x9FFF;

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
      append_utf8(cp, one);
      char* converted = opencc_convert_utf8(od, one.data(), one.size());
      if (!converted) continue;
      std::string_view out(converted);
      size_t i = 0;
      char32_t to = 0;
      if (!out.empty()) to = next_code_point(out, i);
      if (i == out.size() && to != cp && to != 0xFFFD) t[cp - kFirst] = to;
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
    char32_t cp = next_code_point(input, i);
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
    append_utf8(cp, out);
  }
  return out;
}

}  // namespace shegong::text
