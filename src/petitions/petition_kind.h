// The petition (信访事项) as a case kind, following the 信访工作条例 (2022). States:
//
//   registered ──route──▶ transferred | registered (at a lower office) | referred (政法, 纪检监察)
//   registered ──notify_receipt──▶ accepted | transferred | redirected    (received directly, Art.
//   23) transferred ──accept──▶ accepted;  ──object──▶ objected ──decide_objection──▶ registered |
//   transferred accepted ──issue_opinion──▶ answered (route (6), Art. 32);  ──reply──▶ replied
//   (Arts. 29, 30) accepted | registered | transferred ──refer──▶ referred                   (Art.
//   31 (1)–(5)) answered ──request_review──▶ reviewing ──review_opinion──▶ reviewed        (复查,
//   Art. 35) reviewed ──request_re_review──▶ re_reviewing ──re_review_opinion──▶ final  (复核, Art.
//   36) answered | reviewed ──(request window ends)──▶ closed
//
// Registration can end at once as not_accepted (Arts. 19, 36) or redirected (a visit that skipped
// levels, Art. 20). Timers mark overdue routing (Art. 22), receipt notices and acceptance
// (Art. 23), handling (Art. 34), 复查/复核 opinions (Arts. 35, 36) and closing reports of an
// assignment (Art. 22 item 3). The petition's lead unit is the organ holding it; units that held it
// before stay on it as "held" and keep reading it.
#pragma once

#include <string>

#include "base/calendar.h"
#include "cases/case_kind.h"

namespace shegong::petitions {

cases::CaseKind petition_kind(const HolidayCalendar& calendar);

// The written answer a petitioner's rating is for now: "re_review" (the 复核 opinion), "review"
// (the 复查 opinion) or "answer" (the 信访处理意见书 or the reply); each is rated once.
std::string current_answer(const cases::CaseRecord& petition);
bool current_answer_rated(const cases::CaseRecord& petition);

}  // namespace shegong::petitions
