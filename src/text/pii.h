// Personal data in free text: mobile and landline numbers, 18-digit resident ID numbers (only those
// whose GB 11643-1999 check digit is right) and bank card numbers (16 to 19 digits passing the Luhn
// check). Found on whole runs of digits, so a number inside a longer number is not mistaken for
// one. Masking keeps enough to recognise a record: 138****1234, 110101********123X,
// 6222********1234, 010-****1234. Text should be normalised first (full-width digits become ASCII).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shegong::text {

enum class PiiKind { kMobile, kLandline, kIdNumber, kBankCard };

struct PiiSpan {
  size_t begin;  // byte offsets into the text
  size_t end;
  PiiKind kind;
};

std::vector<PiiSpan> find_pii(std::string_view text);
std::string mask_pii(std::string_view text);
// Text that leaves for analytics or exports: personal numbers (mask_pii) and the door of an address
// and a name given (mask_personal_details in base/mask.h) masked.
std::string mask_for_export(std::string_view text);

// GB 11643-1999: 17 digits and a check character (0-9 or X) computed with the ISO 7064 MOD 11-2
// weights.
bool valid_id_number(std::string_view id);
bool luhn_valid(std::string_view digits);

}  // namespace shegong::text
