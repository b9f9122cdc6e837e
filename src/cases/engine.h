// The one case engine under hotline orders, petitions, suggestions, disputes and admission
// requests. It registers cases, applies the transitions a kind declares (case_kind.h), and fires
// timers. Every change is one transaction holding the state change, the timeline event, the notices,
// the timers armed or cancelled, and the audit row; nothing is acknowledged before it is durable.
//
// The *_in variants run inside a transaction the caller already holds (for example to store an
// idempotency key with the response); the others open their own.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cases/case_kind.h"
#include "cases/case_record.h"

namespace shegong::cases {

struct Event {
  int64_t id = 0;
  int64_t at_ms = 0;
  std::string actor;
  std::string action;
  std::string from_state, to_state;
  int64_t unit_id = 0;
  std::string data;  // JSON object text
};

// What registering a case adds besides the row: the "register" event's data and timers to arm.
struct Registration {
  std::string event_data = "{}";
  std::vector<NewTimer> arm;
  std::vector<std::string> notify;  // audiences told of the new case
};

// Prepares a new case inside the registering transaction (checks against stored data, fills
// derived fields).
using Prepare = std::function<Status(db::Session&, CaseRecord&, Registration&)>;

class Engine {
 public:
  Engine(db::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  void add_kind(CaseKind kind);
  const CaseKind* kind(std::string_view name) const;

  Result<CaseRecord> create(CaseRecord record, const std::string& actor, const Prepare& prepare);
  Result<CaseRecord> create_in(db::Session& s, CaseRecord record, const std::string& actor,
                               const Prepare& prepare);

  // `actor` null means the system (only ActorRule::kSystem transitions).
  Result<CaseRecord> apply(int64_t case_id, std::string_view transition,
                           const auth::Principal* actor, const Fields& input);
  Result<CaseRecord> apply_in(db::Session& s, int64_t case_id, std::string_view transition,
                              const auth::Principal* actor, const Fields& input);

  // Fires the timers due at `now_ms` (at most `limit`), each in its own transaction, each exactly
  // once however often this is called or the process restarts. Returns how many fired.
  Result<int> fire_due_timers(int64_t now_ms, int limit);
  // Due time of the earliest pending timer, or 0.
  Result<int64_t> next_timer_due();

  db::Db& db() { return db_; }
  const Clock& clock() const { return clock_; }

 private:
  Status check_actor(db::Session& s, const TransitionDef& t, const CaseRecord& c,
                     const auth::Principal* actor);
  // Claims one timer and applies its transition; `claimed` says whether it was still pending.
  Status fire_one(db::Session& s, int64_t timer_id, int64_t case_id, const std::string& timer_kind,
                  bool& claimed);

  db::Db& db_;
  const Clock& clock_;
  std::map<std::string, CaseKind, std::less<>> kinds_;
};

// Reading rules: a case is visible to a user whose jurisdiction covers its region, or who works
// for one of its units.
bool can_read(const auth::Principal& p, const CaseRecord& c, const std::vector<CaseUnit>& units);

Result<std::vector<Event>> timeline(db::Session& s, int64_t case_id);

// Runs fire_due_timers in the background, at least every `poll_ms`.
class TimerRunner {
 public:
  TimerRunner(Engine& engine, int poll_ms = 500);
  ~TimerRunner();
  void start();
  void stop();

 private:
  void run();
  Engine& engine_;
  int poll_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shegong::cases
