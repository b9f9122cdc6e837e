#include "auth/role.h"

namespace shegong::auth {

namespace {
constexpr std::string_view kNames[kRoleCount] = {
    "admin",           "dispatcher",  "department_staff", "street_staff",
    "community_staff", "grid_worker", "leader",           "volunteer"};
}

std::string_view role_name(Role role) { return kNames[static_cast<int>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
  for (int i = 0; i < kRoleCount; ++i) {
    if (kNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string_view role_names_list() {
  return "admin, dispatcher, department_staff, street_staff, community_staff, grid_worker, leader, "
         "volunteer";
}

}  // namespace shegong::auth
