// Mediation (调解) and settlement (和解) of a 申诉求决 petition (信访工作条例 Art. 33): while
// handling it, the organ may mediate within its discretion with the consent of both parties to the
// dispute, or guide them to settle it themselves; an agreement reached is written up as a
// 调解协议书 or 和解协议书, and it concludes the handling in place of a 信访处理意见书.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "cases/case_kind.h"
#include "cases/case_record.h"

namespace shegong::petitions {

// Art. 33: 调解 led by the organ, 和解 reached by the parties with the organ's guidance.
inline constexpr std::string_view kAgreementForms[] = {"mediation", "settlement"};

// The agreement recorded by the `settle` step, from its input: `form`, `other_party` (the other
// party to the dispute), `matter` (what was in dispute), `terms` (what was agreed), both parties'
// consent (`petitioner_consents`, `other_party_consents`: yes) and `signed_on` (a date, today when
// absent; not in the future, not before acceptance). Only a 申诉求决 petition handled on the
// route (5) or (6) track is settled (409, field `track`); without both consents nothing is
// recorded (409, naming the consent missing). Errors name the field.
Result<nlohmann::json> agreement_of(const cases::Fields& in, const cases::CaseRecord& petition,
                                    int64_t now_ms);

}  // namespace shegong::petitions
