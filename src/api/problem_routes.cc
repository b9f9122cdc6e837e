// 主动治理 / 每月一题 over the API.
#include <charconv>

#include "api/app.h"
#include "api/json_io.h"
#include "hotline/problems.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json problem_json(const hotline::Problem& p) {
  Json progress = Json::array();
  for (const auto& g : p.progress) {
    progress.push_back({{"month", g.month}, {"percent", g.percent}, {"note", g.note}});
  }
  return {{"id", p.id},
          {"title", p.title},
          {"description", p.description},
          {"region_code", regions::statistical_code(p.region_code)},
          {"month", p.month},
          {"lead_unit_id", p.lead_unit_id},
          {"order_ids", p.case_ids},
          {"progress", progress}};
}

template <typename F>
http::Response write(App& app, int status, F&& f) {
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto p = f(s);
    if (!p.ok()) return p.status();
    out = problem_json(*p);
    return Status::Ok();
  });
  return st.ok() ? json_response(status, out) : http::error_response(st);
}

}  // namespace

void add_problem_routes(App& app) {
  app.add({"GET", "/api/v1/problems", "Proactive-governance problems in your jurisdiction",
           auth::kStaff},
          [&app](Call& call) {
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto list = hotline::list_problems(s, call.principal->jurisdiction);
              if (!list.ok()) return list.status();
              for (const auto& p : *list) items.push_back(problem_json(p));
              return Status::Ok();
            });
          });

  app.add(
      {"POST", "/api/v1/problems",
       "Open a problem: {title, description, region_code, lead_unit_id, month}", kCentreRoles},
      [&app](Call& call) {
        auto body = parse_object(call.request);
        if (!body.ok()) return http::error_response(body.status());
        hotline::Problem p;
        for (auto [name, target, required] :
             {std::tuple{"title", &p.title, true}, std::tuple{"description", &p.description, false},
              std::tuple{"month", &p.month, true},
              std::tuple{"region_code", &p.region_code, true}}) {
          auto v = string_field(*body, name, required, 20000);
          if (!v.ok()) return http::error_response(v.status());
          if (*v) *target = **v;
        }
        auto region = app.regions()->resolve(p.region_code, "region_code");
        if (!region.ok())
          return http::error_response(
              Status(Code::kInvalidArgument, region.status().message(), "region_code"));
        p.region_code = *region;
        auto lead = body->find("lead_unit_id");
        if (lead == body->end() || !lead->is_number_integer()) {
          return http::error_response(Invalid("lead_unit_id", "the lead unit's id"));
        }
        p.lead_unit_id = lead->get<int64_t>();
        return write(app, 201, [&](db::Session& s) {
          return hotline::create_problem(s, app.clock(), *call.principal, p);
        });
      });

  app.add({"POST", "/api/v1/problems/{id}/orders", "Link orders to a problem: {order_ids}",
           kCentreRoles},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto list = id_list(*body, "order_ids");
            if (!list.ok()) return http::error_response(list.status());
            return write(app, 200, [&](db::Session& s) {
              return hotline::link_orders(s, app.clock(), *call.principal, *id, *list);
            });
          });

  app.add({"POST", "/api/v1/problems/{id}/progress", "Monthly progress: {month, percent, note}",
           kWriters},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto month = string_field(*body, "month", true, 7);
            auto note = string_field(*body, "note", true, 5000);
            if (!month.ok()) return http::error_response(month.status());
            if (!note.ok()) return http::error_response(note.status());
            auto percent = body->find("percent");
            if (percent == body->end() || !percent->is_number_integer()) {
              return http::error_response(Invalid("percent", "from 0 to 100"));
            }
            return write(app, 200, [&](db::Session& s) {
              return hotline::record_progress(s, app.clock(), *call.principal, *id, **month,
                                              percent->get<int64_t>(), **note);
            });
          });
}

}  // namespace shegong::api
