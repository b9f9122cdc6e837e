// Registering a citizen's demand as a work order (接诉即办条例 Art. 10): the time it was made, the
// demand and the contact details are required; the demand type is one of 咨询/求助/投诉/举报/建议.
// Every field is checked before anything is written, and an error names the field.
//
// A caller whose phone already raised `hotline.repeat_threshold` orders (default 5) in the last
// `hotline.repeat_window_days` days (default 30) is flagged for review — never refused (Art. 9).
#pragma once

#include <optional>
#include <string>

#include "base/crypto.h"
#include "cases/engine.h"
#include "hotline/text_aids.h"
#include "regions/region_tree.h"

namespace shegong::hotline {

struct NewOrder {
  std::string channel;
  std::string type;
  std::string subject;
  std::string content;
  std::string contact_name;
  std::string contact_phone;
  std::string region_code;  // any accepted form
  std::string address;
  std::optional<double> lat, lng;
  std::string category;  // optional: a code from the taxonomy
  std::string urgency = "general";
  bool confidential = false;
  int64_t received_at_ms = 0;  // when the demand was made; 0 = now
};

// Checks that need no storage. `tree` resolves the region.
Status validate_new_order(NewOrder& order, const regions::RegionTree& tree);

// An order checked and made ready outside any transaction: the record with its sealed contact,
// and what the text aids found (the classifier's top 3, an earlier order of the same requester on
// the same matter). This work is done by the thread that received the demand, so that the one
// writer only writes.
struct PreparedOrder {
  cases::CaseRecord record;
  std::vector<text::Prediction> predicted;
  std::optional<text::RepeatFinding> repeat;
};
Result<PreparedOrder> prepare_order(const cases::Engine& engine, const crypto::SecretBox& box,
                                    const regions::RegionTree& tree, NewOrder order,
                                    const TextAids& aids = {});

// Registers a prepared order inside the caller's transaction. An order prepared with text aids
// also carries the dispatcher's suggestions (when a category model classified it) and, when the
// requester raised the same matter before, the earlier orders (attrs "suggestions", "repeat_of").
// Once the transaction has committed, the caller adds it to the repeat index with index_order (not
// the writer's work, and an order that was rolled back never joins).
Result<cases::CaseRecord> register_order(db::Session& s, cases::Engine& engine, PreparedOrder order,
                                         const std::string& actor);
void index_order(const TextAids& aids, const cases::CaseRecord& order);

// All three in one go, inside the caller's transaction.
Result<cases::CaseRecord> register_order(db::Session& s, cases::Engine& engine,
                                         const crypto::SecretBox& box,
                                         const regions::RegionTree& tree, NewOrder order,
                                         const std::string& actor, const TextAids& aids = {});

}  // namespace shegong::hotline
