// People's suggestions without login (上海市人民建议征集若干规定 Arts. 7–9, 12): the published
// special collections with their period and results, a citizen's own suggestion (to a collection,
// or to the collecting office the region's profile names), and its progress by tracking number:
// state, dates, the adoption status and the answer, personal details masked; never the proposer.
#include "api/app.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/public_case.h"
#include "api/submission_limiter.h"
#include "api/suggestion_input.h"
#include "api/suggestion_json.h"
#include "http/error_response.h"
#include "suggestions/collections.h"
#include "suggestions/vocabulary.h"

namespace shegong::api {

void add_public_suggestion_routes(App& app, std::shared_ptr<SubmissionLimiter> limiter) {
  app.add({"GET",
           "/api/v1/public/suggestion-collections",
           "The published special collections (no login): ?region=&open=true",
           {},
           true},
          [&app](Call& call) {
            const http::Request& r = call.request;
            std::string region;
            if (r.has_query_param("region")) {
              auto tree = app.regions();
              auto code = tree->resolve(r.query_param("region"), "region");
              if (!code.ok()) return http::error_response(code.status());
              region = *code;
            }
            Date today = date_in_china(app.clock().now_ms());
            std::optional<Date> open_on;
            if (r.has_query_param("open")) {
              if (r.query_param("open") != "true") {
                return http::error_response(Invalid("open", "true"));
              }
              open_on = today;
            }
            // A citizen's place: the collections of its area and of the areas above it, once
            // they have opened (published when they open).
            suggestions::CollectionQuery q{region, true, open_on, today, 100};
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto list = suggestions::list_collections(s, q);
              if (!list.ok()) return list.status();
              for (const auto& c : *list) items.push_back(collection_json(c, today));
              return Status::Ok();
            });
          });

  app.add(
      {"POST",
       "/api/v1/public/suggestions",
       "A citizen makes a suggestion (no login; web or app; honours Idempotency-Key): "
       "{subject, reasons, measures, region_code or collection_id, proposer}",
       {},
       true},
      [&app, limiter](Call& call) {
        auto body = parse_object(call.request);
        if (!body.ok()) return http::error_response(body.status());
        auto n = new_suggestion_from(*body);
        if (!n.ok()) return http::error_response(n.status());
        if (n->channel != "web" && n->channel != "app") {
          return http::error_response(Invalid("channel", "a citizen submits through web or app"));
        }
        const std::string actor = "public:" + call.request.remote_addr;
        if (!replays(app, call, actor)) {
          Status admitted = limiter->admit(call.request.remote_addr, app.clock().now_ms());
          if (!admitted.ok()) return http::error_response(admitted);
        }
        auto tree = app.regions();
        return create_once(app, call, actor, [&](db::Session& s) -> Result<http::Response> {
          if (n->collection_id == 0) {
            if (n->region_code.empty()) return Invalid("region_code", "is required");
            auto code = tree->resolve(n->region_code, "region_code");
            if (!code.ok()) return code.status();
            auto office = suggestions::collecting_office(s, *code);
            if (!office.ok()) return office.status();
            n->unit_id = *office;
          }
          auto c =
              suggestions::register_suggestion(s, app.engine(), app.box(), *tree, *n, "public");
          if (!c.ok()) return c.status();
          auto json = public_suggestion_json(s, *c);
          if (!json.ok()) return json.status();
          return json_response(201, *json);
        });
      });

  app.add({"GET",
           "/api/v1/public/suggestions/{tracking_no}",
           "A suggestion's progress by its number (no login; no personal data)",
           {},
           true},
          [&app](Call& call) {
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = case_by_number(s, call.request.param("tracking_no"),
                                      std::string(suggestions::kSuggestionKind), "suggestion");
              if (!c.ok()) return c.status();
              auto json = public_suggestion_json(s, *c);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
