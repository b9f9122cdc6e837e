// 街乡吹哨、部门报到 over the API.
#include <charconv>

#include "api/app.h"
#include "api/json_io.h"
#include "hotline/rates.h"
#include "hotline/whistles.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json whistle_json(const hotline::Whistle& w) {
  Json calls = Json::array();
  for (const auto& c : w.calls) {
    calls.push_back(
        {{"unit_id", c.unit_id},
         {"arrived_at",
          c.arrived_at_ms == 0 ? Json(nullptr) : Json(format_utc_iso8601(c.arrived_at_ms))},
         {"in_time", c.in_time}});
  }
  return {{"id", w.id},
          {"street_unit_id", w.input.street_unit_id},
          {"order_id", w.input.case_id == 0 ? Json(nullptr) : Json(w.input.case_id)},
          {"kind", w.input.kind},
          {"note", w.input.note},
          {"blown_at", format_utc_iso8601(w.blown_at_ms)},
          {"arrive_within_minutes", w.arrive_within_minutes},
          {"calls", calls}};
}

}  // namespace

void add_whistle_routes(App& app) {
  app.add({"POST",
           "/api/v1/whistles",
           "A street summons departments: {street_unit_id, kind, note, unit_ids, order_id}",
           {auth::Role::kStreetStaff, auth::Role::kAdmin}},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            hotline::WhistleInput in;
            auto kind = string_field(*body, "kind", true, 20);
            auto note = string_field(*body, "note", true, 2000);
            if (!kind.ok()) return http::error_response(kind.status());
            if (!note.ok()) return http::error_response(note.status());
            in.kind = **kind;
            in.note = **note;
            for (auto [name, target, required] :
                 {std::tuple{"street_unit_id", &in.street_unit_id, true},
                  std::tuple{"order_id", &in.case_id, false}}) {
              auto it = body->find(name);
              if (it == body->end() || it->is_null()) {
                if (required) return http::error_response(Invalid(name, "is required"));
                continue;
              }
              if (!it->is_number_integer()) return http::error_response(Invalid(name, "an id"));
              *target = it->get<int64_t>();
            }
            auto units = id_list(*body, "unit_ids");
            if (!units.ok()) return http::error_response(units.status());
            in.unit_ids = std::move(units).value();
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto w = hotline::blow_whistle(s, app.clock(), *call.principal, in);
              if (!w.ok()) return w.status();
              out = whistle_json(*w);
              return Status::Ok();
            });
            return st.ok() ? json_response(201, out) : http::error_response(st);
          });

  app.add({"POST", "/api/v1/whistles/{id}/arrivals", "A summoned unit reports arrival: {unit_id}",
           kWriters},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto unit = body->find("unit_id");
            if (unit == body->end() || !unit->is_number_integer()) {
              return http::error_response(Invalid("unit_id", "the arriving unit's id"));
            }
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto w = hotline::record_arrival(s, app.clock(), *call.principal, *id,
                                               unit->get<int64_t>());
              if (!w.ok()) return w.status();
              out = whistle_json(*w);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"GET", "/api/v1/whistle-scores",
           "Whistle scores of a month, both sides: ?period=YYYY-MM", auth::kStaff},
          [&app](Call& call) {
            std::string period(call.request.query_param("period"));
            if (!hotline::valid_period(period)) {
              return http::error_response(Invalid("period", "a month as YYYY-MM"));
            }
            Json items = Json::array();
            Status st = app.db().read([&](db::Session& s) {
              auto scores = hotline::whistle_scores(s, period, call.principal->jurisdiction);
              if (!scores.ok()) return scores.status();
              for (const auto& sc : *scores) {
                items.push_back({{"unit_id", sc.unit_id},
                                 {"unit", sc.unit_name},
                                 {"side", sc.side},
                                 {"calls", sc.calls},
                                 {"in_time", sc.in_time},
                                 {"late", sc.late},
                                 {"missing", sc.missing},
                                 {"rate", sc.rate}});
              }
              return Status::Ok();
            });
            return st.ok() ? json_response(200, {{"period", period}, {"items", items}})
                           : http::error_response(st);
          });
}

}  // namespace shegong::api
