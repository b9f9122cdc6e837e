// libFuzzer target: normalisation and PII masking on arbitrary bytes must never crash, and what
// they return must be valid UTF-8 that normalises to itself. Built and run for a bounded time by
// bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "text/normalize.h"
#include "text/pii.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto normal = shegong::text::normalize(input);
  if (!normal.ok()) {
    // Only invalid UTF-8 is refused.
    if (shegong::is_valid_utf8(input)) std::abort();
    return 0;
  }
  if (!shegong::is_valid_utf8(*normal)) std::abort();
  auto again = shegong::text::normalize(*normal);
  if (!again.ok() || *again != *normal) std::abort();  // idempotent
  std::string masked = shegong::text::mask_pii(*normal);
  if (!shegong::is_valid_utf8(masked) || masked.size() != normal->size()) std::abort();
  return 0;
}
