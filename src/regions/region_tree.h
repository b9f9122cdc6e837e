// The national region tree held in memory for lookups on the request path. It is loaded from the
// regions table at start (about 665k rows, well under a second) and is immutable afterwards; an
// import while the server runs is picked up by loading a new tree and swapping the pointer.
//
// Codes are short codes (see region_code.h). The whole country is the root, code "".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/db.h"
#include "regions/region_code.h"

namespace shegong::regions {

struct RegionRef {
  std::string_view code;
  std::string_view name;
  Level level;
};

class RegionTree {
 public:
  static Result<std::shared_ptr<const RegionTree>> load(db::Db& db);

  size_t size() const { return entries_.size(); }  // including the country
  bool contains(std::string_view code) const { return index_of(code) != kNone; }
  // The deepest existing region that `input` (any accepted form, see code_candidates) names:
  // 400 naming `field` when malformed, 404 when no such region exists.
  Result<std::string> resolve(std::string_view input, std::string_view field) const;
  // The region, or nullopt-like empty code/name when unknown (check contains()).
  std::optional<RegionRef> find(std::string_view code) const;
  std::vector<RegionRef> children(std::string_view code) const;
  size_t child_count(std::string_view code) const;
  // Ancestors from the province down to the parent (the country is not included).
  std::vector<RegionRef> ancestors(std::string_view code) const;
  // Regions at or below `within` whose name contains `fragment`, higher levels first, then by code.
  std::vector<RegionRef> search(std::string_view fragment, std::string_view within,
                                size_t limit) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Entry {
    char code[12];
    uint8_t code_len;
    uint8_t level;
    uint16_t name_len;
    uint32_t name_off;
    uint32_t first_child;  // into child_index_
    uint32_t child_count;
  };

  uint32_t index_of(std::string_view code) const;
  RegionRef ref(uint32_t i) const;
  std::string_view code_of(const Entry& e) const { return {e.code, e.code_len}; }

  std::vector<Entry> entries_;  // sorted by code; entries_[0] is the country ("")
  std::vector<uint32_t> child_index_;
  std::vector<uint32_t> nearest_above_;  // per entry: the nearest ancestor held, or kNone
  std::string names_;
};

}  // namespace shegong::regions
