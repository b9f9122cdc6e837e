#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "http/error_response.h"

namespace shegong::http {
namespace {

using namespace std::chrono_literals;

// GET /echo answers inline with what the server handed over; POST /slow and /throw run on the pool.
class TestDispatcher : public Dispatcher {
 public:
  bool runs_inline(const Request& request) const override {
    return request.path != "/slow" && request.path != "/throw";
  }

  Response handle(Request& request) override {
    if (request.path == "/echo") {
      std::string body = "{\"method\":\"" + request.method + "\",\"path\":\"" + request.path +
                         "\",\"remote\":\"" + request.remote_addr + "\",\"custom\":\"" +
                         std::string(request.header("X-Custom")) + "\",\"q\":\"" +
                         std::string(request.query_param("q")) +
                         "\",\"malformed\":" + (request.malformed_target ? "true" : "false") +
                         ",\"body_size\":" + std::to_string(request.body.size()) + "}";
      Response response = Response::json(200, std::move(body));
      response.set_header("X-Handler", "echo");
      return response;
    }
    if (request.path == "/slow") {
      {
        std::lock_guard lock(mu_);
        slow_started_ = true;
      }
      cv_.notify_all();
      std::this_thread::sleep_for(200ms);
      return Response::json(200, "{\"slow\":true}");
    }
    if (request.path == "/throw" || request.path == "/throw-inline") {
      throw std::runtime_error("handler exploded");
    }
    if (request.path == "/empty") {
      Response response;
      response.status = 204;
      return response;
    }
    return error_response(404, "not_found", "no such route");
  }

  bool wait_slow_started(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [this] { return slow_started_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool slow_started_ = false;
};

// A server on a free loopback port, run() on its own thread.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options = small_options(), bool watch_signals = false)
      : server_(options, dispatcher_) {
    Status status = server_.listen();
    EXPECT_TRUE(status.ok()) << status.to_string();
    thread_ = std::thread([this, watch_signals] {
      server_.run(watch_signals);
      std::lock_guard lock(mu_);
      returned_ = true;
      cv_.notify_all();
    });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }

  static ServerOptions small_options() {
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.io_threads = 2;
    options.worker_threads = 2;
    options.max_body_bytes = 1024;
    options.max_header_bytes = 2048;
    return options;
  }

  uint16_t port() const { return server_.port(); }
  Server& server() { return server_; }
  TestDispatcher& dispatcher() { return dispatcher_; }

  httplib::Client client() {
    httplib::Client client("127.0.0.1", port());
    client.set_connection_timeout(5);
    client.set_read_timeout(5);
    client.set_write_timeout(5);
    return client;
  }

  bool wait_returned(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [this] { return returned_; });
  }

 private:
  TestDispatcher dispatcher_;
  Server server_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool returned_ = false;
};

// Sends raw bytes and returns everything the server writes until it closes the connection.
std::string raw_exchange(uint16_t port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "socket failed";
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "connect failed";
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  char buf[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

bool is_hex16(const std::string& s) {
  return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(ServerTest, ServesRequestWithGeneratedRequestId) {
  RunningServer server;
  ASSERT_NE(server.port(), 0);
  auto client = server.client();
  auto res = client.Get("/echo?q=%E4%B8%AD", {{"X-Custom", "abc"}});
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(is_hex16(res->get_header_value("X-Request-Id")))
      << res->get_header_value("X-Request-Id");
  EXPECT_EQ(res->get_header_value("Server"), "shegong");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(res->get_header_value("X-Handler"), "echo");
  EXPECT_FALSE(res->get_header_value("Date").empty());
  EXPECT_NE(res->body.find("\"method\":\"GET\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"path\":\"/echo\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"remote\":\"127.0.0.1\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"custom\":\"abc\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"q\":\"\u4e2d\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"malformed\":false"), std::string::npos) << res->body;

  auto second = client.Get("/echo");
  ASSERT_TRUE(second);
  EXPECT_NE(second->get_header_value("X-Request-Id"), res->get_header_value("X-Request-Id"));
}

TEST(ServerTest, EchoesValidIncomingRequestIdAndReplacesInvalidOne) {
  RunningServer server;
  auto client = server.client();
  auto res = client.Get("/echo", {{"X-Request-Id", "abc.DEF_123-x"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("X-Request-Id"), "abc.DEF_123-x");

  auto bad_chars = client.Get("/echo", {{"X-Request-Id", "no spaces/allowed"}});
  ASSERT_TRUE(bad_chars);
  EXPECT_TRUE(is_hex16(bad_chars->get_header_value("X-Request-Id")));

  auto too_long = client.Get("/echo", {{"X-Request-Id", std::string(65, 'a')}});
  ASSERT_TRUE(too_long);
  EXPECT_TRUE(is_hex16(too_long->get_header_value("X-Request-Id")));

  auto longest = client.Get("/echo", {{"X-Request-Id", std::string(64, 'a')}});
  ASSERT_TRUE(longest);
  EXPECT_EQ(longest->get_header_value("X-Request-Id"), std::string(64, 'a'));
}

TEST(ServerTest, PassesBodyAndMalformedTarget) {
  RunningServer server;
  auto client = server.client();
  auto res = client.Post("/echo", std::string(1000, 'x'), "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"body_size\":1000"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"method\":\"POST\""), std::string::npos) << res->body;

  auto malformed = client.Get("/echo?q=%zz");
  ASSERT_TRUE(malformed);
  EXPECT_NE(malformed->body.find("\"malformed\":true"), std::string::npos) << malformed->body;
}

TEST(ServerTest, BodyOverLimitGets413) {
  RunningServer server;
  auto client = server.client();
  auto res = client.Post("/echo", std::string(4096, 'x'), "text/plain");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(res->body.find("\"code\":\"payload_too_large\""), std::string::npos) << res->body;
  EXPECT_EQ(res->get_header_value("Connection"), "close");
  EXPECT_TRUE(is_hex16(res->get_header_value("X-Request-Id")));

  // Large enough that the client is still sending when the answer goes out; the server must read
  // and discard the rest instead of resetting the connection under the client's feet.
  auto big = client.Post("/echo", std::string(4 << 20, 'x'), "text/plain");
  ASSERT_TRUE(big) << httplib::to_string(big.error());
  EXPECT_EQ(big->status, 413);

  // A chunked body has no Content-Length to check up front; it is cut off while being read.
  std::string chunked =
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "800\r\n" +
      std::string(0x800, 'y') + "\r\n0\r\n\r\n";
  std::string raw = raw_exchange(server.port(), chunked);
  EXPECT_EQ(raw.rfind("HTTP/1.1 413 ", 0), 0u) << raw;
}

TEST(ServerTest, HeadersOverLimitGet431) {
  RunningServer server;
  auto client = server.client();
  auto res = client.Get("/echo", {{"X-Big", std::string(8192, 'h')}});
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 431);
  EXPECT_NE(res->body.find("\"code\":\"headers_too_large\""), std::string::npos) << res->body;
  EXPECT_EQ(res->get_header_value("Connection"), "close");
}

TEST(ServerTest, GarbageGets400AndClose) {
  RunningServer server;
  std::string raw = raw_exchange(server.port(), "NOT HTTP\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400 ", 0), 0u) << raw;
  EXPECT_NE(raw.find("\"code\":\"bad_request\""), std::string::npos) << raw;
  EXPECT_NE(raw.find("application/json"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Connection: close"), std::string::npos) << raw;

  std::string bad_version = raw_exchange(server.port(), "GET / HTTP/9\r\n\r\n");
  EXPECT_EQ(bad_version.rfind("HTTP/1.1 400 ", 0), 0u) << bad_version;

  // The server is still fine.
  auto client = server.client();
  auto res = client.Get("/echo");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ServerTest, ThrowingHandlerGets500AndServerKeepsServing) {
  RunningServer server;
  auto client = server.client();
  for (const char* path : {"/throw", "/throw-inline"}) {
    auto res = client.Get(path, {{"X-Request-Id", "trace-1"}});
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 500) << path;
    EXPECT_NE(res->body.find("\"code\":\"internal\""), std::string::npos) << res->body;
    EXPECT_EQ(res->get_header_value("X-Request-Id"), "trace-1");
  }
  auto res = client.Get("/echo");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  RunningServer server;
  auto client = server.client();
  client.set_keep_alive(true);
  auto first = client.Get("/echo");
  auto second = client.Post("/slow", "", "text/plain");
  auto third = client.Get("/echo");
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  ASSERT_TRUE(third);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(third->status, 200);
  EXPECT_NE(first->get_header_value("Connection"), "close");

  // Pipelined on one raw connection: both answered, in order; the second asks to close.
  std::string raw = raw_exchange(server.port(),
                                 "GET /echo?q=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                                 "GET /echo?q=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t one = raw.find("\"q\":\"1\"");
  size_t two = raw.find("\"q\":\"2\"");
  ASSERT_NE(one, std::string::npos) << raw;
  ASSERT_NE(two, std::string::npos) << raw;
  EXPECT_LT(one, two);
}

TEST(ServerTest, Http10WithoutKeepAliveCloses) {
  RunningServer server;
  std::string raw = raw_exchange(server.port(), "GET /echo HTTP/1.0\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.0 200 ", 0), 0u) << raw;
  EXPECT_NE(raw.find("\"path\":\"/echo\""), std::string::npos) << raw;
}

TEST(ServerTest, HeadSendsLengthWithoutBody) {
  RunningServer server;
  auto client = server.client();
  auto get = client.Get("/echo");
  ASSERT_TRUE(get);
  std::string raw = raw_exchange(server.port(), "HEAD /echo HTTP/1.1\r\nConnection: close\r\n\r\n");
  // The echo body says "HEAD" where GET's says "GET": one byte longer.
  std::string length = "Content-Length: " + std::to_string(get->body.size() + 1) + "\r\n";
  EXPECT_NE(raw.find(length), std::string::npos) << raw;
  EXPECT_EQ(raw.size(), raw.find("\r\n\r\n") + 4) << raw;
}

TEST(ServerTest, NoContentHasNoBodyHeaders) {
  RunningServer server;
  std::string raw = raw_exchange(server.port(), "GET /empty HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 204 ", 0), 0u) << raw;
  EXPECT_EQ(raw.find("Content-Length"), std::string::npos) << raw;
  EXPECT_EQ(raw.find("Content-Type"), std::string::npos) << raw;
}

TEST(ServerTest, StopDrainsInFlightRequestAndClosesIdleConnections) {
  ServerOptions options = RunningServer::small_options();
  options.idle_timeout_ms = 30000;
  options.drain_ms = 5000;
  RunningServer server(options);

  // An idle keep-alive connection that must not hold up shutdown.
  auto idle = server.client();
  idle.set_keep_alive(true);
  auto warmup = idle.Get("/echo");
  ASSERT_TRUE(warmup);

  std::optional<httplib::Result> slow;
  std::thread slow_thread([&] {
    auto client = server.client();
    slow.emplace(client.Post("/slow", "", "text/plain"));
  });
  ASSERT_TRUE(server.dispatcher().wait_slow_started(5s));
  auto started = std::chrono::steady_clock::now();
  server.server().stop();
  server.server().stop();  // idempotent
  slow_thread.join();
  ASSERT_TRUE(slow.has_value());
  ASSERT_TRUE(*slow) << httplib::to_string(slow->error());
  EXPECT_EQ((*slow)->status, 200);
  EXPECT_EQ((*slow)->get_header_value("Connection"), "close");

  EXPECT_TRUE(server.wait_returned(3s));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);

  // Nothing listens any more.
  auto after = server.client();
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/echo"));
}

TEST(ServerTest, SigtermStopsServerWatchingSignals) {
  RunningServer server(RunningServer::small_options(), /*watch_signals=*/true);
  // A served request shows run() is past installing its signal handlers.
  auto res = server.client().Get("/echo");
  ASSERT_TRUE(res);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  EXPECT_TRUE(server.wait_returned(3s));
}

TEST(ServerTest, StopBeforeRunReturnsAtOnce) {
  TestDispatcher dispatcher;
  Server server(RunningServer::small_options(), dispatcher);
  ASSERT_TRUE(server.listen().ok());
  server.stop();
  auto started = std::chrono::steady_clock::now();
  server.run(false);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

TEST(ServerTest, ListenFailureIsReported) {
  RunningServer first;
  TestDispatcher dispatcher;
  ServerOptions options = RunningServer::small_options();
  options.port = first.port();
  Server second(options, dispatcher);
  Status status = second.listen();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kInternal);
  EXPECT_NE(status.message().find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
            std::string::npos)
      << status.message();

  // A literal that is no address of this host: bind fails without any name lookup.
  options.host = "192.0.2.1";
  options.port = 0;
  Server third(options, dispatcher);
  Status not_local = third.listen();
  EXPECT_FALSE(not_local.ok());
  EXPECT_NE(not_local.message().find("cannot listen on 192.0.2.1:0"), std::string::npos)
      << not_local.message();
}

TEST(ServerTest, ListensOnLocalhostAndIpv6Loopback) {
  ServerOptions options = RunningServer::small_options();
  options.host = "localhost";
  RunningServer server(options);
  ASSERT_NE(server.port(), 0);
  auto res = server.client().Get("/echo");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);

  TestDispatcher dispatcher;
  options.host = "::1";
  Server v6(options, dispatcher);
  Status status = v6.listen();
  if (!status.ok()) GTEST_SKIP() << "no IPv6 loopback: " << status.message();
  EXPECT_NE(v6.port(), 0);
}

}  // namespace
}  // namespace shegong::http
