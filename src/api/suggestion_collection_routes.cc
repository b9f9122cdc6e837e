// Special collections (专项征集) over HTTP: a collecting unit publishes one (topic, how to submit,
// the period), staff list those of their jurisdiction with how many suggestions each received and
// how many came late, and the unit publishes the results once it has closed, which answers every
// evaluated suggestion of it (DOMAIN.md items 66 and 67). The public list is in
// public_suggestion_routes.cc.
#include "api/app.h"
#include "api/json_io.h"
#include "api/suggestion_json.h"
#include "http/error_response.h"
#include "suggestions/collections.h"
#include "suggestions/suggestion_kind.h"

namespace shegong::api {

namespace {

Result<std::optional<Date>> date_member(const Json& body, const char* name) {
  auto text = string_field(body, name, false, 10);
  if (!text.ok()) return text.status();
  if (!*text) return std::optional<Date>();
  auto d = Date::parse(**text);
  if (!d.ok()) return Invalid(name, "a date YYYY-MM-DD");
  return std::optional<Date>(*d);
}

Result<Json> with_counts(db::Session& s, const suggestions::Collection& c, Date today) {
  Json j = collection_json(c, today);
  auto n = suggestions::submissions(s, c.id);
  if (!n.ok()) return n.status();
  j["submissions"] = n->total;
  j["late_submissions"] = n->late;
  return j;
}

http::Response create_collection(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  const auth::Principal& who = *call.principal;
  suggestions::NewCollection n;
  for (auto [name, target, max] :
       {std::tuple{"topic", &n.topic, size_t{200}},
        std::tuple{"description", &n.description, size_t{20000}},
        std::tuple{"submission_method", &n.submission_method, size_t{2000}}}) {
    auto v = string_field(*body, name, true, max);
    if (!v.ok()) return http::error_response(v.status());
    *target = **v;
  }
  auto opens = date_member(*body, "opens_on");
  if (!opens.ok()) return http::error_response(opens.status());
  auto closes = date_member(*body, "closes_on");
  if (!closes.ok()) return http::error_response(closes.status());
  n.opens_on = *opens;
  n.closes_on = *closes;
  n.unit_id = who.unit_id;
  if (n.unit_id == 0) {
    return http::error_response(
        Denied("a collection is run by a unit; your account belongs to none"));
  }
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto c = suggestions::create_collection(s, app.clock(), n, who.actor());
    if (!c.ok()) return c.status();
    auto j = with_counts(s, *c, date_in_china(app.clock().now_ms()));
    if (!j.ok()) return j.status();
    out = std::move(*j);
    return Status::Ok();
  });
  return st.ok() ? json_response(201, out) : http::error_response(st);
}

}  // namespace

void add_suggestion_collection_routes(App& app) {
  app.add({"POST", "/api/v1/suggestion-collections",
           "Publish a special collection of your unit: {topic, description, submission_method, "
           "opens_on, closes_on}",
           suggestions::kCollectors},
          [&app](Call& call) { return create_collection(app, call); });

  app.add({"GET", "/api/v1/suggestion-collections",
           "The special collections of your jurisdiction, with their submissions: ?open=true",
           auth::kStaff},
          [&app](Call& call) {
            const http::Request& r = call.request;
            std::optional<Date> open_on;
            Date today = date_in_china(app.clock().now_ms());
            if (r.has_query_param("open")) {
              if (r.query_param("open") != "true") {
                return http::error_response(Invalid("open", "true"));
              }
              open_on = today;
            }
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto list = suggestions::list_collections(
                  s, {call.principal->jurisdiction, false, open_on, std::nullopt, 200});
              if (!list.ok()) return list.status();
              for (const auto& c : *list) {
                auto j = with_counts(s, c, today);
                if (!j.ok()) return j.status();
                items.push_back(std::move(*j));
              }
              return Status::Ok();
            });
          });

  app.add({"POST", "/api/v1/suggestion-collections/{id}/results",
           "Publish the results of a closed collection of your unit: {results}; answers its "
           "evaluated suggestions",
           suggestions::kCollectors},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto results = string_field(*body, "results", true, 20000);
            if (!results.ok()) return http::error_response(results.status());
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto answered =
                  suggestions::publish_results(s, app.engine(), *id, **results, *call.principal);
              if (!answered.ok()) return answered.status();
              auto c = suggestions::find_collection(s, *id);
              if (!c.ok()) return c.status();
              auto j = with_counts(s, **c, date_in_china(app.clock().now_ms()));
              if (!j.ok()) return j.status();
              out = std::move(*j);
              out["answered"] = *answered;
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
