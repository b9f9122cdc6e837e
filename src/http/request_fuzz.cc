// libFuzzer target: parse_target and the header lookups on arbitrary bytes never crash; a target
// they accept decodes to a path and query of valid UTF-8 without NUL, and the first byte of the
// input chooses whether it is a request target or a Cookie header. Built and run for a bounded
// time by bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "http/request.h"

namespace {

bool clean(std::string_view s) {
  return shegong::is_valid_utf8(s) && s.find('\0') == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  shegong::http::Request r;
  if (data[0] & 1) {
    r.headers.emplace_back("cookie", std::string(input));
    std::string_view sid = r.cookie("sid");
    // What a cookie lookup returns lies inside the header.
    if (!sid.empty() && (sid.data() < r.headers[0].second.data() ||
                         sid.data() + sid.size() > r.headers[0].second.data() + input.size())) {
      std::abort();
    }
    return 0;
  }
  r.target = std::string(input);
  shegong::http::parse_target(r);
  if (!clean(r.path) && !r.malformed_target) std::abort();
  for (const auto& [key, value] : r.query) {
    if (!clean(key) || !clean(value)) std::abort();
  }
  if (r.path.size() > input.size()) std::abort();  // decoding never grows the text
  return 0;
}
