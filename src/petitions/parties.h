// Who a petition names and who must keep away from it.
//
// The accused unit of an accusation (检举控告) never sees it: not in a list, a search, an export, a
// notice or a document (信访工作条例 Art. 30 para 3; leaking it is a fault under Art. 46 item 5).
// The organs a petition complains about are counted in the annual report (Art. 41). Staff declare
// an interest in a petition or in a petitioner and are then never assigned to it (Art. 28 para 3).
#pragma once

#include <string>

#include "base/status.h"
#include "cases/case_record.h"
#include "db/db.h"

namespace shegong::petitions {

// role: "accused" or "about".
Status add_party(db::Session& s, int64_t case_id, int64_t unit_id, const std::string& role);
Result<bool> is_accused_unit(db::Session& s, int64_t case_id, int64_t unit_id);
// Whether the petition is about that unit (the unit complained about, or the accused).
Result<bool> is_about_unit(db::Session& s, int64_t case_id, int64_t unit_id);

Status record_interest(db::Session& s, int64_t user_id, const cases::CaseRecord& petition,
                       bool whole_petitioner, const std::string& reason, int64_t now_ms);
Result<bool> has_declared_interest(db::Session& s, int64_t user_id,
                                   const cases::CaseRecord& petition);

}  // namespace shegong::petitions
