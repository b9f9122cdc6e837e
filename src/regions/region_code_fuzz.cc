// libFuzzer target: region codes typed by a user (a query parameter, a CSV cell) never crash
// code_candidates, and every candidate it gives is a short code whose statistical code, level and
// chain of parents agree with it. Built and run for a bounded time by bench/fuzz/run.sh
// (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "regions/region_code.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shegong::regions;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto candidates = code_candidates(input, "region");
  if (!candidates.ok()) {
    check(candidates.status().field() == "region");
    return 0;
  }
  check(!candidates->empty());
  for (const std::string& code : *candidates) {
    check(code.find_first_not_of("0123456789") == std::string::npos);
    const Level level = level_of(code);
    check(has_level_length(code, level));
    const std::string full = statistical_code(code);
    check(full.size() == 12 && full.compare(0, code.size(), code) == 0);
    // The statistical code reads back as this code (the deepest candidate) or a shallower one.
    auto back = code_candidates(full, "region");
    check(back.ok() && !back->empty());
    std::string_view up = code;
    for (int steps = 0; !up.empty(); ++steps) {
      check(steps < 6);
      up = parent_of(up);
    }
  }
  return 0;
}
