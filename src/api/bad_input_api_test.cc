// Bad input of every kind gets the JSON error format and a 4xx status, the server stays up, and
// nothing is written.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class BadInput : public E2eTest {
 protected:
  // Sends raw bytes and returns the raw response (the server closes after an error).
  std::string raw(const std::string& bytes) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = send(fd, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    shutdown(fd, SHUT_WR);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, n);
    close(fd);
    return out;
  }
  static int status_of(const std::string& response) {
    return response.size() > 12 ? std::stoi(response.substr(9, 3)) : -1;
  }
  static Json body_of(const std::string& response) {
    size_t at = response.find("\r\n\r\n");
    return Json::parse(at == std::string::npos ? "null" : response.substr(at + 4), nullptr, false);
  }
  void expect_alive() {
    auto r = http().Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  int64_t user_count() {
    auto r = http().Get("/api/v1/users", as("admin"));
    return r ? static_cast<int64_t>(Json::parse(r->body)["items"].size()) : -1;
  }
  std::pair<int, Json> post_users(const std::string& body) {
    auto r = http().Post("/api/v1/users", as("admin"), body, "application/json");
    EXPECT_TRUE(r);
    return {r->status, Json::parse(r->body, nullptr, false)};
  }
};

TEST_F(BadInput, MalformedJsonNamesTheBody) {
  int64_t before = user_count();
  for (const std::string& body :
       {std::string("{bad json"), std::string("[1,2]"), std::string(""),
        std::string("{\"username\": \"x\xff\"}"), std::string("null"),
        std::string(R"({"": {}})"),  // a member without a name, which no error could name
        // A whole request, then a NUL byte and junk: still malformed.
        std::string(R"({"username":"nul.worker","password":"a-long-password",)"
                    R"("role":"community_staff","region_code":"110101002001"})") +
            std::string("\0junk", 5)}) {
    auto [status, j] = post_users(body);
    EXPECT_EQ(status, 400) << body;
    EXPECT_EQ(j["error"]["field"], "body") << body;
  }
  auto [status, j] = post_users(R"({"username": 12})");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(j["error"]["field"], "username");
  EXPECT_EQ(user_count(), before);
  expect_alive();
}

TEST_F(BadInput, OversizedBodyIs413) {
  std::string big(2 * 1024 * 1024, 'a');
  std::string response =
      raw("POST /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          "Content-Length: " +
          std::to_string(big.size()) + "\r\n\r\n" + big);
  EXPECT_EQ(status_of(response), 413) << response.substr(0, 200);
  EXPECT_EQ(body_of(response)["error"]["code"], "payload_too_large");
  expect_alive();
}

TEST_F(BadInput, OversizedHeadersAre431) {
  std::string response =
      raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'h') + "\r\n\r\n");
  EXPECT_EQ(status_of(response), 431) << response.substr(0, 200);
  EXPECT_EQ(body_of(response)["error"]["code"], "headers_too_large");
  expect_alive();
}

TEST_F(BadInput, GarbageIs400) {
  std::string response = raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(status_of(response), 400) << response;
  EXPECT_TRUE(body_of(response)["error"].is_object());
  expect_alive();
}

TEST_F(BadInput, InvalidUtf8InThePathOrQueryIs400) {
  for (const char* target : {"/api/v1/regions/%ff%fe", "/api/v1/regions?q=%C0%80",
                             "/api/v1/regions/%zz", "/api/v1/regions?q=%E4%B8"}) {
    std::string response =
        raw(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
            tokens_["admin"] + "\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(status_of(response), 400) << target << response;
    EXPECT_EQ(body_of(response)["error"]["field"], "target") << target;
  }
  // Raw invalid bytes in the target as well.
  std::string response =
      raw("GET /api/v1/regions/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(response) / 100, 4) << response;
  expect_alive();
}

TEST_F(BadInput, UnknownRoutesAndWrongMethodsUseTheErrorFormat) {
  auto r = http().Get("/api/v1/nothing-here", as("admin"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Json::parse(r->body)["error"]["code"], "not_found");
  auto m = http().Put("/api/v1/regions/110101", as("admin"), "{}", "application/json");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 405);
  EXPECT_EQ(m->get_header_value("Allow"), "GET");
  EXPECT_EQ(Json::parse(m->body)["error"]["code"], "method_not_allowed");
  auto d = http().Delete("/healthz");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 405);
  EXPECT_FALSE(r->get_header_value("X-Request-Id").empty());
  expect_alive();
}

}  // namespace
}  // namespace shegong::testing
