#include "base/json_text.h"

#include "base/utf8.h"

namespace shegong {

namespace {

void append_escaped_valid(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
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
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (is_valid_utf8(text)) {
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

}  // namespace shegong
