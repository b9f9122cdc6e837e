#include "burden/admission.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "burden/duty_items.h"
#include "burden/work_task_kind.h"
#include "cases/tracking_no.h"
#include "hotline/units.h"
#include "regions/region_code.h"

namespace shegong::burden {

namespace {

using Json = nlohmann::json;

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// The unit that approves a task off the lists: the district government for a street; for a
// committee, the street above it, or the district government where that street has no unit or is
// the sender (a street hands its committees nothing off the list either: 北京市街道办事处条例
// Art. 32).
Result<hotline::Unit> approver_for(db::Session& s, const hotline::Unit& target,
                                   const hotline::Unit& sender) {
  if (target.kind == "community") {
    const std::string street(regions::parent_of(target.region_code));
    auto units = hotline::list_units(s, street, "street");
    if (!units.ok()) return units.status();
    for (const hotline::Unit& u : *units) {
      if (u.region_code == street && u.active && u.id != sender.id) return u;
    }
  }
  auto government = hotline::district_government_for(s, target.region_code);
  if (!government.ok()) return government.status();
  if (!*government) {
    return Conflict("the task is on none of " + target.name +
                        "'s lists and no district government is registered to approve it",
                    "item_id");
  }
  return **government;
}

// Where a task on `item` starts, or why it cannot be sent.
Status check_item(const DutyItem& item, const hotline::Unit& target, const hotline::Unit& sender) {
  const bool street = target.kind == "street";
  if (item.list == "returned") {
    return Conflict("「" + item.name +
                        "」 was taken back by the departments above (上级部门收回事项): the "
                        "department does it itself and does not send it to a street",
                    "item_id");
  }
  if (street && item.list != "basic" && item.list != "cooperating") {
    return Invalid("item_id", "a street's task rests on its basic or cooperating list");
  }
  if (!street && item.list != "assistance") {
    return Invalid("item_id", "a committee's task rests on its assistance list (协助清单)");
  }
  if (item.list == "cooperating" && !ends_with(sender.name, item.lead_department)) {
    return Conflict("「" + item.name + "」 is led by " + item.lead_department +
                        "; the street supports it (" + item.supporting_role +
                        "), and the task comes from the department that leads",
                    "item_id");
  }
  return Status::Ok();
}

}  // namespace

Result<cases::CaseRecord> register_task(db::Session& s, cases::Engine& engine, NewTask t,
                                        const auth::Principal& sender) {
  SHEGONG_RETURN_IF_ERROR(check_text(t.subject, "subject", 400, true));
  SHEGONG_RETURN_IF_ERROR(check_text(t.content, "content", 20000, true));
  if (sender.unit_id == 0) {
    return Denied("a task is sent by a unit; your account belongs to none");
  }
  auto from = hotline::active_unit(s, sender.unit_id, "unit_id");
  if (!from.ok()) return from.status();
  auto target = hotline::active_unit(s, t.unit_id, "unit_id");
  if (!target.ok()) return target.status();
  if (target->kind != "street" && target->kind != "community") {
    return Invalid("unit_id",
                   "a task is sent to a street (township) or a residents' or villagers' committee");
  }
  if (target->id == from->id) return Invalid("unit_id", "a unit does not send tasks to itself");
  if (!sender.covers(target->region_code)) {
    return Invalid("unit_id", target->name + " lies outside your jurisdiction");
  }
  const int64_t now = engine.clock().now_ms();
  if (t.due_on && *t.due_on < date_in_china(now)) {
    return Invalid("due_on", "cannot lie in the past");
  }

  std::optional<DutyItem> item;
  if (t.item_id != 0) {
    auto found = find_item(s, t.item_id);
    if (!found.ok()) return found.status();
    // The item must hold for the target: published for its area or an area above it.
    if (!*found || !(*found)->active ||
        !regions::is_within(target->region_code, (*found)->region_code)) {
      return Invalid("item_id", "no item of " + target->name + "'s lists has the id " +
                                    std::to_string(t.item_id));
    }
    SHEGONG_RETURN_IF_ERROR(check_item(**found, *target, *from));
    item = std::move(**found);
  }
  hotline::Unit lead = *target;
  if (!item) {
    auto approver = approver_for(s, *target, *from);
    if (!approver.ok()) return approver.status();
    lead = std::move(*approver);
  }
  // The district government sending a task off the lists is itself the approval the lists ask for.
  const bool self_approved = !item && lead.id == from->id;
  if (self_approved) lead = *target;
  const int64_t due = t.due_on ? china_end_of_day_ms(*t.due_on) : 0;

  cases::CaseRecord c;
  c.kind = std::string(kWorkTaskKind);
  c.region_code = target->region_code;
  c.lead_unit_id = lead.id;
  c.channel = t.form_filling ? "form_filling" : "task";
  c.type = item ? item->list : "unlisted";
  c.category = item ? item->name : "";
  c.subject = t.subject;
  c.content = t.content;
  c.received_at_ms = now;
  auto created = engine.create_in(
      s, c, sender.actor(),
      [&](db::Session& s, cases::CaseRecord& rec, cases::Registration& reg) -> Status {
        auto tracking_no = cases::next_tracking_no(s, "RW", now);
        if (!tracking_no.ok()) return tracking_no.status();
        rec.tracking_no = *tracking_no;
        Json a = {{"requester_unit_id", from->id},
                  {"target_unit_id", target->id},
                  {"form_filling", t.form_filling},
                  {"due_on", t.due_on ? Json(t.due_on->to_string()) : Json()},
                  {"due_at_ms", due}};
        if (item) {
          a["item"] = {{"id", item->id},
                       {"list", item->list},
                       {"name", item->name},
                       {"region_code", item->region_code}};
          if (item->list == "cooperating") {
            a["item"]["lead_department"] = item->lead_department;
            a["item"]["supporting_role"] = item->supporting_role;
          }
        }
        if (item || self_approved) {
          rec.due_at_ms = due;
          if (due != 0) reg.arm.push_back({"task_due", due});
        } else {
          rec.state = "awaiting_approval";
          a["approver_unit_id"] = lead.id;
        }
        if (self_approved) {
          a["approval"] = {{"decision", "approved"},
                           {"reasons", "由负责审批的区人民政府直接派发"},
                           {"unit_id", from->id},
                           {"at_ms", now},
                           {"by", sender.actor()}};
        }
        rec.attrs = a.dump();
        reg.notify.push_back("unit:" + std::to_string(lead.id));
        reg.event_data = Json{{"admission", item            ? "listed"
                                            : self_approved ? "approved"
                                                            : "approval"},
                              {"item_id", item ? Json(item->id) : Json()}}
                             .dump();
        return Status::Ok();
      });
  if (!created.ok()) return created.status();
  // The sender reads its task as it goes on.
  SHEGONG_RETURN_IF_ERROR(cases::set_case_unit(s, created->id, from->id, "copy"));
  return created;
}

}  // namespace shegong::burden
