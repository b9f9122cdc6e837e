#include "cases/transition_steps.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/fields.h"

namespace shegong::cases {

std::string actor_of(const TransitionContext& c) {
  return c.actor ? c.actor->actor() : std::string("system");
}

Status required_text(const Fields& in, const char* name, size_t max_bytes) {
  return check_text(field(in, name), name, max_bytes, true);
}

TransitionDef by_lead_unit(std::string name, std::vector<std::string> from, std::string to,
                           auth::RoleSet roles, Effect effect, std::vector<std::string> cancels) {
  TransitionDef t;
  t.name = std::move(name);
  t.from = std::move(from);
  t.to = std::move(to);
  t.roles = roles;
  t.actor = ActorRule::kLeadUnit;
  t.cancels = std::move(cancels);
  t.effect = std::move(effect);
  return t;
}

Status mark_overdue(TransitionContext& c, const char* step) {
  c.after.overdue = true;
  nlohmann::json a = attrs_of(c.after);
  a["late"].push_back({{"step", step}, {"at_ms", c.now_ms}});
  store_attrs(c.after, a);
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = nlohmann::json{{"step", step}, {"due_ms", c.before.due_at_ms}}.dump();
  c.notify.push_back("supervision:" + c.before.region_code);
  return Status::Ok();
}

void add_overdue_timer(CaseKind& k, const char* timer, const char* transition,
                       std::vector<std::string> from, const char* step) {
  TransitionDef t;
  t.name = transition;
  t.from = std::move(from);
  t.actor = ActorRule::kSystem;
  t.effect = [step](TransitionContext& c) { return mark_overdue(c, step); };
  k.transitions.push_back(std::move(t));
  k.timer_transitions[timer] = transition;
}

}  // namespace shegong::cases
