#include "text/pii.h"

#include "base/mask.h"

namespace shegong::text {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string stars(size_t n) { return std::string(n, '*'); }

}  // namespace

bool valid_id_number(std::string_view id) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  if (id.size() != 18) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (!digit(id[i])) return false;
    sum += (id[i] - '0') * kWeights[i];
  }
  char last = id[17] == 'x' ? 'X' : id[17];
  return kCheck[sum % 11] == last;
}

bool luhn_valid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    if (!digit(digits[i])) return false;
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

std::vector<PiiSpan> find_pii(std::string_view t) {
  std::vector<PiiSpan> out;
  size_t i = 0;
  while (i < t.size()) {
    if (!digit(t[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && digit(t[i])) ++i;
    // A landline written with a dash: 0 + 2-3 digit area code, '-', 7-8 digits.
    if (t[b] == '0' && (i - b == 3 || i - b == 4) && i + 1 < t.size() && t[i] == '-' &&
        digit(t[i + 1])) {
      size_t j = i + 1;
      while (j < t.size() && digit(t[j])) ++j;
      if (j - i - 1 == 7 || j - i - 1 == 8) {
        out.push_back({b, j, PiiKind::kLandline});
        i = j;
        continue;
      }
    }
    size_t e = i;
    // An ID number may end in X.
    if (e - b == 17 && e < t.size() && (t[e] == 'X' || t[e] == 'x') &&
        (e + 1 == t.size() || !digit(t[e + 1]))) {
      ++e;
    }
    std::string_view run = t.substr(b, e - b);
    if (run.size() == 18 && valid_id_number(run)) {
      out.push_back({b, e, PiiKind::kIdNumber});
    } else if (run.size() == 11 && run[0] == '1' && run[1] >= '3') {
      out.push_back({b, e, PiiKind::kMobile});
    } else if (run.size() >= 16 && run.size() <= 19 && luhn_valid(run)) {
      out.push_back({b, e, PiiKind::kBankCard});
    } else if (run[0] == '0' && run.size() >= 10 && run.size() <= 12) {
      out.push_back({b, e, PiiKind::kLandline});
    }
    i = e;
  }
  return out;
}

std::string mask_for_export(std::string_view text) { return mask_personal_details(mask_pii(text)); }

std::string mask_pii(std::string_view t) {
  std::string out;
  size_t at = 0;
  for (const PiiSpan& s : find_pii(t)) {
    out += t.substr(at, s.begin - at);
    std::string_view v = t.substr(s.begin, s.end - s.begin);
    switch (s.kind) {
      case PiiKind::kMobile:
        out += std::string(v.substr(0, 3)) + stars(4) + std::string(v.substr(7));
        break;
      case PiiKind::kIdNumber:
        out += std::string(v.substr(0, 6)) + stars(8) + std::string(v.substr(14));
        break;
      case PiiKind::kBankCard:
        out +=
            std::string(v.substr(0, 4)) + stars(v.size() - 8) + std::string(v.substr(v.size() - 4));
        break;
      case PiiKind::kLandline: {
        size_t dash = v.find('-');
        size_t keep =
            dash != std::string_view::npos ? dash + 1 : (v[1] == '1' || v[1] == '2' ? 3 : 4);
        out += std::string(v.substr(0, keep)) + stars(v.size() - keep - 4) +
               std::string(v.substr(v.size() - 4));
        break;
      }
    }
    at = s.end;
  }
  out += t.substr(at);
  return out;
}

}  // namespace shegong::text
