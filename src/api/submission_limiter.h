// Citizens submit demands without signing in; this keeps one address from flooding the hotline:
// at most `per_minute` submissions per remote address in any sliding minute (429 beyond). Kept in
// memory: a restart forgets it, which only ever lets a few more through.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "base/status.h"

namespace shegong::api {

class SubmissionLimiter {
 public:
  explicit SubmissionLimiter(size_t per_minute) : per_minute_(per_minute) {}
  Status admit(const std::string& address, int64_t now_ms);

 private:
  size_t per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> recent_;
};

}  // namespace shegong::api
