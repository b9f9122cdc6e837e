// Authentication and authorization over every route the server has: the routes are read from the
// server's own /openapi.json, so a route added later is covered without touching this file.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

struct Route {
  std::string method, pattern;
  bool is_public;
  std::vector<std::string> roles;
};

class AuthApi : public E2eTest {
 protected:
  std::vector<Route> routes() {
    auto r = http().Get("/openapi.json");
    EXPECT_TRUE(r && r->status == 200);
    Json doc = Json::parse(r->body);
    std::vector<Route> out;
    for (auto& [pattern, ops] : doc["paths"].items()) {
      for (auto& [method, op] : ops.items()) {
        Route route{method, pattern, op.contains("security"), {}};
        for (auto& m : route.method) m = static_cast<char>(std::toupper(m));
        if (op.contains("x-roles")) route.roles = op["x-roles"].get<std::vector<std::string>>();
        out.push_back(route);
      }
    }
    EXPECT_GE(out.size(), 10u);
    return out;
  }
  // A concrete path for a pattern: {code} -> a region inside every test user's reach.
  static std::string concrete(const std::string& pattern) {
    std::string p = pattern;
    for (size_t at; (at = p.find('{')) != std::string::npos;) {
      p.replace(at, p.find('}', at) - at + 1, "110101001");
    }
    return p;
  }
  httplib::Result send(const Route& route, const httplib::Headers& headers) {
    std::string path = concrete(route.pattern);
    if (route.method == "GET") return http().Get(path.c_str(), headers);
    if (route.method == "POST") return http().Post(path.c_str(), headers, "{}", "application/json");
    if (route.method == "PUT") return http().Put(path.c_str(), headers, "{}", "application/json");
    if (route.method == "PATCH")
      return http().Patch(path.c_str(), headers, "{}", "application/json");
    return http().Delete(path.c_str(), headers);
  }
};

TEST_F(AuthApi, EveryNonPublicRouteNeedsCredentials) {
  for (const Route& route : routes()) {
    if (route.is_public) continue;
    for (const httplib::Headers& headers :
         {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer sgt_not-a-real-token"}},
          httplib::Headers{{"Authorization", "Basic YWRtaW46eA=="}},
          httplib::Headers{{"Cookie", "sg_session=forged"}}}) {
      auto r = send(route, headers);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 401) << route.method << " " << route.pattern;
      EXPECT_EQ(Json::parse(r->body)["error"]["code"], "unauthenticated");
    }
  }
}

TEST_F(AuthApi, EveryRouteRefusesRolesItDoesNotAdmit) {
  const std::map<std::string, std::string> user_of_role = {{"admin", "admin"},
                                                           {"department_staff", "district"},
                                                           {"street_staff", "street"},
                                                           {"leader", "leader"},
                                                           {"volunteer", "volunteer"}};
  int checked = 0;
  for (const Route& route : routes()) {
    if (route.is_public || (route.method == "DELETE" && route.pattern == "/api/v1/session")) {
      continue;
    }
    for (const auto& [role, user] : user_of_role) {
      bool admitted = std::find(route.roles.begin(), route.roles.end(), role) != route.roles.end();
      auto r = send(route, as(user));
      ASSERT_TRUE(r);
      if (admitted) {
        EXPECT_NE(r->status, 401) << role << " " << route.method << " " << route.pattern;
        Json body = Json::parse(r->body, nullptr, false);  // some routes answer with files
        if (!body.is_object()) body = Json::object();
        EXPECT_NE(body.value("/error/code"_json_pointer, ""), "permission_denied")
            << role << " " << route.method << " " << route.pattern << " " << r->body;
      } else {
        EXPECT_EQ(r->status, 403) << role << " " << route.method << " " << route.pattern;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 5);
}

TEST_F(AuthApi, BrowserSessionNeedsCsrfOnWritesAndEndsOnLogout) {
  auto login =
      http().Post("/api/v1/session", R"({"username":"district_admin","password":"fixture-pass-1"})",
                  "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 201) << login->body;
  std::string cookie = login->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string session = cookie.substr(0, cookie.find(';'));
  std::string csrf = Json::parse(login->body)["csrf_token"];

  auto me = http().Get("/api/v1/session", {{"Cookie", session}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(Json::parse(me->body)["jurisdiction"], "110101000000");

  std::string new_user =
      R"({"username":"jingshan.worker","password":"a-long-password","role":"community_staff","region_code":"110101002001"})";
  auto no_csrf = http().Post("/api/v1/users", {{"Cookie", session}}, new_user, "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(Json::parse(no_csrf->body)["error"]["code"], "csrf_failed");

  auto created = http().Post("/api/v1/users", {{"Cookie", session}, {"X-CSRF-Token", csrf}},
                             new_user, "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;

  auto out = http().Delete("/api/v1/session", {{"Cookie", session}, {"X-CSRF-Token", csrf}});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  auto after = http().Get("/api/v1/session", {{"Cookie", session}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(AuthApi, FailedLoginsBackOff) {
  std::string bad = R"({"username":"street","password":"wrong-password"})";
  for (int i = 0; i < 4; ++i) {
    auto r = http().Post("/api/v1/session", bad, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
  }
  auto locked =
      http().Post("/api/v1/session", R"({"username":"street","password":"fixture-pass-1"})",
                  "application/json");
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 429);
  const Json error = Json::parse(locked->body)["error"];
  EXPECT_EQ(error["code"], "too_many_requests");
  // The wait the message names, in seconds, is the Retry-After a client or the login screen uses.
  const std::string message = error["message"];
  const std::string retry_after = locked->get_header_value("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GT(std::stoi(retry_after), 0);
  EXPECT_NE(message.find("try again in " + retry_after + " s"), std::string::npos) << message;
}

TEST_F(AuthApi, AdminsCreateUsersOnlyInsideTheirJurisdiction) {
  auto post = [&](const std::string& user, const std::string& body) {
    auto r = http().Post("/api/v1/users", as(user), body, "application/json");
    EXPECT_TRUE(r);
    return std::make_pair(r->status, Json::parse(r->body));
  };
  auto [s1, outside] = post(
      "district_admin",
      R"({"username":"xc.worker","password":"a-long-password","role":"community_staff","region_code":"110102001004"})");
  EXPECT_EQ(s1, 403);
  EXPECT_EQ(outside["error"]["field"], "region_code");
  auto [s2, missing] = post(
      "admin", R"({"username":"no.role","password":"a-long-password","region_code":"110101"})");
  EXPECT_EQ(s2, 400);
  EXPECT_EQ(missing["error"]["field"], "role");
  auto [s3, weak] =
      post("admin",
           R"({"username":"weak.pw","password":"short","role":"leader","region_code":"110101"})");
  EXPECT_EQ(s3, 400);
  EXPECT_EQ(weak["error"]["field"], "password");
  auto [s4, phone] = post(
      "admin",
      R"({"username":"with.phone","password":"a-long-password","role":"leader","region_code":"110101","phone":"13812345678"})");
  EXPECT_EQ(s4, 201);
  EXPECT_EQ(phone["phone"], "138****5678");
  auto [s5, taken] = post(
      "admin",
      R"({"username":"with.phone","password":"a-long-password","role":"leader","region_code":"110101"})");
  EXPECT_EQ(s5, 409);
  EXPECT_EQ(taken["error"]["field"], "username");

  // Lists are scoped the same way.
  auto list = http().Get("/api/v1/users", as("leader"));
  ASSERT_TRUE(list);
  for (const auto& u : Json::parse(list->body)["items"]) {
    EXPECT_EQ(u["jurisdiction"].get<std::string>().rfind("110101", 0), 0u) << u;
  }
  auto audit = http().Get("/api/v1/audit/verify", as("admin"));
  ASSERT_TRUE(audit);
  EXPECT_EQ(Json::parse(audit->body)["ok"], true);
}

}  // namespace
}  // namespace shegong::testing
