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

std::vector<std::string> database_files(const std::string& db_path) {
  return {db_path, db_path + "-wal", db_path + "-shm", db_path + "-journal"};
}

bool same_file(const std::string& a, const std::string& b) {
  // By name first, which also holds for a file that does not exist yet (a database's write-ahead
  // log while no one has it open), then as one existing file under two names.
  std::error_code a_ec, b_ec, same_ec;
  const fs::path a_name = fs::weakly_canonical(a, a_ec);
  const fs::path b_name = fs::weakly_canonical(b, b_ec);
  if (!a_ec && !b_ec && a_name == b_name) return true;
  return fs::equivalent(a, b, same_ec) && !same_ec;
}

Status check_output_path(const std::string& out, const std::vector<std::string>& inputs,
                         const std::string& field) {
  if (out.empty()) return Invalid(field, "is empty");
  for (const auto& input : inputs) {
    if (same_file(out, input)) {
      return Invalid(field,
                     out + " is also read by this command (" + input + "); write to another file");
    }
  }
  std::error_code ec;
  const fs::file_status status = fs::status(out, ec);
  if (ec || !fs::exists(status)) return Status::Ok();
  if (fs::is_directory(status)) return Invalid(field, out + " is a folder; name a file");
  if (holds_sqlite_data(out))
    return Invalid(field, out + " holds an SQLite database; it is never replaced by an export");
  return Status::Ok();
}

}  // namespace shegong
