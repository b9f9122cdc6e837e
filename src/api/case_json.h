// Parts of a case's JSON that every kind's view shares: a unit as {id, name, kind}, a time or null,
// and the timeline with each actor's display name.
#pragma once

#include <nlohmann/json.hpp>

#include "db/db.h"

namespace shegong::api {

// null for 0 or a unit that does not exist.
Result<nlohmann::json> unit_json(db::Session& s, int64_t id);
// ISO 8601 China time, or null for 0.
nlohmann::json time_or_null(int64_t ms);
// The case's events, oldest first: at, actor, actor_name, action, from, to, unit_id, data.
Result<nlohmann::json> timeline_json(db::Session& s, int64_t case_id);

}  // namespace shegong::api
