#include "cases/tracking_no.h"

#include "base/calendar.h"
#include "base/crypto.h"
#include "cases/profile.h"

namespace shegong::cases {

namespace {

std::string check_digits() {
  std::string r = crypto::random_bytes(2);
  int n = ((static_cast<unsigned char>(r[0]) << 8) | static_cast<unsigned char>(r[1])) % 1000;
  std::string out = std::to_string(n);
  return std::string(3 - out.size(), '0') + out;
}

}  // namespace

Result<std::string> next_tracking_no(db::Session& s, const std::string& prefix, int64_t now_ms) {
  std::string day = date_in_china(now_ms).to_string();
  std::string ymd = day.substr(2, 2) + day.substr(5, 2) + day.substr(8, 2);
  // Orders keep the sequence name they always had.
  std::string counter = (prefix == "GD" ? std::string("order") : prefix) + ":" + ymd;
  auto seq = next_sequence(s, counter);
  if (!seq.ok()) return seq.status();
  std::string n = std::to_string(*seq);
  if (n.size() < 5) n = std::string(5 - n.size(), '0') + n;
  return prefix + ymd + n + check_digits();
}

}  // namespace shegong::cases
