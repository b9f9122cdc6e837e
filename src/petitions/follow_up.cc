#include "petitions/follow_up.h"

#include "base/calendar.h"
#include "base/text_field.h"
#include "cases/case_record.h"
#include "cases/fields.h"

namespace shegong::petitions {

namespace {

using Json = nlohmann::json;

// The written opinions, the last one first.
constexpr const char* kOpinions[] = {"re_review", "review", "opinion"};

bool issued(const Json& a, const char* key) {
  return a.contains(key) && a[key].is_object() && a[key].contains("issued_at_ms") &&
         a[key].contains("decision");
}

// The written opinion in force: the last one issued, or nullptr before any.
const Json* opinion_in_force(const Json& a) {
  for (const char* key : kOpinions) {
    if (issued(a, key)) return &a[key];
  }
  return nullptr;
}

// Staff of an organ that answered the petition in writing, or an administrator.
Status answered_by_actor(cases::TransitionContext& c, const Json& a) {
  if (c.actor == nullptr) return Denied("recorded by the organ that answered the petition");
  if (c.actor->role == auth::Role::kAdmin) return Status::Ok();
  for (const char* key : kOpinions) {
    if (issued(a, key) && a[key].value("unit_id", int64_t{0}) == c.actor->unit_id) {
      return Status::Ok();
    }
  }
  return Denied(
      "recorded by an organ that answered the petition in writing (信访工作条例 Art. 32)");
}

// `done_on`: today when absent, not in the future, not before the decision in force was issued.
Result<Date> done_on(cases::TransitionContext& c, const Json& a) {
  const Json* in_force = opinion_in_force(a);
  std::optional<Date> decided;
  if (in_force) decided = date_in_china(in_force->value("issued_at_ms", int64_t{0}));
  return cases::done_date_field(c.input, "done_on", c.now_ms, decided, "the decision was issued");
}

}  // namespace

std::string decision_in_force(const Json& attrs) {
  const Json* in_force = opinion_in_force(attrs);
  return in_force ? in_force->value("decision", "") : "";
}

int64_t implementing_unit(const Json& attrs) {
  if (!attrs.contains("opinion") || !attrs["opinion"].is_object()) return 0;
  return attrs["opinion"].value("unit_id", int64_t{0});
}

bool implementation_pending(const Json& attrs) {
  if (decision_in_force(attrs) != "support") return false;
  return !(attrs.contains("implementation") && attrs["implementation"].is_object() &&
           attrs["implementation"].value("complete", false));
}

Status track_implementation(db::Session& s, const cases::CaseRecord& petition) {
  Json a = cases::attrs_of(petition);
  if (!implementation_pending(a) || implementing_unit(a) == 0) {
    return s.exec("DELETE FROM petition_implementations WHERE case_id = ?", {petition.id}).status();
  }
  int64_t decided = opinion_in_force(a)->value("issued_at_ms", int64_t{0});
  return s
      .exec(
          "INSERT INTO petition_implementations(case_id, unit_id, decided_at_ms) VALUES(?, ?, ?) "
          "ON CONFLICT(case_id) DO UPDATE SET unit_id = excluded.unit_id, "
          "decided_at_ms = excluded.decided_at_ms",
          {petition.id, implementing_unit(a), decided})
      .status();
}

Status record_implementation(cases::TransitionContext& c) {
  Json a = cases::attrs_of(c.before);
  std::string decision = decision_in_force(a);
  if (decision != "support") {
    return Conflict(decision.empty()
                        ? "there is no written decision to carry out yet (信访工作条例 Art. 32)"
                        : "only a decision that supports the request is carried out; a petitioner "
                          "not supported is given an explanation or guidance (record_guidance, "
                          "Art. 32)",
                    "decision");
  }
  SHEGONG_RETURN_IF_ERROR(answered_by_actor(c, a));
  if (!implementation_pending(a)) {
    return Conflict("the decision is already recorded as carried out in full", "complete");
  }
  SHEGONG_RETURN_IF_ERROR(check_text(cases::field(c.input, "measures"), "measures", 8000, true));
  SHEGONG_RETURN_IF_ERROR(
      check_text(cases::field(c.input, "carried_out_by"), "carried_out_by", 400, false));
  auto complete = cases::yes_no(c.input, "complete");
  if (!complete.ok()) return complete.status();
  auto on = done_on(c, a);
  if (!on.ok()) return on.status();
  Json entry = {{"measures", cases::field(c.input, "measures")},
                {"complete", *complete},
                {"done_on", on->to_string()},
                {"unit_id", c.actor->unit_id},
                {"at_ms", c.now_ms}};
  if (!cases::field(c.input, "carried_out_by").empty()) {
    entry["carried_out_by"] = cases::field(c.input, "carried_out_by");
  }
  Json after = cases::attrs_of(c.after);
  after["implementation"]["entries"].push_back(entry);
  after["implementation"]["complete"] = *complete;
  if (*complete) after["implementation"]["completed_on"] = on->to_string();
  cases::store_attrs(c.after, after);
  c.notify.push_back("petitioner");
  c.event_unit_id = implementing_unit(a) != 0 ? implementing_unit(a) : c.before.lead_unit_id;
  c.event_data = Json{{"complete", *complete}, {"done_on", on->to_string()}}.dump();
  return track_implementation(c.session, c.after);
}

Status record_guidance(cases::TransitionContext& c) {
  Json a = cases::attrs_of(c.before);
  std::string decision = decision_in_force(a);
  if (decision != "explain" && decision != "not_support") {
    return Conflict(decision.empty()
                        ? "there is no written decision yet (信访工作条例 Art. 32)"
                        : "a supported request is carried out (record_implementation), not "
                          "explained away (Art. 32)",
                    "decision");
  }
  SHEGONG_RETURN_IF_ERROR(answered_by_actor(c, a));
  SHEGONG_RETURN_IF_ERROR(check_text(cases::field(c.input, "note"), "note", 8000, true));
  auto on = done_on(c, a);
  if (!on.ok()) return on.status();
  const char* kind = decision == "explain" ? "explanation" : "education";
  Json after = cases::attrs_of(c.after);
  after["guidance"].push_back({{"kind", kind},
                               {"note", cases::field(c.input, "note")},
                               {"done_on", on->to_string()},
                               {"unit_id", c.actor->unit_id},
                               {"at_ms", c.now_ms}});
  cases::store_attrs(c.after, after);
  c.event_unit_id = c.actor->unit_id != 0 ? c.actor->unit_id : c.before.lead_unit_id;
  c.event_data = Json{{"kind", kind}, {"done_on", on->to_string()}}.dump();
  return Status::Ok();
}

}  // namespace shegong::petitions
