// Who is calling: the signed-in user, with the role and jurisdiction that scope every read and
// write.
#pragma once

#include <cstdint>
#include <string>

#include "auth/role.h"
#include "regions/region_code.h"

namespace shegong::auth {

struct Principal {
  int64_t user_id = 0;
  std::string username;
  Role role = Role::kVolunteer;
  std::string jurisdiction;  // short region code; "" is the whole country
  bool via_session = false;  // browser session (needs CSRF on writes) rather than a bearer token
  std::string csrf_token;    // for sessions
  int64_t unit_id = 0;       // the unit the user works for (a street office, a department); 0 if none

  // Rows whose region code starts with the jurisdiction are the user's.
  bool covers(std::string_view region_code) const {
    return regions::is_within(region_code, jurisdiction);
  }
  std::string actor() const { return "user:" + std::to_string(user_id); }
};

}  // namespace shegong::auth
