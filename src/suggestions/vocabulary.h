// The words of 人民建议征集 (people's suggestions) as the API and the stored records spell them,
// after the 上海市人民建议征集若干规定 (2021) and 信访工作条例 Art. 29 (DOMAIN.md §6.5, items
// 65–67).
#pragma once

#include <string_view>

namespace shegong::suggestions {

inline constexpr std::string_view kSuggestionKind = "suggestion";

// Art. 9: letter, phone, e-mail, internet media, the 12345 hotline, portal websites and apps; a
// proposer may also come in person.
inline constexpr std::string_view kChannels[] = {"letter", "phone",   "email", "web",
                                                 "app",    "hotline", "visit"};
// Art. 2: citizens, legal persons and other organisations make suggestions.
inline constexpr std::string_view kProposerKinds[] = {"person", "organisation"};
// Art. 10: what is not a suggestion and goes to its own channel instead: a personal demand (the
// hotline or a petition), and matters for litigation, arbitration or administrative
// reconsideration.
inline constexpr std::string_view kRedirectReasons[] = {"personal_demand", "litigation",
                                                        "arbitration", "reconsideration"};
// 信访工作条例 Art. 29: studied and adopted in whole, in part, or not.
inline constexpr std::string_view kAdoptions[] = {"adopted", "partly_adopted", "not_adopted"};
// Art. 13: what an adopted suggestion is turned into.
inline constexpr std::string_view kConversions[] = {"policy",      "work_improvement",
                                                    "legislation", "npc_supervision",
                                                    "deputy_bill", "decision_reference"};
// Art. 12: solicited suggestions are answered by collective publication; routine ones in writing,
// by phone, by SMS or online.
inline constexpr std::string_view kFeedbackMethods[] = {"publication", "letter", "phone", "sms",
                                                        "online"};
// Art. 16: valuable suggestions are commended and rewarded.
inline constexpr std::string_view kRewardKinds[] = {"commendation", "certificate", "bonus"};

}  // namespace shegong::suggestions
