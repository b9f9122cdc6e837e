#include "api/submission_limiter.h"

#include <algorithm>

namespace shegong::api {

Status SubmissionLimiter::admit(const std::string& address, int64_t now_ms) {
  std::lock_guard lock(mu_);
  if (recent_.size() > 100'000) recent_.clear();  // bounded memory under a spray of addresses
  auto& times = recent_[address];
  while (!times.empty() && times.front() <= now_ms - 60'000) times.pop_front();
  if (times.size() >= per_minute_) {
    // The next submission is admitted once the oldest of the minute has left it.
    const int64_t wait_s = (times.front() + 60'000 - now_ms + 999) / 1000;
    return Status(Code::kTooManyRequests,
                  "too many submissions from this address; please wait a minute and try again")
        .with_retry_after(std::max<int64_t>(wait_s, 1));
  }
  times.push_back(now_ms);
  return Status::Ok();
}

}  // namespace shegong::api
