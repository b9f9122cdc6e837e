#include "disputes/dispute_kind.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/fields.h"
#include "cases/settings.h"
#include "cases/transition_steps.h"
#include "disputes/vocabulary.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"

namespace shegong::disputes {

namespace {

using cases::actor_of;
using cases::ActorRule;
using cases::required_text;
using cases::attrs_of;
using cases::field;
using cases::TransitionContext;
using hotline::list_of;
using hotline::one_of;
using Json = nlohmann::json;

bool administrative(const TransitionContext& c) { return c.before.type == "administrative"; }

Status only_administrative(const TransitionContext& c, const char* what) {
  if (administrative(c)) return Status::Ok();
  return Conflict(std::string(what) +
                      " is for administrative mediation; a people's mediation committee starts "
                      "mediating once the parties agree to it",
                  "track");
}

// The party an action is about, by its number in the list as registered (1, 2, ...).
Result<int64_t> party_number(const TransitionContext& c) {
  const int64_t count = attrs_of(c.before).value("party_count", int64_t{0});
  return cases::int_field(c.input, "party", 1, std::max<int64_t>(count, 1));
}

// Whether the step that ends now kept its deadline: true with none, null while it waits for the
// holiday calendar (the pending pass judges it later).
Json in_time(const TransitionContext& c, const Json& attrs) {
  if (attrs.contains("deadline_pending")) return nullptr;
  return c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms;
}

Status record_refusal(TransitionContext& c) {
  auto party = party_number(c);
  if (!party.ok()) return party.status();
  SHEGONG_RETURN_IF_ERROR(check_text(field(c.input, "note"), "note", 2000, false));
  Json a = attrs_of(c.after);
  a["refusals"][std::to_string(*party)] = {
      {"note", field(c.input, "note")}, {"at_ms", c.now_ms}, {"by", actor_of(c)}};
  cases::store_attrs(c.after, a);
  c.event_data = Json{{"party", *party}}.dump();
  return Status::Ok();
}

Status record_consent(TransitionContext& c) {
  auto party = party_number(c);
  if (!party.ok()) return party.status();
  Json a = attrs_of(c.after);
  if (!a.contains("refusals") || !a["refusals"].contains(std::to_string(*party))) {
    return Conflict("that party has no refusal on record", "party");
  }
  a["refusals"].erase(std::to_string(*party));
  a["consents"].push_back({{"party", *party}, {"at_ms", c.now_ms}, {"by", actor_of(c)}});
  cases::store_attrs(c.after, a);
  c.event_data = Json{{"party", *party}}.dump();
  return Status::Ok();
}

Status accept(TransitionContext& c) {
  SHEGONG_RETURN_IF_ERROR(only_administrative(c, "accept"));
  Json a = attrs_of(c.after);
  a["acceptance"] = {{"decision", "accepted"},
                     {"at_ms", c.now_ms},
                     {"by", actor_of(c)},
                     {"in_time", in_time(c, a)}};
  if (a.contains("deadline_pending")) a["deadline_pending"]["ended_at_ms"] = c.now_ms;
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = 0;
  c.event_unit_id = c.before.lead_unit_id;
  return Status::Ok();
}

// Art. 46: a refusal to accept is given in writing, with the reasons.
Status decline(TransitionContext& c) {
  SHEGONG_RETURN_IF_ERROR(only_administrative(c, "decline"));
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reasons", 20000));
  Json a = attrs_of(c.after);
  a["acceptance"] = {{"decision", "declined"},
                     {"reasons", field(c.input, "reasons")},
                     {"at_ms", c.now_ms},
                     {"by", actor_of(c)},
                     {"in_time", in_time(c, a)}};
  if (a.contains("deadline_pending")) a["deadline_pending"]["ended_at_ms"] = c.now_ms;
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = 0;
  c.notify.push_back("parties");
  return Status::Ok();
}

// Art. 45: administrative mediation is territorial; a dispute outside the organ's remit goes to
// the competent organ within 3 working days of receipt, which then decides on accepting it.
Status refer(TransitionContext& c, const HolidayCalendar& calendar) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reason", 2000));
  auto id = cases::int_field(c.input, "unit_id", 1, INT64_MAX);
  if (!id.ok()) return id.status();
  auto unit = hotline::active_unit(c.session, *id, "unit_id");
  if (!unit.ok()) return unit.status();
  if (unit->id == c.before.lead_unit_id) return Invalid("unit_id", "refer to another unit");
  SHEGONG_RETURN_IF_ERROR(check_mediating_unit(*unit, c.before.type));
  Json a = attrs_of(c.after);
  Json referral = {{"from_unit_id", c.before.lead_unit_id},
                   {"unit_id", unit->id},
                   {"reason", field(c.input, "reason")},
                   {"at_ms", c.now_ms},
                   {"by", actor_of(c)}};
  if (administrative(c)) {
    auto by = working_days_after(c.session, calendar, c.before.region_code,
                                 "dispute.referral_working_days", c.before.received_at_ms);
    if (!by.ok()) return by.status();
    referral["in_time"] = c.now_ms <= *by;
    if (c.now_ms > *by) a["late"].push_back({{"step", "referral"}, {"at_ms", c.now_ms}});
    // The competent organ decides on accepting it within its own period, from the referral.
    auto due =
        working_days_after(c.session, calendar, c.before.region_code,
                           a.value("complex", false) ? "dispute.complex_acceptance_working_days"
                                                     : "dispute.acceptance_working_days",
                           c.now_ms);
    if (!due.ok()) return due.status();
    c.after.due_at_ms = *due;
    c.after.overdue = false;
    c.cancel.push_back("acceptance_due");
    c.arm.push_back({"acceptance_due", *due});
    a.erase("deadline_pending");
  }
  a["referrals"].push_back(referral);
  cases::store_attrs(c.after, a);
  SHEGONG_RETURN_IF_ERROR(
      cases::set_case_unit(c.session, c.before.id, c.before.lead_unit_id, "held"));
  c.after.lead_unit_id = unit->id;
  c.event_unit_id = unit->id;
  c.notify.push_back("unit:" + std::to_string(unit->id));
  c.event_data = Json{{"unit_id", unit->id}, {"reason", field(c.input, "reason")}}.dump();
  return Status::Ok();
}

// Item 68: mediation does not start while a party's refusal stands (人民调解法 Art. 17).
Status start(TransitionContext& c) {
  if (administrative(c) && c.before.state != "accepted") {
    return Conflict("an administrative organ decides on accepting the dispute first (Art. 46)",
                    "state");
  }
  Json a = attrs_of(c.after);
  Json refused = a.value("refusals", Json::object());
  if (!refused.empty()) {
    return Conflict("party " + refused.begin().key() +
                        " refused mediation: it cannot start against a party's will (人民调解法 "
                        "Art. 17); record the party's consent first",
                    "refusal");
  }
  SHEGONG_RETURN_IF_ERROR(check_text(field(c.input, "mediator"), "mediator", 200, false));
  auto days = cases::whole_setting(c.session, c.before.region_code, "dispute.mediation_days");
  if (!days.ok()) return days.status();
  const int64_t due =
      china_end_of_day_ms(date_in_china(c.now_ms).plus_days(static_cast<int>(*days)));
  a["mediation"] = {{"started_at_ms", c.now_ms},
                    {"mediator", field(c.input, "mediator")},
                    {"days", *days},
                    {"by", actor_of(c)}};
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = due;
  c.after.overdue = false;
  c.arm.push_back({"mediation_due", due});
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"due_ms", due}}.dump();
  return Status::Ok();
}

// Shenzhen Art. 25: mediation goes on past its period only when the parties agree.
Status extend(TransitionContext& c) {
  auto agree = cases::yes_no(c.input, "parties_agree");
  if (!agree.ok()) return agree.status();
  if (!*agree) {
    return Conflict(
        "mediation goes on past its period only when the parties agree (深圳经济特区"
        "矛盾纠纷多元化解条例 Art. 25)",
        "parties_agree");
  }
  auto days = cases::int_field(c.input, "days", 1, 90);
  if (!days.ok()) return days.status();
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reason", 2000));
  // From the later of today and the period's end: an extension granted after the period ran out
  // is not overdue at once.
  const int64_t due = china_end_of_day_ms(
      date_in_china(std::max(c.now_ms, c.before.due_at_ms)).plus_days(*days));
  Json a = attrs_of(c.after);
  a["extensions"].push_back(
      {{"days", *days}, {"reason", field(c.input, "reason")}, {"at_ms", c.now_ms}});
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = due;
  c.after.overdue = false;
  c.cancel.push_back("mediation_due");
  c.arm.push_back({"mediation_due", due});
  c.event_data = Json{{"days", *days}, {"due_ms", due}}.dump();
  return Status::Ok();
}

// The last day of the 30 days for judicial confirmation, moved off rest days; an error with field
// "calendar" while that year's holidays are not loaded.
Result<Date> confirmation_until(const HolidayCalendar& calendar, Date effective) {
  return calendar.add_days_roll(effective, kConfirmationDays);
}

// Item 68: an agreement offers judicial confirmation, within 30 days of taking effect (Art. 33).
Status agree(TransitionContext& c, const HolidayCalendar& calendar) {
  const std::string form = field(c.input, "form");
  if (!one_of(form, kAgreementForms)) {
    return Invalid("form", "one of " + list_of(kAgreementForms) + " (人民调解法 Arts. 28–30)");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "terms", 20000));
  Json a = attrs_of(c.after);
  const int64_t started = a["mediation"].value("started_at_ms", c.before.received_at_ms);
  auto effective = cases::done_date_field(c.input, "effective_on", c.now_ms, date_in_china(started),
                                          "mediation");
  if (!effective.ok()) return effective.status();
  a["agreement"] = {{"form", form},
                    {"terms", field(c.input, "terms")},
                    {"effective_on", effective->to_string()},
                    {"confirmation_until", nullptr},
                    {"at_ms", c.now_ms},
                    {"by", actor_of(c)},
                    {"in_time", c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms}};
  auto until = confirmation_until(calendar, *effective);
  if (until.ok()) {
    a["agreement"]["confirmation_until"] = until->to_string();
    c.arm.push_back({"confirmation_window", china_end_of_day_ms(*until)});
  } else if (until.status().field() == "calendar") {
    // The agreement stands; its last day is not guessed. record_confirmation counts it once the
    // year's notice is loaded, and no application is refused meanwhile.
    a["agreement"]["confirmation_until_pending"] = until.status().message();
  } else {
    return until.status();
  }
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = 0;
  c.notify.push_back("parties");
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data =
      Json{{"form", form}, {"confirmation_until", a["agreement"]["confirmation_until"]}}.dump();
  return Status::Ok();
}

Status record_confirmation(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.after);
  Json& agreement = a["agreement"];
  auto effective = Date::parse(agreement.value("effective_on", ""));
  if (!effective.ok()) return Internal("the agreement has no day it took effect");
  auto applied = cases::done_date_field(c.input, "applied_on", c.now_ms, *effective,
                                        "the agreement's effect");
  if (!applied.ok()) return applied.status();
  // The window's last day, counted now if the calendar lacked its year when the agreement was made.
  auto until = confirmation_until(calendar, *effective);
  if (!until.ok() && until.status().field() != "calendar") return until.status();
  if (until.ok() && *applied > *until) {
    return Conflict(
        "judicial confirmation is applied for within 30 days of the agreement taking "
        "effect, by " +
            until->to_string() + " (人民调解法 Art. 33)",
        "applied_on");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "court", 200));
  if (until.ok() && agreement["confirmation_until"].is_null()) {
    agreement["confirmation_until"] = until->to_string();
    agreement.erase("confirmation_until_pending");
  }
  agreement["confirmation"] = {{"applied_on", applied->to_string()},
                               {"court", field(c.input, "court")},
                               {"by", actor_of(c)}};
  cases::store_attrs(c.after, a);
  c.cancel.push_back("confirmation_window");
  c.event_data = Json{{"applied_on", applied->to_string()}}.dump();
  return Status::Ok();
}

constexpr std::string_view kFailures[] = {"no_agreement", "refusal", "withdrawn"};

// Mediation ends without an agreement; before it started, only because a party refused it or the
// applicant withdrew (a standing refusal would otherwise keep the dispute open for ever).
Status fail(TransitionContext& c) {
  const std::string reason = field(c.input, "reason");
  if (!one_of(reason, kFailures)) return Invalid("reason", "one of " + list_of(kFailures));
  if (c.before.state != "mediating" && reason == "no_agreement") {
    return Invalid("reason", "before mediation starts it ends only by a refusal or a withdrawal");
  }
  // Those who do not settle are told of the other ways: arbitration, administrative ones, courts.
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "guidance", 20000));
  Json a = attrs_of(c.after);
  a["outcome"] = {{"reason", reason},
                  {"guidance", field(c.input, "guidance")},
                  {"at_ms", c.now_ms},
                  {"by", actor_of(c)}};
  cases::store_attrs(c.after, a);
  c.after.due_at_ms = 0;
  c.notify.push_back("parties");
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"reason", reason}}.dump();
  return Status::Ok();
}

}  // namespace

Result<int64_t> working_days_after(db::Session& s, const HolidayCalendar& calendar,
                                   const std::string& region_code, const char* key,
                                   int64_t from_ms) {
  auto n = cases::whole_setting(s, region_code, key);
  if (!n.ok()) return n.status();
  auto last = calendar.add_working_days(date_in_china(from_ms), static_cast<int>(*n));
  if (!last.ok()) return last.status();
  return china_end_of_day_ms(*last);
}

Status check_mediating_unit(const hotline::Unit& u, const std::string& track) {
  const bool people = u.kind == "community" || u.kind == "street";
  const bool organ = u.kind == "department" || u.kind == "government" || u.kind == "district" ||
                     u.kind == "street";
  if (track == "people" && !people) {
    return Invalid("unit_id",
                   "people's mediation is done by a residents' committee or a street "
                   "(人民调解委员会)");
  }
  if (track == "administrative" && !organ) {
    return Invalid("unit_id",
                   "administrative mediation is done by an organ: a department, a government or "
                   "a street");
  }
  return Status::Ok();
}

cases::CaseKind dispute_kind(const HolidayCalendar& calendar) {
  const HolidayCalendar* cal = &calendar;
  cases::CaseKind k;
  k.name = std::string(kDisputeKind);
  k.initial_state = "registered";
  k.final_states = {"declined", "agreed", "failed"};
  auto by_lead = [](std::string name, std::vector<std::string> from, std::string to,
                    cases::Effect effect, std::vector<std::string> cancels = {}) {
    return cases::by_lead_unit(std::move(name), std::move(from), std::move(to), kMediators,
                               std::move(effect), std::move(cancels));
  };
  k.transitions.push_back(
      by_lead("record_refusal", {"registered", "accepted"}, "", record_refusal));
  k.transitions.push_back(
      by_lead("record_consent", {"registered", "accepted"}, "", record_consent));
  k.transitions.push_back(
      by_lead("accept", {"registered"}, "accepted", accept, {"acceptance_due"}));
  k.transitions.push_back(
      by_lead("decline", {"registered"}, "declined", decline, {"acceptance_due"}));
  k.transitions.push_back(
      by_lead("refer", {"registered"}, "", [cal](TransitionContext& c) { return refer(c, *cal); }));
  k.transitions.push_back(
      by_lead("start", {"registered", "accepted"}, "mediating", start, {"acceptance_due"}));
  k.transitions.push_back(by_lead("extend", {"mediating"}, "", extend));
  k.transitions.push_back(by_lead("agree", {"mediating"}, "agreed",
                                  [cal](TransitionContext& c) { return agree(c, *cal); },
                                  {"mediation_due"}));
  k.transitions.push_back(
      by_lead("record_confirmation", {"agreed"}, "",
              [cal](TransitionContext& c) { return record_confirmation(c, *cal); }));
  k.transitions.push_back(by_lead("fail", {"registered", "accepted", "mediating"}, "failed", fail,
                                  {"mediation_due", "acceptance_due"}));
  cases::add_overdue_timer(k, "acceptance_due", "acceptance_overdue", {"registered"},
                           "acceptance");
  cases::add_overdue_timer(k, "mediation_due", "mediation_overdue", {"mediating"}, "mediation");
  {
    cases::TransitionDef t;
    t.name = "confirmation_window_closed";
    t.from = {"agreed"};
    t.actor = ActorRule::kSystem;
    t.effect = [](TransitionContext& c) {
      Json a = attrs_of(c.after);
      a["agreement"]["confirmation_window_closed"] = true;
      cases::store_attrs(c.after, a);
      return Status::Ok();
    };
    k.transitions.push_back(std::move(t));
    k.timer_transitions["confirmation_window"] = "confirmation_window_closed";
  }
  // Item 68: mediation is free (人民调解法 Art. 4): no step records a fee.
  for (cases::TransitionDef& t : k.transitions) {
    if (t.actor == ActorRule::kSystem) continue;
    t.effect = [inner = std::move(t.effect)](TransitionContext& c) -> Status {
      for (const char* name : {"fee", "charge", "amount_yuan"}) {
        if (c.input.count(name)) {
          return Invalid(name, "mediation is free (人民调解法 Art. 4): no fee is recorded");
        }
      }
      return inner ? inner(c) : Status::Ok();
    };
  }
  return k;
}

}  // namespace shegong::disputes
