// Who did something, as a person reads it in a timeline: "user:12" becomes the user's display name
// (or user name), the engine's own actors get a word ("系统", "群众"). Names are cached for a
// minute per process, so a timeline costs no extra query in the steady state; a renamed user shows
// the new name within a minute.
#pragma once

#include <string>
#include <string_view>

#include "db/db.h"

namespace shegong::auth {

std::string actor_display_name(db::Session& s, std::string_view actor, int64_t now_ms);

}  // namespace shegong::auth
