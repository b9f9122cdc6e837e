#include "base/output_path.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace shegong {

namespace {

namespace fs = std::filesystem;

// The first bytes of an SQLite database file and of its write-ahead log (big- or little-endian
// checksums); sqlite.org/fileformat.html, sections 1.3 and 4.1.
bool holds_sqlite_data(const std::string& path) {
  std::array<char, 16> head{};
  std::ifstream in(path, std::ios::binary);
  if (!in.read(head.data(), head.size())) return false;
  if (std::memcmp(head.data(), "SQLite format 3", 16) == 0) return true;  // with its NUL
  static constexpr unsigned char kWal[2][4] = {{0x37, 0x7f, 0x06, 0x82}, {0x37, 0x7f, 0x06, 0x83}};
  for (const auto& magic : kWal)
    if (std::memcmp(head.data(), magic, 4) == 0) return true;
  return false;
}

}  // namespace

Status check_output_path(const std::string& out, const std::vector<std::string>& inputs,
                         const std::string& field) {
  if (out.empty()) return Invalid(field, "is empty");
  std::error_code ec;
  // By name first, which also catches an input that does not exist yet (a database's
  // write-ahead log while no one has it open), then as the same file under another name.
  const fs::path out_name = fs::weakly_canonical(out, ec);
  for (const auto& input : inputs) {
    std::error_code input_ec;
    const bool same_name = !ec && out_name == fs::weakly_canonical(input, input_ec) && !input_ec;
    std::error_code same_ec;
    if (same_name || (fs::equivalent(out, input, same_ec) && !same_ec)) {
      return Invalid(field,
                     out + " is also read by this command (" + input + "); write to another file");
    }
  }
  const fs::file_status status = fs::status(out, ec);
  if (ec || !fs::exists(status)) return Status::Ok();
  if (fs::is_directory(status)) return Invalid(field, out + " is a folder; name a file");
  if (holds_sqlite_data(out))
    return Invalid(field, out + " holds an SQLite database; it is never replaced by an export");
  return Status::Ok();
}

}  // namespace shegong
