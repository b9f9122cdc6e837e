// Keys for the text module's dictionaries: a 64-bit hash of a sequence of code points, built one
// code point at a time so that a segmenter testing ever longer words, and an n-gram extractor
// growing an n-gram, pay one multiply per step. KeyTable maps such keys to values with open
// addressing; PackedKeyTable, for the tables read on every message, packs the key's high bits and a
// small value into one 8-byte word so that the tables stay as small as the caches allow.
//
// Hashes are part of the model file format: changing kSeed, extend() or mix() changes every key,
// so it needs a new model format version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shegong::text {

inline constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;  // FNV-1a offset basis

// FNV-1a over whole code points.
inline uint64_t extend(uint64_t hash, char32_t cp) { return (hash ^ cp) * 0x100000001b3ULL; }

// splitmix64's finaliser: spreads FNV's weak low bits over the table index. Never returns 0, which
// marks an empty slot.
inline uint64_t mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h ? h : 1;
}

template <typename Value>
class KeyTable {
 public:
  struct Slot {
    uint64_t key = 0;
    Value value{};
  };

  // Sizes the table for `count` keys at a load factor of at most one half; clears it.
  void reset(size_t count) {
    size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
  }

  // The value stored for `key`, or nullptr.
  const Value* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return &slot.value;
      if (slot.key == 0) return nullptr;
    }
  }

  // The value for `key`, inserted as Value{} when absent. The table grows as needed.
  Value& operator[](uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.key == key) return slot.value;
      if (slot.key == 0) {
        slot.key = key;
        ++size_;
        return slot.value;
      }
    }
  }

  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

  size_t size() const { return size_; }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    reset(old.empty() ? 8 : old.size());
    for (const Slot& slot : old)
      if (slot.key != 0) (*this)[slot.key] = slot.value;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Keys to values of kValueBits bits (values are never 0, which marks an empty slot). A slot holds
// the key's top 64 - kValueBits bits, which also choose the slot, and the value in the bits below;
// two keys that agree on all top bits are one key (with 40 such bits, about one chance in 10^12 per
// look-up of a key that is not there).
template <int kValueBits>
class PackedKeyTable {
 public:
  static constexpr uint64_t kValueMask = (uint64_t{1} << kValueBits) - 1;

  // Sizes the table for `count` keys at a load factor of at most one half; clears it.
  void reset(size_t count) {
    size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    size_ = 0;
  }

  // The value of `key`, or 0.
  uint64_t find(uint64_t key) const {
    const uint64_t top = key & ~kValueMask;
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if ((slot & ~kValueMask) == top && slot != 0) return slot & kValueMask;
      if (slot == 0) return 0;
    }
  }

  // ORs `value` (1 to kValueMask) into the value of `key`, inserting it as needed.
  void merge(uint64_t key, uint64_t value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const uint64_t top = key & ~kValueMask;
    for (size_t i = home(key);; i = (i + 1) & mask_) {
      uint64_t& slot = slots_[i];
      if (slot == 0) {
        slot = top | value;
        ++size_;
        return;
      }
      if ((slot & ~kValueMask) == top) {
        slot |= value;
        return;
      }
    }
  }

  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[home(key)]); }
  size_t size() const { return size_; }

 private:
  size_t home(uint64_t key) const { return (key >> kValueBits) & mask_; }
  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    reset(old.empty() ? 8 : old.size());
    for (uint64_t slot : old)
      if (slot != 0) merge(slot, slot & kValueMask);
  }

  std::vector<uint64_t> slots_ = std::vector<uint64_t>(16, 0);
  size_t mask_ = 15;
  size_t size_ = 0;
};

}  // namespace shegong::text
