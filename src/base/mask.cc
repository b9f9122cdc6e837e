#include "base/mask.h"

namespace shegong {

namespace {

std::string keep_ends(std::string_view s, size_t head, size_t tail) {
  if (s.size() <= head + tail) return std::string(s.size(), '*');
  return std::string(s.substr(0, head)) + std::string(s.size() - head - tail, '*') +
         std::string(s.substr(s.size() - tail));
}

}  // namespace

std::string mask_phone(std::string_view phone) {
  if (phone.size() == 11 && phone[0] == '1') return keep_ends(phone, 3, 4);
  auto dash = phone.find('-');
  if (dash != std::string_view::npos) return keep_ends(phone, dash + 1, 4);
  return keep_ends(phone, phone.size() > 8 ? 3 : 0, 4);
}

std::string mask_id_number(std::string_view id) { return keep_ends(id, 6, 4); }

std::string mask_name(std::string_view name) {
  if (name.empty()) return {};
  // Length of the first UTF-8 character, then one star per remaining character.
  size_t first = 1;
  while (first < name.size() && (static_cast<unsigned char>(name[first]) & 0xC0) == 0x80) ++first;
  size_t rest = 0;
  for (size_t i = first; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) ++rest;
  }
  return std::string(name.substr(0, first)) + std::string(rest == 0 ? 1 : rest, '*');
}

std::string mask_digit_runs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == 'X' || text[j] == 'x')) ++j;
    size_t run = j - i;
    if (run >= 7) {
      out += text.substr(i, 3);
      out += std::string(run - 5, '*');
      out += text.substr(j - 2, 2);
      i = j;
    } else if (run > 0) {
      out += text.substr(i, run);
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace shegong
