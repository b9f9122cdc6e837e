// A requester rates an answer once: the rating kept in an order's attrs counts for the reply it
// was given after. An order reopened and replied again has an answer not yet rated.
#pragma once

#include <nlohmann/json.hpp>

namespace shegong::hotline {

inline bool answer_rated(const nlohmann::json& attrs) {
  if (!attrs.contains("requester_rating")) return false;
  const int64_t answered_at =
      attrs.contains("reply") ? attrs["reply"].value("at_ms", int64_t{0}) : 0;
  return attrs["requester_rating"].value("at_ms", int64_t{0}) >= answered_at;
}

}  // namespace shegong::hotline
