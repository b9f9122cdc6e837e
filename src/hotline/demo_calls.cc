#include "hotline/demo_calls.h"

#include <random>

#include "auth/principal.h"
#include "base/calendar.h"
#include "base/clock.h"
#include "hotline/calls.h"

namespace shegong::hotline {

namespace {

constexpr int64_t kSecond = 1'000;
constexpr int64_t kDay = 86'400 * kSecond;
// The day of the month (from 0) with a surge of calls.
constexpr int64_t kSurgeDay = 9;

}  // namespace

Result<int64_t> generate_demo_calls(db::Db& db, const DemoCallOptions& o) {
  std::mt19937_64 rng(o.seed);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  std::vector<OfferedCall> calls;
  for (int64_t day = 0; o.from_ms + day * kDay < o.until_ms; ++day) {
    const bool surge = day == kSurgeDay;
    const int64_t count = surge ? o.calls_per_day * 2 : o.calls_per_day;
    for (int64_t i = 0; i < count; ++i) {
      // Most calls come between 8:00 and 22:00. One draw per statement: the operands of + are
      // not evaluated in a fixed order.
      int64_t offered =
          o.from_ms + day * kDay +
          (chance(0.9) ? uniform(8 * 3600, 22 * 3600 - 1) : uniform(0, 86'399)) * kSecond;
      offered += uniform(0, 999);
      int64_t answered = 0;
      if (!chance(surge ? 0.12 : 0.025)) {
        int64_t wait = chance(surge ? 0.6 : 0.93) ? uniform(1, 14) : uniform(15, 120);
        answered = offered + wait * kSecond + uniform(0, 999);
      }
      if (offered >= o.until_ms || answered >= o.until_ms) continue;
      // The same options give the same calls under the same ids (stored once however often the
      // demo runs); other options give other ids.
      char ref[80];
      std::snprintf(ref, sizeof ref, "DEMO-%llu-%lld-%s-%05lld",
                    static_cast<unsigned long long>(o.seed),
                    static_cast<long long>(o.calls_per_day),
                    date_in_china(offered).to_string().c_str(), static_cast<long long>(i));
      calls.push_back({ref, offered, answered});
    }
  }
  ManualClock clock(o.until_ms);
  const auth::Principal centre{0, "demo", auth::Role::kDispatcher, o.region, false, {}, 0};
  int64_t added = 0;
  for (size_t at = 0; at < calls.size(); at += kMaxCallsPerReport) {
    std::vector<OfferedCall> report(calls.begin() + static_cast<std::ptrdiff_t>(at),
                                    calls.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                        calls.size(), at + kMaxCallsPerReport)));
    SHEGONG_RETURN_IF_ERROR(db.write([&](db::Session& s) {
      auto recorded = record_calls(s, clock, centre, o.region, report);
      if (!recorded.ok()) return recorded.status();
      added += recorded->added;
      return Status::Ok();
    }));
  }
  return added;
}

}  // namespace shegong::hotline
