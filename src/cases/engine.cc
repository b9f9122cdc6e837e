#include "cases/engine.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "base/log.h"
#include "base/utf8.h"

namespace shegong::cases {

namespace {

Result<int64_t> append_event(db::Session& s, int64_t case_id, int64_t at_ms,
                             const std::string& actor, const std::string& action,
                             const std::string& from, const std::string& to, int64_t unit_id,
                             const std::string& data) {
  auto rows = s.query(
      "INSERT INTO case_events(case_id, at_ms, actor, action, from_state, to_state, unit_id, data) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {case_id, at_ms, actor, action, from, to, unit_id == 0 ? db::null() : db::Value(unit_id),
       data});
  if (!rows.ok()) return rows.status();
  return (*rows)[0].integer(0);
}

Status record_notices(db::Session& s, int64_t case_id, int64_t event_id, int64_t at_ms,
                      std::vector<std::string> audiences) {
  std::sort(audiences.begin(), audiences.end());
  audiences.erase(std::unique(audiences.begin(), audiences.end()), audiences.end());
  for (const auto& audience : audiences) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO case_notices(case_id, event_id, audience, created_at_ms) "
               "VALUES(?, ?, ?, ?)",
               {case_id, event_id, audience, at_ms})
            .status());
  }
  return Status::Ok();
}

Status arm_timers(db::Session& s, int64_t case_id, const std::vector<NewTimer>& timers) {
  for (const auto& timer : timers) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO case_timers(case_id, kind, due_at_ms) VALUES(?, ?, ?)",
               {case_id, timer.kind, timer.due_at_ms})
            .status());
  }
  return Status::Ok();
}

}  // namespace

void Engine::add_kind(CaseKind kind) {
  std::string name = kind.name;
  kinds_.insert_or_assign(std::move(name), std::move(kind));
}

const CaseKind* Engine::kind(std::string_view name) const {
  auto it = kinds_.find(name);
  return it == kinds_.end() ? nullptr : &it->second;
}

Result<CaseRecord> Engine::create(CaseRecord record, const std::string& actor,
                                  const Prepare& prepare) {
  Result<CaseRecord> out = Internal("not created");
  Status st = db_.write([&](db::Session& s) {
    out = create_in(s, record, actor, prepare);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

Result<CaseRecord> Engine::create_in(db::Session& s, CaseRecord c, const std::string& actor,
                                     const Prepare& prepare) {
  const CaseKind* k = kind(c.kind);
  if (!k) return Internal("unknown case kind " + c.kind);
  c.state = k->initial_state;
  c.version = 1;
  Registration reg;
  if (prepare) SHEGONG_RETURN_IF_ERROR(prepare(s, c, reg));
  auto id = insert_case(s, c);
  if (!id.ok()) return id.status();
  c.id = *id;
  int64_t now = clock_.now_ms();
  auto event = append_event(s, c.id, now, actor, "register", "", c.state, 0, reg.event_data);
  if (!event.ok()) return event.status();
  SHEGONG_RETURN_IF_ERROR(record_notices(s, c.id, *event, now, reg.notify));
  SHEGONG_RETURN_IF_ERROR(arm_timers(s, c.id, reg.arm));
  SHEGONG_RETURN_IF_ERROR(
      audit::append(s, clock_,
                    {actor, c.kind + ".register", "case:" + std::to_string(c.id),
                     c.tracking_no + ";" + reg.event_data}));
  return c;
}

Result<CaseRecord> Engine::apply(int64_t case_id, std::string_view transition,
                                 const auth::Principal* actor, const Fields& input) {
  Result<CaseRecord> out = Internal("not applied");
  Status st = db_.write([&](db::Session& s) {
    out = apply_in(s, case_id, transition, actor, input);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

Status Engine::check_actor(db::Session& s, const TransitionDef& t, const CaseRecord& c,
                           const auth::Principal* actor) {
  if (t.actor == ActorRule::kSystem) {
    if (actor) return Denied(t.name + " is done by the system, not by users");
    return Status::Ok();
  }
  if (!actor) return Internal("a user transition was applied without a user");
  if (!t.roles.contains(actor->role)) {
    return Denied("the role " + std::string(auth::role_name(actor->role)) + " may not " + t.name);
  }
  switch (t.actor) {
    case ActorRule::kJurisdiction:
      if (!actor->covers(c.region_code)) return Denied("the case is outside your jurisdiction");
      return Status::Ok();
    case ActorRule::kLeadUnit:
      if (actor->unit_id == 0 || actor->unit_id != c.lead_unit_id) {
        return Denied(t.name + " is for the lead unit of the case");
      }
      return Status::Ok();
    case ActorRule::kCaseUnit: {
      auto units = case_units(s, c);
      if (!units.ok()) return units.status();
      for (const auto& u : *units) {
        if (actor->unit_id != 0 && u.unit_id == actor->unit_id && u.role != "copy") {
          return Status::Ok();
        }
      }
      return Denied(t.name + " is for the units handling the case");
    }
    case ActorRule::kSystem:
      break;
  }
  return Status::Ok();
}

Result<CaseRecord> Engine::apply_in(db::Session& s, int64_t case_id, std::string_view transition,
                                    const auth::Principal* actor, const Fields& input) {
  auto loaded = load_case(s, case_id);
  if (!loaded.ok()) return loaded.status();
  if (!*loaded) return NotFound("no case has the id " + std::to_string(case_id));
  const CaseRecord& before = **loaded;
  const CaseKind* k = kind(before.kind);
  if (!k) return Internal("unknown case kind " + before.kind);
  const TransitionDef* t = k->transition(transition);
  if (!t) return NotFound(before.kind + " has no action " + std::string(transition));
  if (std::find(t->from.begin(), t->from.end(), before.state) == t->from.end()) {
    return Conflict(t->name + " is not allowed while the " + before.kind + " is " + before.state,
                    "state");
  }
  SHEGONG_RETURN_IF_ERROR(check_actor(s, *t, before, actor));
  for (const auto& field : t->required) {
    auto it = input.find(field);
    if (it == input.end() || is_blank(it->second)) {
      return Invalid(field, "is required to " + t->name);
    }
  }

  CaseRecord after = before;
  if (!t->to.empty()) after.state = t->to;
  int64_t now = clock_.now_ms();
  TransitionContext ctx{s, clock_, now, actor, before, after, input, "{}", 0, {}, t->cancels, {}};
  if (t->effect) SHEGONG_RETURN_IF_ERROR(t->effect(ctx));
  if (k->is_final(after.state) && after.closed_at_ms == 0) after.closed_at_ms = now;

  SHEGONG_RETURN_IF_ERROR(update_case(s, after));
  after.version = before.version + 1;
  // A public caller (a citizen rating an answer) acts through a system transition and names
  // itself in the input.
  std::string who = actor ? actor->actor() : input.count("by") ? input.at("by") : "system";
  auto event = append_event(s, after.id, now, who, t->name, before.state, after.state,
                            ctx.event_unit_id, ctx.event_data);
  if (!event.ok()) return event.status();
  std::vector<std::string> audiences = t->notices;
  audiences.insert(audiences.end(), ctx.notify.begin(), ctx.notify.end());
  SHEGONG_RETURN_IF_ERROR(record_notices(s, after.id, *event, now, audiences));
  for (const auto& kind : ctx.cancel) {
    SHEGONG_RETURN_IF_ERROR(s.exec("UPDATE case_timers SET state = 'cancelled' "
                                   "WHERE case_id = ? AND kind = ? AND state = 'pending'",
                                   {after.id, kind})
                                .status());
  }
  SHEGONG_RETURN_IF_ERROR(arm_timers(s, after.id, ctx.arm));
  SHEGONG_RETURN_IF_ERROR(
      audit::append(s, clock_,
                    {who, after.kind + "." + t->name, "case:" + std::to_string(after.id),
                     before.state + "->" + after.state + ";" + ctx.event_data}));
  return after;
}

Result<int> Engine::fire_due_timers(int64_t now_ms, int limit) {
  std::vector<std::tuple<int64_t, int64_t, std::string>> due;
  SHEGONG_RETURN_IF_ERROR(db_.read([&](db::Session& s) {
    auto rows = s.query(
        "SELECT id, case_id, kind FROM case_timers WHERE state = 'pending' AND due_at_ms <= ? "
        "ORDER BY due_at_ms, id LIMIT ?",
        {now_ms, int64_t{limit}});
    if (!rows.ok()) return rows.status();
    for (const db::Row& r : *rows) due.emplace_back(r.integer(0), r.integer(1), r.text(2));
    return Status::Ok();
  }));
  // Timers fire in batches: one commit for many, each timer in a savepoint of its own so that a
  // failing one is rolled back alone (and stays pending for the next round).
  constexpr size_t kPerCommit = 128;
  int fired = 0;
  for (size_t from = 0; from < due.size(); from += kPerCommit) {
    size_t to = std::min(due.size(), from + kPerCommit);
    int fired_here = 0;
    Status st = db_.write([&](db::Session& s) {
      fired_here = 0;
      for (size_t i = from; i < to; ++i) {
        const auto& [timer_id, case_id, timer_kind] = due[i];
        SHEGONG_RETURN_IF_ERROR(s.exec("SAVEPOINT timer").status());
        bool claimed = false;
        Status one = fire_one(s, timer_id, case_id, timer_kind, claimed);
        if (!one.ok()) {
          log::error("timer {} of case {} failed: {}", timer_id, case_id, one.to_string());
          SHEGONG_RETURN_IF_ERROR(s.exec("ROLLBACK TO timer").status());
        } else if (claimed) {
          ++fired_here;
        }
        SHEGONG_RETURN_IF_ERROR(s.exec("RELEASE timer").status());
      }
      return Status::Ok();
    });
    if (!st.ok()) return st;
    fired += fired_here;
  }
  return fired;
}

Status Engine::fire_one(db::Session& s, int64_t timer_id, int64_t case_id,
                        const std::string& timer_kind, bool& claimed) {
  auto changed = s.exec(
      "UPDATE case_timers SET state = 'fired', fired_at_ms = ? WHERE id = ? AND state = 'pending'",
      {clock_.now_ms(), timer_id});
  if (!changed.ok()) return changed.status();
  claimed = *changed == 1;
  if (!claimed) return Status::Ok();  // fired or cancelled meanwhile
  auto c = load_case(s, case_id);
  if (!c.ok()) return c.status();
  if (!*c) return Status::Ok();
  const CaseKind* k = kind((*c)->kind);
  if (!k) return Status::Ok();
  auto tr = k->timer_transitions.find(timer_kind);
  if (tr == k->timer_transitions.end()) return Status::Ok();
  const TransitionDef* t = k->transition(tr->second);
  if (!t || std::find(t->from.begin(), t->from.end(), (*c)->state) == t->from.end()) {
    return Status::Ok();  // the case has moved on; the timer has nothing left to do
  }
  return apply_in(s, case_id, t->name, nullptr, {{"timer", timer_kind}}).status();
}

Result<int64_t> Engine::next_timer_due() {
  int64_t due = 0;
  SHEGONG_RETURN_IF_ERROR(db_.read([&](db::Session& s) {
    auto rows = s.query("SELECT min(due_at_ms) FROM case_timers WHERE state = 'pending'");
    if (!rows.ok()) return rows.status();
    due = (*rows)[0].integer(0);
    return Status::Ok();
  }));
  return due;
}

bool can_read(const auth::Principal& p, const CaseRecord& c, const std::vector<CaseUnit>& units) {
  if (p.role == auth::Role::kVolunteer) return false;
  if (p.role != auth::Role::kDepartmentStaff && p.covers(c.region_code)) return true;
  if (p.unit_id == 0) return false;
  return std::any_of(units.begin(), units.end(),
                     [&](const CaseUnit& u) { return u.unit_id == p.unit_id; });
}

Result<std::vector<Event>> timeline(db::Session& s, int64_t case_id) {
  auto rows = s.query(
      "SELECT id, at_ms, actor, action, from_state, to_state, unit_id, data FROM case_events "
      "WHERE case_id = ? ORDER BY id",
      {case_id});
  if (!rows.ok()) return rows.status();
  std::vector<Event> out;
  out.reserve(rows->size());
  for (db::Row& r : *rows) {
    out.push_back({r.integer(0), r.integer(1), r.take_text(2), r.take_text(3), r.take_text(4),
                   r.take_text(5), r.integer(6), r.take_text(7)});
  }
  return out;
}

TimerRunner::TimerRunner(Engine& engine, int poll_ms) : engine_(engine), poll_ms_(poll_ms) {}

TimerRunner::~TimerRunner() { stop(); }

void TimerRunner::start() {
  thread_ = std::thread([this] { run(); });
}

void TimerRunner::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TimerRunner::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    auto fired = engine_.fire_due_timers(engine_.clock().now_ms(), 200);
    if (!fired.ok()) log::error("timers: {}", fired.status().to_string());
    bool more = fired.ok() && *fired == 200;
    lock.lock();
    if (!more)
      cv_.wait_for(lock, std::chrono::milliseconds(poll_ms_), [this] { return stopping_; });
  }
}

}  // namespace shegong::cases
