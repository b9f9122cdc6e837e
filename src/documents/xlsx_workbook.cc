#include "documents/xlsx_workbook.h"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>
#include <string_view>

#include "base/csv.h"
#include "base/utf8.h"

namespace shegong::documents {

namespace {

constexpr size_t kMaxSheetName = 31;      // Excel's limit, in characters
constexpr size_t kMaxCellText = 32767;    // Excel's limit, in characters
constexpr size_t kMaxRows = LXW_ROW_MAX;  // including the header row
constexpr size_t kMaxColumns = LXW_COL_MAX;
constexpr double kMinColumnWidth = 8;  // in widths of the digit '0'
constexpr double kMaxColumnWidth = 60;

Status invalid_sheet(const std::string& name, const std::string& reason) {
  return Invalid("sheet", "sheet \"" + name + "\": " + reason);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status check_sheet_name(const std::string& name, std::set<std::string>& seen) {
  if (name.empty()) return Invalid("sheet", "a sheet needs a name");
  if (!is_valid_utf8(name)) return Invalid("sheet", "sheet name is not valid UTF-8");
  if (decode_utf8(name).size() > kMaxSheetName) {
    return invalid_sheet(name, "name is longer than 31 characters");
  }
  if (name.find_first_of("[]:*?/\\") != std::string::npos) {
    return invalid_sheet(name, "name contains one of []:*?/\\");
  }
  if (name.front() == '\'' || name.back() == '\'') {
    return invalid_sheet(name, "name starts or ends with an apostrophe");
  }
  std::string key = ascii_lower(name);
  if (key == "history") return invalid_sheet(name, "name is reserved by Excel");
  if (!seen.insert(key).second) return invalid_sheet(name, "name is used by another sheet");
  return Status::Ok();
}

Status check_text(const Sheet& sheet, size_t row, size_t column, const std::string& text) {
  auto where = [&] {
    return "sheet \"" + sheet.name + "\" row " + std::to_string(row + 1) + " column " +
           std::to_string(column + 1) + ": ";
  };
  if (!is_valid_utf8(text)) return Invalid("cell", where() + "text is not valid UTF-8");
  if (text.size() > kMaxCellText && decode_utf8(text).size() > kMaxCellText) {
    return Invalid("cell", where() + "text is longer than 32767 characters");
  }
  return Status::Ok();
}

// Everything Excel or libxlsxwriter would reject, checked before a file exists.
Status check_sheets(const std::vector<Sheet>& sheets) {
  if (sheets.empty()) return Invalid("sheet", "a workbook needs at least one sheet");
  std::set<std::string> seen;
  for (const Sheet& sheet : sheets) {
    SHEGONG_RETURN_IF_ERROR(check_sheet_name(sheet.name, seen));
    if (sheet.rows.size() + 1 > kMaxRows) return invalid_sheet(sheet.name, "too many rows");
    size_t columns = sheet.header.size();
    for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
    if (columns > kMaxColumns) return invalid_sheet(sheet.name, "too many columns");
    for (size_t c = 0; c < sheet.header.size(); ++c) {
      SHEGONG_RETURN_IF_ERROR(check_text(sheet, 0, c, sheet.header[c]));
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const Cell& cell = sheet.rows[r][c];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          SHEGONG_RETURN_IF_ERROR(check_text(sheet, r + 1, c, *text));
        } else if (!std::isfinite(std::get<double>(cell))) {
          return Invalid("cell", "sheet \"" + sheet.name + "\" row " + std::to_string(r + 2) +
                                     " column " + std::to_string(c + 1) + ": number is not finite");
        }
      }
    }
  }
  return Status::Ok();
}

// Display width in widths of '0': East Asian characters are about two. For text with line breaks,
// the widest line.
double text_width(std::string_view text) {
  double widest = 0;
  double line = 0;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (cp == '\n') {
      line = 0;
      continue;
    }
    line += cp >= 0x1100 ? 2 : 1;
    widest = std::max(widest, line);
  }
  return widest;
}

double cell_width(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return text_width(*text);
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(cell));
  return ec == std::errc() ? static_cast<double>(end - buffer) : kMinColumnWidth;
}

std::vector<double> column_widths(const Sheet& sheet) {
  std::vector<double> widths(sheet.header.size(), 0);
  for (size_t c = 0; c < sheet.header.size(); ++c) widths[c] = text_width(sheet.header[c]);
  for (const auto& row : sheet.rows) {
    if (row.size() > widths.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], cell_width(row[c]));
  }
  for (double& width : widths) width = std::clamp(width + 2, kMinColumnWidth, kMaxColumnWidth);
  return widths;
}

Status library_failure(const std::string& what, lxw_error error) {
  return Internal("xlsx: " + what + ": " + lxw_strerror(error));
}

Status write_sheet(lxw_workbook* workbook, lxw_format* bold, const Sheet& sheet) {
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) return invalid_sheet(sheet.name, "rejected by the workbook library");
  std::vector<double> widths = column_widths(sheet);
  for (size_t c = 0; c < widths.size(); ++c) {
    auto column = static_cast<lxw_col_t>(c);
    lxw_error error = worksheet_set_column(worksheet, column, column, widths[c], nullptr);
    if (error != LXW_NO_ERROR) return library_failure("column width", error);
  }
  for (size_t c = 0; c < sheet.header.size(); ++c) {
    lxw_error error = worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(c),
                                             sheet.header[c].c_str(), bold);
    if (error != LXW_NO_ERROR) return library_failure("header of " + sheet.name, error);
  }
  if (!sheet.header.empty()) worksheet_freeze_panes(worksheet, 1, 0);
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      auto column = static_cast<lxw_col_t>(c);
      lxw_error error =
          std::holds_alternative<std::string>(cell)
              ? worksheet_write_string(worksheet, row, column, std::get<std::string>(cell).c_str(),
                                       nullptr)
              : worksheet_write_number(worksheet, row, column, std::get<double>(cell), nullptr);
      if (error != LXW_NO_ERROR) return library_failure("cell of " + sheet.name, error);
    }
  }
  return Status::Ok();
}

// A file of our own in the temporary directory, removed when this goes out of scope. libxlsxwriter
// 1.1.4 can only write a workbook to a named file.
class TempFile {
 public:
  static Result<TempFile> create() {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) return Internal("xlsx: no temporary directory: " + ec.message());
    std::string pattern = (dir / "shegong-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);  // 5 = strlen(".xlsx")
    if (fd < 0) return Internal("xlsx: cannot create a temporary file in " + dir.string());
    close(fd);
    return TempFile(std::move(pattern));
  }
  TempFile(TempFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

Status write_workbook(const std::string& path, const std::vector<Sheet>& sheets) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Internal("xlsx: cannot start a workbook");
  lxw_format* bold = workbook_add_format(workbook);
  if (bold == nullptr) {
    lxw_workbook_free(workbook);
    return Internal("xlsx: cannot add a format");
  }
  format_set_bold(bold);
  for (const Sheet& sheet : sheets) {
    Status written = write_sheet(workbook, bold, sheet);
    if (!written.ok()) {
      lxw_workbook_free(workbook);  // frees without writing the half-built file
      return written;
    }
  }
  lxw_error error = workbook_close(workbook);  // writes the file and frees the workbook
  if (error != LXW_NO_ERROR) return library_failure("write " + path, error);
  return Status::Ok();
}

}  // namespace

Result<std::string> render_xlsx(const std::vector<Sheet>& sheets) {
  SHEGONG_RETURN_IF_ERROR(check_sheets(sheets));
  Result<TempFile> file = TempFile::create();
  if (!file.ok()) return file.status();
  SHEGONG_RETURN_IF_ERROR(write_workbook(file->path(), sheets));
  Result<std::string> bytes = read_file(file->path());
  if (!bytes.ok()) return Internal("xlsx: " + bytes.status().message());
  return bytes;
}

}  // namespace shegong::documents
