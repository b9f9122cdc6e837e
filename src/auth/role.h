// Roles. A user has one role and one jurisdiction (a region code); the role says what kinds of
// action are open to the user, the jurisdiction which rows. Every route declares the roles it
// admits (a RoleSet); anything undeclared is denied.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace shegong::auth {

enum class Role : uint8_t {
  kAdmin,
  kDispatcher,       // 派单员: 12345 dispatch centre
  kDepartmentStaff,  // 部门: line department handlers
  kStreetStaff,      // 街道/乡镇
  kCommunityStaff,   // 社区/村
  kGridWorker,       // 网格员
  kLeader,           // 领导: reads everything in the jurisdiction, writes nothing
  kVolunteer,
};

constexpr int kRoleCount = 8;

std::string_view role_name(Role role);  // "admin", "dispatcher", "department_staff", ...
std::optional<Role> parse_role(std::string_view name);
// "admin, dispatcher, ..." for error messages.
std::string_view role_names_list();

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  static constexpr RoleSet all() {
    RoleSet s;
    s.bits_ = (1u << kRoleCount) - 1;
    return s;
  }
  constexpr bool contains(Role r) const { return (bits_ & bit(r)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }

 private:
  static constexpr uint32_t bit(Role r) { return 1u << static_cast<int>(r); }
  uint32_t bits_ = 0;
};

// Every signed-in role except volunteers: the staff of the platform.
constexpr RoleSet kStaff = {Role::kAdmin,       Role::kDispatcher,     Role::kDepartmentStaff,
                            Role::kStreetStaff, Role::kCommunityStaff, Role::kGridWorker,
                            Role::kLeader};

}  // namespace shegong::auth
