#include "cases/profile.h"

#include <charconv>

namespace shegong::cases {

Result<std::string> profile_value(db::Session& s, std::string_view region_code,
                                  std::string_view key, std::string_view national_default) {
  auto rows = s.query(
      "SELECT value FROM profiles WHERE key = ? AND substr(?, 1, length(region_code)) = region_code "
      "ORDER BY length(region_code) DESC LIMIT 1",
      {std::string(key), std::string(region_code)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::string(national_default);
  return (*rows)[0].text(0);
}

Result<int64_t> profile_int(db::Session& s, std::string_view region_code, std::string_view key,
                            int64_t national_default) {
  auto v = profile_value(s, region_code, key, std::to_string(national_default));
  if (!v.ok()) return v.status();
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size()) {
    return Internal("profile " + std::string(key) + " holds '" + *v + "', not a whole number");
  }
  return n;
}

Status set_profile(db::Session& s, std::string_view region_code, std::string_view key,
                   std::string_view value) {
  return s
      .exec(
          "INSERT INTO profiles(region_code, key, value) VALUES(?, ?, ?) "
          "ON CONFLICT(key, region_code) DO UPDATE SET value = excluded.value",
          {std::string(region_code), std::string(key), std::string(value)})
      .status();
}

Result<int64_t> next_sequence(db::Session& s, const std::string& name) {
  auto rows = s.query(
      "INSERT INTO sequences(name, value) VALUES(?, 1) "
      "ON CONFLICT(name) DO UPDATE SET value = sequences.value + 1 RETURNING value",
      {name});
  if (!rows.ok()) return rows.status();
  return (*rows)[0].integer(0);
}

}  // namespace shegong::cases
