// 接诉即办 work orders: intake (idempotent), lists scoped to the caller, one order with its
// timeline, every transition of the order kind, and an audited reveal of the requester's contact.
#include <charconv>

#include "api/app.h"
#include "api/case_action.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/order_filter.h"
#include "api/order_input.h"
#include "api/order_json.h"
#include "audit/audit_log.h"
#include "base/json_writer.h"
#include "hotline/intake.h"
#include "hotline/order_kind.h"
#include "hotline/requester.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

struct ReadableOrder {
  cases::CaseRecord order;
  std::vector<hotline::OrderUnit> units;
};

// Loads an order the caller may read; others get 404, so existence does not leak.
Result<ReadableOrder> readable_order(db::Session& s, const auth::Principal& p, int64_t id) {
  auto c = cases::load_case(s, id);
  if (!c.ok()) return c.status();
  if (!*c || (*c)->kind != hotline::kOrderKind) {
    return NotFound("no order has the id " + std::to_string(id));
  }
  auto units = hotline::order_units(s, id, (*c)->lead_unit_id);
  if (!units.ok()) return units.status();
  std::vector<cases::CaseUnit> ids;
  for (const auto& u : *units) ids.push_back({u.id, u.role});
  if (!cases::can_read(p, **c, ids)) return NotFound("no order has the id " + std::to_string(id));
  return ReadableOrder{std::move(**c), std::move(units).value()};
}

http::Response create_order(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto order = new_order_from(*body);
  if (!order.ok()) return http::error_response(order.status());
  // Staff registering a demand made earlier (a letter, a message left overnight) give its time,
  // from which the dispatch limit runs (接诉即办条例 Art. 10); a citizen's own submission is
  // received when it arrives.
  auto received = received_member(*body, app.clock().now_ms());
  if (!received.ok()) return http::error_response(received.status());
  order->received_at_ms = *received;
  const auth::Principal& who = *call.principal;
  auto tree = app.regions();
  // An unknown or malformed region is reported by the intake checks; a known one must be ours.
  if (auto region = tree->resolve(order->region_code, "region_code");
      region.ok() && !who.covers(*region)) {
    return http::error_response(
        Status(Code::kPermissionDenied, "the place is outside your jurisdiction", "region_code"));
  }
  // Checks, sealing and text aids here, on this request's thread; the writer only writes.
  auto prepared =
      hotline::prepare_order(app.engine(), app.box(), *tree, std::move(*order), app.text_aids());
  if (!prepared.ok()) return http::error_response(prepared.status());
  std::optional<cases::CaseRecord> created;
  auto response =
      create_once(app, call, who.actor(), [&](db::Session& s) -> Result<http::Response> {
        auto c = hotline::register_order(s, app.engine(), *prepared, who.actor());
        if (!c.ok()) return c.status();
        created = *c;
        auto json = order_json(s, *c, who, app.box(), *tree, false);
        if (!json.ok()) return json.status();
        return http::Response::json(201, *json);
      });
  if (created && response.status == 201) hotline::index_order(app.text_aids(), *created);
  return response;
}

http::Response list_orders(App& app, Call& call) {
  const auth::Principal& p = *call.principal;
  const http::Request& r = call.request;
  auto filter = order_filter(app, p, r);
  if (!filter.ok()) return http::error_response(filter.status());
  const std::string& where = filter->where;
  const db::Params& params = filter->params;
  auto page_param = int_query(r, "page", 1, 1, 1'000'000);
  if (!page_param.ok()) return http::error_response(page_param.status());
  auto size_param = int_query(r, "page_size", 20, 1, 100);
  if (!size_param.ok()) return http::error_response(size_param.status());
  int64_t page = *page_param, page_size = *size_param;
  auto tree = app.regions();
  std::string items = "[";
  int64_t total = 0;
  Status st = app.db().read([&](db::Session& s) {
    auto count = s.query("SELECT count(*) FROM cases WHERE " + where, params);
    if (!count.ok()) return count.status();
    total = (*count)[0].integer(0);
    // Page bounds are validated whole numbers, written into the SQL.
    auto rows = s.query(std::string("SELECT ") + cases::kCaseColumns + " FROM cases WHERE " +
                            where + " ORDER BY id DESC LIMIT " + std::to_string(page_size) +
                            " OFFSET " + std::to_string((page - 1) * page_size),
                        params);
    if (!rows.ok()) return rows.status();
    for (const db::Row& row : *rows) {
      auto one = order_json(s, cases::read_case_row(row), p, app.box(), *tree, false);
      if (!one.ok()) return one.status();
      if (items.size() > 1) items += ',';
      items += *one;
    }
    items += ']';
    return Status::Ok();
  });
  if (!st.ok()) return http::error_response(st);
  JsonWriter w;
  w.begin_object().key("items").raw(items).field("total", total).field("page", page);
  w.field("page_size", page_size).end_object();
  return http::Response::json(200, w.take());
}

}  // namespace

void add_order_routes(App& app) {
  app.add({"POST", "/api/v1/orders", "Register a demand as a work order (honours Idempotency-Key)",
           kWriters},
          [&app](Call& call) { return create_order(app, call); });

  app.add(
      {"GET", "/api/v1/orders",
       "Orders visible to you: ?state=&unit=&region=&overdue=&q=&queue=new|due_soon|overdue&page=",
       auth::kStaff},
      [&app](Call& call) { return list_orders(app, call); });

  app.add({"GET", "/api/v1/orders/{id}", "One order with its units and timeline", auth::kStaff},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            http::Response out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = readable_order(s, *call.principal, *id);
              if (!c.ok()) return c.status();
              out = http::Response::json(
                  200, order_json(s, OrderView{c->order, c->units}, *call.principal, app.box(),
                                  *app.regions(), true));
              return Status::Ok();
            });
            return st.ok() ? out : http::error_response(st);
          });

  app.add({"POST", "/api/v1/orders/{id}/{action}",
           "An action on an order: triage, dispatch, accept, dispute, decide_dispute, extend, "
           "decide_extension, co_report, reply, callback, close, reopen",
           kWriters},
          [&app](Call& call) {
            return apply_case_action(
                app, call,
                {[](db::Session& s, const auth::Principal& who, int64_t id) {
                   return readable_order(s, who, id).status();
                 },
                 [&app](db::Session& s, const auth::Principal& who, const cases::CaseRecord& c) {
                   return order_json(s, c, who, app.box(), *app.regions(), true);
                 }});
          });

  app.add({"GET", "/api/v1/orders/{id}/contact",
           "The requester's full contact details (every read is audited)", kWriters},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            const auth::Principal& who = *call.principal;
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto c = readable_order(s, who, *id);
              if (!c.ok()) return c.status();
              bool centre = hotline::is_centre(who);
              bool lead = who.unit_id != 0 && who.unit_id == c->order.lead_unit_id;
              if (!centre && !(lead && !c->order.confidential)) {
                return Denied(c->order.confidential
                                  ? "the requester asked for confidentiality"
                                  : "only the centre and the lead unit see the contact");
              }
              auto requester = hotline::open_requester(app.box(), c->order.requester_sealed);
              if (!requester.ok()) return requester.status();
              out = {{"name", requester->name}, {"phone", requester->phone}};
              return audit::append(
                  s, app.clock(),
                  {who.actor(), "order.reveal_contact", "case:" + std::to_string(*id), "contact"});
            });
            if (!st.ok()) return http::error_response(st);
            auto r = json_response(200, out);
            r.set_header("Cache-Control", "no-store");
            return r;
          });
}

}  // namespace shegong::api
