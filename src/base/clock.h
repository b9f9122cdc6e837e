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

// Another clock shifted by a fixed offset: drills and end-to-end tests run a real server in
// simulated time (SHEGONG_CLOCK_OFFSET_MS), e.g. to let a deadline fall due while it is down.
class OffsetClock final : public Clock {
 public:
  OffsetClock(const Clock& base, int64_t offset_ms) : base_(base), offset_(offset_ms) {}
  int64_t now_ms() const override { return base_.now_ms() + offset_; }

 private:
  const Clock& base_;
  int64_t offset_;
};

// "2026-11-21T05:14:50.123Z"
std::string format_utc_iso8601(int64_t ms);

// The same text written into `out` without allocating (years 0000 to 9999; a time outside them
// is written as the nearest end of that range): for serialising many times in a row.
inline constexpr size_t kIso8601Size = 24;
void format_utc_iso8601(int64_t ms, char (&out)[kIso8601Size]);

}  // namespace shegong
