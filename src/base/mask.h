// Masking of personal data for lists, exports and public views: enough is shown to recognise a
// record, never enough to contact or identify the person.
#pragma once

#include <string>
#include <string_view>

namespace shegong {

// 13812341234 -> 138****1234; landlines keep the area code and the last 4 digits.
std::string mask_phone(std::string_view phone);
// 18-digit resident ID -> first 6 and last 4 kept: 110101********123X.
std::string mask_id_number(std::string_view id);
// 张三 -> 张*, 欧阳娜娜 -> 欧***; works on UTF-8 characters, not bytes.
std::string mask_name(std::string_view name);

// Masks every run of 7 or more digits (phone, ID and card numbers) in free text, keeping the first
// 3 and last 2 digits: "电话13812341234" -> "电话138******34". For public views.
std::string mask_digit_runs(std::string_view text);

// Masks the details of free text that lead to one person (DOMAIN.md item 43), for published and
// shared text: the door of an address ("3号楼2单元501室" -> "*号楼*单元***室", "A座1202",
// "3-2-501") and a name the writer gives after a cue ("我叫张三丰" -> "我叫张**", "联系人：李四"
// -> "联系人：李*"; only after a common surname, so "我叫了物业" stays). Estates, roads and
// other places stay: they are what analysis groups by. Numbers are left to mask_digit_runs and
// text::mask_pii.
std::string mask_personal_details(std::string_view text);

// Free text as it is shown to the public or exported (the tracking page, the ledgers): long digit
// runs and the personal details above masked.
std::string mask_free_text(std::string_view text);

}  // namespace shegong
