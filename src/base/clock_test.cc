#include "base/clock.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <random>

namespace shegong {
namespace {

// The C library's answer for the same instant, for comparison.
std::string reference(int64_t ms) {
  int64_t secs = ms / 1000;
  int64_t milli = ms % 1000;
  if (milli < 0) {
    milli += 1000;
    --secs;
  }
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(milli));
  return buf;
}

TEST(Clock, FormatsKnownInstants) {
  EXPECT_EQ(format_utc_iso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_utc_iso8601(1'791'647'999'999), "2026-10-10T15:59:59.999Z");
  EXPECT_EQ(format_utc_iso8601(951'782'400'123), "2000-02-29T00:00:00.123Z");
  EXPECT_EQ(format_utc_iso8601(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_utc_iso8601(4'107'542'400'000), "2100-03-01T00:00:00.000Z");
}

TEST(Clock, AgreesWithTheCLibraryFrom1900To2400) {
  std::mt19937_64 random(7);
  // 1900-01-01 to 2400-01-01, and every day boundary around the leap days of the next years.
  std::uniform_int_distribution<int64_t> any(-2'208'988'800'000, 13'569'465'600'000);
  for (int i = 0; i < 200'000; ++i) {
    int64_t ms = any(random);
    ASSERT_EQ(format_utc_iso8601(ms), reference(ms)) << ms;
  }
  for (int64_t day = 20'000; day < 20'000 + 4 * 366; ++day) {
    for (int64_t ms : {day * 86'400'000 - 1, day * 86'400'000}) {
      ASSERT_EQ(format_utc_iso8601(ms), reference(ms)) << ms;
    }
  }
}

TEST(Clock, InstantsOutsideFourDigitYearsAreClampedToTheRange) {
  EXPECT_EQ(format_utc_iso8601(INT64_MAX), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(format_utc_iso8601(INT64_MIN), "0000-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace shegong
