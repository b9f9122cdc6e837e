// The worst continuous window of calls: among the windows of a given length inside a period, the
// one with the lowest share of answered calls (GB/T 33358-2016's "95 % over any continuous 24
// hours"). Exact, not by calendar day, and found in one pass over the calls in time order, keeping
// only about one window's length of calls in memory.
//
// The calls a window holds change only where a call enters it (its start reaches the call's time
// minus the length, plus 1 ms) or leaves it (its start passes the call), so every set of calls a
// window can hold is held by a window starting at the period's start or at one of those points.
// Both kinds of point come in the order of the calls; they are taken in increasing order, each as
// soon as every call its window could hold has been seen.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>

namespace shegong::hotline {

struct CallTimes {
  int64_t offered_at_ms = 0;
  int64_t answered_at_ms = 0;  // 0: not answered
};

struct CallWindow {
  int64_t from_ms = 0, to_ms = 0;  // [from, to)
  int64_t offered = 0, answered = 0;
  double completion_rate() const {
    return offered == 0 ? 0.0 : static_cast<double>(answered) / static_cast<double>(offered);
  }
};

class WorstWindowFinder {
 public:
  // Windows of `length_ms` lying inside [from_ms, to_ms).
  WorstWindowFinder(int64_t from_ms, int64_t to_ms, int64_t length_ms);
  // The next call, in the order of offered_at_ms. Calls outside the period are ignored.
  void add(const CallTimes& call);
  // The window with the lowest share of answered calls among those holding at least one call; the
  // earliest of equal ones. None when the period is shorter than a window or no window holds a
  // call.
  std::optional<CallWindow> finish();

 private:
  void consider_known_before(int64_t time_ms);  // the starts whose windows end by then
  void consider(int64_t start_ms);
  void push_start(std::deque<int64_t>& starts, int64_t start_ms);

  int64_t from_ms_, to_ms_, length_ms_, last_start_ms_;
  std::deque<CallTimes> calls_;  // from the window last looked at on
  size_t counted_ = 0;           // calls_[0, counted_) are in that window
  int64_t offered_ = 0, answered_ = 0;
  std::deque<int64_t> leaving_, entering_;  // starts still to look at, each increasing
  std::optional<CallWindow> worst_;
};

// The same over calls held in memory, sorted by offered_at_ms.
std::optional<CallWindow> worst_window(std::span<const CallTimes> calls, int64_t from_ms,
                                       int64_t to_ms, int64_t length_ms);

}  // namespace shegong::hotline
