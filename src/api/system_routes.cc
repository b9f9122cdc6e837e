// Health, metrics and the API description: what operators and integrators poll.
#include "api/app.h"
#include "api/json_io.h"

namespace shegong::api {

void add_system_routes(App& app) {
  app.add({"GET", "/healthz", "Liveness and storage check", {}, /*is_public=*/true}, [&app](Call&) {
    Status st = app.db().read([](db::Session& s) { return s.query("SELECT 1").status(); });
    if (!st.ok()) {
      return json_response(503, {{"status", "unavailable"}, {"reason", st.message()}});
    }
    return json_response(200, {{"status", "ok"}, {"storage", app.db().engine()}});
  });

  app.add({"GET", "/metrics", "Prometheus metrics", {}, true}, [&app](Call&) {
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = app.render_metrics();
    return r;
  });

  app.add({"GET", "/openapi.json", "This description", {}, true}, [&app](Call&) {
    Json paths = Json::object();
    for (const RouteSpec& spec : app.routes()) {
      std::string method = spec.method;
      for (auto& c : method) c = static_cast<char>(std::tolower(c));
      Json op = {{"summary", spec.summary}};
      if (spec.is_public) {
        op["security"] = Json::array();
      } else {
        Json roles = Json::array();
        for (int r = 0; r < auth::kRoleCount; ++r) {
          if (spec.roles.contains(static_cast<auth::Role>(r))) {
            roles.push_back(auth::role_name(static_cast<auth::Role>(r)));
          }
        }
        op["x-roles"] = roles;
      }
      Json params = Json::array();
      for (size_t pos = spec.pattern.find('{'); pos != std::string::npos;
           pos = spec.pattern.find('{', pos + 1)) {
        std::string name = spec.pattern.substr(pos + 1, spec.pattern.find('}', pos) - pos - 1);
        params.push_back(
            {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
      }
      if (!params.empty()) op["parameters"] = params;
      paths[spec.pattern][method] = op;
    }
    Json doc = {
        {"openapi", "3.0.3"},
        {"info", {{"title", "shegong API"}, {"version", "v1"}}},
        {"components",
         {{"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
            {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "sg_session"}}}}}}},
        {"security", Json::array({{{"bearer", Json::array()}}, {{"session", Json::array()}}})},
        {"paths", paths}};
    return json_response(200, doc);
  });
}

}  // namespace shegong::api
