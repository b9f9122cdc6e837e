// The words of dispute mediation (矛盾纠纷排查化解) as the API and the stored records spell them,
// after the 人民调解法 (2010) and the 深圳经济特区矛盾纠纷多元化解条例 (2022; DOMAIN.md §6.4, items
// 68 and 69).
#pragma once

#include <string_view>

namespace shegong::disputes {

inline constexpr std::string_view kDisputeKind = "dispute";

// 人民调解 by a people's mediation committee (of a residents' or villagers' committee or a street),
// or 行政调解 by an administrative organ within its remit.
inline constexpr std::string_view kTracks[] = {"people", "administrative"};
// 人民调解法 Art. 17: a party applies, or the committee acts on its own initiative; disputes are
// also referred by courts, police and other organs.
inline constexpr std::string_view kSources[] = {"application", "initiative", "referral"};
inline constexpr std::string_view kCategories[] = {"婚姻家庭", "邻里纠纷", "物业纠纷",
                                                   "劳动争议", "合同纠纷", "损害赔偿",
                                                   "土地纠纷", "征地拆迁", "其他"};
// How serious the screening (排查) judges it: a high-risk dispute may turn into a case or a
// collective incident, and its area's supervisors are told.
inline constexpr std::string_view kRiskLevels[] = {"low", "medium", "high"};
inline constexpr std::string_view kPartyRoles[] = {"applicant", "respondent"};
// 人民调解法 Arts. 28–30: a written agreement, or an oral one the mediator records.
inline constexpr std::string_view kAgreementForms[] = {"written", "oral"};

}  // namespace shegong::disputes
