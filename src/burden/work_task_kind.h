// A task or form-filling request (填表报数) that a department sends to a street (township), or a
// street or department to a residents' or villagers' committee, as a case kind: work admission
// (工作事项准入; DOMAIN.md §6.1–6.2, items 61–63). Registration (admission.h) decides where it
// starts:
//
//   admitted ──complete──▶ done                               (on the target's lists)
//   awaiting_approval ──approve──▶ admitted ──complete──▶ done   (off the lists: an approval
//   awaiting_approval ──reject──▶ rejected                        recorded by the government above)
//
// A task resting on a returned item (上级部门收回事项) is never registered. An approval or a
// rejection gives its reasons; the approving unit keeps reading the task after it moves on. A task
// with a day it is due is marked overdue when that day passes undone.
#pragma once

#include <string_view>

#include "auth/role.h"
#include "cases/case_kind.h"

namespace shegong::burden {

inline constexpr std::string_view kWorkTaskKind = "work_task";

// The staff who send, approve and do tasks: departments, governments, streets, committees, and
// leaders (who approve for their government).
inline constexpr auth::RoleSet kTaskStaff = {auth::Role::kAdmin, auth::Role::kDepartmentStaff,
                                             auth::Role::kStreetStaff, auth::Role::kCommunityStaff,
                                             auth::Role::kLeader};

cases::CaseKind work_task_kind();

}  // namespace shegong::burden
