// Orders per place, for the leaders' map and treemap: the children of a region with how many
// orders each has (received in a month, or all), how many are open and how many overdue — one
// grouped query instead of one request per district or street. Scoped like the order list.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_filter.h"
#include "http/error_response.h"
#include "petitions/indicators.h"

namespace shegong::api {

namespace {

// Length of the short codes one level below `code`.
size_t child_length(std::string_view code) {
  switch (code.size()) {
    case 0:
      return 2;
    case 2:
      return 4;
    case 4:
      return 6;
    case 6:
      return 9;
    default:
      return 12;
  }
}

}  // namespace

void add_order_count_routes(App& app) {
  app.add(
      {"GET", "/api/v1/order-counts",
       "Orders per child region of ?region= (default: your jurisdiction), ?period=YYYY-MM for "
       "orders received in a month; the order list's other filters apply",
       auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        auto tree = app.regions();
        std::string region = p.jurisdiction;
        if (call.request.has_query_param("region")) {
          auto code = tree->resolve(call.request.query_param("region"), "region");
          if (!code.ok()) return http::error_response(code.status());
          region = *code;
        }
        if (region.size() >= 12) {
          return http::error_response(Invalid("region", "a community has no places below it"));
        }
        auto f = order_filter(app, p, call.request);  // checks ?region= against the caller
        if (!f.ok()) return http::error_response(f.status());
        if (!call.request.has_query_param("region")) {
          f->where += " AND region_code >= ? AND region_code < ?";
          f->params.emplace_back(region);
          f->params.emplace_back(region + ":");
        }
        if (call.request.has_query_param("period")) {
          auto range =
              petitions::month_range(std::string(call.request.query_param("period")), "period");
          if (!range.ok()) return http::error_response(range.status());
          f->where += " AND received_at_ms >= ? AND received_at_ms < ?";
          f->params.emplace_back(range->first);
          f->params.emplace_back(range->second);
        }
        size_t len = child_length(region);
        Json items = Json::array();
        int64_t total = 0;
        Status st = app.db().read([&](db::Session& s) {
          const std::string open =
              "sum(CASE WHEN state IN ('registered', 'dispatched', 'accepted') THEN 1 ELSE 0 END)";
          auto rows = s.query("SELECT substr(region_code, 1, " + std::to_string(len) +
                                  ") AS place, count(*), " + open +
                                  ", sum(overdue) FROM cases "
                                  "WHERE " +
                                  f->where + " GROUP BY place ORDER BY 2 DESC",
                              f->params);
          if (!rows.ok()) return rows.status();
          for (const db::Row& r : *rows) {
            auto place = tree->find(r.text(0));
            total += r.integer(1);
            items.push_back({{"code", regions::statistical_code(r.text(0))},
                             {"name", place ? std::string(place->name) : r.text(0)},
                             {"orders", r.integer(1)},
                             {"open", r.integer(2)},
                             {"overdue", r.integer(3)}});
          }
          return Status::Ok();
        });
        if (!st.ok()) return http::error_response(st);
        return json_response(
            200,
            {{"region", regions::statistical_code(region)}, {"total", total}, {"items", items}});
      });
}

}  // namespace shegong::api
