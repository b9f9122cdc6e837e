// How a work task (工作事项准入) looks in the API: the sending and the receiving unit, the list
// item it rests on (with the lead department and the street's role for a cooperating one) or none,
// the approval on the record, its completion, and the timeline for one task.
#pragma once

#include <nlohmann/json.hpp>

#include "api/case_json.h"
#include "cases/case_record.h"

namespace shegong::api {

Result<nlohmann::json> work_task_json(db::Session& s, const cases::CaseRecord& c,
                                      bool with_timeline, UnitMemo* units = nullptr);

}  // namespace shegong::api
