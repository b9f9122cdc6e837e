#include "api/order_json.h"

#include "base/clock.h"
#include "base/mask.h"
#include "hotline/requester.h"
#include "hotline/units.h"

namespace shegong::api {

namespace {

Json unit_brief(db::Session& s, int64_t id) {
  if (id == 0) return nullptr;
  auto u = hotline::find_unit(s, id);
  if (!u.ok() || !*u) return {{"id", id}};
  return {{"id", id}, {"name", (*u)->name}, {"kind", (*u)->kind}};
}

Json time_pair(int64_t ms) { return ms == 0 ? Json(nullptr) : Json(iso_time(ms)); }

}  // namespace

std::string iso_time(int64_t ms) { return ms == 0 ? "" : format_utc_iso8601(ms); }

Json order_json(db::Session& s, const cases::CaseRecord& c, const auth::Principal& reader,
                const crypto::SecretBox& box, const regions::RegionTree& tree,
                bool with_timeline) {
  Json attrs = Json::parse(c.attrs, nullptr, false);
  if (!attrs.is_object()) attrs = Json::object();
  std::string region_names;
  for (const auto& a : tree.ancestors(c.region_code)) region_names += std::string(a.name) + " / ";
  if (auto r = tree.find(c.region_code)) region_names += std::string(r->name);
  Json out = {{"id", c.id},
              {"tracking_no", c.tracking_no},
              {"state", c.state},
              {"channel", c.channel},
              {"type", c.type},
              {"category", c.category},
              {"urgency", c.urgency},
              {"subject", c.subject},
              {"content", c.content},
              {"address", c.address},
              {"region", {{"code", regions::statistical_code(c.region_code)}, {"path_names", region_names}}},
              {"confidential", c.confidential},
              {"received_at", time_pair(c.received_at_ms)},
              {"due_at", time_pair(c.due_at_ms)},
              {"due_at_ms", c.due_at_ms == 0 ? Json(nullptr) : Json(c.due_at_ms)},
              {"closed_at", time_pair(c.closed_at_ms)},
              {"overdue", c.overdue},
              {"lead_unit", unit_brief(s, c.lead_unit_id)},
              {"version", c.version}};
  if (c.lat) out["lat"] = *c.lat;
  if (c.lng) out["lng"] = *c.lng;
  for (const char* key : {"reply", "dispute", "extension", "triage", "repeat_caller",
                          "requester_rating", "reopened", "sla"}) {
    if (attrs.contains(key)) out[key] = attrs[key];
  }
  auto who = hotline::visible_requester(box, reader, c);
  out["contact"] = who.ok() && *who ? Json{{"name", (*who)->name}, {"phone", (*who)->phone}}
                                    : Json(nullptr);
  if (with_timeline) {
    auto units = cases::case_units(s, c);
    Json list = Json::array();
    if (units.ok()) {
      for (const auto& u : *units) {
        Json b = unit_brief(s, u.unit_id);
        b["role"] = u.role;
        list.push_back(b);
      }
    }
    out["units"] = list;
    Json events = Json::array();
    if (auto t = cases::timeline(s, c.id); t.ok()) {
      for (const auto& e : *t) {
        Json data = Json::parse(e.data, nullptr, false);
        events.push_back({{"id", e.id}, {"at", iso_time(e.at_ms)}, {"actor", e.actor},
                          {"action", e.action}, {"from", e.from_state}, {"to", e.to_state},
                          {"unit_id", e.unit_id == 0 ? Json(nullptr) : Json(e.unit_id)},
                          {"data", data.is_discarded() ? Json::object() : data}});
      }
    }
    out["timeline"] = events;
  }
  return out;
}

Json public_order_json(db::Session& s, const cases::CaseRecord& c) {
  Json attrs = Json::parse(c.attrs, nullptr, false);
  if (!attrs.is_object()) attrs = Json::object();
  Json steps = Json::array();
  if (auto t = cases::timeline(s, c.id); t.ok()) {
    for (const auto& e : *t) {
      if (e.from_state == e.to_state && e.action != "reply") continue;  // state changes only
      steps.push_back({{"at", iso_time(e.at_ms)}, {"action", e.action}, {"state", e.to_state}});
    }
  }
  Json out = {{"tracking_no", c.tracking_no},
              {"state", c.state},
              {"type", c.type},
              {"subject", mask_digit_runs(c.subject)},
              {"received_at", iso_time(c.received_at_ms)},
              {"due_at", time_pair(c.due_at_ms)},
              {"steps", steps}};
  if (attrs.contains("reply")) {
    out["reply"] = {{"text", mask_digit_runs(attrs["reply"].value("text", ""))},
                    {"at", iso_time(attrs["reply"].value("at_ms", int64_t{0}))}};
  }
  if (attrs.contains("triage")) out["answer"] = mask_digit_runs(attrs["triage"].value("answer", ""));
  if (attrs.contains("requester_rating")) out["rating"] = attrs["requester_rating"]["satisfaction"];
  return out;
}

}  // namespace shegong::api
