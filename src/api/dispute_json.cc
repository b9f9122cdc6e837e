#include "api/dispute_json.h"

#include "api/case_json.h"
#include "api/order_json.h"
#include "base/mask.h"
#include "cases/engine.h"
#include "cases/fields.h"
#include "disputes/parties.h"
#include "regions/region_code.h"

namespace shegong::api {

using Json = nlohmann::json;

namespace {

// Every string in `j` with each party's name replaced by its masked form, then masked as shared
// free text (doors of addresses, personal numbers, names given after a cue).
void mask_text(Json& j, const std::vector<disputes::Party>& parties) {
  if (j.is_string()) {
    std::string text = j.get<std::string>();
    for (const disputes::Party& p : parties) {
      if (p.name.empty()) continue;
      const std::string masked = mask_name(p.name);
      for (size_t at = text.find(p.name); at != std::string::npos;
           at = text.find(p.name, at + masked.size())) {
        text.replace(at, p.name.size(), masked);
      }
    }
    j = mask_free_text(text);
  } else if (j.is_structured()) {
    for (Json& member : j) mask_text(member, parties);
  }
}

Result<bool> holds(db::Session& s, const auth::Principal& reader, const cases::CaseRecord& c) {
  if (reader.unit_id == 0) return false;
  auto units = cases::case_units(s, c);
  if (!units.ok()) return units.status();
  for (const cases::CaseUnit& u : *units) {
    if (u.unit_id == reader.unit_id) return true;
  }
  return false;
}

Result<Json> render_dispute(db::Session& s, const cases::CaseRecord& c,
                            const crypto::SecretBox& box, bool holder, bool with_timeline,
                            UnitMemo* units) {
  auto lead = unit_json(s, c.lead_unit_id, units);
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
  if (!holder) {
    for (const char* text : {"subject", "description", "address", "details"}) {
      mask_text(j[text], *parties);
    }
  }
  name_actors(s, j["details"]);
  if (with_timeline) {
    auto timeline = timeline_json(s, c.id);
    if (!timeline.ok()) return timeline.status();
    j["timeline"] = std::move(*timeline);
  }
  return j;
}

}  // namespace

Result<Json> dispute_json(db::Session& s, const cases::CaseRecord& c, const crypto::SecretBox& box,
                          const auth::Principal& reader, bool with_timeline) {
  auto holder = holds(s, reader, c);
  if (!holder.ok()) return holder.status();
  return render_dispute(s, c, box, *holder, with_timeline, nullptr);
}

Result<Json> dispute_json(db::Session& s, const cases::CaseRecord& c, const crypto::SecretBox& box,
                          bool holder, UnitMemo& units) {
  return render_dispute(s, c, box, holder, false, &units);
}

}  // namespace shegong::api
