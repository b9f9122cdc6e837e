#include "suggestions/suggestion_kind.h"

#include <nlohmann/json.hpp>

#include "base/calendar.h"
#include "base/text_field.h"
#include "cases/fields.h"
#include "cases/settings.h"
#include "cases/transition_steps.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"
#include "suggestions/vocabulary.h"

namespace shegong::suggestions {

namespace {

using cases::actor_of;
using cases::required_text;
using cases::attrs_of;
using cases::field;
using cases::TransitionContext;
using hotline::list_of;
using hotline::one_of;
using Json = nlohmann::json;

// Whether the step that ends now kept its deadline (true with none).
bool in_time(const TransitionContext& c) {
  return c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms;
}

Status accept(TransitionContext& c) {
  auto due =
      suggestion_deadline(c.session, c.before.region_code, "suggestion.answer_days", c.now_ms);
  if (!due.ok()) return due.status();
  Json a = attrs_of(c.after);
  a["accepted"] = {{"at_ms", c.now_ms}, {"by", actor_of(c)}, {"in_time", in_time(c)}};
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = *due;
  c.after.overdue = false;
  c.arm.push_back({"answer_due", *due});
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"in_time", in_time(c)}, {"due_ms", *due}}.dump();
  return Status::Ok();
}

Status transfer(TransitionContext& c) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reason", 2000));
  auto id = cases::int_field(c.input, "unit_id", 1, INT64_MAX);
  if (!id.ok()) return id.status();
  auto unit = hotline::find_unit(c.session, *id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid("unit_id", "no active unit has the id " + std::to_string(*id));
  }
  if ((*unit)->id == c.before.lead_unit_id) return Invalid("unit_id", "transfer to another unit");
  if ((*unit)->kind == "community") {
    return Invalid(
        "unit_id",
        "a suggestion goes to a state organ, which studies it (上海市人民建议征集若干规定 "
        "Art. 5); a residents' committee is not one");
  }
  // The unit that held it keeps reading it.
  SHEGONG_RETURN_IF_ERROR(
      cases::set_case_unit(c.session, c.before.id, c.before.lead_unit_id, "held"));
  c.after.lead_unit_id = (*unit)->id;
  c.event_unit_id = (*unit)->id;
  c.notify.push_back("unit:" + std::to_string((*unit)->id));
  c.event_data = Json{{"from_unit_id", c.before.lead_unit_id},
                      {"unit_id", (*unit)->id},
                      {"reason", field(c.input, "reason")}}
                     .dump();
  return Status::Ok();
}

// The answer to the proposer, stored once: a redirection's note or the feedback proper.
Status record_feedback(TransitionContext& c, const std::string& method, const std::string& text) {
  Json a = attrs_of(c.after);
  a["feedback"] = {{"method", method},
                   {"text", text},
                   {"at_ms", c.now_ms},
                   {"by", actor_of(c)},
                   {"in_time", in_time(c)}};
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = 0;
  c.notify.push_back("proposer");
  c.event_unit_id = c.before.lead_unit_id;
  return Status::Ok();
}

// Art. 12 names written, phone, SMS and online replies for routine suggestions.
Status individual_method(const std::string& method, const char* name) {
  if (method == "publication" || !one_of(method, kFeedbackMethods)) {
    return Invalid(name, "letter, phone, sms or online");
  }
  return Status::Ok();
}

Status redirect(TransitionContext& c) {
  const std::string reason = field(c.input, "reason");
  if (!one_of(reason, kRedirectReasons)) {
    return Invalid("reason",
                   "one of " + list_of(kRedirectReasons) + " (上海市人民建议征集若干规定 Art. 10)");
  }
  const std::string method = field(c.input, "method");
  SHEGONG_RETURN_IF_ERROR(individual_method(method, "method"));
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reply", 20000));
  Json a = attrs_of(c.after);
  a["redirect"] = {{"reason", reason}};
  cases::store_attrs(c.after, a);
  c.event_data = Json{{"reason", reason}, {"method", method}}.dump();
  return record_feedback(c, method, field(c.input, "reply"));
}

Status evaluate(TransitionContext& c) {
  const std::string adoption = field(c.input, "adoption");
  if (!one_of(adoption, kAdoptions)) {
    return Invalid("adoption", "one of " + list_of(kAdoptions) + " (信访工作条例 Art. 29)");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reasons", 20000));
  const std::string conversion = field(c.input, "conversion");
  Json record = {{"status", adoption},
                 {"reasons", field(c.input, "reasons")},
                 {"at_ms", c.now_ms},
                 {"by", actor_of(c)}};
  if (adoption == "not_adopted") {
    if (!conversion.empty()) {
      return Invalid("conversion", "only an adopted suggestion is turned into something");
    }
  } else {
    if (!one_of(conversion, kConversions)) {
      return Invalid("conversion", "what the suggestion becomes: one of " + list_of(kConversions) +
                                       " (上海市人民建议征集若干规定 Art. 13)");
    }
    record["conversion"] = conversion;
  }
  Json a = attrs_of(c.after);
  a["adoption"] = record;
  cases::store_attrs(c.after, a);
  c.event_unit_id = c.before.lead_unit_id;
  Json event = {{"adoption", adoption}};
  if (!conversion.empty()) event["conversion"] = conversion;
  c.event_data = event.dump();
  return Status::Ok();
}

// The published results of the suggestion's collection; "" when it has none yet or is routine.
Result<std::string> published_results(db::Session& s, int64_t case_id) {
  auto rows = s.query(
      "SELECT sc.results FROM suggestion_submissions ss JOIN suggestion_collections sc "
      "ON sc.id = ss.collection_id WHERE ss.case_id = ?",
      {case_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty() || (*rows)[0].is_null(0)) return std::string();
  return (*rows)[0].text(0);
}

Status feedback(TransitionContext& c) {
  const std::string method = field(c.input, "method");
  if (!one_of(method, kFeedbackMethods)) {
    return Invalid("method",
                   "one of " + list_of(kFeedbackMethods) + " (上海市人民建议征集若干规定 Art. 12)");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "text", 20000));
  if (method == "publication") {
    auto results = published_results(c.session, c.before.id);
    if (!results.ok()) return results.status();
    if (results->empty()) {
      return Conflict(
          "a collective publication answers the suggestions of a special collection whose "
          "results were published (POST /api/v1/suggestion-collections/{id}/results)",
          "method");
    }
  }
  c.event_data = Json{{"method", method}, {"in_time", in_time(c)}}.dump();
  return record_feedback(c, method, field(c.input, "text"));
}

constexpr std::string_view kStudyMethods[] = {"forum", "hearing", "site_visit", "consultation"};

// Art. 11: organs may study a suggestion in forums, hearings and site visits, inviting the
// proposer.
Status record_study(TransitionContext& c) {
  const std::string method = field(c.input, "method");
  if (!one_of(method, kStudyMethods)) return Invalid("method", "one of " + list_of(kStudyMethods));
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "note", 20000));
  auto invited = cases::yes_no(c.input, "proposer_invited");
  if (!invited.ok()) return invited.status();
  auto day = cases::done_date_field(c.input, "held_on", c.now_ms,
                                    date_in_china(c.before.received_at_ms), "receipt");
  if (!day.ok()) return day.status();
  Json a = attrs_of(c.after);
  a["studies"].push_back({{"method", method},
                          {"note", field(c.input, "note")},
                          {"proposer_invited", *invited},
                          {"held_on", day->to_string()},
                          {"by", actor_of(c)}});
  cases::store_attrs(c.after, a);
  c.event_data = Json{{"method", method}, {"proposer_invited", *invited}}.dump();
  return Status::Ok();
}

// Art. 16: valuable suggestions are commended and rewarded; a reward is optional (item 66).
Status reward(TransitionContext& c) {
  Json a = attrs_of(c.after);
  const std::string adoption = a.contains("adoption") ? a["adoption"].value("status", "") : "";
  if (adoption != "adopted" && adoption != "partly_adopted") {
    return Conflict("only an adopted or partly adopted suggestion is rewarded (Art. 16)", "kind");
  }
  const std::string kind = field(c.input, "kind");
  if (!one_of(kind, kRewardKinds)) return Invalid("kind", "one of " + list_of(kRewardKinds));
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "note", 2000));
  Json record = {
      {"kind", kind}, {"note", field(c.input, "note")}, {"at_ms", c.now_ms}, {"by", actor_of(c)}};
  if (kind == "bonus") {
    auto yuan = cases::int_field(c.input, "amount_yuan", 1, 10'000'000);
    if (!yuan.ok()) return yuan.status();
    record["amount_yuan"] = *yuan;
  } else if (!field(c.input, "amount_yuan").empty()) {
    return Invalid("amount_yuan", "only a bonus has an amount");
  }
  a["rewards"].push_back(record);
  cases::store_attrs(c.after, a);
  c.event_data = Json{{"kind", kind}}.dump();
  return Status::Ok();
}

}  // namespace

Result<int64_t> suggestion_deadline(db::Session& s, const std::string& region_code,
                                    const char* key, int64_t from_ms) {
  auto days = cases::whole_setting(s, region_code, key);
  if (!days.ok()) return days.status();
  return china_end_of_day_ms(date_in_china(from_ms).plus_days(static_cast<int>(*days)));
}

cases::CaseKind suggestion_kind() {
  cases::CaseKind k;
  k.name = std::string(kSuggestionKind);
  k.initial_state = "registered";
  k.final_states = {"closed", "redirected"};
  auto by_lead = [](std::string name, std::vector<std::string> from, std::string to,
                    cases::Effect effect, std::vector<std::string> cancels = {}) {
    return cases::by_lead_unit(std::move(name), std::move(from), std::move(to), kCollectors,
                               std::move(effect), std::move(cancels));
  };
  k.transitions.push_back(by_lead("accept", {"registered"}, "accepted", accept, {"accept_due"}));
  k.transitions.push_back(by_lead("transfer", {"registered"}, "", transfer));
  k.transitions.push_back(
      by_lead("redirect", {"registered"}, "redirected", redirect, {"accept_due"}));
  k.transitions.push_back(by_lead("evaluate", {"accepted"}, "evaluated", evaluate));
  k.transitions.push_back(by_lead("feedback", {"evaluated"}, "closed", feedback, {"answer_due"}));
  k.transitions.push_back(by_lead("record_study", {"accepted"}, "", record_study));
  k.transitions.push_back(by_lead("reward", {"evaluated", "closed"}, "", reward));
  cases::add_overdue_timer(k, "accept_due", "acceptance_overdue", {"registered"}, "acceptance");
  cases::add_overdue_timer(k, "answer_due", "answer_overdue", {"accepted", "evaluated"}, "answer");
  return k;
}

}  // namespace shegong::suggestions
