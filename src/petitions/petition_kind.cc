#include "petitions/petition_kind.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/fields.h"
#include "cases/profile.h"
#include "cases/transition_steps.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"
#include "petitions/assistance.h"
#include "petitions/cadre_report.h"
#include "petitions/deadlines.h"
#include "petitions/follow_up.h"
#include "petitions/levels.h"
#include "petitions/parties.h"
#include "petitions/settlement.h"
#include "petitions/vocabulary.h"
#include "regions/region_code.h"

namespace shegong::petitions {

namespace {

using auth::Role;
using cases::ActorRule;
using cases::required_text;
using cases::attrs_of;
using cases::field;
using cases::TransitionContext;
using hotline::list_of;
using hotline::one_of;
using hotline::Unit;
using Json = nlohmann::json;

// Organs act through their staff: department staff (including petition offices and line
// departments), street and township staff, and admins.
constexpr auth::RoleSet kOrganStaff = {Role::kDepartmentStaff, Role::kStreetStaff, Role::kAdmin};

const std::vector<std::string> kOpen = {"registered", "transferred", "objected", "accepted",
                                        "answered",   "reviewing",   "reviewed", "re_reviewing"};
const std::vector<std::string> kAfterAcceptance = {
    "accepted", "answered",     "replied", "settled", "reviewing",
    "reviewed", "re_reviewing", "closed",  "final",   "referred"};

void store(cases::CaseRecord& c, const Json& j) { cases::store_attrs(c, j); }

std::string date_text(int64_t ms) { return date_in_china(ms).to_string(); }

Result<Unit> active_unit(db::Session& s, int64_t id, const char* field_name) {
  auto unit = hotline::find_unit(s, id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid(field_name, "no active unit has the id " + std::to_string(id));
  }
  return **unit;
}

// A people's government (人民政府): a unit of kind government, or the hotline's district
// government.
bool is_government(const Unit& u) { return u.kind == "government" || u.kind == "district"; }

Result<Unit> lead_unit(TransitionContext& c) {
  return active_unit(c.session, c.before.lead_unit_id, "unit_id");
}

Result<int64_t> unit_field(const cases::Fields& in, const char* name) {
  return cases::int_field(in, name, 1, INT64_MAX);
}

// Art. 30: an accusation never reaches the unit it accuses, so it is never handed to it.
Status not_to_accused(TransitionContext& c, int64_t unit_id, const char* field_name) {
  auto accused = is_accused_unit(c.session, c.before.id, unit_id);
  if (!accused.ok()) return accused.status();
  if (*accused) {
    return Conflict(
        "the petition accuses that unit: it may not be sent to it (信访工作条例 Art. 30 para 3)",
        field_name);
  }
  return Status::Ok();
}

// Hands the petition to `unit`; the unit that held it keeps reading it.
Status hand_to(TransitionContext& c, const Unit& unit) {
  SHEGONG_RETURN_IF_ERROR(not_to_accused(c, unit.id, "unit_id"));
  if (c.before.lead_unit_id != 0 && c.before.lead_unit_id != unit.id) {
    SHEGONG_RETURN_IF_ERROR(
        cases::set_case_unit(c.session, c.before.id, c.before.lead_unit_id, "held"));
  }
  c.after.lead_unit_id = unit.id;
  c.event_unit_id = unit.id;
  c.notify.push_back("unit:" + std::to_string(unit.id));
  Json a = attrs_of(c.after);
  a.erase("handler_user_id");
  store(c.after, a);
  return Status::Ok();
}

// Whether the step that ends now (routing, or the receipt notice) kept its deadline: true with no
// deadline; null while the deadline waits for the holiday calendar, whose step ends now
// (attrs.deadline_pending.ended_at_ms): set_pending_deadlines judges it once the year is loaded.
Json in_time(TransitionContext& c, Json& attrs) {
  if (attrs.contains("deadline_pending") && !attrs["deadline_pending"].contains("ended_at_ms")) {
    attrs["deadline_pending"]["ended_at_ms"] = c.now_ms;
    return nullptr;
  }
  return c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms;
}

// Sets the due time of the current step, the deadline timer that marks it overdue, and clears the
// overdue flag of the step before.
void due(TransitionContext& c, const std::string& timer, int64_t at_ms) {
  c.after.due_at_ms = at_ms;
  c.after.overdue = false;
  c.cancel.push_back(timer);
  c.arm.push_back({timer, at_ms});
}

Result<int> cascade_budget(db::Session& s, const std::string& region, int level) {
  auto text = cases::profile_value(s, region, "petition.cascade_days", "5,3,3,4");
  if (!text.ok()) return text.status();
  std::vector<int> days;
  size_t pos = 0;
  while (pos <= text->size()) {
    size_t comma = text->find(',', pos);
    if (comma == std::string::npos) comma = text->size();
    days.push_back(std::atoi(text->substr(pos, comma - pos).c_str()));
    pos = comma + 1;
  }
  if (level < 0 || level >= static_cast<int>(days.size()) || days[level] <= 0) return 15;
  return days[level];
}

// A petition office's routing deadline: 15 days from receipt (Art. 22), or its share of the
// national cascade when the 国家信访局 registered the petition (DOMAIN.md item 29).
Result<int64_t> routing_deadline(db::Session& s, const HolidayCalendar& calendar,
                                 const cases::CaseRecord& c, const Unit& office, int64_t from_ms) {
  int days = 15;
  if (attrs_of(c).value("cascade", false)) {
    auto budget = cascade_budget(s, c.region_code, level_of(office.region_code));
    if (!budget.ok()) return budget.status();
    days = *budget;
  }
  return organ_deadline(s, calendar, c.region_code, from_ms, days);
}

// ---- routing by a petition office (Art. 22) ----

Status route(TransitionContext& c, const HolidayCalendar& calendar) {
  auto office = lead_unit(c);
  if (!office.ok()) return office.status();
  if (office->kind != "petition_office") {
    return Conflict(
        "only a petition office routes petitions (Art. 22); an organ that received it "
        "directly uses notify_receipt (Art. 23)",
        "route");
  }
  std::string how = field(c.input, "route");
  if (!one_of(how, kRoutes)) return Invalid("route", "one of " + list_of(kRoutes));
  auto target_id = unit_field(c.input, "unit_id");
  if (!target_id.ok()) return target_id.status();
  auto target = active_unit(c.session, *target_id, "unit_id");
  if (!target.ok()) return target.status();
  if (target->id == office->id) return Invalid("unit_id", "route the petition to another unit");
  // 属地管理、分级负责 (Art. 22): to an organ of the office's own area, at its level or below; a
  // matter for a higher level is reported upward (报请), which goes to the office's own government
  // or organs too.
  if (!regions::is_within(target->region_code, office->region_code)) {
    return Invalid("unit_id",
                   "an organ of this office's area, at its level or below (属地管理、分级负责, "
                   "信访工作条例 Art. 22)");
  }
  Json a = attrs_of(c.after);
  bool litigation = a.value("litigation", false), discipline = a.value("discipline_matter", false);
  // Items 10 and 11: litigation matters go to 政法, accusations within 纪检监察 authority to
  // 纪检监察.
  if (litigation && how != "politics_law") {
    return Conflict(
        "a 涉法涉诉 petition goes to a 政法 department or is closed with a referral note "
        "(信访工作条例 Arts. 22, 28, 31(1))",
        "route");
  }
  if (discipline && how != "discipline") {
    return Conflict(
        "an accusation within 纪检监察 authority goes only to the 纪检监察 organ "
        "(信访工作条例 Art. 22)",
        "route");
  }
  if (how == "politics_law" && target->kind != "politics_law") {
    return Invalid("unit_id", "转政法 needs a 政法 department (unit kind politics_law)");
  }
  if (how == "discipline" && target->kind != "discipline") {
    return Invalid("unit_id", "转纪检监察 needs a 纪检监察 organ (unit kind discipline)");
  }
  if ((how == "transfer" || how == "assign" || how == "report") &&
      (target->kind == "politics_law" || target->kind == "discipline" ||
       target->kind == "community" || target->kind == "centre")) {
    return Invalid("unit_id", "转送/交办/报请 go to an organ or a lower petition office");
  }
  Json step = {
      {"route", how}, {"unit_id", target->id}, {"at_ms", c.now_ms}, {"from_unit_id", office->id}};
  if (how == "assign") {
    // Item 9: an assignment carries the deadline for reporting the result.
    std::string raw = field(c.input, "report_due_on");
    if (raw.empty()) {
      return Invalid("report_due_on",
                     "a 交办 needs the date by which the result is reported (Art. 22 item 3)");
    }
    auto report_due = Date::parse(raw);
    if (!report_due.ok()) return Invalid("report_due_on", "a date YYYY-MM-DD");
    if (*report_due < date_in_china(c.now_ms)) {
      return Invalid("report_due_on", "the report deadline cannot lie in the past");
    }
    int64_t report_due_ms = china_end_of_day_ms(*report_due);
    a["assigned"] = {
        {"unit_id", target->id}, {"by_unit_id", office->id}, {"report_due_ms", report_due_ms}};
    c.arm.push_back({"report_due", report_due_ms});
    step["report_due_on"] = raw;
  }
  if (auto note = field(c.input, "note"); !note.empty()) {
    SHEGONG_RETURN_IF_ERROR(check_text(note, "note", 4000, false));
    step["note"] = note;
  }
  if (!a.contains("routed_at_ms")) {
    a["routed_at_ms"] = c.now_ms;
    a["routed_in_time"] = in_time(c, a);
  }
  a["routes"].push_back(step);
  store(c.after, a);
  c.cancel.push_back("routing_due");
  SHEGONG_RETURN_IF_ERROR(hand_to(c, *target));
  c.event_data = step.dump();
  if (how == "politics_law" || how == "discipline") {
    c.after.state = "referred";
    c.after.due_at_ms = 0;
    c.after.overdue = false;
    return Status::Ok();
  }
  a = attrs_of(c.after);
  a["sender_unit_id"] = office->id;
  if (target->kind == "petition_office") {
    // 属地管理、分级负责: a lower petition office routes it again, within its own period.
    if (level_of(target->region_code) <= level_of(office->region_code)) {
      return Invalid("unit_id", "a petition office passes petitions only to a lower office");
    }
    store(c.after, a);
    c.after.state = "registered";
    auto at = routing_deadline(c.session, calendar, c.after, *target, c.now_ms);
    if (!at.ok()) return at.status();
    due(c, "routing_due", *at);
    return Status::Ok();
  }
  // Item 14: the organ notifies acceptance within 15 days of receipt, or objects within 5
  // working days.
  a["transferred_at_ms"] = c.now_ms;
  auto acceptance = organ_deadline(c.session, calendar, c.after.region_code, c.now_ms, 15);
  if (!acceptance.ok()) return acceptance.status();
  a["acceptance_due_ms"] = *acceptance;
  store(c.after, a);
  c.after.state = "transferred";
  due(c, "acceptance_due", *acceptance);
  return Status::Ok();
}

// ---- acceptance (Art. 23) and handling (Arts. 29–34) ----

// Enters the accepted state on `track`: route (6) gets its 60 days (Art. 34).
Status enter_track(TransitionContext& c, const HolidayCalendar& calendar) {
  std::string track = field(c.input, "track");
  if (!one_of(track, kTracks)) return Invalid("track", "one of " + list_of(kTracks));
  Json a = attrs_of(c.after);
  if (a.value("litigation", false) && !is_procedure_track(track)) {
    return Conflict(
        "a 涉法涉诉 petition cannot enter the ordinary handling track (诉访分离, "
        "信访工作条例 Arts. 28, 31(1)): transfer it to 政法 or close it with a referral",
        "track");
  }
  if (a.value("discipline_matter", false)) {
    return Conflict(
        "an accusation within 纪检监察 authority is handled only by the 纪检监察 organ "
        "(信访工作条例 Art. 22)",
        "track");
  }
  if (is_procedure_track(track)) {
    return Conflict("a matter for " + track +
                        " leaves 信访 for that procedure (Art. 31): use refer with a note",
                    "track");
  }
  if (track == "accusation" && c.before.type != "检举控告") {
    return Invalid("track", "the accusation track is for 检举控告 petitions");
  }
  if (track == "suggestion" && c.before.type != "建议意见") {
    return Invalid("track", "the suggestion track is for 建议意见 petitions");
  }
  if (track == "duty" && c.before.type != "申诉求决") {
    return Invalid("track", "route (5), the organ's own duty, answers a 申诉求决 petition");
  }
  if (track == "opinion" && c.before.type != "申诉求决") {
    return Invalid("track", "a 信访处理意见书 (route 6) answers a 申诉求决 petition");
  }
  a["track"] = track;
  a["accepted_at_ms"] = c.now_ms;
  a["handler_unit_id"] = c.after.lead_unit_id;
  store(c.after, a);
  c.after.state = "accepted";
  c.cancel.push_back("acceptance_due");
  c.cancel.push_back("notice_due");
  c.after.due_at_ms = 0;
  c.after.overdue = false;
  if (track == "opinion") {
    auto handling = organ_deadline(c.session, calendar, c.after.region_code, c.now_ms, 60);
    if (!handling.ok()) return handling.status();
    a = attrs_of(c.after);
    a["handling_base_due_ms"] = *handling;
    store(c.after, a);
    due(c, "handling_due", *handling);
  }
  return Status::Ok();
}

Status accept(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.before);
  int64_t acceptance_due = a.value("acceptance_due_ms", int64_t{0});
  bool in_time = acceptance_due == 0 || c.now_ms <= acceptance_due;
  SHEGONG_RETURN_IF_ERROR(enter_track(c, calendar));
  a = attrs_of(c.after);
  a["accepted_in_time"] = in_time;
  a["documents"].push_back("acceptance");
  store(c.after, a);
  c.event_unit_id = c.after.lead_unit_id;
  c.event_data =
      Json{{"track", a["track"]}, {"in_time", in_time}, {"due_ms", acceptance_due}}.dump();
  return Status::Ok();
}

Status object(TransitionContext& c, const HolidayCalendar& calendar) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reasons", 8000));
  Json a = attrs_of(c.before);
  int64_t received = a.value("transferred_at_ms", c.before.received_at_ms);
  auto window = working_days_deadline(calendar, received, 5);
  if (!window.ok()) return window.status();
  if (c.now_ms > *window) {
    return Conflict("an objection is due within 5 working days of receipt (by " +
                        date_text(*window) +
                        "; 信访工作条例 Art. 23 para 3); accept the petition instead",
                    "reasons");
  }
  a["objection"] = {{"reasons", field(c.input, "reasons")},
                    {"at_ms", c.now_ms},
                    {"by_unit_id", c.before.lead_unit_id}};
  store(c.after, a);
  int64_t sender = a.value("sender_unit_id", int64_t{0});
  if (sender != 0) c.notify.push_back("unit:" + std::to_string(sender));
  c.event_unit_id = c.before.lead_unit_id;
  return Status::Ok();
}

Status decide_objection(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.before);
  int64_t sender = a.value("sender_unit_id", int64_t{0});
  if (c.actor == nullptr || c.actor->unit_id != sender) {
    return Denied("only the office or organ that sent the petition decides on the objection");
  }
  auto approve = cases::yes_no(c.input, "approve");
  if (!approve.ok()) return approve.status();
  a["objection"]["approved"] = *approve;
  a["objection"]["decided_at_ms"] = c.now_ms;
  if (auto note = field(c.input, "note"); !note.empty()) a["objection"]["note"] = note;
  store(c.after, a);
  if (!*approve) {
    c.after.state = "transferred";  // the organ must accept it; its deadline keeps running
    c.notify.push_back("unit:" + std::to_string(c.before.lead_unit_id));
    return Status::Ok();
  }
  // Returned: the sender routes it again, with a fresh routing period.
  auto office = active_unit(c.session, sender, "unit_id");
  if (!office.ok()) return office.status();
  SHEGONG_RETURN_IF_ERROR(hand_to(c, *office));
  c.after.state = "registered";
  c.cancel.push_back("acceptance_due");
  auto at = routing_deadline(c.session, calendar, c.after, *office, c.now_ms);
  if (!at.ok()) return at.status();
  due(c, "routing_due", *at);
  return Status::Ok();
}

// Art. 23 para 2: an organ that received the petition directly tells the petitioner in writing
// that it is received and how it will be handled, where it was sent, or which organ to approach.
Status notify_receipt(TransitionContext& c, const HolidayCalendar& calendar) {
  auto organ = lead_unit(c);
  if (!organ.ok()) return organ.status();
  if (organ->kind == "petition_office") {
    return Conflict("a petition office routes the petition (Art. 22)", "outcome");
  }
  std::string outcome = field(c.input, "outcome");
  Json a = attrs_of(c.before);
  const Json kept = in_time(c, a);
  a["receipt_notice"] = {{"outcome", outcome}, {"at_ms", c.now_ms}, {"in_time", kept}};
  a["documents"].push_back("receipt");
  store(c.after, a);
  c.cancel.push_back("notice_due");
  c.notify.push_back("petitioner");
  // The receipt notice is this organ's acceptance step (Art. 23 para 2), for its indicators.
  c.event_unit_id = organ->id;
  Json event = {{"outcome", outcome}, {"due_ms", c.before.due_at_ms}};
  if (kept.is_boolean()) event["in_time"] = kept;
  c.event_data = event.dump();
  if (outcome == "within_powers") {
    return enter_track(c, calendar);
  }
  if (outcome == "sent_to_lower") {
    // Items 10 and 11: an ordinary lower organ may not take these over; the petitioner is told
    // which organ to approach (outside_system), or a 涉法涉诉 matter is closed with a referral.
    if (a.value("litigation", false)) {
      return Conflict(
          "a 涉法涉诉 petition is not sent to an ordinary organ (信访工作条例 Arts. 22, 28, "
          "31(1)): tell the petitioner to approach the 政法 organ (outside_system) or refer it",
          "outcome");
    }
    if (a.value("discipline_matter", false)) {
      return Conflict(
          "an accusation within 纪检监察 authority is not sent to an ordinary organ (信访工作条例 "
          "Art. 22): tell the petitioner to approach the 纪检监察 organ (outside_system)",
          "outcome");
    }
    auto id = unit_field(c.input, "unit_id");
    if (!id.ok()) return id.status();
    auto lower = active_unit(c.session, *id, "unit_id");
    if (!lower.ok()) return lower.status();
    if (!regions::is_within(lower->region_code, organ->region_code) ||
        level_of(lower->region_code) <= level_of(organ->region_code)) {
      return Invalid("unit_id", "a lower organ within this organ's area");
    }
    a = attrs_of(c.after);
    a["receipt_notice"]["sent_to"] = lower->name;
    a["sender_unit_id"] = organ->id;
    a["transferred_at_ms"] = c.now_ms;
    auto acceptance = organ_deadline(c.session, calendar, c.after.region_code, c.now_ms, 15);
    if (!acceptance.ok()) return acceptance.status();
    a["acceptance_due_ms"] = *acceptance;
    store(c.after, a);
    SHEGONG_RETURN_IF_ERROR(hand_to(c, *lower));
    c.event_unit_id = organ->id;  // the notice is the receiving organ's step
    c.after.state = "transferred";
    due(c, "acceptance_due", *acceptance);
    return Status::Ok();
  }
  if (outcome == "outside_system") {
    SHEGONG_RETURN_IF_ERROR(required_text(c.input, "organ_to_approach", 400));
    a = attrs_of(c.after);
    a["receipt_notice"]["organ_to_approach"] = field(c.input, "organ_to_approach");
    store(c.after, a);
    c.after.state = "redirected";
    c.after.due_at_ms = 0;
    c.after.overdue = false;
    return Status::Ok();
  }
  return Invalid("outcome", "one of within_powers, sent_to_lower, outside_system");
}

Status refer(TransitionContext& c) {
  if (attrs_of(c.before).value("discipline_matter", false)) {
    // Item 11: never closed with a referral, whatever the procedure named.
    return Conflict(
        "an accusation within 纪检监察 authority goes to the 纪检监察 organ (Art. 22): a "
        "petition office routes it there (route discipline), an organ that received it "
        "directly tells the petitioner to approach it (notify_receipt outside_system)",
        "procedure");
  }
  std::string procedure = field(c.input, "procedure");
  if (!is_procedure_track(procedure)) {
    return Invalid(
        "procedure",
        "one of litigation, arbitration, party_appeal, administrative (routes (1)–(4) "
        "of Art. 31; route (5), the organ's own duty, is a track it accepts and answers)");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "note", 4000));
  Json a = attrs_of(c.after);
  a["referral"] = {{"procedure", procedure}, {"note", field(c.input, "note")}, {"at_ms", c.now_ms}};
  a["documents"].push_back("referral");
  store(c.after, a);
  c.cancel.push_back("acceptance_due");
  c.cancel.push_back("notice_due");
  c.cancel.push_back("routing_due");
  c.cancel.push_back("handling_due");
  c.after.due_at_ms = 0;
  c.after.overdue = false;
  c.notify.push_back("petitioner");
  c.event_unit_id = c.before.lead_unit_id;
  return Status::Ok();
}

// Art. 34: at most 30 days more, approved by the organ's head, the reason told to the petitioner.
Status extend(TransitionContext& c, const HolidayCalendar& calendar) {
  Json a = attrs_of(c.before);
  if (a.value("track", "") != "opinion") {
    return Conflict("only route (6) handling has the 60-day limit that can be extended", "days");
  }
  auto days = cases::int_field(c.input, "days", 1, 1000);
  if (!days.ok()) return days.status();
  int64_t used = a.value("extension_days", int64_t{0});
  if (used + *days > 30) {
    return Conflict("the extension may total at most 30 days (信访工作条例 Art. 34); " +
                        std::to_string(used) + " already granted",
                    "days");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reason", 4000));
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "approved_by", 200));
  int64_t base_due = a.value("handling_base_due_ms", c.before.due_at_ms);
  if (c.now_ms > base_due) {
    return Conflict("the extension must be approved before the 60 days run out (by " +
                        date_text(base_due) + ")",
                    "days");
  }
  // The limit becomes A+60+E, counted and rolled like the 60 days themselves.
  int64_t accepted_at = a.value("accepted_at_ms", c.now_ms);
  auto extended = organ_deadline(c.session, calendar, c.after.region_code, accepted_at,
                                 static_cast<int>(60 + used + *days));
  if (!extended.ok()) return extended.status();
  a["extension_days"] = used + *days;
  a["extensions"].push_back({{"days", *days},
                             {"reason", field(c.input, "reason")},
                             {"approved_by", field(c.input, "approved_by")},
                             {"at_ms", c.now_ms}});
  a["documents"].push_back("extension");
  store(c.after, a);
  due(c, "handling_due", *extended);
  c.notify.push_back("petitioner");
  c.event_data = Json{{"days", *days},
                      {"reason", field(c.input, "reason")},
                      {"approved_by", field(c.input, "approved_by")}}
                     .dump();
  return Status::Ok();
}

// Arms the petitioner's 30-day window for the next request, from the day the written answer was
// received (Arts. 35, 36).
Status open_request_window(TransitionContext& c, const HolidayCalendar& calendar, const char* key) {
  auto delivered = cases::date_field(c.input, "delivered_on", date_in_china(c.now_ms));
  if (!delivered.ok()) return delivered.status();
  if (*delivered > date_in_china(c.now_ms)) {
    return Invalid("delivered_on", "the day the petitioner received it cannot lie in the future");
  }
  auto window = petitioner_deadline(calendar, *delivered, 30);
  if (!window.ok()) return window.status();
  Json a = attrs_of(c.after);
  a[key]["delivered_on"] = delivered->to_string();
  a["request_window_ends_ms"] = *window;
  store(c.after, a);
  c.cancel.push_back("request_window");
  c.arm.push_back({"request_window", *window});
  return Status::Ok();
}

// Item 16: a 信访处理意见书 states the request, the facts and reasons, the decision and its basis.
Status written_opinion(TransitionContext& c, Json& out) {
  for (const char* f : {"request", "facts_reasons", "legal_basis"}) {
    SHEGONG_RETURN_IF_ERROR(required_text(c.input, f, 20000));
  }
  std::string decision = field(c.input, "decision");
  if (!one_of(decision, kDecisions)) {
    return Invalid("decision", "one of " + list_of(kDecisions) + " (Art. 32)");
  }
  out = {{"request", field(c.input, "request")},
         {"facts_reasons", field(c.input, "facts_reasons")},
         {"decision", decision},
         {"legal_basis", field(c.input, "legal_basis")},
         {"issued_at_ms", c.now_ms},
         {"unit_id", c.before.lead_unit_id}};
  return Status::Ok();
}

Status answered_event(TransitionContext& c) {
  bool in_time = c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms;
  Json a = attrs_of(c.after);
  a["answered_at_ms"] = c.now_ms;
  a["answered_in_time"] = in_time;
  store(c.after, a);
  c.cancel.push_back("handling_due");
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"in_time", in_time}, {"due_ms", c.before.due_at_ms}}.dump();
  c.after.due_at_ms = 0;
  c.after.overdue = false;
  c.notify.push_back("petitioner");
  return Status::Ok();
}

Status issue_opinion(TransitionContext& c, const HolidayCalendar& calendar) {
  if (attrs_of(c.before).value("track", "") != "opinion") {
    return Conflict("a 信访处理意见书 is for route (6) petitions; reply to the others", "track");
  }
  Json opinion;
  SHEGONG_RETURN_IF_ERROR(written_opinion(c, opinion));
  Json a = attrs_of(c.after);
  a["opinion"] = opinion;
  a["documents"].push_back("opinion");
  store(c.after, a);
  SHEGONG_RETURN_IF_ERROR(answered_event(c));
  SHEGONG_RETURN_IF_ERROR(track_implementation(c.session, c.after));
  return open_request_window(c, calendar, "opinion");
}

Status reply(TransitionContext& c) {
  std::string track = attrs_of(c.before).value("track", "");
  if (track == "opinion") {
    return Conflict("route (6) petitions are answered with a 信访处理意见书 (issue_opinion)",
                    "track");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reply", 20000));
  Json a = attrs_of(c.after);
  a["reply"] = {{"text", field(c.input, "reply")}, {"at_ms", c.now_ms}};
  if (track == "suggestion") {
    const std::string adoption = field(c.input, "adoption");
    if (!one_of(adoption, kAdoptions)) {
      return Invalid("adoption", "one of " + list_of(kAdoptions) +
                                     ": whether the suggestion is adopted in whole, in part or "
                                     "not (Art. 29)");
    }
    // Why not in whole: required unless adopted; up to the form's 5,000 characters (bytes here).
    const std::string reasons = field(c.input, "adoption_reasons");
    SHEGONG_RETURN_IF_ERROR(check_text(reasons, "adoption_reasons", 15000, adoption != "adopted"));
    a["reply"]["adoption"] = adoption;
    if (!reasons.empty()) a["reply"]["adoption_reasons"] = reasons;
  }
  store(c.after, a);
  return answered_event(c);
}

// Art. 33: an agreement reached by mediation or settlement concludes the handling, in place of a
// 信访处理意见书. It is not an opinion the petitioner could ask to have reviewed (Art. 35), so no
// 复查 window opens.
Status settle(TransitionContext& c) {
  auto agreement = agreement_of(c.input, c.before, c.now_ms);
  if (!agreement.ok()) return agreement.status();
  Json a = attrs_of(c.after);
  a["agreement"] = *agreement;
  a["documents"].push_back("agreement");
  store(c.after, a);
  return answered_event(c);
}

// Records the day the petitioner received the written answer. Until it is recorded the window
// runs from the day the answer was issued; a later delivery moves the window, and reopens a
// petition that the window closed too early (the answer went by post, say) while its true window
// is still open.
Status deliver(TransitionContext& c, const HolidayCalendar& calendar) {
  if (field(c.input, "delivered_on").empty()) {
    return Invalid("delivered_on", "the day the petitioner received the written answer");
  }
  bool reviewed = c.before.state == "reviewed" ||
                  (c.before.state == "closed" && attrs_of(c.before).contains("review"));
  SHEGONG_RETURN_IF_ERROR(open_request_window(c, calendar, reviewed ? "review" : "opinion"));
  if (c.before.state != "closed") return Status::Ok();
  int64_t window = attrs_of(c.after).value("request_window_ends_ms", int64_t{0});
  if (window < c.now_ms) {
    // The true window has passed too: the petition stays closed, and a late request is refused
    // with the right date.
    c.cancel.push_back("request_window");
    c.arm.clear();
    return Status::Ok();
  }
  c.after.state = reviewed ? "reviewed" : "answered";
  c.after.closed_at_ms = 0;
  return Status::Ok();
}

// 复查 and 复核 (Arts. 35, 36): filed with the organ one level above the one that answered, within
// 30 days of receiving the written answer.
Status request_next_level(TransitionContext& c, const HolidayCalendar& calendar, bool re_review) {
  const char* what = re_review ? "复核" : "复查";
  const char* article = re_review ? "Art. 36" : "Art. 35";
  Json a = attrs_of(c.before);
  // A closed petition is one whose window has passed: the request is then refused as late below.
  if (!re_review && a.contains("review")) {
    return Conflict("a 复查 opinion exists: the next step is 复核 (信访工作条例 Art. 36)", "state");
  }
  if (re_review && !a.contains("review")) {
    return Conflict("复核 follows a 复查 opinion (信访工作条例 Art. 36)", "state");
  }
  if (c.before.state == "closed" && !a.contains(re_review ? "review" : "opinion")) {
    return Conflict(std::string("there is no written answer to ask a ") + what + " of", "state");
  }
  auto unit_id = unit_field(c.input, "unit_id");
  if (!unit_id.ok()) return unit_id.status();
  auto upper = active_unit(c.session, *unit_id, "unit_id");
  if (!upper.ok()) return upper.status();
  if (c.actor == nullptr || (c.actor->unit_id != upper->id && c.actor->role != Role::kAdmin)) {
    return Denied(std::string("the ") + what +
                  " request is registered by the organ that receives it");
  }
  auto received = cases::date_field(c.input, "received_on", date_in_china(c.now_ms));
  if (!received.ok()) return received.status();
  if (*received > date_in_china(c.now_ms)) {
    return Invalid("received_on", "the day of the request cannot lie in the future");
  }
  int64_t window = a.value("request_window_ends_ms", int64_t{0});
  if (window != 0 && china_start_of_day_ms(*received) > window) {
    return Conflict(std::string(what) +
                        " requested after the 30-day window (it closed at the end of " +
                        date_text(window) + "; 信访工作条例 " + article + ")",
                    "received_on");
  }
  int64_t answered_by = re_review ? a["review"].value("unit_id", int64_t{0})
                                  : a["opinion"].value("unit_id", int64_t{0});
  auto lower = active_unit(c.session, answered_by, "unit_id");
  if (!lower.ok()) return lower.status();
  // The organ above a department is its own government (本级人民政府) or an organ of the next
  // level with organs; above a government, only the latter.
  bool own_government =
      is_government(*upper) && !is_government(*lower) && upper->region_code == lower->region_code;
  if (!(own_government || is_one_level_above(upper->region_code, lower->region_code)) ||
      upper->kind == "petition_office" || upper->kind == "community" ||
      upper->kind == "party_committee" || upper->kind == "conference_office" ||
      upper->kind == "organisation") {
    std::string above = level_name(level_of(administrative_parent(lower->region_code)));
    return Conflict(
        std::string(what) + " goes to the organ one level above the one that answered (" + above +
            " above " + lower->name + (is_government(*lower) ? "" : ", or its own government") +
            "; 信访工作条例 " + article + ")",
        "unit_id");
  }
  int64_t received_ms = std::min(c.now_ms, china_end_of_day_ms(*received));
  auto at = organ_deadline(c.session, calendar, c.after.region_code, received_ms, 30);
  if (!at.ok()) return at.status();
  a[re_review ? "re_review" : "review"] = {{"unit_id", upper->id},
                                           {"requested_on", received->to_string()},
                                           {"base_due_ms", *at},
                                           {"hearing_days", 0}};
  store(c.after, a);
  c.cancel.push_back("request_window");
  c.after.closed_at_ms = 0;  // a request received in time reopens a petition its window closed
  SHEGONG_RETURN_IF_ERROR(hand_to(c, *upper));
  due(c, re_review ? "re_review_due" : "review_due", *at);
  return Status::Ok();
}

Status next_level_opinion(TransitionContext& c, const HolidayCalendar& calendar, bool re_review) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "opinion", 20000));
  std::string decision = field(c.input, "decision");
  if (!one_of(decision, kDecisions)) return Invalid("decision", "one of " + list_of(kDecisions));
  const char* key = re_review ? "re_review" : "review";
  Json a = attrs_of(c.after);
  a[key]["opinion"] = field(c.input, "opinion");
  a[key]["decision"] = decision;
  a[key]["issued_at_ms"] = c.now_ms;
  bool in_time = c.now_ms <= c.before.due_at_ms;
  a[key]["in_time"] = in_time;
  a["documents"].push_back(key);
  store(c.after, a);
  c.event_data = Json{{"in_time", in_time}, {"due_ms", c.before.due_at_ms}}.dump();
  c.cancel.push_back(re_review ? "re_review_due" : "review_due");
  c.after.due_at_ms = 0;
  c.after.overdue = false;
  c.notify.push_back("petitioner");
  c.event_unit_id = c.before.lead_unit_id;
  SHEGONG_RETURN_IF_ERROR(track_implementation(c.session, c.after));
  if (re_review) return Status::Ok();  // final: no further request (Art. 36 para 3)
  return open_request_window(c, calendar, "review");
}

// Art. 36 para 2: hearing time is not counted in the 30 days of a 复核.
Status record_hearing(TransitionContext& c, const HolidayCalendar& calendar) {
  auto from = cases::date_field(c.input, "from", Date());
  auto to = cases::date_field(c.input, "to", Date());
  if (!from.ok()) return from.status();
  if (!to.ok()) return to.status();
  if (field(c.input, "from").empty()) return Invalid("from", "the first day of the hearing");
  if (field(c.input, "to").empty()) return Invalid("to", "the last day of the hearing");
  if (*to < *from) return Invalid("to", "the hearing cannot end before it starts");
  if (*to > date_in_china(c.now_ms)) return Invalid("to", "record a hearing once it has ended");
  int days = to->days_since_epoch() - from->days_since_epoch() + 1;
  if (days > 365) return Invalid("to", "a hearing of more than a year is a typo");
  Json a = attrs_of(c.after);
  // Only days of this 复核's own period are left out of it, and each day once.
  auto requested = Date::parse(a["re_review"].value("requested_on", std::string()));
  if (requested.ok() && *from < *requested) {
    return Invalid("from", "the hearing starts before the 复核 was requested (" +
                               requested->to_string() + ")");
  }
  if (c.before.due_at_ms != 0 && *from > date_in_china(c.before.due_at_ms)) {
    return Invalid("from", "the hearing starts after the 复核's deadline (" +
                               date_in_china(c.before.due_at_ms).to_string() + ")");
  }
  if (a["re_review"].contains("hearings")) {
    for (const auto& h : a["re_review"]["hearings"]) {
      auto h_from = Date::parse(h.value("from", std::string()));
      auto h_to = Date::parse(h.value("to", std::string()));
      if (h_from.ok() && h_to.ok() && !(*to < *h_from) && !(*h_to < *from)) {
        return Invalid("from", "overlaps the hearing already recorded from " + h_from->to_string() +
                                   " to " + h_to->to_string());
      }
    }
  }
  int hearing_days = a["re_review"].value("hearing_days", 0) + days;
  a["re_review"]["hearing_days"] = hearing_days;
  a["re_review"]["hearings"].push_back({{"from", from->to_string()}, {"to", to->to_string()}});
  store(c.after, a);
  // The 30 days plus every hearing day, counted from the request and rolled like the 30 days, so
  // the deadline never ends on a rest day the policy would roll.
  if (!requested.ok()) return Invalid("re_review", "the 复核 has no request date");
  auto at = organ_deadline(c.session, calendar, c.after.region_code,
                           china_start_of_day_ms(*requested), 30 + hearing_days);
  if (!at.ok()) return at.status();
  due(c, "re_review_due", *at);
  c.event_data = Json{{"from", from->to_string()}, {"to", to->to_string()}, {"days", days}}.dump();
  return Status::Ok();
}

// ---- assignment reports, handlers, supervision, rating ----

Status file_report(TransitionContext& c) {
  Json a = attrs_of(c.before);
  if (!a.contains("assigned")) {
    return Conflict("only an assigned (交办) petition has a closing report", "report");
  }
  int64_t assignee = a["assigned"].value("unit_id", int64_t{0});
  if (c.actor == nullptr || c.actor->unit_id != assignee) {
    return Denied("the closing report is filed by the organ the petition was assigned to");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "report", 20000));
  int64_t report_due = a["assigned"].value("report_due_ms", int64_t{0});
  a["assigned"]["report"] = field(c.input, "report");
  a["assigned"]["reported_at_ms"] = c.now_ms;
  a["assigned"]["in_time"] = c.now_ms <= report_due;
  store(c.after, a);
  c.cancel.push_back("report_due");
  c.notify.push_back("unit:" + std::to_string(a["assigned"].value("by_unit_id", int64_t{0})));
  c.event_unit_id = assignee;
  return Status::Ok();
}

// Item 26: staff with a declared interest in the petition or the petitioner never handle it, nor
// does anyone of the accused unit.
Status assign_handler(TransitionContext& c) {
  auto user_id = cases::int_field(c.input, "user_id", 1, INT64_MAX);
  if (!user_id.ok()) return user_id.status();
  auto rows =
      c.session.query("SELECT unit_id FROM users WHERE id = ? AND disabled = 0", {*user_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Invalid("user_id", "no active user has that id");
  if ((*rows)[0].integer(0) != c.before.lead_unit_id) {
    return Invalid("user_id", "the handler works for the organ holding the petition");
  }
  auto recused = has_declared_interest(c.session, *user_id, c.before);
  if (!recused.ok()) return recused.status();
  if (*recused) {
    return Conflict(
        "that user declared an interest in this petition or its petitioner and must "
        "withdraw (信访工作条例 Art. 28 para 3)",
        "user_id");
  }
  Json a = attrs_of(c.after);
  a["handler_user_id"] = *user_id;
  store(c.after, a);
  c.event_data = Json{{"user_id", *user_id}}.dump();
  return Status::Ok();
}

Status declare_interest(TransitionContext& c) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reason", 2000));
  std::string scope = field(c.input, "scope");
  if (scope != "petition" && scope != "petitioner")
    return Invalid("scope", "petition or petitioner");
  SHEGONG_RETURN_IF_ERROR(record_interest(c.session, c.actor->user_id, c.before,
                                          scope == "petitioner", field(c.input, "reason"),
                                          c.now_ms));
  Json a = attrs_of(c.after);
  if (a.value("handler_user_id", int64_t{0}) == c.actor->user_id) a.erase("handler_user_id");
  store(c.after, a);
  c.event_data = Json{{"scope", scope}}.dump();  // the reason stays out of the timeline
  return Status::Ok();
}

// A supervision notice goes to the organ holding the petition; once the handling has ended with a
// supported decision not yet carried out, to the organ that must carry it out (Arts. 32, 40, 42),
// and a closed petition is supervised only for that.
Status supervise(TransitionContext& c) {
  auto office = active_unit(c.session, c.actor ? c.actor->unit_id : 0, "unit_id");
  if (!office.ok() || office->kind != "petition_office") {
    return Denied("supervision notices are issued by a petition office (Art. 40)");
  }
  Json a = attrs_of(c.before);
  bool in_review = c.before.state == "reviewing" || c.before.state == "re_reviewing";
  bool implementation = implementation_pending(a) && !in_review;
  bool ended = c.before.state == "closed" || c.before.state == "final";
  if (ended && !implementation) {
    return Conflict(
        "a closed petition is supervised only while a supported decision waits to be carried "
        "out (信访工作条例 Arts. 32, 40)",
        "state");
  }
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "recommendation", 8000));
  int64_t addressee = implementation ? implementing_unit(a) : c.before.lead_unit_id;
  auto id = c.session.query(
      "INSERT INTO petition_supervisions(case_id, office_unit_id, unit_id, recommendation, "
      "issued_at_ms) VALUES(?, ?, ?, ?, ?) RETURNING id",
      {c.before.id, office->id, addressee, field(c.input, "recommendation"), c.now_ms});
  if (!id.ok()) return id.status();
  c.notify.push_back("unit:" + std::to_string(addressee));
  c.event_unit_id = addressee;
  Json event = {{"supervision_id", (*id)[0].integer(0)}};
  if (implementation) event["about"] = "implementation";
  c.event_data = event.dump();
  return Status::Ok();
}

Status answer_supervision(TransitionContext& c) {
  auto id = cases::int_field(c.input, "supervision_id", 1, INT64_MAX);
  if (!id.ok()) return id.status();
  auto adopted = cases::yes_no(c.input, "adopted");
  if (!adopted.ok()) return adopted.status();
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "answer", 8000));
  auto changed = c.session.exec(
      "UPDATE petition_supervisions SET answered_at_ms = ?, adopted = ?, answer = ? "
      "WHERE id = ? AND case_id = ? AND unit_id = ? AND answered_at_ms IS NULL",
      {c.now_ms, int64_t{*adopted}, field(c.input, "answer"), *id, c.before.id,
       c.actor ? c.actor->unit_id : 0});
  if (!changed.ok()) return changed.status();
  if (*changed != 1) {
    return Invalid("supervision_id", "no open supervision notice of this petition to your unit");
  }
  c.event_data = Json{{"supervision_id", *id}, {"adopted", *adopted}}.dump();
  return Status::Ok();
}

// Art. 21 para 2: the petitioner rates each written answer: the first one, the 复查 opinion, the
// 复核 opinion. The rating counts for the organ that gave that answer.
// The written answer a rating is for now, in the petition's attributes (current_answer).
std::string answer_in(const Json& a) {
  for (const char* key : {"re_review", "review"}) {
    if (a.contains(key) && a[key].is_object() && a[key].contains("issued_at_ms")) return key;
  }
  return "answer";
}

bool answer_rated(const Json& a) {
  std::string answer = answer_in(a);
  if (a.contains("ratings") && a["ratings"].is_object()) return a["ratings"].contains(answer);
  return answer == "answer" && a.contains("rating");  // rated before ratings were kept per answer
}

Status rate(TransitionContext& c) {
  std::string rating = field(c.input, "rating");
  if (!one_of(rating, kRatings)) return Invalid("rating", "one of " + list_of(kRatings));
  Json a = attrs_of(c.after);
  if (answer_rated(a)) return Conflict("the petitioner has already rated this answer", "rating");
  std::string answer = answer_in(a);
  a["ratings"][answer] = {{"value", rating}, {"at_ms", c.now_ms}};
  a["rating"] = a["ratings"][answer];  // the latest, as the views show it
  store(c.after, a);
  c.event_unit_id = answer == "answer" ? a.value("handler_unit_id", c.before.lead_unit_id)
                                       : a[answer].value("unit_id", c.before.lead_unit_id);
  c.event_data = Json{{"rating", rating}, {"answer", answer}}.dump();
  return Status::Ok();
}

}  // namespace

std::string current_answer(const cases::CaseRecord& petition) {
  return answer_in(attrs_of(petition));
}

bool current_answer_rated(const cases::CaseRecord& petition) {
  return answer_rated(attrs_of(petition));
}

cases::CaseKind petition_kind(const HolidayCalendar& calendar) {
  const HolidayCalendar* cal = &calendar;
  cases::CaseKind k;
  k.name = kPetitionKind;
  k.initial_state = "registered";
  k.final_states = {"not_accepted", "redirected", "referred", "replied",
                    "settled",      "closed",     "final"};

  auto by_lead = [](std::string name, std::vector<std::string> from, std::string to,
                    cases::Effect effect, std::vector<std::string> required = {}) {
    cases::TransitionDef t;
    t.name = std::move(name);
    t.from = std::move(from);
    t.to = std::move(to);
    t.roles = kOrganStaff;
    t.actor = ActorRule::kLeadUnit;
    t.required = std::move(required);
    t.effect = std::move(effect);
    return t;
  };
  auto by_system = [](std::string name, std::vector<std::string> from, std::string to,
                      cases::Effect effect) {
    cases::TransitionDef t;
    t.name = std::move(name);
    t.from = std::move(from);
    t.to = std::move(to);
    t.actor = ActorRule::kSystem;
    t.effect = std::move(effect);
    return t;
  };

  k.transitions.push_back(by_lead("route", {"registered"}, "",
                                  [cal](TransitionContext& c) { return route(c, *cal); },
                                  {"route", "unit_id"}));
  k.transitions.push_back(by_lead("notify_receipt", {"registered"}, "",
                                  [cal](TransitionContext& c) { return notify_receipt(c, *cal); },
                                  {"outcome"}));
  k.transitions.push_back(by_lead("accept", {"transferred"}, "accepted",
                                  [cal](TransitionContext& c) { return accept(c, *cal); },
                                  {"track"}));
  k.transitions.push_back(by_lead("object", {"transferred"}, "objected",
                                  [cal](TransitionContext& c) { return object(c, *cal); },
                                  {"reasons"}));
  {
    auto t =
        by_lead("decide_objection", {"objected"}, "",
                [cal](TransitionContext& c) { return decide_objection(c, *cal); }, {"approve"});
    t.actor = ActorRule::kCaseUnit;  // the sender, which held it before
    k.transitions.push_back(std::move(t));
  }
  k.transitions.push_back(by_lead("refer", {"registered", "transferred", "accepted"}, "referred",
                                  refer, {"procedure", "note"}));
  k.transitions.push_back(by_lead("extend", {"accepted"}, "",
                                  [cal](TransitionContext& c) { return extend(c, *cal); },
                                  {"days", "reason", "approved_by"}));
  k.transitions.push_back(by_lead("issue_opinion", {"accepted"}, "answered",
                                  [cal](TransitionContext& c) { return issue_opinion(c, *cal); }));
  k.transitions.push_back(by_lead("reply", {"accepted"}, "replied", reply, {"reply"}));
  k.transitions.push_back(by_lead("settle", {"accepted"}, "settled", settle,
                                  {"form", "other_party", "matter", "terms"}));
  {
    auto t = by_lead("deliver", {"answered", "reviewed", "closed"}, "",
                     [cal](TransitionContext& c) { return deliver(c, *cal); }, {"delivered_on"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  for (bool re_review : {false, true}) {
    cases::TransitionDef t;
    t.name = re_review ? "request_re_review" : "request_review";
    t.from = {re_review ? "reviewed" : "answered", "closed"};
    t.to = re_review ? "re_reviewing" : "reviewing";
    t.roles = kOrganStaff;
    t.actor = ActorRule::kJurisdiction;  // the organ above, whose area contains the matter
    t.required = {"unit_id"};
    t.effect = [cal, re_review](TransitionContext& c) {
      return request_next_level(c, *cal, re_review);
    };
    k.transitions.push_back(std::move(t));
  }
  k.transitions.push_back(
      by_lead("review_opinion", {"reviewing"}, "reviewed",
              [cal](TransitionContext& c) { return next_level_opinion(c, *cal, false); },
              {"opinion", "decision"}));
  k.transitions.push_back(by_lead("record_hearing", {"re_reviewing"}, "",
                                  [cal](TransitionContext& c) { return record_hearing(c, *cal); },
                                  {"from", "to"}));
  k.transitions.push_back(
      by_lead("re_review_opinion", {"re_reviewing"}, "final",
              [cal](TransitionContext& c) { return next_level_opinion(c, *cal, true); },
              {"opinion", "decision"}));
  {
    auto t = by_lead("file_report", kAfterAcceptance, "", file_report, {"report"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  k.transitions.push_back(by_lead("assign_handler", kOpen, "", assign_handler, {"user_id"}));
  {
    auto t = by_lead("declare_interest", kOpen, "", declare_interest, {"reason", "scope"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  {
    std::vector<std::string> supervised = kOpen;
    supervised.insert(supervised.end(), {"closed", "final"});
    auto t = by_lead("supervise", supervised, "", supervise, {"recommendation"});
    t.actor = ActorRule::kJurisdiction;
    k.transitions.push_back(std::move(t));
  }
  // Art. 32: after a written decision, its carrying out or the explanation and guidance given.
  const std::vector<std::string> decided = {"answered",     "reviewing", "reviewed",
                                            "re_reviewing", "closed",    "final"};
  {
    auto t = by_lead("record_implementation", decided, "", record_implementation,
                     {"measures", "complete"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  {
    auto t = by_lead("record_guidance", decided, "", record_guidance, {"note"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  {
    // Art. 37: help for a petitioner in hardship, by a unit that holds or held the petition, also
    // after the handling has ended.
    auto t =
        by_lead("record_assistance", kAfterAcceptance, "", record_assistance, {"kind", "note"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  std::vector<std::string> every_state = kOpen;
  every_state.insert(every_state.end(), {"replied", "settled", "closed", "final", "referred"});
  {
    // Art. 30 para 2, by the organ holding the accusation or one that held it.
    auto t = by_lead("inform_organisation", every_state, "", inform_organisation,
                     {"unit_id", "serious"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  {
    // By the organ the notice was addressed to, which may have held the petition before.
    auto t = by_lead("answer_supervision", every_state, "", answer_supervision,
                     {"supervision_id", "adopted", "answer"});
    t.actor = ActorRule::kCaseUnit;
    k.transitions.push_back(std::move(t));
  }
  k.transitions.push_back(by_system(
      "rate", {"answered", "replied", "settled", "reviewed", "closed", "final"}, "", rate));

  struct Timer {
    const char* timer;
    const char* transition;
    std::vector<std::string> from;
  };
  for (const Timer& t : {Timer{"routing_due", "routing_overdue", {"registered"}},
                         Timer{"notice_due", "notice_overdue", {"registered"}},
                         Timer{"acceptance_due", "acceptance_overdue", {"transferred", "objected"}},
                         Timer{"handling_due", "handling_overdue", {"accepted"}},
                         Timer{"review_due", "review_overdue", {"reviewing"}},
                         Timer{"re_review_due", "re_review_overdue", {"re_reviewing"}}}) {
    std::string step = t.timer;
    step = step.substr(0, step.size() - 4);  // "routing", "notice", ...
    k.transitions.push_back(by_system(t.transition, t.from, "", [step](TransitionContext& c) {
      return cases::mark_overdue(c, step.c_str());
    }));
    k.timer_transitions[t.timer] = t.transition;
  }
  k.transitions.push_back(by_system("report_overdue", every_state, "", [](TransitionContext& c) {
    Json a = attrs_of(c.after);
    a["assigned"]["report_overdue"] = true;
    store(c.after, a);
    c.notify.push_back("unit:" + std::to_string(a["assigned"].value("by_unit_id", int64_t{0})));
    return Status::Ok();
  }));
  k.timer_transitions["report_due"] = "report_overdue";
  k.transitions.push_back(by_system("window_closed", {"answered", "reviewed"}, "closed",
                                    [](TransitionContext&) { return Status::Ok(); }));
  k.timer_transitions["request_window"] = "window_closed";

  // Item 26, Art. 28 para 3: whoever declared an interest in the petition or its petitioner
  // withdraws from it: no step of theirs is taken, whatever the step.
  for (cases::TransitionDef& t : k.transitions) {
    if (t.actor == ActorRule::kSystem || t.name == "declare_interest") continue;
    t.effect = [inner = std::move(t.effect)](TransitionContext& c) -> Status {
      if (c.actor != nullptr && c.actor->user_id != 0) {
        auto recused = has_declared_interest(c.session, c.actor->user_id, c.before);
        if (!recused.ok()) return recused.status();
        if (*recused) {
          return Conflict(
              "you declared an interest in this petition or its petitioner and withdraw from it "
              "(信访工作条例 Art. 28 para 3)",
              "declared_interest");
        }
      }
      return inner ? inner(c) : Status::Ok();
    };
  }
  return k;
}

}  // namespace shegong::petitions
