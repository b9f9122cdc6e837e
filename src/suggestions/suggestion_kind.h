// The people's suggestion (人民建议) as a case kind, after 信访工作条例 Art. 29 and the 上海市人民
// 建议征集若干规定 (2021; DOMAIN.md §6.5, items 65–67). States:
//
//   registered ──accept──▶ accepted ──evaluate──▶ evaluated ──feedback──▶ closed
//   registered ──transfer──▶ registered (at the competent organ)
//   registered ──redirect──▶ redirected   (a personal demand, or a matter for litigation,
//                                          arbitration or reconsideration: Art. 10)
//
// `evaluate` records the adoption status (adopted, partly adopted, not adopted) with the reasons,
// and what an adopted suggestion becomes (Art. 13); `feedback` records the answer to the proposer,
// individual or by collective publication (Art. 12). `record_study` notes a forum, hearing or site
// visit (Art. 11) and `reward` a commendation or reward (Art. 16). No regulation sets time limits
// for suggestions, so they are the region's profile: `suggestion.accept_days` (15) from receipt to
// acceptance and `suggestion.answer_days` (60) from acceptance to feedback, calendar days ending at
// the end of the last day, China time; a timer marks a suggestion overdue when one passes.
#pragma once

#include "auth/role.h"
#include "cases/case_kind.h"

namespace shegong::suggestions {

// Collecting organs act through their staff: the hotline's dispatchers (12345 is a channel, Art.
// 9), department and street staff, and admins.
inline constexpr auth::RoleSet kCollectors = {auth::Role::kAdmin, auth::Role::kDispatcher,
                                              auth::Role::kDepartmentStaff,
                                              auth::Role::kStreetStaff};

cases::CaseKind suggestion_kind();

// End of the n-th calendar day after `from_ms`, China time, where n is the region's setting `key`
// (cases/settings.h); a stored value out of range is an error naming the key.
Result<int64_t> suggestion_deadline(db::Session& s, const std::string& region_code, const char* key,
                                    int64_t from_ms);

}  // namespace shegong::suggestions
