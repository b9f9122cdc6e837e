// User administration, scoped like everything else: an admin creates and lists users only inside
// their own jurisdiction.
#include "api/app.h"
#include "api/json_io.h"
#include "auth/users.h"
#include "hotline/units.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json user_json(const auth::User& u) {
  Json out = {{"id", u.id},
              {"username", u.username},
              {"display_name", u.display_name},
              {"role", auth::role_name(u.role)},
              {"jurisdiction", regions::statistical_code(u.jurisdiction)},
              {"disabled", u.disabled},
              {"unit_id", u.unit_id == 0 ? Json(nullptr) : Json(u.unit_id)}};
  if (!u.phone_masked.empty()) out["phone"] = u.phone_masked;
  return out;
}

// A colleague as the people of a unit see each other: no phone number, no jurisdiction.
Json colleague_json(const auth::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", auth::role_name(u.role)},
          {"unit_id", u.unit_id}};
}

// The unit a user is put in must be one of the admin's jurisdiction: a unit elsewhere is not
// theirs to see, and its orders would become the user's.
Status check_unit_in_reach(App& app, const auth::Principal& p, int64_t unit_id) {
  if (unit_id == 0) return Status::Ok();
  return app.db().read([&](db::Session& s) -> Status {
    auto unit = hotline::find_unit(s, unit_id);
    if (!unit.ok()) return unit.status();
    if (!*unit || !p.covers((*unit)->region_code)) {
      return Invalid("unit_id",
                     "no unit in your jurisdiction has the id " + std::to_string(unit_id));
    }
    return Status::Ok();
  });
}

}  // namespace

void add_user_routes(App& app) {
  app.add(
      {"POST", "/api/v1/users", "Create a user in your jurisdiction", {auth::Role::kAdmin}},
      [&app](Call& call) {
        auto body = parse_object(call.request);
        if (!body.ok()) return http::error_response(body.status());
        auth::NewUser in;
        struct Field {
          const char* name;
          std::string* target;
          bool required;
        };
        for (const Field& f :
             {Field{"username", &in.username, true}, Field{"password", &in.password, true},
              Field{"role", &in.role, true}, Field{"region_code", &in.region_code, true},
              Field{"display_name", &in.display_name, false}, Field{"phone", &in.phone, false}}) {
          auto v = string_field(*body, f.name, f.required, 256);
          if (!v.ok()) return http::error_response(v.status());
          if (*v) *f.target = **v;
        }
        if (auto unit = body->find("unit_id"); unit != body->end() && !unit->is_null()) {
          if (!unit->is_number_integer() || unit->get<int64_t>() <= 0) {
            return http::error_response(Invalid("unit_id", "a unit id"));
          }
          in.unit_id = unit->get<int64_t>();
        }
        if (Status reach = check_unit_in_reach(app, *call.principal, in.unit_id); !reach.ok())
          return http::error_response(reach);
        auto region = app.regions()->resolve(in.region_code, "region_code");
        if (!region.ok()) return http::error_response(region.status());
        if (!call.principal->covers(*region)) {
          return http::error_response(Status(Code::kPermissionDenied,
                                             "you can create users only inside your jurisdiction",
                                             "region_code"));
        }
        auto user =
            auth::create_user(app.db(), app.clock(), app.box(), in, call.principal->actor());
        if (!user.ok()) {
          Status st = user.status();
          if (st.field() == "region") st = Status(st.code(), st.message(), "region_code");
          return http::error_response(st);
        }
        return json_response(201, user_json(*user));
      });

  app.add({"GET",
           "/api/v1/users",
           "Users in your jurisdiction",
           {auth::Role::kAdmin, auth::Role::kLeader}},
          [&app](Call& call) {
            auto users = auth::list_users(app.db(), app.box(), call.principal->jurisdiction, 500);
            if (!users.ok()) return http::error_response(users.status());
            Json items = Json::array();
            for (const auth::User& u : *users) items.push_back(user_json(u));
            return json_response(200, {{"items", items}});
          });

  // Whom a petition or an order can be given to inside a unit: its staff list their own
  // colleagues; admins and leaders the staff of any unit in their jurisdiction.
  app.add(
      {"GET", "/api/v1/units/{id}/users",
       "The active users who work for a unit: your own unit's, or (admins and leaders) any unit "
       "in your jurisdiction",
       auth::kStaff},
      [&app](Call& call) {
        auto id = id_param(call.request);
        if (!id.ok()) return http::error_response(id.status());
        const auth::Principal& p = *call.principal;
        std::optional<hotline::Unit> unit;
        Status found = app.db().read([&](db::Session& s) {
          auto u = hotline::find_unit(s, *id);
          if (!u.ok()) return u.status();
          unit = std::move(u).value();
          return Status::Ok();
        });
        if (!found.ok()) return http::error_response(found);
        if (!unit)
          return http::error_response(NotFound("no unit has the id " + std::to_string(*id)));
        const bool overseer = p.role == auth::Role::kAdmin || p.role == auth::Role::kLeader;
        if (p.unit_id != *id && !(overseer && p.covers(unit->region_code))) {
          return http::error_response(Status(
              Code::kPermissionDenied,
              "only the unit's own staff, and admins and leaders whose jurisdiction holds it, "
              "list its users",
              "id"));
        }
        auto users = auth::list_unit_users(app.db(), app.box(), *id, 500);
        if (!users.ok()) return http::error_response(users.status());
        Json items = Json::array();
        for (const auth::User& u : *users)
          if (!u.disabled) items.push_back(colleague_json(u));
        return json_response(200, {{"items", items}});
      });

  app.add(
      {"PUT",
       "/api/v1/users/{id}",
       "Change a user in your jurisdiction: {role, region_code, unit_id, display_name, disabled}",
       {auth::Role::kAdmin}},
      [&app](Call& call) {
        auto id = id_param(call.request, "id");
        if (!id.ok()) return http::error_response(id.status());
        auto body = parse_object(call.request);
        if (!body.ok()) return http::error_response(body.status());
        const auth::Principal& p = *call.principal;
        auto user = auth::find_user_by_id(app.db(), app.box(), *id);
        if (!user.ok()) return http::error_response(user.status());
        if (!*user || !p.covers((*user)->jurisdiction)) {
          return http::error_response(
              NotFound("no user in your jurisdiction has the id " + std::to_string(*id)));
        }
        if ((*user)->id == p.user_id && body->contains("disabled")) {
          return http::error_response(Invalid("disabled", "you cannot disable yourself"));
        }
        auth::UserChange change;
        for (auto [name, target] :
             {std::pair{"role", &change.role}, std::pair{"display_name", &change.display_name}}) {
          auto v = string_field(*body, name, false, 100);
          if (!v.ok()) return http::error_response(v.status());
          if (*v) *target = **v;
        }
        auto region = string_field(*body, "region_code", false, 20);
        if (!region.ok()) return http::error_response(region.status());
        if (*region) {
          auto code = app.regions()->resolve(**region, "region_code");
          if (!code.ok()) return http::error_response(code.status());
          if (!p.covers(*code)) {
            return http::error_response(Status(Code::kPermissionDenied,
                                               "that region is outside your jurisdiction",
                                               "region_code"));
          }
          change.region_code = *code;
        }
        if (body->contains("unit_id")) {
          auto unit = int_member(*body, "unit_id", 0, 0, INT64_MAX);
          if (!unit.ok()) return http::error_response(unit.status());
          if (Status reach = check_unit_in_reach(app, p, *unit); !reach.ok())
            return http::error_response(reach);
          change.unit_id = *unit;
        }
        if (body->contains("disabled")) {
          auto disabled = bool_member(*body, "disabled", false);
          if (!disabled.ok()) return http::error_response(disabled.status());
          change.disabled = *disabled;
        }
        auto updated = auth::update_user(app.db(), app.clock(), app.box(), *id, change, p.actor());
        if (!updated.ok()) return http::error_response(updated.status());
        app.credentials().forget_user(*id);
        return json_response(200, user_json(*updated));
      });
}

}  // namespace shegong::api
