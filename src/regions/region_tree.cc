#include "regions/region_tree.h"

#include <algorithm>
#include <cstring>

namespace shegong::regions {

namespace {
constexpr std::string_view kCountryName = "中华人民共和国";
}

Result<std::shared_ptr<const RegionTree>> RegionTree::load(db::Db& db) {
  auto tree = std::make_shared<RegionTree>();
  tree->names_.append(kCountryName);
  tree->entries_.push_back(Entry{{}, 0, 0, static_cast<uint16_t>(kCountryName.size()), 0, 0, 0});
  Status st = db.read([&](db::Session& s) {
    auto count = s.query("SELECT count(*) FROM regions");
    if (!count.ok()) return count.status();
    tree->entries_.reserve((*count)[0].integer(0) + 1);
    return s.query_each("SELECT code, name, level FROM regions ORDER BY code", {},
                        [&](const db::Row& r) {
                          const std::string& code = r.text(0);
                          const std::string& name = r.text(1);
                          if (code.empty() || code.size() > 12 || name.size() > UINT16_MAX) {
                            return Internal("regions table holds a malformed row: '" + code + "'");
                          }
                          Entry e{};
                          std::memcpy(e.code, code.data(), code.size());
                          e.code_len = static_cast<uint8_t>(code.size());
                          e.level = static_cast<uint8_t>(r.integer(2));
                          e.name_len = static_cast<uint16_t>(name.size());
                          e.name_off = static_cast<uint32_t>(tree->names_.size());
                          tree->names_ += name;
                          tree->entries_.push_back(e);
                          return Status::Ok();
                        });
  });
  if (!st.ok()) return st;

  // Children lists by counting sort on the parent index; parents precede children in code order,
  // so each list comes out sorted by code.
  auto& entries = tree->entries_;
  std::vector<uint32_t> parent(entries.size(), kNone);
  for (uint32_t i = 1; i < entries.size(); ++i) {
    parent[i] = tree->index_of(parent_of(tree->code_of(entries[i])));
    if (parent[i] != kNone) ++entries[parent[i]].child_count;
  }
  uint32_t offset = 0;
  for (auto& e : entries) {
    e.first_child = offset;
    offset += e.child_count;
    e.child_count = 0;
  }
  tree->child_index_.resize(offset);
  for (uint32_t i = 1; i < entries.size(); ++i) {
    if (parent[i] == kNone) continue;  // an orphan stays findable but is nobody's child
    Entry& p = entries[parent[i]];
    tree->child_index_[p.first_child + p.child_count++] = i;
  }
  // The nearest region above each one that the tree holds, for ancestors() without searching.
  tree->nearest_above_.assign(entries.size(), kNone);
  for (uint32_t i = 1; i < entries.size(); ++i) {
    uint32_t up = parent[i];
    for (std::string_view p = parent_of(tree->code_of(entries[i])); up == kNone && !p.empty();) {
      p = parent_of(p);
      if (!p.empty()) up = tree->index_of(p);
    }
    tree->nearest_above_[i] = up;
  }
  return std::shared_ptr<const RegionTree>(std::move(tree));
}

uint32_t RegionTree::index_of(std::string_view code) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), code,
                             [this](const Entry& e, std::string_view c) { return code_of(e) < c; });
  if (it == entries_.end() || code_of(*it) != code) return kNone;
  return static_cast<uint32_t>(it - entries_.begin());
}

RegionRef RegionTree::ref(uint32_t i) const {
  const Entry& e = entries_[i];
  return {code_of(e), std::string_view(names_).substr(e.name_off, e.name_len),
          static_cast<Level>(e.level)};
}

Result<std::string> RegionTree::resolve(std::string_view input, std::string_view field) const {
  auto candidates = code_candidates(input, field);
  if (!candidates.ok()) return candidates.status();
  for (const std::string& c : *candidates) {
    if (contains(c)) return c;
  }
  return Status(Code::kNotFound, "no region has the code " + std::string(input),
                std::string(field));
}

std::optional<RegionRef> RegionTree::find(std::string_view code) const {
  uint32_t i = index_of(code);
  if (i == kNone) return std::nullopt;
  return ref(i);
}

std::vector<RegionRef> RegionTree::children(std::string_view code) const {
  std::vector<RegionRef> out;
  uint32_t i = index_of(code);
  if (i == kNone) return out;
  const Entry& e = entries_[i];
  out.reserve(e.child_count);
  for (uint32_t k = 0; k < e.child_count; ++k) out.push_back(ref(child_index_[e.first_child + k]));
  return out;
}

size_t RegionTree::child_count(std::string_view code) const {
  uint32_t i = index_of(code);
  return i == kNone ? 0 : entries_[i].child_count;
}

std::vector<RegionRef> RegionTree::ancestors(std::string_view code) const {
  std::vector<RegionRef> out;
  if (uint32_t i = code.empty() ? kNone : index_of(code); i != kNone) {
    for (uint32_t up = nearest_above_[i]; up != kNone && up != 0; up = nearest_above_[up]) {
      out.push_back(ref(up));
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  std::string_view p = code.empty() ? code : parent_of(code);
  while (!p.empty()) {
    if (auto r = find(p)) out.push_back(*r);
    p = parent_of(p);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<RegionRef> RegionTree::search(std::string_view fragment, std::string_view within,
                                          size_t limit) const {
  std::vector<RegionRef> out;
  if (fragment.empty() || limit == 0) return out;
  // The subtree of `within` is one contiguous run of codes starting with it.
  auto lo = std::lower_bound(entries_.begin(), entries_.end(), within,
                             [this](const Entry& e, std::string_view c) { return code_of(e) < c; });
  // Matches are gathered level by level so that provinces come before cities, and so on; a cap
  // keeps a broad fragment ("社区") cheap.
  constexpr size_t kCap = 4096;
  std::vector<uint32_t> hits;
  for (auto it = lo; it != entries_.end() && is_within(code_of(*it), within); ++it) {
    std::string_view name = std::string_view(names_).substr(it->name_off, it->name_len);
    if (name.find(fragment) != std::string_view::npos) {
      hits.push_back(static_cast<uint32_t>(it - entries_.begin()));
      if (hits.size() >= kCap) break;
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [this](uint32_t a, uint32_t b) {
    return entries_[a].level < entries_[b].level;
  });
  for (size_t k = 0; k < hits.size() && out.size() < limit; ++k) out.push_back(ref(hits[k]));
  return out;
}

}  // namespace shegong::regions
