#include "api/work_task_json.h"

#include "api/order_json.h"
#include "cases/fields.h"
#include "regions/region_code.h"

namespace shegong::api {

using Json = nlohmann::json;

namespace {

// The list item the task rests on, its area as a statistical code like every region in the API.
Json item_json(const Json& attrs) {
  Json item = member_or_null(attrs, "item");
  if (item.is_object() && item.contains("region_code")) {
    item["region_code"] = regions::statistical_code(item.value("region_code", ""));
  }
  return item;
}

// A step on the record with its time in ISO form.
Json step_json(const Json& step) {
  if (step.is_null()) return step;
  Json out = step;
  out["at"] = iso_time(step.value("at_ms", int64_t{0}));
  out.erase("at_ms");
  return out;
}

}  // namespace

Result<Json> work_task_json(db::Session& s, const cases::CaseRecord& c, bool with_timeline,
                            UnitMemo* units) {
  const Json a = cases::attrs_of(c);
  Json unit[3];
  const int64_t ids[3] = {c.lead_unit_id, a.value("requester_unit_id", int64_t{0}),
                          a.value("target_unit_id", int64_t{0})};
  for (int i = 0; i < 3; ++i) {
    auto u = unit_json(s, ids[i], units);
    if (!u.ok()) return u.status();
    unit[i] = std::move(*u);
  }
  Json j = {{"id", c.id},
            {"tracking_no", c.tracking_no},
            {"state", c.state},
            {"subject", c.subject},
            {"content", c.content},
            {"form_filling", c.channel == "form_filling"},
            {"list", c.type},
            {"item", item_json(a)},
            {"region_code", regions::statistical_code(c.region_code)},
            {"lead_unit", unit[0]},
            {"requester_unit", unit[1]},
            {"target_unit", unit[2]},
            {"due_on", member_or_null(a, "due_on")},
            {"received_at", iso_time(c.received_at_ms)},
            {"closed_at", time_or_null(c.closed_at_ms)},
            {"overdue", c.overdue},
            {"version", c.version},
            {"approval", step_json(member_or_null(a, "approval"))},
            {"completion", step_json(member_or_null(a, "completion"))}};
  name_actors(s, j);
  if (with_timeline) {
    auto timeline = timeline_json(s, c.id);
    if (!timeline.ok()) return timeline.status();
    j["timeline"] = std::move(*timeline);
  }
  return j;
}

}  // namespace shegong::api
