// Help for petitioners in hardship (信访工作条例 Art. 37): one in real difficulty may be told of,
// or helped to apply for, social assistance (社会救助) with the organs or bodies concerned; one who
// meets the national conditions of judicial assistance (司法救助) is told to apply to the 政法
// department. The work goes on after 复查 and 复核 are exhausted or a 涉法涉诉 matter is closed
// under law (Art. 37 para 3), so it is recorded in any state from acceptance or referral on.
#pragma once

#include <string_view>

#include "cases/case_kind.h"

namespace shegong::petitions {

// Art. 37 para 2: social assistance (told or helped to apply), judicial assistance (told to apply).
inline constexpr std::string_view kAssistanceKinds[] = {"social", "judicial"};

// The `record_assistance` step, by staff of a unit that holds or held the petition: `kind` (one of
// kAssistanceKinds), `note` (what the petitioner was told or helped with, and where to apply) and
// `done_on` (a date, today when absent; not in the future, not before the petition was received).
// Kept in attrs `assistance`. Errors name the field.
Status record_assistance(cases::TransitionContext& c);

}  // namespace shegong::petitions
