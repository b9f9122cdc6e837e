#include "api/order_json.h"

#include <nlohmann/json.hpp>

#include "auth/actor_names.h"
#include "base/clock.h"
#include "base/json_text.h"
#include "base/json_writer.h"
#include "base/mask.h"
#include "hotline/rating.h"
#include "hotline/requester.h"

namespace shegong::api {

namespace {

using Json = nlohmann::json;

void time_field(JsonWriter& w, std::string_view name, int64_t ms) {
  w.key(name);
  if (ms == 0) {
    w.null();
  } else {
    char text[kIso8601Size];
    format_utc_iso8601(ms, text);
    w.value(std::string_view(text, kIso8601Size));
  }
}

void unit_object(JsonWriter& w, const hotline::OrderUnit& u, bool with_role) {
  w.begin_object().field("id", u.id).field("name", u.name).field("kind", u.kind);
  if (with_role) w.field("role", u.role);
  w.end_object();
}

}  // namespace

std::string iso_time(int64_t ms) { return ms == 0 ? "" : format_utc_iso8601(ms); }

std::string order_json(db::Session& s, const OrderView& view, const auth::Principal& reader,
                       const crypto::SecretBox& box, const regions::RegionTree& tree,
                       bool with_timeline) {
  const cases::CaseRecord& c = view.order;
  std::string region_names;
  for (const auto& a : tree.ancestors(c.region_code)) region_names += std::string(a.name) + " / ";
  if (auto r = tree.find(c.region_code)) region_names += std::string(r->name);

  JsonWriter w(with_timeline ? 4096 : 1024);
  w.begin_object()
      .field("id", c.id)
      .field("tracking_no", c.tracking_no)
      .field("state", c.state)
      .field("channel", c.channel)
      .field("type", c.type)
      .field("category", c.category)
      .field("urgency", c.urgency)
      .field("subject", c.subject)
      .field("content", c.content)
      .field("address", c.address);
  w.key("region").begin_object().field("code", regions::statistical_code(c.region_code));
  w.field("path_names", region_names).end_object();
  if (c.lat) w.field("lat", *c.lat);
  if (c.lng) w.field("lng", *c.lng);
  w.field("confidential", c.confidential);
  time_field(w, "received_at", c.received_at_ms);
  time_field(w, "due_at", c.due_at_ms);
  w.key("due_at_ms");
  if (c.due_at_ms == 0) {
    w.null();
  } else {
    w.value(c.due_at_ms);
  }
  time_field(w, "closed_at", c.closed_at_ms);
  w.field("overdue", c.overdue).field("version", c.version);
  w.key("lead_unit");
  if (!view.units.empty() && view.units[0].role == "lead") {
    unit_object(w, view.units[0], false);
  } else {
    w.null();
  }
  // Kind-specific facts kept in attrs (JSON the engine wrote), passed through as they were written.
  auto members = json_object_members(c.attrs);
  for (std::string_view key :
       {"reply", "dispute", "extension", "triage", "repeat_caller", "repeat_of", "suggestions",
        "requester_rating", "reopened", "sla", "deadline_pending"}) {
    for (const auto& [k, raw] : members) {
      if (k == key) w.key(key).raw(raw);
    }
  }
  w.key("contact");
  auto who = hotline::visible_requester(box, reader, c);
  if (who.ok() && *who) {
    w.begin_object().field("name", (*who)->name).field("phone", (*who)->phone).end_object();
  } else {
    w.null();
  }
  if (with_timeline) {
    w.key("units").begin_array();
    for (const auto& u : view.units) unit_object(w, u, true);
    w.end_array();
    w.key("timeline").begin_array();
    int64_t now_ms = SystemClock::instance().now_ms();
    if (auto t = cases::timeline(s, c.id); t.ok()) {
      for (const auto& e : *t) {
        w.begin_object().field("id", e.id);
        time_field(w, "at", e.at_ms);
        w.field("actor", e.actor)
            .field("actor_name", auth::actor_display_name(s, e.actor, now_ms))
            .field("action", e.action)
            .field("from", e.from_state);
        w.field("to", e.to_state).key("unit_id");
        if (e.unit_id == 0) {
          w.null();
        } else {
          w.value(e.unit_id);
        }
        // Event data is JSON the engine wrote itself.
        w.key("data").raw(e.data.empty() ? "{}" : e.data);
        w.end_object();
      }
    }
    w.end_array();
  }
  w.end_object();
  return w.take();
}

Result<std::string> order_json(db::Session& s, const cases::CaseRecord& c,
                               const auth::Principal& reader, const crypto::SecretBox& box,
                               const regions::RegionTree& tree, bool with_timeline) {
  auto units = hotline::order_units(s, c.id, c.lead_unit_id);
  if (!units.ok()) return units.status();
  return order_json(s, OrderView{c, *units}, reader, box, tree, with_timeline);
}

std::string public_order_json(db::Session& s, const cases::CaseRecord& c) {
  Json attrs = Json::parse(c.attrs, nullptr, false);
  if (!attrs.is_object()) attrs = Json::object();
  JsonWriter w;
  w.begin_object()
      .field("tracking_no", c.tracking_no)
      .field("state", c.state)
      .field("type", c.type)
      .field("subject", mask_free_text(c.subject));
  time_field(w, "received_at", c.received_at_ms);
  time_field(w, "due_at", c.due_at_ms);
  w.key("steps").begin_array();
  if (auto t = cases::timeline(s, c.id); t.ok()) {
    for (const auto& e : *t) {
      if (e.from_state == e.to_state && e.action != "reply") continue;  // state changes only
      w.begin_object();
      time_field(w, "at", e.at_ms);
      w.field("action", e.action).field("state", e.to_state).end_object();
    }
  }
  w.end_array();
  if (attrs.contains("reply")) {
    w.key("reply").begin_object();
    w.field("text", mask_free_text(attrs["reply"].value("text", "")));
    time_field(w, "at", attrs["reply"].value("at_ms", int64_t{0}));
    w.end_object();
  }
  if (attrs.contains("triage")) {
    w.field("answer", mask_free_text(attrs["triage"].value("answer", "")));
  }
  // The rating of the answer shown; a new answer after a reopening is open to rating again.
  if (hotline::answer_rated(attrs)) {
    w.field("rating", attrs["requester_rating"].value("satisfaction", ""));
  }
  w.end_object();
  return w.take();
}

}  // namespace shegong::api
