// Parts of a case's JSON that every kind's view shares: a unit as {id, name, kind}, a time or null,
// and the timeline with each actor's display name.
#pragma once

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "db/db.h"

namespace shegong::api {

// null for 0 or a unit that does not exist.
Result<nlohmann::json> unit_json(db::Session& s, int64_t id);
// unit_json, each unit read once: a page of a list names a few units many times.
class UnitMemo {
 public:
  Result<nlohmann::json> get(db::Session& s, int64_t id);

 private:
  std::unordered_map<int64_t, nlohmann::json> units_;
};
// unit_json through `memo` when there is one.
Result<nlohmann::json> unit_json(db::Session& s, int64_t id, UnitMemo* memo);
// The member `name` of an object, or null when it has none.
nlohmann::json member_or_null(const nlohmann::json& j, const char* name);
// ISO 8601 China time, or null for 0.
nlohmann::json time_or_null(int64_t ms);
// Every step recorded in `j` (an object with "by": "user:12", at any depth) gets "by_name", the
// actor as a timeline names them.
void name_actors(db::Session& s, nlohmann::json& j);
// The case's events, oldest first: at, actor, actor_name, action, from, to, unit_id, data.
Result<nlohmann::json> timeline_json(db::Session& s, int64_t case_id);

}  // namespace shegong::api
