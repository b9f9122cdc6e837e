#include "petitions/assistance.h"

#include <nlohmann/json.hpp>

#include "base/calendar.h"
#include "base/text_field.h"
#include "cases/case_record.h"
#include "cases/fields.h"
#include "hotline/vocabulary.h"

namespace shegong::petitions {

Status record_assistance(cases::TransitionContext& c) {
  std::string kind = cases::field(c.input, "kind");
  if (!hotline::one_of(kind, kAssistanceKinds)) {
    return Invalid("kind", "one of " + hotline::list_of(kAssistanceKinds) +
                               " (社会救助 or 司法救助, 信访工作条例 Art. 37)");
  }
  SHEGONG_RETURN_IF_ERROR(check_text(cases::field(c.input, "note"), "note", 8000, true));
  auto on =
      cases::done_date_field(c.input, "done_on", c.now_ms, date_in_china(c.before.received_at_ms),
                             "the petition was received");
  if (!on.ok()) return on.status();
  int64_t unit = c.actor != nullptr ? c.actor->unit_id : 0;
  nlohmann::json a = cases::attrs_of(c.after);
  a["assistance"].push_back({{"kind", kind},
                             {"note", cases::field(c.input, "note")},
                             {"done_on", on->to_string()},
                             {"unit_id", unit},
                             {"at_ms", c.now_ms}});
  cases::store_attrs(c.after, a);
  c.event_unit_id = unit != 0 ? unit : c.before.lead_unit_id;
  // The note may tell of the petitioner's circumstances: it stays out of the timeline.
  c.event_data = nlohmann::json{{"kind", kind}, {"done_on", on->to_string()}}.dump();
  return Status::Ok();
}

}  // namespace shegong::petitions
