#include "base/clock.h"

#include <algorithm>
#include <chrono>

namespace shegong {

int64_t SystemClock::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SystemClock& SystemClock::instance() {
  static SystemClock clock;
  return clock;
}

namespace {

void two_digits(char* at, unsigned v) {
  at[0] = static_cast<char>('0' + v / 10);
  at[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

void format_utc_iso8601(int64_t ms, char (&out)[kIso8601Size]) {
  // 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
  constexpr int64_t kFirst = -62'167'219'200'000;
  constexpr int64_t kLast = 253'402'300'799'999;
  ms = std::clamp(ms, kFirst, kLast);
  int64_t days = ms / 86'400'000;
  int64_t in_day = ms % 86'400'000;
  if (in_day < 0) {
    in_day += 86'400'000;
    --days;
  }
  // Civil date from days since 1970-01-01 (proleptic Gregorian; eras of 400 years from 0000-03-01).
  int64_t z = days + 719'468;
  int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
  auto doe = static_cast<unsigned>(z - era * 146'097);
  unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned day = doy - (153 * mp + 2) / 5 + 1;
  unsigned month = mp < 10 ? mp + 3 : mp - 9;
  auto year = static_cast<unsigned>(static_cast<int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
  auto t = static_cast<unsigned>(in_day);
  two_digits(out, year / 100);
  two_digits(out + 2, year % 100);
  out[4] = '-';
  two_digits(out + 5, month);
  out[7] = '-';
  two_digits(out + 8, day);
  out[10] = 'T';
  two_digits(out + 11, t / 3'600'000);
  out[13] = ':';
  two_digits(out + 14, t / 60'000 % 60);
  out[16] = ':';
  two_digits(out + 17, t / 1000 % 60);
  out[19] = '.';
  out[20] = static_cast<char>('0' + t % 1000 / 100);
  two_digits(out + 21, t % 100);
  out[23] = 'Z';
}

std::string format_utc_iso8601(int64_t ms) {
  char out[kIso8601Size];
  format_utc_iso8601(ms, out);
  return std::string(out, kIso8601Size);
}

}  // namespace shegong
