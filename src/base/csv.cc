#include "base/csv.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace shegong {

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (pos_ >= text_.size() || !status_.ok()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      field += c;
    }
  }
  if (quoted) {
    status_ =
        Invalid("csv", "quote opened on line " + std::to_string(record_line_) + " is never closed");
    return false;
  }
  fields.push_back(std::move(field));
  return true;
}

void append_csv_record(std::string& out, const std::vector<std::string_view>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    std::string_view f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
}

Result<std::string> read_file(const std::string& path) {
  // A folder opens as a stream that reads nothing, which would pass for an empty file. Pipes
  // (`<(...)`, /dev/stdin) are read like files.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status))
    return NotFound("cannot open " + path + ": a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status replace_file(const std::string& path, std::string_view bytes, const std::string& field) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return Invalid(field, "cannot write " + temporary);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return Invalid(field, "cannot rename " + temporary + " to " + path + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace shegong
