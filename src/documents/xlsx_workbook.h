// Tables as an Excel workbook (.xlsx), for statistics and case lists that departments pass on or
// re-sort by hand. Each Sheet becomes a worksheet: a bold header row frozen at the top, then the
// rows, columns sized to their widest text (a Chinese character counts twice a Latin one).
// Strings stay strings (a 身份证号 or phone number must not turn into a number); numbers are
// numbers.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/status.h"

namespace shegong::documents {

using Cell = std::variant<std::string, double>;

struct Sheet {
  std::string name;  // the tab's name: 1–31 characters, none of []:*?/\, no leading/trailing '
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;  // a row may be shorter or longer than the header
};

// The bytes of the .xlsx. Bad input comes back as Invalid before anything is written: field
// "sheet" for a missing, malformed, duplicate (case-insensitive) or oversized sheet, "cell" for a
// string that is not UTF-8 or longer than Excel's 32,767 characters, or a number that is NaN or
// infinite. Library and file errors are Internal.
Result<std::string> render_xlsx(const std::vector<Sheet>& sheets);

}  // namespace shegong::documents
