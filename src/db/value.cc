#include "db/value.h"

namespace shegong::db {

namespace {
const std::string kEmpty;
}

int64_t Row::integer(size_t i) const {
  const Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return 0;
  if (const double* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return std::get<int64_t>(v);
}

double Row::real(size_t i) const {
  const Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return 0;
  if (const int64_t* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  return std::get<double>(v);
}

const std::string& Row::text(size_t i) const {
  const Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return kEmpty;
  return std::get<std::string>(v);
}

const std::string& Row::blob(size_t i) const {
  const Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return kEmpty;
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  return std::get<Blob>(v).bytes;
}

std::string Row::take_text(size_t i) {
  Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return {};
  return std::move(std::get<std::string>(v));
}

std::string Row::take_blob(size_t i) {
  Value& v = columns_.at(i);
  if (std::holds_alternative<std::monostate>(v)) return {};
  if (std::string* s = std::get_if<std::string>(&v)) return std::move(*s);
  return std::move(std::get<Blob>(v).bytes);
}

}  // namespace shegong::db
