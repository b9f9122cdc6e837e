// The month's 三率 ranking of streets or of departments, within the caller's jurisdiction.
#include "api/app.h"
#include "api/json_io.h"
#include "hotline/rates.h"
#include "http/error_response.h"

namespace shegong::api {

void add_ranking_routes(App& app) {
  app.add({"GET", "/api/v1/rankings", "三率 ranking: ?period=YYYY-MM&level=street|department",
           auth::kStaff},
          [&app](Call& call) {
            std::string period(call.request.query_param("period"));
            if (!hotline::valid_period(period)) {
              return http::error_response(Invalid("period", "a month as YYYY-MM"));
            }
            std::string_view level = call.request.query_param("level");
            if (level != "street" && level != "department") {
              return http::error_response(Invalid("level", "street or department"));
            }
            Json items = Json::array();
            Json config;
            Status st = app.db().read([&](db::Session& s) {
              auto cfg = hotline::load_rate_config(s);
              if (!cfg.ok()) return cfg.status();
              config = {{"weight_response", cfg->weight_response},
                        {"weight_resolution", cfg->weight_resolution},
                        {"weight_satisfaction", cfg->weight_satisfaction},
                        {"basically_satisfied_credit", cfg->basically_satisfied_credit}};
              auto rows = hotline::ranking(s, period, level, call.principal->jurisdiction, *cfg);
              if (!rows.ok()) return rows.status();
              for (const auto& u : *rows) {
                items.push_back({{"rank", u.rank == 0 ? Json(nullptr) : Json(u.rank)},
                                 {"unit", {{"id", u.unit.id}, {"name", u.unit.name}}},
                                 {"dispatched", u.dispatched},
                                 {"responded_in_time", u.responded_in_time},
                                 {"callbacks", u.callbacks},
                                 {"solved", u.solved},
                                 {"satisfied", u.satisfied},
                                 {"basically_satisfied", u.basically_satisfied},
                                 {"unsatisfied", u.unsatisfied},
                                 {"overdue", u.overdue},
                                 {"response_rate", or_null(u.response_rate)},
                                 {"resolution_rate", or_null(u.resolution_rate)},
                                 {"satisfaction_rate", or_null(u.satisfaction_rate)},
                                 {"score", or_null(u.score)}});
              }
              return Status::Ok();
            });
            if (!st.ok()) return http::error_response(st);
            return json_response(
                200, {{"period", period}, {"level", level}, {"config", config}, {"items", items}});
          });
}

}  // namespace shegong::api
