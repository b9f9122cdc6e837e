#include "text/minhash.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "text/shingles.h"

namespace shegong::text {

namespace {

constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();

// The bin an empty bin borrows from on its `attempt`-th try; fixed so that two messages with the
// same set of non-empty bins borrow alike.
size_t donor(size_t bin, uint32_t attempt, size_t slots) {
  uint64_t h = mix64((uint64_t{attempt} << 32) ^ bin ^ 0xD6E8FEB86659FD93ull);
  return static_cast<size_t>((h >> 32) * slots >> 32);
}

}  // namespace

MinHashSketch minhash(std::span<const uint64_t> shingles, size_t slots) {
  MinHashSketch sketch;
  if (shingles.empty() || slots == 0) return sketch;
  sketch.slots.assign(slots, kEmpty);
  for (uint64_t h : shingles) {
    // The high half picks the bin (multiply-shift, no division), the low half is the value.
    size_t bin = static_cast<size_t>((h >> 32) * slots >> 32);
    auto value = static_cast<uint32_t>(h);
    if (value == kEmpty) value = kEmpty - 1;
    sketch.slots[bin] = std::min(sketch.slots[bin], value);
  }
  std::vector<uint32_t> filled = sketch.slots;  // donors are read from the undensified bins
  for (size_t bin = 0; bin < slots; ++bin) {
    if (filled[bin] != kEmpty) continue;
    // At least one bin is filled, so this ends; on average after slots / filled tries.
    for (uint32_t attempt = 1;; ++attempt) {
      size_t from = donor(bin, attempt, slots);
      if (filled[from] != kEmpty) {
        sketch.slots[bin] = filled[from];
        break;
      }
    }
  }
  return sketch;
}

double estimate_jaccard(const MinHashSketch& a, const MinHashSketch& b) {
  if (a.slots.empty() || a.slots.size() != b.slots.size()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.slots.size(); ++i) equal += a.slots[i] == b.slots[i];
  return static_cast<double>(equal) / a.slots.size();
}

std::vector<uint8_t> sketch_bytes(const MinHashSketch& sketch) {
  std::vector<uint8_t> out(sketch.slots.size());
  // Minima are small numbers whose high bits are zero; hash before keeping one byte.
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<uint8_t>(mix64(sketch.slots[i]) >> 56);
  return out;
}

size_t matching_bytes(const uint8_t* a, const uint8_t* b, size_t n) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  size_t equal = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    uint64_t d = x ^ y;
    // High bit of each byte set exactly when that byte of d is zero (no carries between bytes).
    uint64_t zero = ~(((d & kLow7) + kLow7) | d | kLow7);
    equal += static_cast<size_t>(__builtin_popcountll(zero));
  }
  for (; i < n; ++i) equal += a[i] == b[i];
  return equal;
}

double similarity_of_bytes(size_t matches, size_t n) {
  if (n == 0) return 0.0;
  constexpr double kChance = 1.0 / 256;
  double p = static_cast<double>(matches) / n;
  return std::clamp((p - kChance) / (1 - kChance), 0.0, 1.0);
}

}  // namespace shegong::text
