#include "api/json_io.h"

#include <charconv>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "base/calendar.h"
#include "base/utf8.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

// True when `v` holds, at any depth, a whole number above the largest signed 64-bit one. Such a
// number would wrap to a negative id when read, so the body is refused as a whole.
// Walked with a stack of its own: a body may nest a million levels deep.
bool holds_oversized_number(const Json& top) {
  std::vector<const Json*> pending = {&top};
  while (!pending.empty()) {
    const Json* v = pending.back();
    pending.pop_back();
    if (v->is_number_unsigned() &&
        v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return true;
    }
    if (v->is_structured()) {
      for (const auto& item : *v) pending.push_back(&item);
    }
  }
  return false;
}

}  // namespace

Result<Json> parse_object(const http::Request& request) {
  if (request.body.empty()) return Invalid("body", "a JSON object is required");
  // nlohmann/json stops reading at a NUL byte, so `{"a":1}<NUL>junk` would pass; JSON text
  // never holds one (inside a string it is written \u0000).
  if (request.body.find('\0') != std::string::npos)
    return Invalid("body", "not valid JSON (holds a NUL byte)");
  Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    return Invalid("body", "not valid JSON (or not valid UTF-8)");
  }
  if (!body.is_object()) return Invalid("body", "must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    // Errors name the member they are about; a member without a name could not be named.
    if (key.empty()) return Invalid("body", "holds a member whose name is empty");
    if (holds_oversized_number(value)) {
      return Invalid(key, "holds a whole number larger than 9223372036854775807");
    }
  }
  return body;
}

Result<std::optional<std::string>> string_field(const Json& body, const char* name, bool required,
                                                size_t max_bytes) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return Invalid(name, "is required");
    return std::optional<std::string>();
  }
  if (!it->is_string()) return Invalid(name, "must be a string");
  std::string value = it->get<std::string>();
  if (value.size() > max_bytes) {
    return Invalid(name, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (required && value.empty()) return Invalid(name, "must not be empty");
  if (required && is_blank(value)) return Invalid(name, "is only white space");
  if (value.find('\0') != std::string::npos) return Invalid(name, "contains a NUL character");
  return std::optional<std::string>(std::move(value));
}

Result<int64_t> id_param(const http::Request& r, const char* name) {
  std::string_view raw = r.param(name);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || end != raw.data() + raw.size() || v <= 0) {
    return Invalid(name, "must be a positive whole number");
  }
  return v;
}

Result<int64_t> int_query(const http::Request& r, const char* name, int64_t fallback, int64_t lo,
                          int64_t hi) {
  if (!r.has_query_param(name)) return fallback;
  std::string_view raw = r.query_param(name);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || end != raw.data() + raw.size() || v < lo || v > hi) {
    return Invalid(name, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

Result<std::vector<int64_t>> id_list(const Json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_array()) return Invalid(name, "a list of ids");
  std::vector<int64_t> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) return Invalid(name, "a list of ids");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

http::Response read_items(db::Db& db,
                          const std::function<Status(db::Session&, Json& items)>& fill) {
  Json items = Json::array();
  Status st = db.read([&](db::Session& s) { return fill(s, items); });
  if (!st.ok()) return http::error_response(st);
  return json_response(200, {{"items", items}});
}

http::Response json_response(int status, const Json& body) {
  return http::Response::json(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Result<cases::Fields> transition_fields(const http::Request& r) {
  cases::Fields f;
  if (r.body.empty()) return f;
  auto body = parse_object(r);
  if (!body.ok()) return body.status();
  for (auto& [key, value] : body->items()) {
    if (value.is_string()) {
      f[key] = value.get<std::string>();
    } else if (value.is_boolean()) {
      f[key] = value.get<bool>() ? "true" : "false";
    } else if (value.is_number_integer()) {
      f[key] = std::to_string(value.get<int64_t>());
    } else if (value.is_array()) {
      std::string joined;
      for (const auto& item : value) {
        if (!item.is_number_integer()) return Invalid(key, "must be a list of ids");
        joined += (joined.empty() ? "" : ",") + std::to_string(item.get<int64_t>());
      }
      f[key] = joined;
    } else if (!value.is_null()) {
      return Invalid(key, "must be text, a whole number, true/false or a list of ids");
    }
  }
  return f;
}

Result<bool> bool_member(const Json& body, const char* name, bool fallback) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) return Invalid(name, "must be true or false");
  return it->get<bool>();
}

Result<int64_t> int_member(const Json& body, const char* name, int64_t fallback, int64_t lo,
                           int64_t hi) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi) {
    return Invalid(name, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return it->get<int64_t>();
}

namespace {

// Digits [at, at + n) of `t` as a number, or -1.
int digits(std::string_view t, size_t at, size_t n) {
  if (at + n > t.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return -1;
    v = v * 10 + (t[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<int64_t> rfc3339_ms(std::string_view t) {
  if (t.size() < 17 || (t[10] != 'T' && t[10] != 't') || t[13] != ':') return std::nullopt;
  auto day = Date::parse(t.substr(0, 10));
  int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = 0, millis = 0;
  if (!day.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  size_t at = 16;
  if (at < t.size() && t[at] == ':') {
    second = digits(t, at + 1, 2);
    if (second < 0 || second > 59) return std::nullopt;
    at += 3;
    if (at < t.size() && t[at] == '.') {
      size_t end = at + 1;
      while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
      if (end == at + 1 || end - at - 1 > 9) return std::nullopt;
      millis = digits(t, at + 1, std::min<size_t>(3, end - at - 1));
      for (size_t n = end - at - 1; n < 3; ++n) millis *= 10;
      at = end;
    }
  }
  int offset_minutes = 0;
  if (at + 1 == t.size() && (t[at] == 'Z' || t[at] == 'z')) {
    offset_minutes = 0;
  } else if (at + 6 == t.size() && (t[at] == '+' || t[at] == '-') && t[at + 3] == ':') {
    int h = digits(t, at + 1, 2), m = digits(t, at + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    offset_minutes = (t[at] == '+' ? 1 : -1) * (h * 60 + m);
  } else {
    return std::nullopt;
  }
  int64_t seconds = int64_t{day->days_since_epoch()} * 86'400 + hour * 3'600 + minute * 60 +
                    second - int64_t{offset_minutes} * 60;
  return seconds * 1'000 + millis;
}

Json or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Result<std::pair<Date, Date>> date_period(const http::Request& r, Date from, Date to) {
  for (auto [name, target] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    if (!r.has_query_param(name)) continue;
    auto d = Date::parse(r.query_param(name));
    if (!d.ok()) return Invalid(name, d.status().message());
    *target = *d;
  }
  if (to < from) {
    return r.has_query_param("to") ? Invalid("to", "must not be before from")
                                   : Invalid("from", "must not be after " + to.to_string() +
                                                         ", where the period ends without to");
  }
  return std::pair{from, to};
}

Result<int64_t> received_member(const Json& body, int64_t now_ms) {
  const char* name = "received_at";
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return int64_t{0};
  const char* form = "a time with its offset, like 2025-11-03T09:30:00+08:00, or a date 2025-11-03";
  if (!it->is_string()) return Invalid(name, form);
  std::string text = it->get<std::string>();
  std::optional<int64_t> at;
  if (text.size() == 10) {
    auto day = Date::parse(text);
    if (day.ok()) at = china_start_of_day_ms(*day);
  } else {
    at = rfc3339_ms(text);
  }
  if (!at) return Invalid(name, form);
  if (*at > now_ms + 60'000) return Invalid(name, "the time of receipt cannot be in the future");
  if (*at < now_ms - int64_t{366} * 86'400'000) {
    return Invalid(name, "lies more than a year back; check the year");
  }
  return *at;
}

}  // namespace shegong::api
