#include "http/request.h"

#include <gtest/gtest.h>

namespace shegong::http {
namespace {

TEST(Request, DecodesPathAndQuery) {
  Request r;
  r.target = "/api/v1/regions?q=%E4%B8%9C%E5%8D%8E%E9%97%A8&within=110101&x=a+b";
  parse_target(r);
  EXPECT_FALSE(r.malformed_target);
  EXPECT_EQ(r.path, "/api/v1/regions");
  EXPECT_EQ(r.query_param("q"), "东华门");
  EXPECT_EQ(r.query_param("within"), "110101");
  EXPECT_EQ(r.query_param("x"), "a b");
  EXPECT_TRUE(r.has_query_param("within"));
  EXPECT_FALSE(r.has_query_param("nope"));
}

TEST(Request, RejectsBadEscapesInvalidUtf8AndNul) {
  for (const char* target : {"/a%zz", "/a%", "/a%e", "/x?q=%ff%fe", "/x%00y", "/x?q=%C0%80"}) {
    Request r;
    r.target = target;
    parse_target(r);
    EXPECT_TRUE(r.malformed_target) << target;
  }
}

TEST(Request, HeadersAreCaseInsensitiveAndCookiesParse) {
  Request r;
  r.headers = {{"cookie", "a=1; sg_session=abc; b=2"}, {"x-request-id", "r1"}};
  EXPECT_EQ(r.header("X-Request-ID"), "r1");
  EXPECT_EQ(r.cookie("sg_session"), "abc");
  EXPECT_EQ(r.cookie("b"), "2");
  EXPECT_EQ(r.cookie("c"), "");
}

}  // namespace
}  // namespace shegong::http
