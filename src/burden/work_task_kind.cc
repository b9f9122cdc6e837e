#include "burden/work_task_kind.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/fields.h"
#include "cases/transition_steps.h"

namespace shegong::burden {

namespace {

using cases::actor_of;
using cases::attrs_of;
using cases::field;
using cases::required_text;
using cases::TransitionContext;
using Json = nlohmann::json;

// The decision of the government above on a task off the target's lists (北京市街道办事处条例
// Art. 10; 北京市实施《城市居民委员会组织法》办法 Art. 28), with its reasons.
Status decide(TransitionContext& c, const char* decision) {
  SHEGONG_RETURN_IF_ERROR(required_text(c.input, "reasons", 20000));
  Json a = attrs_of(c.after);
  a["approval"] = {{"decision", decision},
                   {"reasons", field(c.input, "reasons")},
                   {"unit_id", c.before.lead_unit_id},
                   {"at_ms", c.now_ms},
                   {"by", actor_of(c)}};
  const int64_t requester = a.value("requester_unit_id", int64_t{0});
  c.notify.push_back("unit:" + std::to_string(requester));
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"decision", decision}, {"reasons", field(c.input, "reasons")}}.dump();
  if (std::string_view(decision) == "approved") {
    // The task goes to its target; the approving unit keeps reading it.
    const int64_t target = a.value("target_unit_id", int64_t{0});
    SHEGONG_RETURN_IF_ERROR(
        cases::set_case_unit(c.session, c.before.id, c.before.lead_unit_id, "held"));
    c.after.lead_unit_id = target;
    c.notify.push_back("unit:" + std::to_string(target));
    const int64_t due = a.value("due_at_ms", int64_t{0});
    if (due != 0) {
      c.after.due_at_ms = due;
      c.arm.push_back({"task_due", due});
    }
  }
  cases::store_attrs(c.after, a);
  return Status::Ok();
}

Status complete(TransitionContext& c) {
  SHEGONG_RETURN_IF_ERROR(check_text(field(c.input, "note"), "note", 20000, false));
  Json a = attrs_of(c.after);
  a["completion"] = {{"note", field(c.input, "note")},
                     {"at_ms", c.now_ms},
                     {"by", actor_of(c)},
                     {"in_time", c.before.due_at_ms == 0 || c.now_ms <= c.before.due_at_ms}};
  cases::store_attrs(c.after, a);
  c.notify.push_back("unit:" + std::to_string(a.value("requester_unit_id", int64_t{0})));
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = Json{{"note", field(c.input, "note")}}.dump();
  return Status::Ok();
}

}  // namespace

cases::CaseKind work_task_kind() {
  cases::CaseKind k;
  k.name = std::string(kWorkTaskKind);
  k.initial_state = "admitted";  // registration may start it awaiting approval instead
  k.final_states = {"rejected", "done"};
  k.transitions.push_back(
      cases::by_lead_unit("approve", {"awaiting_approval"}, "admitted", kTaskStaff,
                          [](TransitionContext& c) { return decide(c, "approved"); }));
  k.transitions.push_back(
      cases::by_lead_unit("reject", {"awaiting_approval"}, "rejected", kTaskStaff,
                          [](TransitionContext& c) { return decide(c, "rejected"); }));
  k.transitions.push_back(
      cases::by_lead_unit("complete", {"admitted"}, "done", kTaskStaff, complete, {"task_due"}));
  cases::add_overdue_timer(k, "task_due", "task_overdue", {"admitted"}, "task");
  return k;
}

}  // namespace shegong::burden
