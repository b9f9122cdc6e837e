#include "hotline/worst_window.h"

namespace shegong::hotline {

WorstWindowFinder::WorstWindowFinder(int64_t from_ms, int64_t to_ms, int64_t length_ms)
    : from_ms_(from_ms), to_ms_(to_ms), length_ms_(length_ms), last_start_ms_(to_ms - length_ms) {
  push_start(leaving_, from_ms_);
}

void WorstWindowFinder::push_start(std::deque<int64_t>& starts, int64_t start_ms) {
  if (start_ms >= from_ms_ && start_ms <= last_start_ms_) starts.push_back(start_ms);
}

void WorstWindowFinder::add(const CallTimes& call) {
  const int64_t t = call.offered_at_ms;
  if (t < from_ms_ || t >= to_ms_) return;
  // Every call before t has been seen: the windows ending by t (inclusive) are complete.
  consider_known_before(t);
  calls_.push_back(call);
  push_start(entering_, t - length_ms_ + 1);
  push_start(leaving_, t + 1);
}

std::optional<CallWindow> WorstWindowFinder::finish() {
  consider_known_before(INT64_MAX - length_ms_);
  return worst_;
}

void WorstWindowFinder::consider_known_before(int64_t time_ms) {
  for (;;) {
    const bool has_leaving = !leaving_.empty(), has_entering = !entering_.empty();
    if (!has_leaving && !has_entering) return;
    const bool take_leaving =
        has_leaving && (!has_entering || leaving_.front() <= entering_.front());
    std::deque<int64_t>& starts = take_leaving ? leaving_ : entering_;
    const int64_t start = starts.front();
    if (start + length_ms_ > time_ms) return;
    starts.pop_front();
    consider(start);
  }
}

void WorstWindowFinder::consider(int64_t start_ms) {
  while (!calls_.empty() && calls_.front().offered_at_ms < start_ms) {
    if (counted_ > 0) {
      --counted_;
      --offered_;
      answered_ -= calls_.front().answered_at_ms != 0;
    }
    calls_.pop_front();
  }
  while (counted_ < calls_.size() && calls_[counted_].offered_at_ms < start_ms + length_ms_) {
    ++offered_;
    answered_ += calls_[counted_].answered_at_ms != 0;
    ++counted_;
  }
  if (offered_ == 0) return;
  CallWindow w{start_ms, start_ms + length_ms_, offered_, answered_};
  // Lower rate: answered/offered < worst's, compared without division.
  if (!worst_ || w.answered * worst_->offered < worst_->answered * w.offered) worst_ = w;
}

std::optional<CallWindow> worst_window(std::span<const CallTimes> calls, int64_t from_ms,
                                       int64_t to_ms, int64_t length_ms) {
  WorstWindowFinder finder(from_ms, to_ms, length_ms);
  for (const CallTimes& c : calls) finder.add(c);
  return finder.finish();
}

}  // namespace shegong::hotline
