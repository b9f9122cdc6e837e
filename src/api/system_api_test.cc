// Health, metrics, the API description, the placeholder UI, and a clean stop.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class SystemApi : public E2eTest {};

TEST_F(SystemApi, HealthzMetricsAndRequestIds) {
  auto h = http().Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(Json::parse(h->body)["status"], "ok");
  EXPECT_EQ(h->get_header_value("X-Request-Id").size(), 16u);
  auto echoed = http().Get("/healthz", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(echoed->get_header_value("X-Request-Id"), "trace-123");

  for (int i = 0; i < 3; ++i) http().Get("/api/v1/regions/110101", as("admin"));
  auto m = http().Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_NE(m->body.find(
                "shegong_http_requests_total{route=\"GET /api/v1/regions/{code}\",code=\"2xx\"} 3"),
            std::string::npos)
      << m->body;
  EXPECT_NE(
      m->body.find(
          "shegong_http_request_duration_seconds_bucket{route=\"GET /healthz\",le=\"+Inf\"} 2"),
      std::string::npos);
}

TEST_F(SystemApi, OpenApiListsTheRoutes) {
  auto r = http().Get("/openapi.json");
  ASSERT_TRUE(r);
  Json doc = Json::parse(r->body);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_TRUE(doc["paths"].contains("/api/v1/regions/{code}"));
  EXPECT_TRUE(doc["paths"]["/api/v1/session"].contains("post"));
}

TEST_F(SystemApi, ServesThePlaceholderPage) {
  auto r = http().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(r->body.find("shegong"), std::string::npos);
  EXPECT_EQ(http().Get("/../etc/passwd")->status, 404);
}

TEST_F(SystemApi, SigtermStopsCleanlyAndDataSurvives) {
  auto r = http().Post(
      "/api/v1/users", as("admin"),
      R"({"username":"before.stop","password":"a-long-password","role":"leader","region_code":"110101"})",
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201);
  EXPECT_EQ(server_->stop(SIGTERM), 0);
  start_server();
  auto list = http().Get("/api/v1/users", as("admin"));
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("before.stop"), std::string::npos);
}

}  // namespace
}  // namespace shegong::testing
