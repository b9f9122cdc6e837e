#include "api/case_json.h"

#include "api/order_json.h"
#include "auth/actor_names.h"
#include "base/clock.h"
#include "cases/engine.h"
#include "hotline/units.h"

namespace shegong::api {

using Json = nlohmann::json;

Result<Json> unit_json(db::Session& s, int64_t id) {
  if (id == 0) return Json();
  auto u = hotline::find_unit(s, id);
  if (!u.ok()) return u.status();
  if (!*u) return Json();
  return Json{{"id", (*u)->id}, {"name", (*u)->name}, {"kind", (*u)->kind}};
}

Result<Json> UnitMemo::get(db::Session& s, int64_t id) {
  if (auto it = units_.find(id); it != units_.end()) return it->second;
  auto u = unit_json(s, id);
  if (u.ok()) units_.emplace(id, *u);
  return u;
}

Result<Json> unit_json(db::Session& s, int64_t id, UnitMemo* memo) {
  return memo == nullptr ? unit_json(s, id) : memo->get(s, id);
}

Json member_or_null(const Json& j, const char* name) { return j.contains(name) ? j[name] : Json(); }

void name_actors(db::Session& s, Json& j) {
  if (j.is_object()) {
    auto by = j.find("by");
    if (by != j.end() && by->is_string()) {
      j["by_name"] =
          auth::actor_display_name(s, by->get<std::string>(), SystemClock::instance().now_ms());
    }
  }
  if (j.is_structured()) {
    for (Json& member : j) {
      if (!member.is_structured()) continue;
      name_actors(s, member);
    }
  }
}

Json time_or_null(int64_t ms) { return ms == 0 ? Json() : Json(iso_time(ms)); }

Result<Json> timeline_json(db::Session& s, int64_t case_id) {
  auto events = cases::timeline(s, case_id);
  if (!events.ok()) return events.status();
  Json timeline = Json::array();
  int64_t now_ms = SystemClock::instance().now_ms();
  for (const auto& e : *events) {
    timeline.push_back({{"at", iso_time(e.at_ms)},
                        {"actor", e.actor},
                        {"actor_name", auth::actor_display_name(s, e.actor, now_ms)},
                        {"action", e.action},
                        {"from", e.from_state},
                        {"to", e.to_state},
                        {"unit_id", e.unit_id == 0 ? Json() : Json(e.unit_id)},
                        {"data", Json::parse(e.data, nullptr, false)}});
  }
  return timeline;
}

}  // namespace shegong::api
