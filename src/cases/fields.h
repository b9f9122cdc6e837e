// Reading a transition's input fields and a case's attrs, shared by every case kind. Errors name
// the field.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/calendar.h"
#include "cases/case_kind.h"

namespace shegong::cases {

// The field's text, or "" when absent.
std::string field(const Fields& in, const std::string& name);
// Free text that passes check_text (valid UTF-8, no NUL, at most `max_bytes`); "" when absent,
// which is an error when `required`.
Result<std::string> text_field(const Fields& in, const std::string& name, size_t max_bytes,
                               bool required);
// A whole number in [lo, hi]; absent or empty is an error.
Result<int64_t> int_field(const Fields& in, const std::string& name, int64_t lo, int64_t hi);
// "yes"/"true" or "no"/"false".
Result<bool> yes_no(const Fields& in, const std::string& name);
// A date "YYYY-MM-DD", or `fallback` when the field is absent or empty.
Result<Date> date_field(const Fields& in, const std::string& name, Date fallback);
// The day something was done, as staff record it: a date_field that is today (China) when absent,
// never in the future, and never before `earliest` when given ("cannot lie before <since>
// (date)").
Result<Date> done_date_field(const Fields& in, const std::string& name, int64_t now_ms,
                             std::optional<Date> earliest, const std::string& since);

// The case's attrs as a JSON object (an empty one if unreadable), and back.
nlohmann::json attrs_of(const CaseRecord& c);
void store_attrs(CaseRecord& c, const nlohmann::json& attrs);

}  // namespace shegong::cases
