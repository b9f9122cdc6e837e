// RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote inside quotes,
// newlines allowed inside quotes, CRLF or LF line ends. Used for imports of region trees, category
// taxonomies and message sets, and for exports of labelled messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shegong {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}
  // Reads the next record into `fields`; false at the end of input. A quote left open at the end
  // of input is an error reported by status().
  bool next(std::vector<std::string>& fields);
  const Status& status() const { return status_; }
  // 1-based line number where the last record returned started.
  size_t line() const { return record_line_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  Status status_;
};

// Appends one record: fields quoted when they hold a comma, a quote, CR or LF; LF at the end.
void append_csv_record(std::string& out, const std::vector<std::string_view>& fields);

Result<std::string> read_file(const std::string& path);
// Writes `bytes` beside `path` and renames the file into place, so that a reader never sees half a
// file and an error leaves an existing file as it was. Errors name `field`.
Status replace_file(const std::string& path, std::string_view bytes, const std::string& field);

}  // namespace shegong
