// The HTTP/1.1 server behind server.h: Boost.Beast over Asio, one io_context per I/O thread, each
// connection bound to one context, handlers inline or on a worker pool. All Boost use is here.
#include "http/server.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>  // Boost 1.74 asio uses std::exchange without including it.
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "base/log.h"
#include "http/error_response.h"

namespace shegong::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;  // `http` is this project's namespace
using tcp = net::ip::tcp;
using std::chrono::milliseconds;

// After a response with Connection: close the peer may still be sending (a rejected body, say);
// closing with unread input makes the kernel send RST, which can destroy the response before the
// client reads it. So the send side is shut first and input is discarded for at most this long.
constexpr int kLingerMs = 2000;
// How long the I/O threads get to finish the aborted operations of closed connections before their
// contexts are stopped outright.
constexpr milliseconds kCloseGrace{1000};
// Pause before accepting again after an error such as EMFILE, so that it does not spin.
constexpr milliseconds kAcceptRetry{100};

bool is_request_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool valid_request_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), is_request_id_char);
}

// 16 hex digits from splitmix64. Ids only need to be unique enough to correlate log lines, so a
// per-thread generator seeded from the OS beats a locked or cryptographic one on the request path.
std::string new_request_id() {
  thread_local uint64_t state = [] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }();
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, z >>= 4) id[static_cast<size_t>(i)] = kHex[z & 0xf];
  return id;
}

// IMF-fixdate, formatted by hand because strftime's %a and %b follow the locale. Cached per thread
// since it changes once a second.
const std::string& http_date() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local time_t cached_at = -1;
  thread_local std::string cached;
  time_t now = ::time(nullptr);
  if (now != cached_at) {
    struct tm tm {};
    ::gmtime_r(&now, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                  tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    cached = buf;
    cached_at = now;
  }
  return cached;
}

bool has_line_break(std::string_view s) {
  return s.find_first_of("\r\n") != std::string_view::npos;
}

std::string endpoint_text(std::string_view host, uint16_t port) {
  bool v6 = host.find(':') != std::string_view::npos;
  return v6 ? fmt::format("[{}]:{}", host, port) : fmt::format("{}:{}", host, port);
}

std::string peer_address(const tcp::socket& socket) {
  beast::error_code ec;
  tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return {};
  net::ip::address address = peer.address();
  // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; rate limits and logs want a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

// A faulty handler must cost one 500, not the process.
Response invoke(Dispatcher& dispatcher, Request& request) {
  try {
    return dispatcher.handle(request);
  } catch (const std::exception& e) {
    log::error("handler failed on {} {} (request {}): {}", request.method, request.path,
               request.request_id, e.what());
  } catch (...) {
    log::error("handler failed on {} {} (request {}): unknown exception", request.method,
               request.path, request.request_id);
  }
  return error_response(500, "internal", "internal error");
}

// When the dispatcher cannot decide, the pool is the safe side: it never stalls the I/O thread.
bool runs_inline(const Dispatcher& dispatcher, const Request& request) {
  try {
    return dispatcher.runs_inline(request);
  } catch (const std::exception& e) {
    log::error("runs_inline failed on {} {} (request {}): {}", request.method, request.path,
               request.request_id, e.what());
  } catch (...) {
    log::error("runs_inline failed on {} {} (request {}): unknown exception", request.method,
               request.path, request.request_id);
  }
  return false;
}

class Session;

// State shared by the acceptor, the connections and the shutdown sequence. Member order matters:
// pending handlers, which own sessions, are destroyed with the io_contexts, and a session's
// destructor still uses `mu` and `sessions`, so those are declared (and outlive) the contexts.
struct Core {
  Core(ServerOptions opts, Dispatcher& d);

  Status listen();
  void run(bool watch_signals);
  void request_stop();
  // A dispatched request has been answered (or its connection lost).
  void request_done();
  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void close_listeners();

  const ServerOptions options;
  Dispatcher& dispatcher;

  std::mutex mu;
  std::condition_variable cv;
  bool ran = false;             // guarded by mu
  bool stop_requested = false;  // guarded by mu
  bool closing = false;         // guarded by mu: no new connections are registered
  int io_running = 0;           // guarded by mu
  std::unordered_map<uint64_t, std::weak_ptr<Session>> sessions;  // guarded by mu
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  std::atomic<uint16_t> bound_port{0};
  std::string bound_text;  // set by listen(), before run()

  std::vector<std::unique_ptr<net::io_context>> contexts;
  size_t next_context = 0;       // only touched on contexts[0]
  uint64_t next_session_id = 0;  // only touched on contexts[0]
  // These belong to contexts[0] and are only used on its thread once run() has started.
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> accept_retry;
  std::optional<net::signal_set> signals;
  std::optional<net::thread_pool> pool;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Core& core, tcp::socket socket, uint64_t id)
      : core_(core),
        id_(id),
        executor_(socket.get_executor()),
        remote_addr_(peer_address(socket)),
        stream_(std::move(socket)) {}

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  ~Session() {
    if (counted_) core_.request_done();
    std::lock_guard lock(core_.mu);
    core_.sessions.erase(id_);
  }

  void start() {
    net::dispatch(executor_, [self = shared_from_this()] { self->read_request(); });
  }

  // Any thread. Aborts whatever the connection is doing; its handlers then end the session.
  void force_close() {
    net::post(executor_, [self = shared_from_this()] { self->stream_.close(); });
  }

 private:
  void expire_after(int ms) {
    if (ms > 0) {
      stream_.expires_after(milliseconds(ms));
    } else {
      stream_.expires_never();
    }
  }

  void read_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(
        std::min<size_t>(core_.options.max_header_bytes, std::numeric_limits<uint32_t>::max())));
    parser_->body_limit(static_cast<uint64_t>(core_.options.max_body_bytes));
    expire_after(core_.options.idle_timeout_ms);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec) {
      if (ec == bhttp::error::body_limit) {
        return reject(413, "payload_too_large", "request body too large");
      }
      if (ec == bhttp::error::header_limit) {
        return reject(431, "headers_too_large", "request headers too large");
      }
      // Beast's own category means the bytes were not HTTP; anything else (timeout, reset, EOF,
      // our own close at shutdown) leaves nobody to answer.
      bool parse_error =
          ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
          ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
      if (parse_error) return reject(400, "bad_request", "malformed HTTP request");
      stream_.close();
      return;
    }

    auto& message = parser_->get();
    Request request;
    request.method.assign(message.method_string().data(), message.method_string().size());
    request.target.assign(message.target().data(), message.target().size());
    for (const auto& field : message) {
      std::string name(field.name_string().data(), field.name_string().size());
      for (char& c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      request.headers.emplace_back(std::move(name),
                                   std::string(field.value().data(), field.value().size()));
    }
    request.body = std::move(message.body());
    request.remote_addr = remote_addr_;
    parse_target(request);
    std::string_view incoming_id = request.header("x-request-id");
    request.request_id =
        valid_request_id(incoming_id) ? std::string(incoming_id) : new_request_id();

    request_id_ = request.request_id;
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;
    counted_ = true;
    core_.in_flight.fetch_add(1);

    if (runs_inline(core_.dispatcher, request)) {
      write(invoke(core_.dispatcher, request));
      return;
    }
    // The session reads nothing more until the response is written, so the members above stay
    // untouched while the pool works; the post back to executor_ orders the two threads.
    net::post(*core_.pool, [self = shared_from_this(), request = std::move(request)]() mutable {
      Response response = invoke(self->core_.dispatcher, request);
      net::any_io_executor executor = self->executor_;
      net::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
        self->write(std::move(response));
      });
    });
  }

  void reject(int status, std::string_view code, std::string_view message) {
    request_id_ = new_request_id();
    keep_alive_ = false;
    version_ = 11;
    head_ = false;
    write(error_response(status, code, message));
  }

  void write(Response response) {
    if (response.status < 200 || response.status > 599) {
      log::error("handler returned status {} (request {})", response.status, request_id_);
      response = error_response(500, "internal", "internal error");
    }
    bool no_body = response.status == 204 || response.status == 304;
    bool keep_alive = keep_alive_ && !core_.draining.load();
    // The head is written here and sent with the body in one gather write.
    std::string& h = head_text_;
    h.clear();
    h += version_ == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    h += std::to_string(response.status);
    h += ' ';
    auto reason =
        bhttp::obsolete_reason(bhttp::int_to_status(static_cast<unsigned>(response.status)));
    h.append(reason.data(), reason.size());
    h += "\r\nServer: shegong\r\nDate: ";
    h += http_date();
    if (!response.content_type.empty() && !no_body) {
      h += "\r\nContent-Type: ";
      h += response.content_type;
    }
    for (const auto& [name, value] : response.headers) {
      // A value built from user input must not be able to split the response.
      if (name.empty() || has_line_break(name) || has_line_break(value)) {
        log::error("dropped invalid response header {:?} (request {})", name, request_id_);
        continue;
      }
      h += "\r\n";
      h += name;
      h += ": ";
      h += value;
    }
    h += "\r\nX-Request-Id: ";
    h += request_id_;
    if (!no_body) {
      // HEAD advertises the length of the body it does not send.
      h += "\r\nContent-Length: ";
      h += std::to_string(response.body.size());
    }
    if (version_ == 10 && keep_alive) h += "\r\nConnection: keep-alive";
    if (version_ != 10 && !keep_alive) h += "\r\nConnection: close";
    h += "\r\n\r\n";
    body_text_ = no_body || head_ ? std::string() : std::move(response.body);
    expire_after(core_.options.idle_timeout_ms);
    std::array<net::const_buffer, 2> wire{net::buffer(head_text_), net::buffer(body_text_)};
    net::async_write(stream_, wire,
                     [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                       self->on_write(ec, keep_alive);
                     });
  }

  void on_write(beast::error_code ec, bool keep_alive) {
    if (counted_) {
      counted_ = false;
      core_.request_done();
    }
    if (ec) {
      stream_.close();
    } else if (!keep_alive) {
      close_gracefully();
    } else {
      read_request();
    }
  }

  void close_gracefully() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) {
      stream_.close();
      return;
    }
    buffer_.clear();
    int idle = core_.options.idle_timeout_ms;
    expire_after(idle > 0 ? std::min(idle, kLingerMs) : kLingerMs);
    discard_input();
  }

  void discard_input() {
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) {
                                self->stream_.close();
                              } else {
                                self->discard_input();
                              }
                            });
  }

  Core& core_;
  const uint64_t id_;
  const net::any_io_executor executor_;
  const std::string remote_addr_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  // The response being written (they must outlive async_write).
  std::string head_text_;
  std::string body_text_;
  // The request being answered.
  std::string request_id_;
  bool keep_alive_ = false;
  bool head_ = false;
  unsigned version_ = 11;
  bool counted_ = false;  // holds one of core_.in_flight
};

Core::Core(ServerOptions opts, Dispatcher& d) : options(std::move(opts)), dispatcher(d) {
  int n = options.io_threads > 0 ? options.io_threads
                                 : static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(n, 1);
  contexts.reserve(static_cast<size_t>(n));
  // Hint 1: each context is run by exactly one thread (posting from others stays safe).
  for (int i = 0; i < n; ++i) contexts.push_back(std::make_unique<net::io_context>(1));
}

Status Core::listen() {
  std::string where = endpoint_text(options.host, options.port);
  auto fail = [&](const beast::error_code& ec) {
    if (acceptor) {
      beast::error_code ignored;
      acceptor->close(ignored);
    }
    return Status(Code::kInternal, fmt::format("cannot listen on {}: {}", where, ec.message()));
  };
  if (acceptor && acceptor->is_open()) {
    return Status(Code::kInternal, fmt::format("cannot listen on {}: already listening", where));
  }

  beast::error_code ec;
  std::string host = options.host;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  net::ip::address address;
  if (host.empty()) {
    address = net::ip::address_v4::any();
  } else {
    address = net::ip::make_address(host, ec);
    if (ec) {
      tcp::resolver resolver(*contexts[0]);
      auto results = resolver.resolve(host, std::to_string(options.port), ec);
      if (ec) return fail(ec);
      if (results.empty()) return fail(net::error::host_not_found);
      // "localhost" usually yields both ::1 and 127.0.0.1; IPv4 is what clients try first.
      address = results.begin()->endpoint().address();
      for (const auto& entry : results) {
        if (entry.endpoint().address().is_v4()) {
          address = entry.endpoint().address();
          break;
        }
      }
    }
  }
  tcp::endpoint endpoint(address, options.port);

  acceptor.emplace(*contexts[0]);
  acceptor->open(endpoint.protocol(), ec);
  if (ec) return fail(ec);
  acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail(ec);
  acceptor->bind(endpoint, ec);
  if (ec) return fail(ec);
  acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail(ec);
  tcp::endpoint bound = acceptor->local_endpoint(ec);
  if (ec) return fail(ec);
  bound_port = bound.port();
  bound_text = endpoint_text(bound.address().to_string(), bound.port());
  return Status::Ok();
}

void Core::accept() {
  net::io_context& target = *contexts[next_context++ % contexts.size()];
  acceptor->async_accept(
      net::any_io_executor(target.get_executor()),
      [this](beast::error_code ec, tcp::socket socket) { on_accept(ec, std::move(socket)); });
}

void Core::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
  if (ec) {
    if (ec == net::error::connection_aborted) return accept();
    log::warn("accept on {} failed: {}", bound_text, ec.message());
    accept_retry->expires_after(kAcceptRetry);
    accept_retry->async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec && acceptor->is_open()) accept();
    });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  uint64_t id = next_session_id++;
  // Built outside the lock: a session's destructor takes it.
  auto session = std::make_shared<Session>(*this, std::move(socket), id);
  bool registered = false;
  {
    std::lock_guard lock(mu);
    // Shutdown has already closed the connections it knows of; a late arrival is just dropped.
    if (!closing) registered = sessions.emplace(id, session).second;
  }
  if (registered) session->start();
  accept();
}

void Core::close_listeners() {
  beast::error_code ignored;
  if (acceptor) acceptor->close(ignored);
  if (accept_retry) accept_retry->cancel();
  if (signals) {
    // Clearing restores the default action, so a second Ctrl-C ends a drain that takes too long.
    signals->cancel(ignored);
    signals->clear(ignored);
  }
}

void Core::request_stop() {
  {
    std::lock_guard lock(mu);
    stop_requested = true;
  }
  cv.notify_all();
}

void Core::request_done() {
  if (in_flight.fetch_sub(1) == 1 && draining.load()) {
    std::lock_guard lock(mu);
    cv.notify_all();
  }
}

void Core::run(bool watch_signals) {
  {
    std::lock_guard lock(mu);
    if (ran) {
      log::error("Server::run() called more than once");
      return;
    }
    ran = true;
  }
  if (!acceptor || !acceptor->is_open()) {
    Status status = listen();
    if (!status.ok()) {
      log::error("{}", status.message());
      return;
    }
  }

  pool.emplace(static_cast<size_t>(std::max(options.worker_threads, 1)));
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  for (auto& context : contexts) guards.push_back(net::make_work_guard(*context));
  accept_retry.emplace(*contexts[0]);
  if (watch_signals) {
    signals.emplace(*contexts[0], SIGINT, SIGTERM);
    signals->async_wait([this](beast::error_code ec, int signal_number) {
      if (ec) return;
      log::info("received signal {}, shutting down", signal_number);
      request_stop();
    });
  }
  net::post(*contexts[0], [this] { accept(); });

  {
    std::lock_guard lock(mu);
    io_running = static_cast<int>(contexts.size());
  }
  std::vector<std::thread> threads;
  threads.reserve(contexts.size());
  for (auto& context : contexts) {
    threads.emplace_back([this, context = context.get()] {
      for (;;) {
        try {
          context->run();
          break;
        } catch (const std::exception& e) {
          // run() may be re-entered after a handler threw; the other connections carry on.
          log::error("I/O thread: {}", e.what());
        }
      }
      {
        std::lock_guard lock(mu);
        --io_running;
      }
      cv.notify_all();
    });
  }
  log::info("listening on {} ({} I/O threads, {} workers)", bound_text, contexts.size(),
            std::max(options.worker_threads, 1));

  std::unique_lock lock(mu);
  cv.wait(lock, [this] { return stop_requested; });
  lock.unlock();

  // Stop accepting, then let requests in flight finish; responses written from now on say
  // Connection: close.
  draining = true;
  net::post(*contexts[0], [this] { close_listeners(); });
  lock.lock();
  cv.wait_for(lock, milliseconds(std::max(options.drain_ms, 0)),
              [this] { return in_flight.load() == 0; });
  int unfinished = in_flight.load();
  closing = true;
  std::vector<std::shared_ptr<Session>> open;
  open.reserve(sessions.size());
  for (auto& [id, weak] : sessions) {
    if (auto session = weak.lock()) open.push_back(std::move(session));
  }
  lock.unlock();
  if (unfinished > 0) {
    log::warn("{} requests still in flight after {} ms; closing their connections", unfinished,
              options.drain_ms);
  }

  // Idle keep-alive connections would otherwise hold the contexts until their idle timeout.
  for (auto& session : open) session->force_close();
  open.clear();
  guards.clear();
  lock.lock();
  bool finished = cv.wait_for(lock, kCloseGrace, [this] { return io_running == 0; });
  lock.unlock();
  if (!finished) {
    for (auto& context : contexts) context->stop();
  }
  for (auto& thread : threads) thread.join();
  // A handler that outlived the drain still runs to completion; its response has nowhere to go.
  pool->join();
  // The signal handlers stay installed as long as the set exists.
  signals.reset();
  log::info("server on {} stopped", bound_text);
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Dispatcher& dispatcher) : core(std::move(options), dispatcher) {}
  Core core;
};

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() = default;

Status Server::listen() { return impl_->core.listen(); }

uint16_t Server::port() const { return impl_->core.bound_port.load(); }

void Server::run(bool watch_signals) { impl_->core.run(watch_signals); }

void Server::stop() { impl_->core.request_stop(); }

}  // namespace shegong::http
