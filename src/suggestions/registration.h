// Registering a people's suggestion at receipt, from any channel (上海市人民建议征集若干规定 Arts.
// 9 to 11; DOMAIN.md items 65 and 67). A suggestion holds a subject, the main reasons, the proposed
// measures and the proposer's basic information (Art. 10); each is required. A suggestion sent to a
// special collection goes to the unit that runs it: refused before the collection opens, kept and
// marked late after it closes. A text that reads like a personal demand or a legal matter gets a
// redirect hint (redirect_hint.h) for the person who accepts or redirects it.
//
// The unit that receives a routine suggestion is the one its caller names, or, for a citizen's own
// submission, the collecting office the region's profile names (`suggestion.office_unit`, the
// longest region prefix that has one).
#pragma once

#include <string>

#include "base/crypto.h"
#include "cases/engine.h"
#include "regions/region_tree.h"
#include "suggestions/proposer.h"

namespace shegong::suggestions {

struct NewSuggestion {
  std::string channel;  // kChannels
  std::string subject;
  std::string reasons;      // the main reasons
  std::string measures;     // the proposed measures
  std::string field;        // 涉及领域, optional
  std::string region_code;  // the area it is about; a collection's area when absent
  Proposer proposer;
  int64_t unit_id = 0;         // the receiving unit; a collection's unit wins
  int64_t collection_id = 0;   // 0: a routine suggestion
  int64_t received_at_ms = 0;  // 0 = now
};

Result<cases::CaseRecord> register_suggestion(db::Session& s, cases::Engine& engine,
                                              const crypto::SecretBox& box,
                                              const regions::RegionTree& tree, NewSuggestion n,
                                              const std::string& actor);

// The collecting office of `region_code` for citizens' own submissions, from the profile; a 409
// naming "region_code" when none is configured or it is not an active unit.
Result<int64_t> collecting_office(db::Session& s, const std::string& region_code);

}  // namespace shegong::suggestions
