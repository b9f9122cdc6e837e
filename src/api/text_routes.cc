// The text module over the API: classify a message, find similar orders, list hot issues of an
// area and period, and the dispatcher's suggestions for an order. Everything is scoped like the
// orders themselves: similar orders and hot-issue members are only those the caller may read.
#include <charconv>

#include "api/app.h"
#include "api/caller_region.h"
#include "api/json_io.h"
#include "cases/engine.h"
#include "hotline/order_kind.h"
#include "http/error_response.h"
#include "text/hot_issues.h"

namespace shegong::api {

namespace {

Result<bool> readable(db::Session& s, const auth::Principal& p, const cases::CaseRecord& c) {
  auto units = cases::case_units(s, c);
  if (!units.ok()) return units.status();
  return cases::can_read(p, c, *units);
}

Json suggestions_json(const hotline::DispatchSuggestions& d) {
  Json cats = Json::array(), units = Json::array();
  for (const auto& c : d.categories) {
    cats.push_back(
        {{"category", c.category}, {"confidence", c.confidence}, {"in_taxonomy", c.in_taxonomy}});
  }
  for (const auto& u : d.units) {
    units.push_back(
        {{"unit_id", u.unit_id}, {"name", u.name}, {"category", u.category}, {"via", u.via}});
  }
  return {{"categories", cats}, {"units", units}};
}

}  // namespace

void add_text_routes(App& app) {
  app.add({"POST", "/api/v1/text/classify", "Categories for a message, likeliest first: {text, k}",
           auth::kStaff},
          [&app](Call& call) {
            auto model = app.text_aids().model ? app.text_aids().model->current() : nullptr;
            if (!model) {
              return http::error_response(
                  503, "unavailable",
                  "no category model is loaded (start serve with --model, or put "
                  "the model file in place and reload it)");
            }
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto text = string_field(*body, "text", true, 100'000);
            if (!text.ok()) return http::error_response(text.status());
            size_t k = 3;
            if (auto it = body->find("k"); it != body->end() && !it->is_null()) {
              if (!it->is_number_integer() || it->get<int64_t>() < 1 || it->get<int64_t>() > 20) {
                return http::error_response(Invalid("k", "a whole number from 1 to 20"));
              }
              k = it->get<size_t>();
            }
            auto top = model->top_k(**text, k);
            if (!top.ok()) return http::error_response(top.status());
            Json out = Json::array();
            for (const auto& p : *top)
              out.push_back({{"label", p.label}, {"confidence", p.confidence}});
            return json_response(200, {{"predictions", out}});
          });

  app.add({"POST", "/api/v1/text/similar",
           "Orders you may read that are near-duplicates of a text: {text, k}", auth::kStaff},
          [&app](Call& call) {
            hotline::RepeatDetector* index = app.text_aids().repeats;
            if (!index)
              return http::error_response(503, "unavailable", "no repeat index is running");
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto text = string_field(*body, "text", true, 100'000);
            if (!text.ok()) return http::error_response(text.status());
            size_t k = 10;
            if (auto it = body->find("k"); it != body->end() && !it->is_null()) {
              if (!it->is_number_integer() || it->get<int64_t>() < 1 || it->get<int64_t>() > 100) {
                return http::error_response(Invalid("k", "a whole number from 1 to 100"));
              }
              k = it->get<size_t>();
            }
            // Ask for more than k: some may be outside the caller's reach.
            auto hits = index->similar(**text, k * 4);
            if (!hits.ok()) return http::error_response(hits.status());
            Json items = Json::array();
            Status st = app.db().read([&](db::Session& s) {
              for (const auto& h : *hits) {
                if (items.size() >= k) break;
                auto c = cases::load_case(s, h.id);
                if (!c.ok()) return c.status();
                if (!*c) continue;
                auto ok = readable(s, *call.principal, **c);
                if (!ok.ok()) return ok.status();
                if (!*ok) continue;
                items.push_back({{"id", (*c)->id},
                                 {"tracking_no", (*c)->tracking_no},
                                 {"subject", (*c)->subject},
                                 {"state", (*c)->state},
                                 {"similarity", h.similarity}});
              }
              return Status::Ok();
            });
            if (!st.ok()) return http::error_response(st);
            return json_response(200, {{"items", items}});
          });

  app.add(
      {"GET", "/api/v1/hot-issues",
       "Hot issues among the orders of an area and period: ?region=&from=&to= (YYYY-MM-DD)",
       auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        const http::Request& r = call.request;
        auto area = region_query(app, call);
        if (!area.ok()) return http::error_response(area.status());
        const std::string& region = *area;
        Date today = date_in_china(app.clock().now_ms());
        auto period = date_period(r, today.plus_days(-30), today);
        if (!period.ok()) return http::error_response(period.status());
        const auto [from, to] = *period;
        auto top = int_query(r, "top", 10, 1, 50);
        if (!top.ok()) return http::error_response(top.status());
        // The newest orders of the period, at most 20,000, that the caller may read.
        std::vector<text::CitizenMessage> messages;
        Status st = app.db().read([&](db::Session& s) {
          return s.query_each(
              std::string("SELECT ") + cases::kCaseColumns +
                  " FROM cases WHERE kind = 'order' AND region_code >= ? AND region_code < ? "
                  "AND received_at_ms >= ? AND received_at_ms <= ? ORDER BY id DESC LIMIT 20000",
              {region, region + ":", china_start_of_day_ms(from), china_end_of_day_ms(to)},
              [&](const db::Row& row) {
                cases::CaseRecord c = cases::read_case_row(row);
                auto ok = readable(s, p, c);
                if (!ok.ok()) return ok.status();
                if (*ok) {
                  messages.push_back(
                      {c.id, c.requester_hash, c.subject, c.content, c.received_at_ms / 1000, 0});
                }
                return Status::Ok();
              });
        });
        if (!st.ok()) return http::error_response(st);
        text::HotIssueOptions options;
        options.top = static_cast<size_t>(*top);
        auto report = text::find_hot_issues(messages, options);
        Json issues = Json::array();
        for (const auto& h : report.issues) {
          issues.push_back({{"title", h.title},
                            {"place", h.place},
                            {"first", format_utc_iso8601(h.first_time * 1000)},
                            {"last", format_utc_iso8601(h.last_time * 1000)},
                            {"orders", h.messages},
                            {"requesters", h.requesters},
                            {"heat", h.heat},
                            {"order_ids", h.members}});
        }
        return json_response(200, {{"region", regions::statistical_code(region)},
                                   {"from", from.to_string()},
                                   {"to", to.to_string()},
                                   {"orders_read", report.messages},
                                   {"issues", issues}});
      });

  app.add({"GET", "/api/v1/orders/{id}/suggestions",
           "Categories and units suggested for dispatching an order", kCentreRoles},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            Json out;
            auto model = app.text_aids().model ? app.text_aids().model->current() : nullptr;
            Status st = app.db().read([&](db::Session& s) {
              auto c = cases::load_case(s, *id);
              if (!c.ok()) return c.status();
              if (!*c || (*c)->kind != hotline::kOrderKind ||
                  !call.principal->covers((*c)->region_code)) {
                return NotFound("no order has the id " + std::to_string(*id));
              }
              auto d = hotline::suggest_dispatch(s, model.get(), **c);
              if (!d.ok()) return d.status();
              out = suggestions_json(*d);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
