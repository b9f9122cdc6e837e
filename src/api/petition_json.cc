#include "api/petition_json.h"

#include "api/case_json.h"
#include "api/order_json.h"
#include "cases/fields.h"
#include "petitions/follow_up.h"
#include "petitions/notices.h"
#include "petitions/petition_kind.h"
#include "petitions/petitioner.h"

namespace shegong::api {

using Json = nlohmann::json;

Result<Json> petition_json(db::Session& s, const cases::CaseRecord& c,
                           const petitions::PetitionAccess& access, const crypto::SecretBox& box,
                           bool with_timeline, UnitMemo* units) {
  auto lead = unit_json(s, c.lead_unit_id, units);
  if (!lead.ok()) return lead.status();
  Json j = {{"id", c.id},
            {"tracking_no", c.tracking_no},
            {"state", c.state},
            {"channel", c.channel},
            {"category", c.type},
            {"field", c.category},
            {"major", c.urgency == "major"},
            {"subject", c.subject},
            {"content", c.content},
            {"region_code", regions::statistical_code(c.region_code)},
            {"address", c.address},
            {"lead_unit", *lead},
            {"confidential", c.confidential},
            {"received_at", iso_time(c.received_at_ms)},
            {"due_at", time_or_null(c.due_at_ms)},
            {"closed_at", time_or_null(c.closed_at_ms)},
            {"overdue", c.overdue},
            {"version", c.version},
            {"notices", petitions::notices_of(c)},
            {"details", cases::attrs_of(c)}};
  j["decision_in_force"] = petitions::decision_in_force(j["details"]);
  j["implementation_pending"] = petitions::implementation_pending(j["details"]);
  j["petitioner"] = nullptr;
  if (!access.sees_identity && c.confidential) {
    // The petitioner's earlier petitions would tell who filed this one.
    Json& d = j["details"];
    d.erase("repeat_of");
    if (d.contains("duplicate") && d["duplicate"].is_object()) d["duplicate"].erase("earlier");
  }
  if (!access.sees_identity && j["details"].contains("assistance") &&
      j["details"]["assistance"].is_array()) {
    // What a petitioner in hardship was helped with tells of their circumstances (Art. 37).
    for (Json& help : j["details"]["assistance"]) help.erase("note");
  }
  if (access.sees_identity) {
    auto who = petitions::open_petitioner(box, c.requester_sealed);
    if (!who.ok()) return who.status();
    petitions::Petitioner m = petitions::masked(*who);
    j["petitioner"] = {{"name", m.name},
                       {"id_number", m.id_number},
                       {"phone", m.phone},
                       {"address", m.address},
                       {"representatives", m.representatives}};
  }
  if (with_timeline) {
    auto timeline = timeline_json(s, c.id);
    if (!timeline.ok()) return timeline.status();
    j["timeline"] = std::move(*timeline);
  }
  return j;
}

Result<Json> public_petition_json(db::Session& s, const cases::CaseRecord& c) {
  auto lead = unit_json(s, c.lead_unit_id);
  if (!lead.ok()) return lead.status();
  Json a = cases::attrs_of(c);
  return Json{{"tracking_no", c.tracking_no},
              {"state", c.state},
              {"handled_by", lead->is_null() ? Json() : (*lead)["name"]},
              {"received_at", iso_time(c.received_at_ms)},
              {"due_at", time_or_null(c.due_at_ms)},
              {"closed_at", time_or_null(c.closed_at_ms)},
              {"notices", petitions::notices_of(c)},
              {"rated", petitions::current_answer_rated(c)},
              // Art. 32: whether a decision that supports the request has been carried out.
              {"carried_out", petitions::decision_in_force(a) == "support"
                                  ? Json(!petitions::implementation_pending(a))
                                  : Json()}};
}

}  // namespace shegong::api
