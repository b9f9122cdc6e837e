// Sending a task to a street (township) or a residents' or villagers' committee, and the
// admission decision made as it is registered (工作事项准入; DOMAIN.md items 61–63):
//   - to a street: a task on the street's basic or cooperating list is admitted; a cooperating
//     item is sent by the department that leads it (item 62); a returned item (上级部门收回) is
//     refused, nothing stored; a task on no list waits for the district government's recorded
//     approval (北京市街道办事处条例 Art. 10 para 3; 上海 Art. 10 准入);
//   - to a committee: a task on the committee's assistance list is admitted; any other waits for
//   the
//     approval of the street above it, or the district government where the street has no unit
//     (北京市实施《城市居民委员会组织法》办法 Art. 28; 北京市街道办事处条例 Art. 32).
// A task is sent by a unit to a street or committee within the sender's jurisdiction.
#pragma once

#include <optional>
#include <string>

#include "auth/principal.h"
#include "base/calendar.h"
#include "cases/engine.h"

namespace shegong::burden {

struct NewTask {
  std::string subject;
  std::string content;
  int64_t unit_id = 0;        // the street or committee it is sent to
  int64_t item_id = 0;        // the list item it rests on; 0: none
  bool form_filling = false;  // 填表报数: forms to fill in, figures to report
  std::optional<Date> due_on;
};

Result<cases::CaseRecord> register_task(db::Session& s, cases::Engine& engine, NewTask t,
                                        const auth::Principal& sender);

}  // namespace shegong::burden
