// The HTTP/1.1 server (Boost.Beast, asynchronous, one io_context and thread per core). This header
// is free of Boost so that only server.cc pays for Beast.
//
// Contract:
//  - Requests are parsed with strict limits: a request whose header block exceeds
//    `max_header_bytes` gets 431, whose body exceeds `max_body_bytes` gets 413, and an unparsable
//    one gets 400; each as the JSON error body {"error":{"code","message","field"}}, then the
//    connection is closed. Keep-alive is honoured otherwise.
//  - For each request the server calls dispatcher.runs_inline(request): when true, handle() runs on
//    the I/O thread (for quick, non-blocking work); when false it runs on a pool of
//    `worker_threads` threads so that a handler waiting on a durable write never stalls the I/O.
//  - stop() (or SIGTERM/SIGINT when run() was asked to watch signals) stops accepting, lets
//  requests
//    in flight finish (up to `drain_ms`), closes every connection, idle keep-alive ones included,
//    and run() returns. A handler still running on the pool after `drain_ms` cannot be cut short:
//    its connection is closed and run() waits for it while joining the pool.
//  - Lifecycle: listen() (optional; run() calls it), then run() once; stop() is safe from any
//    thread, from a handler, and more than once. Do not destroy the Server while run() runs.
//  - `max_header_bytes` counts the request line as well as the headers (as Beast does).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/request.h"
#include "http/response.h"

namespace shegong::http {

class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  virtual bool runs_inline(const Request& request) const = 0;
  virtual Response handle(Request& request) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port; see Server::port()
  int io_threads = 0;    // 0: one per core
  int worker_threads = 16;
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;
  int idle_timeout_ms = 30000;
  int drain_ms = 5000;
};

class Server {
 public:
  Server(ServerOptions options, Dispatcher& dispatcher);
  ~Server();
  // Binds and listens; after this, port() is known.
  Status listen();
  uint16_t port() const;
  // Serves until stop() or, if watch_signals, SIGTERM/SIGINT. Blocks.
  void run(bool watch_signals);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shegong::http
