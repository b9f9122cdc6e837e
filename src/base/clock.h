// All time comes through a Clock so that deadlines and back-offs can be tested in simulated time.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace shegong {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual int64_t now_ms() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t now_ms() const override;
  static SystemClock& instance();
};

// A clock that moves only when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms) : now_(start_ms) {}
  int64_t now_ms() const override { return now_.load(); }
  void advance_ms(int64_t ms) { now_ += ms; }
  void set_ms(int64_t ms) { now_ = ms; }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-21T05:14:50.123Z"
std::string format_utc_iso8601(int64_t ms);

}  // namespace shegong
