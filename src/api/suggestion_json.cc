#include "api/suggestion_json.h"

#include "api/case_json.h"
#include "api/order_json.h"
#include "base/mask.h"
#include "cases/fields.h"
#include "regions/region_code.h"
#include "suggestions/proposer.h"

namespace shegong::api {

using Json = nlohmann::json;

namespace {

Result<std::optional<suggestions::Collection>> collection_of(db::Session& s, int64_t id,
                                                             SuggestionMemo* memo) {
  if (memo == nullptr) return suggestions::find_collection(s, id);
  if (auto it = memo->collections.find(id); it != memo->collections.end()) return it->second;
  auto c = suggestions::find_collection(s, id);
  if (c.ok()) memo->collections.emplace(id, *c);
  return c;
}

Json collection_ref(const Json& details, db::Session& s, SuggestionMemo* memo) {
  if (!details.contains("collection_id")) return nullptr;
  int64_t id = details.value("collection_id", int64_t{0});
  auto c = collection_of(s, id, memo);
  Json out = {{"id", id}, {"late", details.value("late_submission", false)}};
  if (c.ok() && *c) {
    out["topic"] = (*c)->topic;
    // Whether feedback by collective publication can be given yet.
    out["results_published"] = !(*c)->results.empty();
  }
  return out;
}

}  // namespace

Result<Json> suggestion_json(db::Session& s, const cases::CaseRecord& c,
                             const crypto::SecretBox& box, bool with_timeline,
                             SuggestionMemo* memo) {
  auto lead = unit_json(s, c.lead_unit_id, memo == nullptr ? nullptr : &memo->units);
  if (!lead.ok()) return lead.status();
  Json details = cases::attrs_of(c);
  auto proposer = suggestions::open_proposer(box, c.requester_sealed);
  if (!proposer.ok()) return proposer.status();
  suggestions::Proposer m = suggestions::masked(*proposer);
  Json j = {{"id", c.id},
            {"tracking_no", c.tracking_no},
            {"state", c.state},
            {"channel", c.channel},
            {"type", c.type},
            {"field", c.category},
            {"subject", c.subject},
            {"reasons", c.content},
            {"measures", details.value("measures", "")},
            {"region_code", regions::statistical_code(c.region_code)},
            {"lead_unit", *lead},
            {"received_at", iso_time(c.received_at_ms)},
            {"due_at", time_or_null(c.due_at_ms)},
            {"closed_at", time_or_null(c.closed_at_ms)},
            {"overdue", c.overdue},
            {"version", c.version},
            {"proposer", {{"kind", m.kind}, {"name", m.name}, {"phone", m.phone}}},
            {"collection", collection_ref(details, s, memo)},
            {"adoption", member_or_null(details, "adoption")},
            {"feedback", member_or_null(details, "feedback")},
            {"redirect", member_or_null(details, "redirect")},
            {"redirect_hint", member_or_null(details, "redirect_hint")},
            {"studies", details.value("studies", Json::array())},
            {"rewards", details.value("rewards", Json::array())}};
  name_actors(s, j);
  if (with_timeline) {
    auto timeline = timeline_json(s, c.id);
    if (!timeline.ok()) return timeline.status();
    j["timeline"] = std::move(*timeline);
  }
  return j;
}

Result<Json> public_suggestion_json(db::Session& s, const cases::CaseRecord& c) {
  auto lead = unit_json(s, c.lead_unit_id);
  if (!lead.ok()) return lead.status();
  Json details = cases::attrs_of(c);
  Json j = {{"tracking_no", c.tracking_no},
            {"state", c.state},
            {"subject", mask_free_text(c.subject)},
            {"lead_unit", lead->is_null() ? Json() : Json((*lead)["name"])},
            {"received_at", iso_time(c.received_at_ms)},
            {"closed_at", time_or_null(c.closed_at_ms)},
            {"adoption", nullptr},
            {"feedback", nullptr}};
  if (details.contains("adoption")) {
    const Json& a = details["adoption"];
    j["adoption"] = {{"status", a.value("status", "")},
                     {"reasons", mask_free_text(a.value("reasons", ""))}};
    if (a.contains("conversion")) j["adoption"]["conversion"] = a["conversion"];
  }
  if (details.contains("feedback")) {
    const Json& f = details["feedback"];
    j["feedback"] = {{"method", f.value("method", "")},
                     {"text", mask_free_text(f.value("text", ""))},
                     {"at", iso_time(f.value("at_ms", int64_t{0}))}};
  }
  if (details.contains("redirect")) j["redirect"] = details["redirect"];
  return j;
}

Json collection_json(const suggestions::Collection& c, Date today) {
  Json j = {{"id", c.id},
            {"region_code", regions::statistical_code(c.region_code)},
            {"unit_id", c.unit_id},
            {"topic", c.topic},
            {"description", c.description},
            {"submission_method", c.submission_method},
            {"opens_on", c.opens_on.to_string()},
            {"closes_on", c.closes_on.to_string()},
            {"open", suggestions::timing(c, today) == suggestions::Timing::kOpen},
            {"results", c.results.empty() ? Json() : Json(c.results)},
            {"results_published_at", time_or_null(c.results_published_at_ms)}};
  return j;
}

}  // namespace shegong::api
