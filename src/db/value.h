// Values that cross the storage interface: bound parameters and result columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shegong::db {

// Binary data (ciphertext, hashes). Kept distinct from text so engines bind it as BLOB / bytea.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

inline Value null() { return std::monostate{}; }

class Row {
 public:
  explicit Row(std::vector<Value> columns) : columns_(std::move(columns)) {}
  size_t size() const { return columns_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::monostate>(columns_.at(i)); }
  // Typed accessors; a NULL reads as 0, 0.0 or "". Reading a column as the wrong type is a bug and
  // throws std::bad_variant_access.
  int64_t integer(size_t i) const;
  double real(size_t i) const;
  const std::string& text(size_t i) const;
  const std::string& blob(size_t i) const;
  // The text or bytes of a column moved out of the row (the column reads as empty afterwards),
  // for building a record from a row that is not needed again.
  std::string take_text(size_t i);
  std::string take_blob(size_t i);
  const Value& at(size_t i) const { return columns_.at(i); }

 private:
  std::vector<Value> columns_;
};

using Rows = std::vector<Row>;

}  // namespace shegong::db
