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
            Json out = principal_json(login->principal);
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

  app.add({"GET", "/api/v1/session", "Who is signed in", auth::RoleSet::all()},
          [](Call& call) { return json_response(200, principal_json(*call.principal)); });

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
