#include "petitions/same_matter.h"

#include <algorithm>
#include <vector>

#include "text/normalize.h"
#include "text/shingles.h"

namespace shegong::petitions {

namespace {

std::vector<uint64_t> shingle_set(std::string_view raw) {
  auto normalized = text::normalize(raw);
  if (!normalized.ok()) return {};
  auto chars = text::content_characters(*normalized);
  auto hashes = text::shingle_hashes(chars, 3);
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

}  // namespace

double matter_similarity(std::string_view a, std::string_view b) {
  auto x = shingle_set(a), y = shingle_set(b);
  if (x.empty() || y.empty()) return 0;
  std::vector<uint64_t> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  double uni = static_cast<double>(x.size() + y.size() - common.size());
  return static_cast<double>(common.size()) / uni;
}

}  // namespace shegong::petitions
