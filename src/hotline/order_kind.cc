#include "hotline/order_kind.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cases/fields.h"
#include "cases/profile.h"
#include "hotline/categories.h"
#include "hotline/pending_deadlines.h"
#include "hotline/rates.h"
#include "hotline/rating.h"
#include "hotline/sla.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

namespace {

using auth::Role;
using cases::ActorRule;
using cases::TransitionContext;
using Json = nlohmann::json;

constexpr auth::RoleSet kCentre = {Role::kDispatcher, Role::kAdmin};
constexpr auth::RoleSet kHandlers = {Role::kStreetStaff, Role::kDepartmentStaff,
                                     Role::kCommunityStaff, Role::kGridWorker};
const std::vector<std::string> kActive = {"dispatched", "accepted"};

using cases::attrs_of;
using cases::field;
using cases::int_field;
using cases::text_field;
using cases::yes_no;

// The longest free text an action takes: a reply, an answer, a report; and a reason.
constexpr size_t kLongText = 20'000;
constexpr size_t kReasonText = 4'000;

void store(cases::CaseRecord& c, const Json& j) { cases::store_attrs(c, j); }

Result<Unit> active_unit(db::Session& s, int64_t id, const char* field_name) {
  auto unit = find_unit(s, id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid(field_name, "no active unit has the id " + std::to_string(id));
  }
  return **unit;
}

// Item 37: a residents'/villagers' committee takes only matters on its duty list, and never leads
// a matter where it only assists the government.
Status check_community(db::Session& s, const Unit& unit, const std::string& category, bool lead,
                       const char* field_name) {
  if (unit.kind != "community") return Status::Ok();
  auto rows = s.query(std::string("SELECT role FROM community_duties WHERE ") + kCategoryCovers +
                          " ORDER BY length(category) DESC LIMIT 1",
                      {category, category});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    return Conflict("the category '" + category +
                        "' is not on the community duty list: a residents' committee cannot be "
                        "given it (接诉即办条例 Art. 17)",
                    field_name);
  }
  if (lead && (*rows)[0].text(0) == "assist") {
    return Conflict(
        "in '" + category + "' a residents' committee only assists the government and cannot lead",
        field_name);
  }
  return Status::Ok();
}

// Sets the handling deadline from the SLA table and (re)arms the reminder and deadline timers.
Status arm_handling(TransitionContext& c, const HolidayCalendar& calendar) {
  auto rule = find_sla_rule(c.session, c.after.urgency, c.after.category);
  if (!rule.ok()) return rule.status();
  if (!*rule) {
    return Conflict("no deadline rule matches urgency '" + c.after.urgency + "' and category '" +
                        c.after.category + "': an order cannot be dispatched without a deadline",
                    "urgency");
  }
  auto roll = cases::profile_int(c.session, c.after.region_code, "hotline.deadline_roll", 1);
  if (!roll.ok()) return roll.status();
  auto due = deadline_after(calendar, c.now_ms, (*rule)->handling_amount, (*rule)->handling_unit,
                            *roll != 0);
  if (!due.ok() && due.status().field() != "calendar") return due.status();
  c.after.overdue = false;
  Json a = attrs_of(c.after);
  a["response_due_at_ms"] = c.now_ms + (*rule)->response_minutes * 60'000;
  a["sla"] = {
      {"urgency", (*rule)->urgency},
      {"category", (*rule)->category},
      {"handling", std::to_string((*rule)->handling_amount) + " " + (*rule)->handling_unit}};
  // Rounds replied while an earlier deadline was pending, still to be judged.
  Json replied_rounds = Json::array();
  if (a.contains("deadline_pending") && a["deadline_pending"].is_object())
    replied_rounds = a["deadline_pending"].value("replied_rounds", Json::array());
  a.erase("deadline_pending");
  c.cancel.push_back("deadline");
  c.cancel.push_back("reminder");
  if (due.ok() && !replied_rounds.empty()) {
    auto missed = judge_replied_rounds(c.session, calendar, replied_rounds);
    if (!missed.ok()) return missed.status();
  }
  if (!due.ok()) {
    // The deadline falls in a year whose holiday calendar is not loaded: it is not guessed
    // (DOMAIN item 6), but the order goes to its unit all the same, with the deadline pending
    // until set_pending_deadlines counts it from now once the notice is loaded.
    c.after.due_at_ms = 0;
    a["deadline_pending"] = {{"from_ms", c.now_ms},
                             {"amount", (*rule)->handling_amount},
                             {"unit", (*rule)->handling_unit},
                             {"roll", *roll != 0},
                             {"reminder_minutes", (*rule)->reminder_minutes},
                             {"reason", due.status().message()}};
    if (!replied_rounds.empty()) a["deadline_pending"]["replied_rounds"] = replied_rounds;
    store(c.after, a);
    return Status::Ok();
  }
  store(c.after, a);
  c.after.due_at_ms = *due;
  c.arm.push_back({"deadline", *due});
  int64_t remind_at = *due - (*rule)->reminder_minutes * 60'000;
  if ((*rule)->reminder_minutes > 0 && remind_at > c.now_ms)
    c.arm.push_back({"reminder", remind_at});
  return Status::Ok();
}

// Gives the order to `unit` as lead: deadline, counters, supervision copy for streets. A reopened
// order goes back to its unit without counting as a new dispatch in the response rate.
Status hand_to(TransitionContext& c, const HolidayCalendar& calendar, const Unit& unit,
               bool new_dispatch = true) {
  c.after.lead_unit_id = unit.id;
  c.event_unit_id = unit.id;
  SHEGONG_RETURN_IF_ERROR(arm_handling(c, calendar));
  std::string period = period_of(c.now_ms);
  Json a = attrs_of(c.after);
  a["dispatched_at_ms"] = c.now_ms;
  a.erase("accepted_at_ms");
  if (new_dispatch) {
    a["dispatch_period"] = period;
    SHEGONG_RETURN_IF_ERROR(bump_counter(c.session, unit.id, period, "dispatched"));
  } else {
    a["response_due_at_ms"] = 0;  // no second response credit for the same dispatch
  }
  store(c.after, a);
  c.notify.push_back("unit:" + std::to_string(unit.id));
  // Item 32: a street office's order is copied to its district government.
  if (unit.kind == "street") {
    auto district = district_government_for(c.session, unit.region_code);
    if (!district.ok()) return district.status();
    if (!*district) {
      return Conflict("no district government is registered for " + unit.region_code.substr(0, 6) +
                          ": a street's order must be copied to its district (Art. 12)",
                      "unit_id");
    }
    SHEGONG_RETURN_IF_ERROR(cases::set_case_unit(c.session, c.after.id, (*district)->id, "copy"));
    c.notify.push_back("unit:" + std::to_string((*district)->id));
    a = attrs_of(c.after);
    a["copied_to"] = (*district)->id;
    store(c.after, a);
  }
  return Status::Ok();
}

Status open_callback(TransitionContext& c, const char* reason) {
  auto open = c.session.query("SELECT 1 FROM callbacks WHERE case_id = ? AND done_at_ms IS NULL",
                              {c.after.id});
  if (!open.ok()) return open.status();
  if (!open->empty()) return Status::Ok();
  return c.session
      .exec("INSERT INTO callbacks(case_id, created_at_ms, reason) VALUES(?, ?, ?)",
            {c.after.id, c.now_ms, std::string(reason)})
      .status();
}

Status triage(TransitionContext& c) {
  std::string outcome = field(c.input, "outcome");
  if (outcome == "dispatch") return Invalid("outcome", "use the dispatch action to dispatch");
  if (!one_of(outcome, kTriageOutcomes)) {
    return Invalid("outcome", "one of dispatch, " + list_of(kTriageOutcomes));
  }
  auto answer = text_field(c.input, "answer", kLongText, false);
  if (!answer.ok()) return answer.status();
  if (answer->empty()) return Invalid("answer", "what the requester is told");
  Json t = {{"outcome", outcome}, {"answer", *answer}};
  if (outcome == "answer_now") {
    if (c.before.type != "咨询") {
      return Conflict(
          "only a consultation (咨询) can be answered on the spot; dispatch the " + c.before.type,
          "outcome");
    }
    c.after.state = "answered";
  } else {
    c.after.state = "referred";
  }
  if (outcome == "transfer_emergency") {
    if (!one_of(field(c.input, "line"), kEmergencyLines)) {
      return Invalid("line", "one of " + list_of(kEmergencyLines));
    }
    t["line"] = field(c.input, "line");
  } else if (outcome == "refer_legal_channel") {
    if (!one_of(field(c.input, "channel"), kLegalChannels)) {
      return Invalid("channel", "one of " + list_of(kLegalChannels));
    }
    t["channel"] = field(c.input, "channel");
  } else if (outcome == "existing_order") {
    std::string no = field(c.input, "existing_tracking_no");
    auto existing = cases::load_case_by_tracking_no(c.session, no);
    if (!existing.ok()) return existing.status();
    if (no.empty() || !*existing || (*existing)->id == c.before.id) {
      return Invalid("existing_tracking_no", "the tracking number of the earlier order");
    }
    t["existing_tracking_no"] = no;
    t["existing_state"] = (*existing)->state;
  }
  Json a = attrs_of(c.after);
  a["triage"] = t;
  store(c.after, a);
  c.event_data = t.dump();
  return Status::Ok();
}

Status dispatch(TransitionContext& c, const HolidayCalendar& calendar) {
  if (!field(c.input, "urgency").empty()) {
    if (!one_of(field(c.input, "urgency"), kUrgencies)) {
      return Invalid("urgency", "one of " + list_of(kUrgencies));
    }
    c.after.urgency = field(c.input, "urgency");
    if (c.after.urgency == "emergency" && c.before.urgency != "emergency" &&
        c.after.region_code.size() >= 6) {
      // 接诉即办条例 Art. 29: judged a possible emergency: reported to the district's government.
      c.notify.push_back("government:" + c.after.region_code.substr(0, 6));
    }
  }
  if (const std::string& category = field(c.input, "category"); !category.empty()) {
    auto known = category_exists(c.session, category);
    if (!known.ok()) return known.status();
    if (!*known) return Invalid("category", "not in the category taxonomy: " + category);
    c.after.category = category;
  }
  // The unit: named by the dispatcher, else the dispatch rules, else the district government
  // (Art. 12 item 2: no identifiable unit).
  Unit unit;
  std::string how;
  if (!field(c.input, "unit_id").empty()) {
    auto id = int_field(c.input, "unit_id", 1, INT64_MAX);
    if (!id.ok()) return id.status();
    auto u = active_unit(c.session, *id, "unit_id");
    if (!u.ok()) return u.status();
    unit = *u;
    how = "named";
  } else {
    auto rule = match_dispatch_rule(c.session, c.after.region_code, c.after.category);
    if (!rule.ok()) return rule.status();
    if (*rule) {
      auto u = active_unit(c.session, (*rule)->unit_id, "unit_id");
      if (!u.ok() && u.status().code() == Code::kInvalidArgument) {
        return Invalid("unit_id",
                       "dispatch rule " + std::to_string((*rule)->id) + " names unit " +
                           std::to_string((*rule)->unit_id) +
                           ", which is no longer active: name a unit, or change the rule");
      }
      if (!u.ok()) return u.status();
      unit = *u;
      how = "rule";
    } else {
      auto district = district_government_for(c.session, c.after.region_code);
      if (!district.ok()) return district.status();
      if (!*district) {
        return Invalid("unit_id",
                       "no unit named, no dispatch rule matches and no district "
                       "government is registered for this place");
      }
      unit = **district;
      how = "district";
    }
  }
  SHEGONG_RETURN_IF_ERROR(check_community(c.session, unit, c.after.category, true, "unit_id"));
  SHEGONG_RETURN_IF_ERROR(hand_to(c, calendar, unit));
  // Co-handling units (Art. 14): one lead, the others report to it.
  Json co = Json::array();
  std::string list = field(c.input, "co_unit_ids");
  if (!list.empty() && list.back() == ',') {
    return Invalid("co_unit_ids", "a list of unit ids ends with an id, not a comma");
  }
  for (size_t pos = 0; pos < list.size();) {
    size_t comma = list.find(',', pos);
    std::string one =
        list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? list.size() : comma + 1;
    auto id = int_field({{"co_unit_ids", one}}, "co_unit_ids", 1, INT64_MAX);
    if (!id.ok()) return id.status();
    if (*id == unit.id) return Invalid("co_unit_ids", "the lead unit cannot also co-handle");
    if (std::find(co.begin(), co.end(), Json(*id)) != co.end()) {
      return Invalid("co_unit_ids", "lists unit " + std::to_string(*id) + " twice");
    }
    auto u = active_unit(c.session, *id, "co_unit_ids");
    if (!u.ok()) return u.status();
    SHEGONG_RETURN_IF_ERROR(check_community(c.session, *u, c.after.category, false, "co_unit_ids"));
    SHEGONG_RETURN_IF_ERROR(cases::set_case_unit(c.session, c.after.id, u->id, "co"));
    c.notify.push_back("unit:" + std::to_string(u->id));
    co.push_back(u->id);
  }
  c.event_data = Json{
      {"unit_id", unit.id},
      {"unit", unit.name},
      {"how", how},
      {"due_at_ms", c.after.due_at_ms},
      {"co_unit_ids",
       co}}.dump();
  return Status::Ok();
}

Status accept(TransitionContext& c) {
  Json a = attrs_of(c.after);
  bool in_time = c.now_ms <= a.value("response_due_at_ms", int64_t{0});
  a["accepted_at_ms"] = c.now_ms;
  store(c.after, a);
  c.event_unit_id = c.after.lead_unit_id;
  c.event_data = Json{{"in_time", in_time}}.dump();
  if (!in_time) return Status::Ok();
  return bump_counter(c.session, c.after.lead_unit_id,
                      a.value("dispatch_period", period_of(c.now_ms)), "responded_in_time");
}

Status dispute(TransitionContext& c) {
  auto reason = text_field(c.input, "reason", kReasonText, false);
  if (!reason.ok()) return reason.status();
  Json a = attrs_of(c.after);
  if (a.contains("dispute") && a["dispute"].value("pending", false)) {
    return Conflict("a dispute on this order is already waiting for the centre", "dispute");
  }
  if (a.value("reassigned_after_dispute", false)) {
    auto no_return =
        cases::profile_int(c.session, c.after.region_code, "hotline.no_return_after_dispute", 0);
    if (!no_return.ok()) return no_return.status();
    if (*no_return != 0) {
      return Conflict(
          "this order was reassigned by a dispute decision and cannot be returned again",
          "dispute");
    }
  }
  a["dispute"] = {{"pending", true},
                  {"reason", *reason},
                  {"unit_id", c.after.lead_unit_id},
                  {"at_ms", c.now_ms}};
  store(c.after, a);
  c.event_unit_id = c.after.lead_unit_id;
  c.event_data = Json{{"reason", *reason}}.dump();
  return Status::Ok();
}

Status decide_dispute(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.after);
  if (!a.contains("dispute") || !a["dispute"].value("pending", false)) {
    return Conflict("no dispute is waiting for a decision", "decision");
  }
  std::string decision = field(c.input, "decision");
  a["dispute"]["pending"] = false;
  a["dispute"]["decision"] = decision;
  store(c.after, a);
  if (decision == "uphold") {
    c.event_data = Json{{"decision", "uphold"}}.dump();
    c.notify.push_back("unit:" + std::to_string(c.after.lead_unit_id));
    return Status::Ok();
  }
  if (decision != "reassign") return Invalid("decision", "uphold or reassign");
  auto id = int_field(c.input, "unit_id", 1, INT64_MAX);
  if (!id.ok()) return id.status();
  if (*id == c.before.lead_unit_id) return Invalid("unit_id", "reassign to another unit");
  auto unit = active_unit(c.session, *id, "unit_id");
  if (!unit.ok()) return unit.status();
  SHEGONG_RETURN_IF_ERROR(check_community(c.session, *unit, c.after.category, true, "unit_id"));
  c.after.state = "dispatched";
  SHEGONG_RETURN_IF_ERROR(hand_to(c, calendar, *unit));
  a = attrs_of(c.after);
  a["reassigned_after_dispute"] = true;
  store(c.after, a);
  c.event_data =
      Json{{"decision", "reassign"}, {"from_unit_id", c.before.lead_unit_id}, {"unit_id", unit->id}}
          .dump();
  return Status::Ok();
}

Status extend(TransitionContext& c) {
  auto days = int_field(c.input, "days", 1, 30);
  if (!days.ok()) return days.status();
  auto reason = text_field(c.input, "reason", kReasonText, false);
  if (!reason.ok()) return reason.status();
  Json a = attrs_of(c.after);
  if (a.contains("extension") && a["extension"].value("pending", false)) {
    return Conflict("an extension request is already waiting for the centre", "extension");
  }
  a["extension"] = {{"pending", true}, {"days", *days}, {"reason", *reason}, {"at_ms", c.now_ms}};
  store(c.after, a);
  c.event_unit_id = c.after.lead_unit_id;
  c.event_data = Json{{"days", *days}, {"reason", *reason}}.dump();
  return Status::Ok();
}

Status decide_extension(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.after);
  if (!a.contains("extension") || !a["extension"].value("pending", false)) {
    return Conflict("no extension request is waiting for a decision", "decision");
  }
  std::string decision = field(c.input, "decision");
  if (decision != "approve" && decision != "reject")
    return Invalid("decision", "approve or reject");
  a["extension"]["pending"] = false;
  a["extension"]["decision"] = decision;
  int64_t days = a["extension"].value("days", int64_t{0});
  c.event_data =
      Json{{"decision", decision}, {"days", days}, {"reason", a["extension"].value("reason", "")}}
          .dump();
  c.notify.push_back("unit:" + std::to_string(c.after.lead_unit_id));
  if (decision == "approve" && a.contains("deadline_pending")) {
    // No deadline to move yet: the days are added to it when set_pending_deadlines sets it, and
    // the requester and the centre are told the deadline then.
    a["deadline_pending"]["extensions"].push_back(days);
    store(c.after, a);
    c.notify.push_back("centre");
    return Status::Ok();
  }
  store(c.after, a);
  if (decision == "reject") return Status::Ok();
  // Item 36: the new deadline is told to the requester and recorded for the centre.
  auto roll = cases::profile_int(c.session, c.after.region_code, "hotline.deadline_roll", 1);
  if (!roll.ok()) return roll.status();
  auto due = deadline_after(calendar, c.after.due_at_ms, days, "days", *roll != 0);
  if (!due.ok()) return due.status();
  c.after.due_at_ms = *due;
  c.cancel.push_back("deadline");
  c.cancel.push_back("reminder");
  c.arm.push_back({"deadline", *due});
  c.notify.push_back("requester");
  c.notify.push_back("centre");
  return Status::Ok();
}

Status co_report(TransitionContext& c) {
  auto report = text_field(c.input, "report", kLongText, false);
  if (!report.ok()) return report.status();
  auto late_reason = text_field(c.input, "late_reason", kReasonText, false);
  if (!late_reason.ok()) return late_reason.status();
  bool late = c.after.due_at_ms != 0 && c.now_ms > c.after.due_at_ms;
  if (late && late_reason->empty()) {
    return Invalid("late_reason", "a report after the deadline gives the reason and the progress");
  }
  c.event_data = Json{{"report", *report}, {"late", late}, {"late_reason", *late_reason}}.dump();
  c.notify.push_back("unit:" + std::to_string(c.after.lead_unit_id));
  return Status::Ok();
}

Status reply(TransitionContext& c) {
  auto text = text_field(c.input, "reply", kLongText, false);
  if (!text.ok()) return text.status();
  Json a = attrs_of(c.after);
  a["reply"] = {{"text", *text}, {"at_ms", c.now_ms}};
  store(c.after, a);
  c.event_unit_id = c.after.lead_unit_id;
  c.event_data = Json{{"reply", *text}}.dump();
  return open_callback(c, "replied");
}

Status deadline_reached(TransitionContext& c) {
  c.after.overdue = true;
  c.event_unit_id = c.after.lead_unit_id;
  c.notify = {"centre"};
  if (auto a = attrs_of(c.after); a.contains("copied_to")) {
    c.notify.push_back("unit:" + std::to_string(a["copied_to"].get<int64_t>()));
  }
  // An order counts once against its unit, however many deadlines (extended ones) it misses, in
  // the month its deadline passed (a timer can fire late, after a restart).
  if (!c.before.overdue) {
    const int64_t passed_at = c.after.due_at_ms != 0 ? c.after.due_at_ms : c.now_ms;
    SHEGONG_RETURN_IF_ERROR(
        bump_counter(c.session, c.after.lead_unit_id, period_of(passed_at), "overdue"));
  }
  return open_callback(c, "deadline");
}

Status callback(TransitionContext& c, const HolidayCalendar& calendar) {
  auto solved = yes_no(c.input, "solved");
  if (!solved.ok()) return solved.status();
  std::string satisfaction = field(c.input, "satisfaction");
  if (!one_of(satisfaction, kSatisfaction)) {
    return Invalid("satisfaction", "one of " + list_of(kSatisfaction));
  }
  auto channel = text_field(c.input, "channel", 200, false);
  if (!channel.ok()) return channel.status();
  auto open = c.session.query(
      "SELECT id FROM callbacks WHERE case_id = ? AND done_at_ms IS NULL ORDER BY id LIMIT 1",
      {c.after.id});
  if (!open.ok()) return open.status();
  if (open->empty()) {
    return Conflict("no callback is due: it comes with the unit's reply or the deadline", "state");
  }
  SHEGONG_RETURN_IF_ERROR(
      c.session
          .exec("UPDATE callbacks SET done_at_ms = ?, solved = ?, satisfaction = ?, channel = ? "
                "WHERE id = ?",
                {c.now_ms, int64_t{*solved}, satisfaction, *channel, (*open)[0].integer(0)})
          .status());
  int64_t unit = c.after.lead_unit_id;
  std::string period = period_of(c.now_ms);
  SHEGONG_RETURN_IF_ERROR(bump_counter(c.session, unit, period, "callbacks"));
  if (*solved) SHEGONG_RETURN_IF_ERROR(bump_counter(c.session, unit, period, "solved"));
  const char* column = satisfaction == "满意"       ? "satisfied"
                       : satisfaction == "基本满意" ? "basically_satisfied"
                                                    : "unsatisfied";
  SHEGONG_RETURN_IF_ERROR(bump_counter(c.session, unit, period, column));
  c.event_unit_id = unit;
  c.event_data = Json{{"solved", *solved}, {"satisfaction", satisfaction}}.dump();
  if (*solved) {
    c.after.state = "closed";
    c.cancel = {"deadline", "reminder"};
    return Status::Ok();
  }
  // Unsolved: back to the same unit with a new deadline.
  c.after.state = "dispatched";
  Json a = attrs_of(c.after);
  a["reopened"] = a.value("reopened", 0) + 1;
  keep_replied_round(a, c.after.lead_unit_id);
  a.erase("reply");
  store(c.after, a);
  auto lead = active_unit(c.session, unit, "unit_id");
  if (!lead.ok()) return lead.status();
  return hand_to(c, calendar, *lead, /*new_dispatch=*/false);
}

// The centre closes a replied order without a callback (the requester cannot be reached, or
// declines one); the reason stays in the history.
Status close_order(TransitionContext& c) {
  auto reason = text_field(c.input, "reason", kReasonText, true);
  if (!reason.ok()) return reason.status();
  c.event_data = Json{{"reason", *reason}}.dump();
  return Status::Ok();
}

Status reopen(TransitionContext& c, const HolidayCalendar& calendar) {
  if (c.after.lead_unit_id == 0) return Conflict("the order was never dispatched", "state");
  auto reason = text_field(c.input, "reason", kReasonText, false);
  if (!reason.ok()) return reason.status();
  auto lead = active_unit(c.session, c.after.lead_unit_id, "unit_id");
  if (!lead.ok()) return lead.status();
  Json a = attrs_of(c.after);
  a["reopened"] = a.value("reopened", 0) + 1;
  keep_replied_round(a, c.after.lead_unit_id);
  a.erase("reply");
  store(c.after, a);
  c.after.closed_at_ms = 0;
  c.event_data = Json{{"reason", *reason}}.dump();
  return hand_to(c, calendar, *lead, /*new_dispatch=*/false);
}

Status rate(TransitionContext& c) {
  std::string satisfaction = field(c.input, "satisfaction");
  if (!one_of(satisfaction, kSatisfaction)) {
    return Invalid("satisfaction", "one of " + list_of(kSatisfaction));
  }
  auto comment = text_field(c.input, "comment", 2000, false);
  if (!comment.ok()) return comment.status();
  Json a = attrs_of(c.after);
  if (answer_rated(a)) {
    return Conflict("the requester has already rated this answer", "satisfaction");
  }
  a["requester_rating"] = {
      {"satisfaction", satisfaction}, {"comment", *comment}, {"at_ms", c.now_ms}};
  store(c.after, a);
  c.event_data = Json{{"satisfaction", satisfaction}, {"comment", *comment}}.dump();
  return Status::Ok();
}

}  // namespace

cases::CaseKind order_kind(const HolidayCalendar& cal) {
  const HolidayCalendar* calendar = &cal;
  cases::CaseKind k;
  k.name = kOrderKind;
  k.initial_state = "registered";
  k.final_states = {"answered", "referred", "closed"};
  k.timer_transitions = {{"dispatch_limit", "dispatch_overdue"},
                         {"reminder", "remind"},
                         {"deadline", "deadline_reached"}};
  k.transitions = {
      {"triage",
       {"registered"},
       "",
       kCentre,
       ActorRule::kJurisdiction,
       {"outcome"},
       {"requester"},
       {"dispatch_limit"},
       triage},
      {"dispatch",
       {"registered"},
       "dispatched",
       kCentre,
       ActorRule::kJurisdiction,
       {},
       {},
       {"dispatch_limit"},
       [calendar](TransitionContext& c) { return dispatch(c, *calendar); }},
      {"accept", {"dispatched"}, "accepted", kHandlers, ActorRule::kLeadUnit, {}, {}, {}, accept},
      {"dispute",
       kActive,
       "",
       kHandlers,
       ActorRule::kLeadUnit,
       {"reason"},
       {"centre"},
       {},
       dispute},
      {"decide_dispute",
       kActive,
       "",
       kCentre,
       ActorRule::kJurisdiction,
       {"decision"},
       {},
       {},
       [calendar](TransitionContext& c) { return decide_dispute(c, *calendar); }},
      {"extend",
       {"accepted"},
       "",
       kHandlers,
       ActorRule::kLeadUnit,
       {"reason", "days"},
       {"centre"},
       {},
       extend},
      {"decide_extension",
       {"accepted"},
       "",
       kCentre,
       ActorRule::kJurisdiction,
       {"decision"},
       {},
       {},
       [calendar](TransitionContext& c) { return decide_extension(c, *calendar); }},
      {"co_report", kActive, "", kHandlers, ActorRule::kCaseUnit, {"report"}, {}, {}, co_report},
      {"reply",
       {"accepted"},
       "replied",
       kHandlers,
       ActorRule::kLeadUnit,
       {"reply"},
       {"requester", "centre"},
       {"reminder"},
       reply},
      {"callback",
       {"dispatched", "accepted", "replied"},
       "",
       kCentre,
       ActorRule::kJurisdiction,
       {"solved", "satisfaction"},
       {},
       {},
       [calendar](TransitionContext& c) { return callback(c, *calendar); }},
      {"close",
       {"replied"},
       "closed",
       kCentre,
       ActorRule::kJurisdiction,
       {"reason"},
       {},
       {"deadline", "reminder"},
       close_order},
      {"reopen",
       {"closed"},
       "dispatched",
       kCentre,
       ActorRule::kJurisdiction,
       {"reason"},
       {},
       {},
       [calendar](TransitionContext& c) { return reopen(c, *calendar); }},
      {"rate", {"replied", "closed"}, "", {}, ActorRule::kSystem, {"satisfaction"}, {}, {}, rate},
      // Not dispatched within the dispatch limit (DOMAIN.md item 40): shown as overdue, in the
      // centre's overdue queue, until it is dispatched with its handling deadline.
      {"dispatch_overdue",
       {"registered"},
       "",
       {},
       ActorRule::kSystem,
       {},
       {"centre"},
       {},
       [](TransitionContext& c) {
         c.after.overdue = true;
         return Status::Ok();
       }},
      {"remind",
       kActive,
       "",
       {},
       ActorRule::kSystem,
       {},
       {},
       {},
       [](TransitionContext& c) {
         c.notify.push_back("unit:" + std::to_string(c.after.lead_unit_id));
         return Status::Ok();
       }},
      {"deadline_reached", kActive, "", {}, ActorRule::kSystem, {}, {}, {}, deadline_reached},
  };
  return k;
}

}  // namespace shegong::hotline
