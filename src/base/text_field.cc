#include "base/text_field.h"

#include "base/utf8.h"

namespace shegong {

Status check_text(std::string_view value, std::string_view field, size_t max_bytes, bool required) {
  std::string name(field);
  if (required && value.empty()) return Invalid(name, "is required");
  if (required && is_blank(value)) return Invalid(name, "is only white space");
  if (!is_valid_utf8(value)) return Invalid(name, "is not valid UTF-8");
  if (value.size() > max_bytes) {
    return Invalid(name, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (value.find('\0') != std::string_view::npos) return Invalid(name, "contains a NUL character");
  return Status::Ok();
}

}  // namespace shegong
