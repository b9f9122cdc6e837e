// Administration of the hotline's data: units, dispatch rules and the SLA table. Admins change
// them within their jurisdiction; staff read them.
#include <charconv>

#include "api/app.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "hotline/sla.h"
#include "hotline/units.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json unit_json(const hotline::Unit& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"kind", u.kind},
          {"region_code", regions::statistical_code(u.region_code)},
          {"active", u.active}};
}

Json rule_json(const hotline::DispatchRule& r) {
  return {{"id", r.id},
          {"region_code", regions::statistical_code(r.region_code)},
          {"category", r.category},
          {"unit_id", r.unit_id}};
}

Json sla_json(const hotline::SlaRule& r) {
  return {{"id", r.id},
          {"urgency", r.urgency},
          {"category", r.category},
          {"dispatch_minutes", r.dispatch_minutes},
          {"response_minutes", r.response_minutes},
          {"handling_amount", r.handling_amount},
          {"handling_unit", r.handling_unit},
          {"reminder_minutes", r.reminder_minutes}};
}

Result<int64_t> int_member(const Json& b, const char* name, bool required, int64_t fallback = 0) {
  auto it = b.find(name);
  if (it == b.end() || it->is_null()) {
    if (required) return Invalid(name, "is required");
    return fallback;
  }
  if (!it->is_number_integer()) return Invalid(name, "must be a whole number");
  return it->get<int64_t>();
}

// Resolves a region in the body and checks it lies in the admin's jurisdiction.
Result<std::string> own_region(App& app, const auth::Principal& p, const Json& b) {
  auto raw = string_field(b, "region_code", true, 12);
  if (!raw.ok()) return raw.status();
  auto code = app.regions()->resolve(**raw, "region_code");
  if (!code.ok()) return Status(Code::kInvalidArgument, code.status().message(), "region_code");
  if (!p.covers(*code)) {
    return Status(Code::kPermissionDenied, "that region is outside your jurisdiction",
                  "region_code");
  }
  return code;
}

template <typename F>
http::Response write_json(App& app, int status, F&& body) {
  Json out;
  Status st = app.db().write([&](db::Session& s) { return body(s, out); });
  return st.ok() ? json_response(status, out) : http::error_response(st);
}

}  // namespace

void add_hotline_admin_routes(App& app) {
  constexpr auth::RoleSet kAdmin = {auth::Role::kAdmin};

  app.add({"GET", "/api/v1/units", "Units in your jurisdiction (?kind=)", auth::kStaff},
          [&app](Call& call) {
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto units = hotline::list_units(s, call.principal->jurisdiction,
                                               call.request.query_param("kind"));
              if (!units.ok()) return units.status();
              for (const auto& u : *units) items.push_back(unit_json(u));
              return Status::Ok();
            });
          });

  app.add({"POST", "/api/v1/units", "Register a unit: {name, kind, region_code}", kAdmin},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto name = string_field(*body, "name", true, 200);
            auto kind = string_field(*body, "kind", true, 20);
            if (!name.ok()) return http::error_response(name.status());
            if (!kind.ok()) return http::error_response(kind.status());
            auto region = own_region(app, *call.principal, *body);
            if (!region.ok()) return http::error_response(region.status());
            return write_json(app, 201, [&](db::Session& s, Json& out) {
              auto u = hotline::create_unit(s, {0, **name, **kind, *region, true});
              if (!u.ok()) return u.status();
              out = unit_json(*u);
              return audit::append(s, app.clock(),
                                   {call.principal->actor(), "unit.create",
                                    "unit:" + std::to_string(u->id), u->name});
            });
          });

  app.add({"PUT", "/api/v1/units/{id}", "Rename or (de)activate a unit: {name, active}", kAdmin},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto name = string_field(*body, "name", false, 200);
            if (!name.ok()) return http::error_response(name.status());
            auto active = body->find("active");
            if (active != body->end() && !active->is_boolean()) {
              return http::error_response(Invalid("active", "true or false"));
            }
            return write_json(app, 200, [&](db::Session& s, Json& out) {
              auto u = hotline::find_unit(s, *id);
              if (!u.ok()) return u.status();
              if (!*u || !call.principal->covers((*u)->region_code)) {
                return NotFound("no unit has the id " + std::to_string(*id));
              }
              hotline::Unit next = **u;
              if (*name) next.name = **name;
              if (active != body->end()) next.active = active->get<bool>();
              SHEGONG_RETURN_IF_ERROR(hotline::validate_unit(next));
              SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE units SET name = ?, active = ? WHERE id = ?",
                                             {next.name, int64_t{next.active}, next.id})
                                          .status());
              out = unit_json(next);
              return audit::append(s, app.clock(),
                                   {call.principal->actor(), "unit.update",
                                    "unit:" + std::to_string(next.id), out.dump()});
            });
          });

  app.add({"GET", "/api/v1/dispatch-rules", "Dispatch rules in your jurisdiction", auth::kStaff},
          [&app](Call& call) {
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto rules = hotline::list_dispatch_rules(s, call.principal->jurisdiction);
              if (!rules.ok()) return rules.status();
              for (const auto& r : *rules) items.push_back(rule_json(r));
              return Status::Ok();
            });
          });

  app.add(
      {"POST", "/api/v1/dispatch-rules",
       "Add or replace the rule for (region_code, category): {unit_id}", kAdmin},
      [&app](Call& call) {
        auto body = parse_object(call.request);
        if (!body.ok()) return http::error_response(body.status());
        auto region = own_region(app, *call.principal, *body);
        if (!region.ok()) return http::error_response(region.status());
        auto category = string_field(*body, "category", false, 400);
        if (!category.ok()) return http::error_response(category.status());
        auto unit = int_member(*body, "unit_id", true);
        if (!unit.ok()) return http::error_response(unit.status());
        return write_json(app, 201, [&](db::Session& s, Json& out) {
          // A unit outside the caller's jurisdiction is one they cannot see.
          auto named = hotline::find_unit(s, *unit);
          if (!named.ok()) return named.status();
          if (!*named || !call.principal->covers((*named)->region_code)) {
            return Invalid("unit_id", "no unit has the id " + std::to_string(*unit));
          }
          auto r = hotline::upsert_dispatch_rule(s, {0, *region, category->value_or(""), *unit});
          if (!r.ok()) return r.status();
          out = rule_json(*r);
          return audit::append(s, app.clock(),
                               {call.principal->actor(), "dispatch_rule.upsert",
                                "dispatch_rule:" + std::to_string(r->id), out.dump()});
        });
      });

  app.add({"DELETE", "/api/v1/dispatch-rules/{id}", "Remove a dispatch rule", kAdmin},
          [&app](Call& call) {
            auto id = id_param(call.request);
            if (!id.ok()) return http::error_response(id.status());
            return write_json(app, 200, [&](db::Session& s, Json& out) {
              auto rules = hotline::list_dispatch_rules(s, call.principal->jurisdiction);
              if (!rules.ok()) return rules.status();
              bool own = std::any_of(rules->begin(), rules->end(),
                                     [&](const hotline::DispatchRule& r) { return r.id == *id; });
              if (!own) return NotFound("no dispatch rule has the id " + std::to_string(*id));
              SHEGONG_RETURN_IF_ERROR(hotline::delete_dispatch_rule(s, *id));
              out = {{"deleted", *id}};
              return audit::append(s, app.clock(),
                                   {call.principal->actor(), "dispatch_rule.delete",
                                    "dispatch_rule:" + std::to_string(*id), ""});
            });
          });

  app.add({"GET", "/api/v1/categories",
           "The category taxonomy (three levels): ?parent= for the categories directly below one",
           auth::kStaff},
          [&app](Call& call) {
            const http::Request& r = call.request;
            bool one_level = r.has_query_param("parent");
            std::string parent(r.query_param("parent"));
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              auto rows = one_level ? s.query(
                                          "SELECT code, name, parent, level FROM categories "
                                          "WHERE parent = ? ORDER BY code",
                                          {parent})
                                    : s.query(
                                          "SELECT code, name, parent, level FROM categories "
                                          "ORDER BY code");
              if (!rows.ok()) return rows.status();
              for (const db::Row& row : *rows) {
                items.push_back({{"code", row.text(0)},
                                 {"name", row.text(1)},
                                 {"parent", row.text(2)},
                                 {"level", row.integer(3)}});
              }
              return Status::Ok();
            });
          });

  app.add({"GET", "/api/v1/sla-rules", "The deadline table", auth::kStaff}, [&app](Call&) {
    return read_items(app.db(), [&](db::Session& s, Json& items) {
      auto rules = hotline::list_sla_rules(s);
      if (!rules.ok()) return rules.status();
      for (const auto& r : *rules) items.push_back(sla_json(r));
      return Status::Ok();
    });
  });

  app.add({"PUT", "/api/v1/sla-rules",
           "Set the deadlines for (urgency, category); national admins only", kAdmin},
          [&app](Call& call) {
            if (!call.principal->jurisdiction.empty()) {
              return http::error_response(Denied("the deadline table is set nationally"));
            }
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            hotline::SlaRule r;
            auto urgency = string_field(*body, "urgency", true, 20);
            auto category = string_field(*body, "category", false, 400);
            auto unit = string_field(*body, "handling_unit", true, 20);
            for (const auto* f : {&urgency, &category, &unit}) {
              if (!f->ok()) return http::error_response(f->status());
            }
            r.urgency = **urgency;
            r.category = category->value_or("");
            r.handling_unit = **unit;
            for (auto [name, target] : {std::pair{"dispatch_minutes", &r.dispatch_minutes},
                                        std::pair{"response_minutes", &r.response_minutes},
                                        std::pair{"handling_amount", &r.handling_amount},
                                        std::pair{"reminder_minutes", &r.reminder_minutes}}) {
              auto v = int_member(*body, name, true);
              if (!v.ok()) return http::error_response(v.status());
              *target = *v;
            }
            return write_json(app, 200, [&](db::Session& s, Json& out) {
              auto saved = hotline::upsert_sla_rule(s, r);
              if (!saved.ok()) return saved.status();
              out = sla_json(*saved);
              return audit::append(s, app.clock(),
                                   {call.principal->actor(), "sla_rule.upsert",
                                    "sla_rule:" + std::to_string(saved->id), out.dump()});
            });
          });
}

}  // namespace shegong::api
