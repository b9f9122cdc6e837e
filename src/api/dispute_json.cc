#include "api/dispute_json.h"

#include "api/case_json.h"
#include "api/order_json.h"
#include "cases/fields.h"
#include "disputes/parties.h"
#include "regions/region_code.h"

namespace shegong::api {

using Json = nlohmann::json;

Result<Json> dispute_json(db::Session& s, const cases::CaseRecord& c, const crypto::SecretBox& box,
                          bool with_timeline) {
  auto lead = unit_json(s, c.lead_unit_id);
  if (!lead.ok()) return lead.status();
  auto parties = disputes::open_parties(box, c.requester_sealed);
  if (!parties.ok()) return parties.status();
  Json people = Json::array();
  for (const disputes::Party& p : disputes::masked(*parties)) {
    people.push_back({{"name", p.name}, {"phone", p.phone}, {"role", p.role}});
  }
  Json j = {{"id", c.id},
            {"tracking_no", c.tracking_no},
            {"state", c.state},
            {"track", c.type},
            {"source", c.channel},
            {"category", c.category},
            {"risk", c.urgency},
            {"subject", c.subject},
            {"description", c.content},
            {"region_code", regions::statistical_code(c.region_code)},
            {"address", c.address},
            {"lead_unit", *lead},
            {"received_at", iso_time(c.received_at_ms)},
            {"due_at", time_or_null(c.due_at_ms)},
            {"closed_at", time_or_null(c.closed_at_ms)},
            {"overdue", c.overdue},
            {"version", c.version},
            {"parties", people},
            {"details", cases::attrs_of(c)}};
  if (with_timeline) {
    auto timeline = timeline_json(s, c.id);
    if (!timeline.ok()) return timeline.status();
    j["timeline"] = std::move(*timeline);
  }
  return j;
}

}  // namespace shegong::api
