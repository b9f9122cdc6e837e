// What a citizen sees without signing in: an order by its tracking number (status, steps, the
// answer; no personal data), and rating the answer; a petition by its tracking number (state,
// handling organ and dates only: Art. 18 lets petitioners query progress, and nothing more is
// safe to show to whoever holds the number), and rating its answer (Art. 21).
#include "api/app.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/order_input.h"
#include "api/order_json.h"
#include "api/petition_json.h"
#include "api/public_case.h"
#include "api/submission_limiter.h"
#include "hotline/intake.h"
#include "hotline/order_kind.h"
#include "http/error_response.h"
#include "petitions/vocabulary.h"

namespace shegong::api {

namespace {

Result<cases::CaseRecord> order_by_number(db::Session& s, std::string_view no) {
  return case_by_number(s, no, hotline::kOrderKind, "order");
}

}  // namespace

void add_public_routes(App& app) {
  auto limiter = std::make_shared<SubmissionLimiter>(10);
  // A citizen's suggestions count against the same budget as their demands.
  add_public_suggestion_routes(app, limiter);
  app.add({"POST",
           "/api/v1/public/orders",
           "A citizen submits a demand (no login; web, app or wechat; honours Idempotency-Key); "
           "the answer is the tracking number",
           {},
           true},
          [&app, limiter](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto order = new_order_from(*body);
            if (!order.ok()) return http::error_response(order.status());
            if (order->channel != "web" && order->channel != "app" && order->channel != "wechat") {
              return http::error_response(
                  Invalid("channel", "a citizen submits through web, app or wechat"));
            }
            // The centre judges urgency (and with it the dispatch limit and a report of a possible
            // emergency to the government, 接诉即办条例 Art. 29) when it dispatches the demand.
            order->urgency = "general";
            // A retry of a submission already answered is replayed below, whatever the limit.
            const std::string actor = "public:" + call.request.remote_addr;
            if (!replays(app, call, actor)) {
              Status admitted = limiter->admit(call.request.remote_addr, app.clock().now_ms());
              if (!admitted.ok()) return http::error_response(admitted);
            }
            auto tree = app.regions();
            auto prepared = hotline::prepare_order(app.engine(), app.box(), *tree,
                                                   std::move(*order), app.text_aids());
            if (!prepared.ok()) return http::error_response(prepared.status());
            std::optional<cases::CaseRecord> created;
            auto response =
                create_once(app, call, actor, [&](db::Session& s) -> Result<http::Response> {
                  auto c = hotline::register_order(s, app.engine(), *prepared, "public");
                  if (!c.ok()) return c.status();
                  created = *c;
                  return http::Response::json(201, public_order_json(s, *c));
                });
            if (created && response.status == 201) {
              hotline::index_order(app.text_aids(), *created);
            }
            return response;
          });

  app.add({"GET",
           "/api/v1/public/orders/{tracking_no}",
           "Track an order by its number (no login; no personal data)",
           {},
           true},
          [&app](Call& call) {
            http::Response out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = order_by_number(s, call.request.param("tracking_no"));
              if (!c.ok()) return c.status();
              out = http::Response::json(200, public_order_json(s, *c));
              return Status::Ok();
            });
            return st.ok() ? out : http::error_response(st);
          });

  app.add({"POST",
           "/api/v1/public/orders/{tracking_no}/rating",
           "The requester rates the answer: {satisfaction: 满意|基本满意|不满意, comment}",
           {},
           true},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto satisfaction = string_field(*body, "satisfaction", true, 20);
            if (!satisfaction.ok()) return http::error_response(satisfaction.status());
            auto comment = string_field(*body, "comment", false, 2000);
            if (!comment.ok()) return http::error_response(comment.status());
            http::Response out;
            Status st = app.db().write([&](db::Session& s) {
              auto c = order_by_number(s, call.request.param("tracking_no"));
              if (!c.ok()) return c.status();
              auto rated = app.engine().apply_in(s, c->id, "rate", nullptr,
                                                 {{"satisfaction", **satisfaction},
                                                  {"comment", comment->value_or("")},
                                                  {"by", "requester"}});
              if (!rated.ok()) return rated.status();
              out = http::Response::json(200, public_order_json(s, *rated));
              return Status::Ok();
            });
            return st.ok() ? out : http::error_response(st);
          });

  app.add({"GET",
           "/api/v1/public/petitions/{tracking_no}",
           "Query a petition's progress by its number (no login; state and dates only)",
           {},
           true},
          [&app](Call& call) {
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = case_by_number(s, call.request.param("tracking_no"),
                                      petitions::kPetitionKind, "petition");
              if (!c.ok()) return c.status();
              auto json = public_petition_json(s, *c);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"POST",
           "/api/v1/public/petitions/{tracking_no}/rating",
           "The petitioner rates the handling: {rating: 满意|基本满意|不满意}",
           {},
           true},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto rating = string_field(*body, "rating", true, 20);
            if (!rating.ok()) return http::error_response(rating.status());
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto c = case_by_number(s, call.request.param("tracking_no"),
                                      petitions::kPetitionKind, "petition");
              if (!c.ok()) return c.status();
              auto rated = app.engine().apply_in(s, c->id, "rate", nullptr,
                                                 {{"rating", **rating}, {"by", "petitioner"}});
              if (!rated.ok()) return rated.status();
              auto json = public_petition_json(s, *rated);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
