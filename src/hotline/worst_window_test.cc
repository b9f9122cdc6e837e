#include "hotline/worst_window.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace shegong::hotline {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;

TEST(WorstWindow, FindsTheWindowWhoseCallsWereLeastAnsweredEvenBetweenCalls) {
  // Answered at 0:00, unanswered at 23:30, answered at 24:12: the 24 hours from just after midnight
  // hold only the unanswered call.
  std::vector<CallTimes> calls = {{0, 5 * kSecond},
                                  {23 * kHour + 30 * kMinute, 0},
                                  {24 * kHour + 12 * kMinute, 24 * kHour + 12 * kMinute + 1}};
  auto w = worst_window(calls, 0, 48 * kHour, 24 * kHour);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->from_ms, 1);
  EXPECT_EQ(w->to_ms, 24 * kHour + 1);
  EXPECT_EQ(w->offered, 1);
  EXPECT_EQ(w->answered, 0);
  // A period shorter than the window, or without calls, has none.
  EXPECT_FALSE(worst_window(calls, 0, 24 * kHour - 1, 24 * kHour));
  EXPECT_FALSE(worst_window({}, 0, 48 * kHour, 24 * kHour));
  // A period of exactly one window has that window.
  auto day = worst_window(calls, 0, 24 * kHour, 24 * kHour);
  ASSERT_TRUE(day);
  EXPECT_EQ(day->from_ms, 0);
  EXPECT_EQ(day->offered, 2);
  EXPECT_EQ(day->answered, 1);
}

TEST(WorstWindow, AgreesWithTryingEveryStart) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200; ++round) {
    const int64_t from = static_cast<int64_t>(rng() % 20), to = from + 40 + rng() % 60,
                  length = 10 + rng() % 20;
    // Calls also before and after the period, which no window holds.
    std::vector<CallTimes> calls;
    for (int64_t n = static_cast<int64_t>(rng() % 14), i = 0; i < n; ++i) {
      int64_t t = static_cast<int64_t>(rng() % static_cast<uint64_t>(to + 10));
      calls.push_back({t, rng() % 3 == 0 ? 0 : t + 1});
    }
    std::sort(calls.begin(), calls.end(), [](const CallTimes& a, const CallTimes& b) {
      return a.offered_at_ms < b.offered_at_ms;
    });
    std::optional<CallWindow> expected;
    for (int64_t start = from; start + length <= to; ++start) {
      CallWindow w{start, start + length, 0, 0};
      for (const CallTimes& c : calls) {
        if (c.offered_at_ms >= start && c.offered_at_ms < start + length) {  // inside the period
          ++w.offered;
          w.answered += c.answered_at_ms != 0;
        }
      }
      if (w.offered > 0 &&
          (!expected || w.answered * expected->offered < expected->answered * w.offered)) {
        expected = w;
      }
    }
    auto got = worst_window(calls, from, to, length);
    ASSERT_EQ(got.has_value(), expected.has_value()) << round;
    if (!got) continue;
    EXPECT_EQ(got->from_ms, expected->from_ms) << round;
    EXPECT_EQ(got->offered, expected->offered) << round;
    EXPECT_EQ(got->answered, expected->answered) << round;
  }
}

TEST(WorstWindow, KeepsAboutOneWindowOfCallsInMemoryAndAgreesWithTheCallsHeldWhole) {
  // A year of calls every 10 s, one in 20 unanswered, and a bad afternoon in June.
  const int64_t from = 0, to = 365 * 24 * kHour;
  std::vector<CallTimes> calls;
  for (int64_t t = from, i = 0; t < to; t += 10 * kSecond, ++i) {
    bool bad = t >= 160 * 24 * kHour + 13 * kHour && t < 160 * 24 * kHour + 17 * kHour;
    calls.push_back({t, (bad ? i % 3 == 0 : i % 20 == 0) ? 0 : t + 5 * kSecond});
  }
  auto w = worst_window(calls, from, to, 24 * kHour);
  ASSERT_TRUE(w);
  EXPECT_LE(w->from_ms, 160 * 24 * kHour + 13 * kHour);
  EXPECT_GE(w->to_ms, 160 * 24 * kHour + 17 * kHour - kMinute);  // all of it but a call or two
  EXPECT_LT(w->completion_rate(), 0.95);
  EXPECT_NEAR(w->offered, 24 * 360, 1);  // a day's calls, one every 10 s
}

}  // namespace
}  // namespace shegong::hotline
