// JSON in and out of handlers (nlohmann/json, included only by api/*.cc). Parse errors and wrong
// types become 400 errors that name the field.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/calendar.h"
#include "base/status.h"
#include "cases/case_kind.h"
#include "db/db.h"
#include "http/request.h"
#include "http/response.h"

namespace shegong::api {

using Json = nlohmann::json;

// The body as a JSON object; 400 (field "body") when it is empty, not JSON, not UTF-8, not an
// object, or has a member whose name is empty.
Result<Json> parse_object(const http::Request& request);
// A string member. Missing or null: nullopt when optional, else 400; so is an empty or blank (only
// white space) one when required. Wrong type or longer than max_bytes: 400.
Result<std::optional<std::string>> string_field(const Json& body, const char* name, bool required,
                                                size_t max_bytes = 4096);

http::Response json_response(int status, const Json& body);

// A rate or any other value that may be missing: null when it is.
Json or_null(const std::optional<double>& v);

// ?from= and ?to= as China dates (YYYY-MM-DD), both included, each defaulting to the day given;
// 400 naming the parameter when one is malformed or the period ends before it starts (then `to`,
// or `from` when `to` was not given and the period ends on its default).
Result<std::pair<Date, Date>> date_period(const http::Request& request, Date from, Date to);

// Optional members: `fallback` when missing or null, 400 naming the member when of another type
// (or, for numbers, not a whole number in [lo, hi]).
Result<bool> bool_member(const Json& body, const char* name, bool fallback);
Result<int64_t> int_member(const Json& body, const char* name, int64_t fallback, int64_t lo,
                           int64_t hi);

// "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)" as milliseconds since the epoch; nullopt when
// malformed.
std::optional<int64_t> rfc3339_ms(std::string_view t);

// When a demand or petition was received, for staff who register it after the fact (a letter
// opened today, a visit written up the next morning): `received_at` as an RFC 3339 time with its
// offset ("2025-11-03T09:30:00+08:00", "...Z") or a China date ("2025-11-03": its first moment).
// 0 when missing or null (the engine takes the time of registration); 400 naming the member when
// malformed, in the future, or more than 366 days before `now_ms`.
Result<int64_t> received_member(const Json& body, int64_t now_ms);

// A case transition's input from a JSON object body (an empty body is no input): text as is,
// whole numbers and true/false as text, arrays of ids joined by commas.
Result<cases::Fields> transition_fields(const http::Request& request);

// A positive whole number from the path parameter `name` (400 naming it otherwise).
Result<int64_t> id_param(const http::Request& request, const char* name = "id");

// A query parameter as a whole number in [lo, hi]; `fallback` when absent; 400 naming it otherwise.
Result<int64_t> int_query(const http::Request& request, const char* name, int64_t fallback,
                          int64_t lo, int64_t hi);

// A member that must be a JSON array of whole numbers (ids); 400 naming it otherwise.
Result<std::vector<int64_t>> id_list(const Json& body, const char* name);

// {"items": [...]} filled by `fill` inside one read transaction; the error format on failure.
http::Response read_items(db::Db& db, const std::function<Status(db::Session&, Json& items)>& fill);

}  // namespace shegong::api
