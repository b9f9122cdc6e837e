#include "http/router.h"

#include <gtest/gtest.h>

namespace shegong::http {
namespace {

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router r;
  int get = r.add("GET", "/api/v1/regions/{code}");
  int children = r.add("GET", "/api/v1/regions/{code}/children");
  auto m = r.match("GET", "/api/v1/regions/110101001");
  ASSERT_EQ(m.route, get);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "code");
  EXPECT_EQ(m.params[0].second, "110101001");
  EXPECT_EQ(r.match("GET", "/api/v1/regions/11/children").route, children);
}

TEST(Router, LiteralBeatsParameter) {
  Router r;
  r.add("GET", "/api/v1/orders/{id}");
  int stats = r.add("GET", "/api/v1/orders/stats");
  EXPECT_EQ(r.match("GET", "/api/v1/orders/stats").route, stats);
}

TEST(Router, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  Router r;
  r.add("GET", "/api/v1/session");
  r.add("POST", "/api/v1/session");
  r.add("DELETE", "/api/v1/session");
  EXPECT_EQ(r.match("GET", "/nope").status, 404);
  auto m = r.match("PUT", "/api/v1/session");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, POST, DELETE");
}

TEST(Router, HeadIsServedByGet) {
  Router r;
  int get = r.add("GET", "/healthz");
  EXPECT_EQ(r.match("HEAD", "/healthz").route, get);
}

TEST(Router, EmptySegmentsAndTrailingSlashesAreIgnored) {
  Router r;
  int h = r.add("GET", "/healthz");
  EXPECT_EQ(r.match("GET", "/healthz/").route, h);
  EXPECT_EQ(r.match("GET", "//healthz").route, h);
  EXPECT_EQ(r.match("GET", "/healthz/x").status, 404);
}

}  // namespace
}  // namespace shegong::http
