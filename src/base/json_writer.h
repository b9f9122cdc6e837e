// A streaming JSON writer for hot responses: no document tree, no allocation per value. Strings
// are escaped by append_json_string (invalid UTF-8 becomes U+FFFD). raw() splices text that is
// already JSON, e.g. a column the application itself wrote as JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shegong {

class JsonWriter {
 public:
  // `capacity`: bytes to reserve when the size of the result is roughly known.
  explicit JsonWriter(size_t capacity = 0) { out_.reserve(capacity); }
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t n);
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);

  // key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  std::string has_items_;  // per open container: '1' once it holds an item (short: no allocation)
  bool after_key_ = false;
};

}  // namespace shegong
