// Accusations about party members who are leading cadres (信访工作条例 Art. 30 para 2): the organ
// handling one informs the organisation (personnel) department that manages the cadre, and
// reports a serious one to the party committee (its principal leader and the leader in charge of
// organisation work).
#pragma once

#include "cases/case_kind.h"

namespace shegong::petitions {

// The `inform_organisation` step of a 检举控告 petition: `unit_id`, an active unit of kind
// `organisation` (组织人事部门) chosen by cadre management authority (干部管理权限), and
// `serious` (yes/no). The department is put on the petition as a reader without the accuser's
// identity (case unit role `copy`) and notified; a serious matter also goes, the same way, to the
// party committee units of the department's area (409, field `serious`, when that area has none).
// Never to the accused unit (Art. 30 para 3). Each report is kept in attrs `cadre_reports`.
Status inform_organisation(cases::TransitionContext& c);

}  // namespace shegong::petitions
