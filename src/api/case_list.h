// The list of a case kind, scoped by cases::can_read in SQL (or the kind's own rule), so a list never
// shows a case its detail page would refuse; and the one-case read for kinds without rules of their
// own about readers (suggestions, disputes). A list takes ?overdue=&q=&page=&page_size= and the
// kind's own exact filters, newest first.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "api/app.h"
#include "api/case_json.h"
#include "api/json_io.h"

namespace shegong::api {

// The case of `kind` the caller may read; anything else is "not found (no <noun> has the id)", so
// existence does not leak.
Result<cases::CaseRecord> readable_case(db::Session& s, const auth::Principal& p, int64_t id,
                                        std::string_view kind, std::string_view noun);

// What the rows of one page share, read once for the page instead of once a row.
struct CasePage {
  UnitMemo units;
  // The page's cases that the caller's unit leads, holds or held (cases::case_units).
  std::unordered_set<int64_t> held;
};

struct CaseList {
  std::string kind;
  // Who reads what, when the kind has rules of its own (petitions: never the accused unit): the
  // SQL condition over `cases` and its parameters, used instead of cases::can_read's.
  std::optional<std::pair<std::string, db::Params>> scope;
  std::vector<std::pair<const char*, const char*>> filters;  // query parameter, column
  // More conditions from the request (appended with AND); a 400 naming the parameter otherwise.
  std::function<Status(const http::Request&, std::string& where, db::Params&)> narrow;
  std::function<Result<Json>(db::Session&, const cases::CaseRecord&, CasePage&)> render;
};

http::Response list_cases(App& app, Call& call, const CaseList& list);

}  // namespace shegong::api
