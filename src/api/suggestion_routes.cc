// 人民建议征集 over HTTP: registration by a collecting unit (idempotent), the list scoped like
// every case (the caller's jurisdiction, or a unit that holds or held the suggestion), one
// suggestion with its timeline, every transition of the suggestion kind, and the audited read of
// the proposer by the unit holding it.
#include "api/app.h"
#include "api/case_action.h"
#include "api/case_list.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/suggestion_input.h"
#include "api/suggestion_json.h"
#include "audit/audit_log.h"
#include "cases/engine.h"
#include "hotline/vocabulary.h"
#include "http/error_response.h"
#include "suggestions/indicators.h"
#include "suggestions/proposer.h"
#include "suggestions/suggestion_kind.h"
#include "suggestions/vocabulary.h"

namespace shegong::api {

namespace {

Result<cases::CaseRecord> readable_suggestion(db::Session& s, const auth::Principal& p,
                                              int64_t id) {
  return readable_case(s, p, id, suggestions::kSuggestionKind, "suggestion");
}

http::Response create_suggestion(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  const auth::Principal& who = *call.principal;
  auto n = new_suggestion_from(*body);
  if (!n.ok()) return http::error_response(n.status());
  auto unit = int_member(*body, "unit_id", who.unit_id, 1, INT64_MAX);
  if (!unit.ok()) return http::error_response(unit.status());
  n->unit_id = *unit;
  if (n->unit_id != who.unit_id && who.role != auth::Role::kAdmin) {
    return http::error_response(Status(Code::kPermissionDenied,
                                       "a suggestion is registered by the unit that received it",
                                       "unit_id"));
  }
  auto received = received_member(*body, app.clock().now_ms());
  if (!received.ok()) return http::error_response(received.status());
  n->received_at_ms = *received;
  auto tree = app.regions();
  return create_once(app, call, who.actor(), [&](db::Session& s) -> Result<http::Response> {
    auto c = suggestions::register_suggestion(s, app.engine(), app.box(), *tree, *n, who.actor());
    if (!c.ok()) return c.status();
    auto json = suggestion_json(s, *c, app.box(), false);
    if (!json.ok()) return json.status();
    return json_response(201, *json);
  });
}

http::Response list_suggestions(App& app, Call& call) {
  CaseList list;
  list.kind = std::string(suggestions::kSuggestionKind);
  list.filters = {{"state", "state"}, {"type", "type"}};
  list.narrow = [](const http::Request& r, std::string& where, db::Params& params) -> Status {
    if (!r.has_query_param("collection_id")) return Status::Ok();
    auto id = int_query(r, "collection_id", 0, 1, INT64_MAX);
    if (!id.ok()) return id.status();
    where += " AND id IN (SELECT case_id FROM suggestion_submissions WHERE collection_id = ?)";
    params.push_back(*id);
    return Status::Ok();
  };
  SuggestionMemo memo;
  list.render = [&app, &memo](db::Session& s, const cases::CaseRecord& c, CasePage&) {
    return suggestion_json(s, c, app.box(), false, &memo);
  };
  return list_cases(app, call, list);
}

http::Response proposer_of(App& app, Call& call) {
  auto id = id_param(call.request, "id");
  if (!id.ok()) return http::error_response(id.status());
  const auth::Principal& who = *call.principal;
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto c = readable_suggestion(s, who, *id);
    if (!c.ok()) return c.status();
    if (who.unit_id == 0 || who.unit_id != c->lead_unit_id) {
      return Denied("only the unit holding the suggestion sees its proposer in full");
    }
    auto person = suggestions::open_proposer(app.box(), c->requester_sealed);
    if (!person.ok()) return person.status();
    out = {{"kind", person->kind},
           {"name", person->name},
           {"phone", person->phone},
           {"email", person->email},
           {"address", person->address}};
    return audit::append(
        s, app.clock(),
        {who.actor(), "suggestion.reveal_proposer", "case:" + std::to_string(*id), "proposer"});
  });
  if (!st.ok()) return http::error_response(st);
  auto r = json_response(200, out);
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response indicators(App& app, Call& call) {
  const Date today = date_in_china(app.clock().now_ms());
  auto period = date_period(call.request, Date::from_ymd(today.year(), today.month(), 1), today);
  if (!period.ok()) return http::error_response(period.status());
  Json out = {{"from", period->first.to_string()},
              {"to", period->second.to_string()},
              {"items", Json::array()}};
  Status st = app.db().read([&](db::Session& s) {
    auto rows = suggestions::suggestion_counts(s, call.principal->jurisdiction,
                                               china_start_of_day_ms(period->first),
                                               china_start_of_day_ms(period->second.plus_days(1)));
    if (!rows.ok()) return rows.status();
    UnitMemo units;
    for (const suggestions::SuggestionCounts& c : *rows) {
      auto unit = units.get(s, c.unit_id);
      if (!unit.ok()) return unit.status();
      out["items"].push_back({{"unit", *unit},
                              {"received", c.received},
                              {"accepted", c.accepted},
                              {"redirected", c.redirected},
                              {"adopted", c.adopted},
                              {"partly_adopted", c.partly_adopted},
                              {"not_adopted", c.not_adopted},
                              {"answered", c.answered},
                              {"answered_in_time", c.answered_in_time},
                              {"overdue", c.overdue},
                              {"rewarded", c.rewarded}});
    }
    return Status::Ok();
  });
  return st.ok() ? json_response(200, out) : http::error_response(st);
}

}  // namespace

void add_suggestion_routes(App& app) {
  app.add({"POST", "/api/v1/suggestions",
           "Register a people's suggestion at receipt, by the receiving unit (honours "
           "Idempotency-Key)",
           suggestions::kCollectors},
          [&app](Call& call) { return create_suggestion(app, call); });

  app.add({"GET", "/api/v1/suggestions",
           "Suggestions you may read: ?state=&type=routine|special&collection_id=&overdue=&q=&"
           "page=&page_size=",
           auth::kStaff},
          [&app](Call& call) { return list_suggestions(app, call); });

  app.add({"GET", "/api/v1/suggestion-indicators",
           "Per unit holding them, the suggestions of your jurisdiction received in ?from=&to= "
           "(China dates; default this month): accepted, redirected, adopted in whole, in part or "
           "not, answered, answered in time, overdue, rewarded",
           auth::kStaff},
          [&app](Call& call) { return indicators(app, call); });

  app.add({"GET", "/api/v1/suggestions/{id}", "One suggestion with its timeline", auth::kStaff},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = readable_suggestion(s, *call.principal, *id);
              if (!c.ok()) return c.status();
              auto json = suggestion_json(s, *c, app.box(), true);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"POST", "/api/v1/suggestions/{id}/{action}",
           "An action on a suggestion: accept, transfer, redirect, record_study, evaluate, "
           "feedback, reward",
           suggestions::kCollectors},
          [&app](Call& call) {
            return apply_case_action(app, call,
                                     {[](db::Session& s, const auth::Principal& who, int64_t id) {
                                        return readable_suggestion(s, who, id).status();
                                      },
                                      [&app](db::Session& s, const auth::Principal&,
                                             const cases::CaseRecord& c) -> Result<std::string> {
                                        auto json = suggestion_json(s, c, app.box(), true);
                                        if (!json.ok()) return json.status();
                                        return json->dump(-1, ' ', false,
                                                          Json::error_handler_t::replace);
                                      }});
          });

  app.add({"GET", "/api/v1/suggestions/{id}/proposer",
           "The proposer in full, for the unit holding the suggestion (every read is audited)",
           suggestions::kCollectors},
          [&app](Call& call) { return proposer_of(app, call); });
}

}  // namespace shegong::api
