#include "base/mask.h"

#include "base/utf8.h"

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
    while (j < text.size() &&
           ((text[j] >= '0' && text[j] <= '9') || text[j] == 'X' || text[j] == 'x'))
      ++j;
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

namespace {

bool starts_with_at(const std::u32string& s, size_t at, std::u32string_view word) {
  return at <= s.size() && s.size() - at >= word.size() && s.compare(at, word.size(), word) == 0;
}
bool ends_with_at(const std::u32string& s, size_t end, std::u32string_view word) {
  return end >= word.size() && s.compare(end - word.size(), word.size(), word) == 0;
}
// ASCII and full-width digits: text on these paths is not always normalised.
bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_hyphen(char32_t c) { return c == U'-' || c == 0xFF0D; }
bool is_latin_or_digit(char32_t c) {
  return is_digit(c) || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xFF21 && c <= 0xFF3A);
}
bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Words that follow the number of a building, unit or room, and words after which a number is one
// (and 座 after a letter or digit: A座1202, not 一座10米).
constexpr std::u32string_view kDoorAfter[] = {U"号楼", U"栋", U"幢", U"单元", U"室", U"号房"};
constexpr std::u32string_view kDoorBefore[] = {U"号楼", U"栋", U"幢", U"单元"};
// Cues after which a writer gives a name.
constexpr std::u32string_view kNameCues[] = {U"我叫",     U"名叫",    U"本人叫", U"姓名:",
                                             U"姓名：",   U"姓名为",  U"姓名是", U"联系人:",
                                             U"联系人：", U"联系人是"};
// The hundred most common surnames (about 85 % of the population).
constexpr std::u32string_view kSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    U"吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万"
    U"钱严覃武戴莫孔向汤";

// Masks the digits of runs that are the door of an address.
void mask_doors(std::u32string& s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    // Digits, with single hyphens between them (3-2-501: building, unit, room; but 2025-03-10 is a
    // date).
    size_t j = i, hyphens = 0;
    for (;;) {
      while (j < s.size() && is_digit(s[j])) ++j;
      if (j + 1 < s.size() && is_hyphen(s[j]) && is_digit(s[j + 1])) {
        if (hyphens == 0 && j - i == 4) break;  // a year first: a date
        ++hyphens;
        ++j;
        continue;
      }
      break;
    }
    bool door = hyphens >= 2;
    door = door || (i >= 2 && s[i - 1] == U'座' && is_latin_or_digit(s[i - 2]));
    for (std::u32string_view w : kDoorAfter) door = door || starts_with_at(s, j, w);
    for (std::u32string_view w : kDoorBefore) door = door || ends_with_at(s, i, w);
    if (door) {
      for (size_t k = i; k < j; ++k) {
        if (is_digit(s[k])) s[k] = U'*';
      }
    }
    i = j;
  }
}

constexpr std::u32string_view kCompoundSurnames[] = {U"欧阳", U"司马", U"诸葛", U"上官", U"东方",
                                                     U"皇甫", U"令狐", U"慕容", U"公孙", U"夏侯"};

// Masks the given name after a cue, keeping the surname: up to two characters after it.
void mask_given_names(std::u32string& s) {
  for (std::u32string_view cue : kNameCues) {
    for (size_t at = s.find(cue); at != std::u32string::npos; at = s.find(cue, at + 1)) {
      const size_t start = at + cue.size();
      size_t surname = 0;
      for (std::u32string_view c : kCompoundSurnames) {
        if (starts_with_at(s, start, c)) surname = c.size();
      }
      if (surname == 0 && start < s.size() && kSurnames.find(s[start]) != std::u32string_view::npos)
        surname = 1;
      if (surname == 0) continue;
      for (size_t k = start + surname; k < s.size() && k < start + surname + 2 && is_han(s[k]); ++k)
        s[k] = U'*';
    }
  }
}

}  // namespace

std::string mask_personal_details(std::string_view text) {
  std::u32string s = decode_utf8(text);
  mask_doors(s);
  mask_given_names(s);
  return to_utf8(s);
}

std::string mask_free_text(std::string_view text) {
  return mask_digit_runs(mask_personal_details(text));
}

}  // namespace shegong
