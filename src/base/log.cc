#include "base/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "base/clock.h"

namespace shegong::log {

namespace {

class Sink {
 public:
  Sink() : flusher_([this] { run(); }) {}
  ~Sink() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_one();
    flusher_.join();
    flush();
  }

  void append(Level level, std::string_view message) {
    static constexpr const char* kNames[] = {"DEBUG", "INFO", "WARN", "ERROR"};
    std::string line = format_utc_iso8601(SystemClock::instance().now_ms());
    line += ' ';
    line += kNames[static_cast<int>(level)];
    line += ' ';
    line += message;
    line += '\n';
    std::lock_guard lock(mu_);
    buffer_ += line;
    if (level >= Level::kWarn || buffer_.size() > (64 << 10)) write_locked();
  }

  void flush() {
    std::lock_guard lock(mu_);
    write_locked();
  }

 private:
  void write_locked() {
    size_t off = 0;
    while (off < buffer_.size()) {
      ssize_t n = ::write(STDERR_FILENO, buffer_.data() + off, buffer_.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    buffer_.clear();
  }

  void run() {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      cv_.wait_for(lock, std::chrono::milliseconds(250));
      write_locked();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::string buffer_;
  bool stopping_ = false;
  std::thread flusher_;
};

Sink& sink() {
  static Sink s;
  return s;
}

std::atomic<Level> g_level{Level::kInfo};

}  // namespace

void set_level(Level level) { g_level = level; }
bool enabled(Level level) { return level >= g_level.load(std::memory_order_relaxed); }
void write(Level level, std::string_view message) {
  if (enabled(level)) sink().append(level, message);
}
void flush() { sink().flush(); }

}  // namespace shegong::log
