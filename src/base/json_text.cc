#include "base/json_text.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace shegong {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Whether any of the 8 bytes of `w` is a control character, a quote or a backslash (the exact
// "has a byte below n" and "has a zero byte" tests on words).
bool has_byte_to_escape(uint64_t w) {
  uint64_t control = (w - kOnes * 0x20) & ~w & kHighs;
  uint64_t q = w ^ (kOnes * '"');
  uint64_t b = w ^ (kOnes * '\\');
  return (control | ((q - kOnes) & ~q & kHighs) | ((b - kOnes) & ~b & kHighs)) != 0;
}

void append_escaped_valid(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the bytes not yet copied: copied in one go up to the next escape
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (!has_byte_to_escape(w)) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(text[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - 1 - run);
    run = i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + run, text.size() - run);
}

// Valid UTF-8 with nothing to escape, the common case, checked in one pass: runs of ASCII eight
// bytes at a time, Chinese characters (three bytes) one at a time.
bool is_plain(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w & kHighs) == 0) {
        if (has_byte_to_escape(w)) return false;
        p += 8;
        continue;
      }
    }
    unsigned char c = *p;
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++p;
    } else if ((c & 0xF0) == 0xE0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
               (p[2] & 0xC0) == 0x80) {
      uint32_t cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      p += 3;
    } else {
      // Two- and four-byte characters: the general check decides.
      size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF8) == 0xF0 ? 4 : 0;
      if (n == 0 || static_cast<size_t>(end - p) < n ||
          !is_valid_utf8(std::string_view(reinterpret_cast<const char*>(p), n))) {
        return false;
      }
      p += n;
    }
  }
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (is_plain(text)) {
    out.append(text);
  } else if (is_valid_utf8(text)) {
    append_escaped_valid(out, text);
  } else {
    // Rare: keep ASCII, replace every non-ASCII byte by U+FFFD.
    for (char ch : text) {
      if (static_cast<unsigned char>(ch) < 0x80) {
        append_escaped_valid(out, std::string_view(&ch, 1));
      } else {
        out += "\xEF\xBF\xBD";
      }
    }
  }
  out += '"';
}

namespace {

// Scanners over JSON text: each returns the position just past what it read, or npos.
constexpr size_t kBad = std::string_view::npos;

size_t skip_space(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
  return i;
}

size_t skip_string(std::string_view t, size_t i) {
  if (i >= t.size() || t[i] != '"') return kBad;
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return kBad;
}

// One value: a string, or everything up to the matching bracket, or a scalar up to a delimiter.
size_t skip_value(std::string_view t, size_t i) {
  if (i >= t.size()) return kBad;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    while (i < t.size()) {
      char c = t[i];
      if (c == '"') {
        i = skip_string(t, i);
        if (i == kBad) return kBad;
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return kBad;
  }
  size_t start = i;
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
         t[i] != '\r' && t[i] != '\t') {
    ++i;
  }
  return i == start ? kBad : i;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> json_object_members(std::string_view t) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  size_t i = skip_space(t, 0);
  if (i >= t.size() || t[i] != '{') return {};
  i = skip_space(t, i + 1);
  if (i < t.size() && t[i] == '}') return skip_space(t, i + 1) == t.size() ? out : decltype(out){};
  while (true) {
    size_t key_end = skip_string(t, i);
    if (key_end == kBad) return {};
    std::string_view key = t.substr(i + 1, key_end - i - 2);
    i = skip_space(t, key_end);
    if (i >= t.size() || t[i] != ':') return {};
    i = skip_space(t, i + 1);
    size_t value_end = skip_value(t, i);
    if (value_end == kBad) return {};
    out.emplace_back(key, t.substr(i, value_end - i));
    i = skip_space(t, value_end);
    if (i >= t.size()) return {};
    if (t[i] == '}') return skip_space(t, i + 1) == t.size() ? out : decltype(out){};
    if (t[i] != ',') return {};
    i = skip_space(t, i + 1);
  }
}

}  // namespace shegong
