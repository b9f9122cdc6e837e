#include "cases/fields.h"

#include <charconv>

#include "base/text_field.h"

namespace shegong::cases {

std::string field(const Fields& in, const std::string& name) {
  auto it = in.find(name);
  return it == in.end() ? std::string() : it->second;
}

Result<std::string> text_field(const Fields& in, const std::string& name, size_t max_bytes,
                               bool required) {
  std::string value = field(in, name);
  SHEGONG_RETURN_IF_ERROR(check_text(value, name, max_bytes, required));
  return value;
}

Result<int64_t> int_field(const Fields& in, const std::string& name, int64_t lo, int64_t hi) {
  auto it = in.find(name);
  if (it == in.end() || it->second.empty()) return Invalid(name, "is required");
  int64_t v = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || v < lo || v > hi) {
    return Invalid(name, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

Result<bool> yes_no(const Fields& in, const std::string& name) {
  std::string v = field(in, name);
  if (v == "yes" || v == "true") return true;
  if (v == "no" || v == "false") return false;
  return Invalid(name, "yes or no");
}

Result<Date> date_field(const Fields& in, const std::string& name, Date fallback) {
  std::string v = field(in, name);
  if (v.empty()) return fallback;
  auto d = Date::parse(v);
  if (!d.ok()) return Invalid(name, "a date YYYY-MM-DD");
  return *d;
}

Result<Date> done_date_field(const Fields& in, const std::string& name, int64_t now_ms,
                             std::optional<Date> earliest, const std::string& since) {
  Date today = date_in_china(now_ms);
  auto on = date_field(in, name, today);
  if (!on.ok()) return on.status();
  if (*on > today) return Invalid(name, "cannot lie in the future");
  if (earliest && *on < *earliest) {
    return Invalid(name, "cannot lie before " + since + " (" + earliest->to_string() + ")");
  }
  return *on;
}

nlohmann::json attrs_of(const CaseRecord& c) {
  nlohmann::json j = nlohmann::json::parse(c.attrs, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

void store_attrs(CaseRecord& c, const nlohmann::json& attrs) { c.attrs = attrs.dump(); }

}  // namespace shegong::cases
