// Browser sign-in: POST opens a session (HttpOnly cookie + CSRF token in the body), GET says who
// is signed in, DELETE signs out.
#include "api/app.h"
#include "api/json_io.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json principal_json(const auth::Principal& p) {
  return {{"user_id", p.user_id},
          {"username", p.username},
          {"role", auth::role_name(p.role)},
          {"jurisdiction", regions::statistical_code(p.jurisdiction)}};
}

// What a signed-in page needs besides the principal: the user's name for display and the unit they
// work for, and for a browser session its CSRF token (so a reloaded page can write again).
Result<Json> session_json(db::Db& db, const auth::Principal& p) {
  Json out = principal_json(p);
  out["display_name"] = p.username;
  out["unit"] = nullptr;
  Status st = db.read([&](db::Session& s) {
    auto rows = s.query(
        "SELECT u.display_name, n.id, n.name, n.kind FROM users u LEFT JOIN units n ON n.id = "
        "u.unit_id WHERE u.id = ?",
        {p.user_id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    const db::Row& r = (*rows)[0];
    if (!r.text(0).empty()) out["display_name"] = r.text(0);
    if (!r.is_null(1))
      out["unit"] = {{"id", r.integer(1)}, {"name", r.text(2)}, {"kind", r.text(3)}};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (p.via_session) out["csrf_token"] = p.csrf_token;
  return out;
}

}  // namespace

void add_session_routes(App& app) {
  app.add({"POST", "/api/v1/session", "Sign in with user name and password", {}, true},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto username = string_field(*body, "username", true, 64);
            if (!username.ok()) return http::error_response(username.status());
            auto password = string_field(*body, "password", true, 256);
            if (!password.ok()) return http::error_response(password.status());
            auto login = app.credentials().login(**username, **password);
            if (!login.ok()) return http::error_response(login.status());
            auto session = session_json(app.db(), login->principal);
            if (!session.ok()) return http::error_response(session.status());
            Json out = std::move(*session);
            out["csrf_token"] = login->csrf_token;
            out["expires_at_ms"] = login->expires_at_ms;
            auto r = json_response(201, out);
            int64_t max_age = (login->expires_at_ms - app.clock().now_ms()) / 1000;
            r.set_header("Set-Cookie", "sg_session=" + login->session_id +
                                           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                           std::to_string(max_age));
            r.set_header("Cache-Control", "no-store");
            return r;
          });

  app.add({"GET", "/api/v1/session",
           "Who is signed in: name, role, jurisdiction, unit, and a browser session's CSRF token",
           auth::RoleSet::all()},
          [&app](Call& call) {
            auto out = session_json(app.db(), *call.principal);
            if (!out.ok()) return http::error_response(out.status());
            auto r = json_response(200, *out);
            r.set_header("Cache-Control", "no-store");
            return r;
          });

  app.add({"DELETE", "/api/v1/session", "Sign out", auth::RoleSet::all()}, [&app](Call& call) {
    Status st = app.credentials().logout(call.request.cookie("sg_session"), *call.principal);
    if (!st.ok()) return http::error_response(st);
    auto r = http::Response::json(204, "");
    r.content_type.clear();
    r.set_header("Set-Cookie", "sg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return r;
  });
}

}  // namespace shegong::api
