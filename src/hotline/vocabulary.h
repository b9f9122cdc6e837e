// The fixed vocabularies of 接诉即办 (北京市接诉即办工作条例 Arts. 2, 11; DB11/T 2021—2022):
// channels, demand types, urgency classes, triage outcomes and callback answers. API values are
// the identifiers below; the Chinese names are for display.
#pragma once

#include <string_view>

namespace shegong::hotline {

// Intake channels. GB/T 33358-2016 sets each its intake service level (hotline/intake_levels.h):
// the phone, the text media (SMS, web, app, WeChat) and the mailboxes (信箱, the message board).
inline constexpr std::string_view kChannels[] = {"phone", "web",    "app", "board",
                                                 "grid",  "wechat", "sms", "mailbox"};
// Text media: the centre responds within hotline.intake.media_response_minutes (3).
inline constexpr std::string_view kTextMediaChannels[] = {"sms", "web", "app", "wechat"};
// Mailboxes: within hotline.intake.mailbox_response_hours (24).
inline constexpr std::string_view kMailboxChannels[] = {"mailbox", "board"};
// Demand types (Art. 2): consultation, help, complaint, report, suggestion.
inline constexpr std::string_view kDemandTypes[] = {"咨询", "求助", "投诉", "举报", "建议"};
// Urgency classes that select the deadline rules (DB11/T 2021—2022 as reported; configurable):
// emergency (life, property, public health, instability), utilities (water, power, gas, heating,
// extreme weather), general, complex (疑难).
inline constexpr std::string_view kUrgencies[] = {"emergency", "utilities", "general", "complex"};
// Triage outcomes other than dispatch (Art. 11): the order ends at the centre.
inline constexpr std::string_view kTriageOutcomes[] = {
    "answer_now",            // 咨询 answered on the spot
    "transfer_emergency",    // to 110/119/120/122
    "refer_legal_channel",   // litigation, arbitration, discipline, reconsideration, disclosure,
                             // 信访
    "existing_order",        // same demand already handled, no new facts: reply with its progress
    "explain_confidential",  // state or trade secrets, privacy
    "refer_market",          // beyond any unit's duties: market or social channels
    "dissuade",              // unlawful or immoral demands
};
inline constexpr std::string_view kEmergencyLines[] = {"110", "119", "120", "122"};
inline constexpr std::string_view kLegalChannels[] = {
    "litigation", "arbitration", "discipline", "reconsideration", "disclosure", "petition"};
// Callback satisfaction answers.
inline constexpr std::string_view kSatisfaction[] = {"满意", "基本满意", "不满意"};
// Whistle kinds: 日常哨, 攻坚哨, 应急哨.
inline constexpr std::string_view kWhistleKinds[] = {"routine", "tough", "emergency"};
// Unit kinds. Besides the hotline's handlers: petition offices (信访部门), the 政法 departments
// that take litigation matters, 纪检监察 organs, people's governments above the district, party
// committees, the joint conference offices of 信访 work, and the organisation (personnel)
// departments told of accusations about leading cadres (信访工作条例 Art. 30).
inline constexpr std::string_view kUnitKinds[] = {
    "centre",          "district",          "street",       "department", "community",
    "utility",         "petition_office",   "politics_law", "discipline", "government",
    "party_committee", "conference_office", "organisation"};

template <size_t N>
bool one_of(std::string_view value, const std::string_view (&allowed)[N]) {
  for (auto a : allowed) {
    if (a == value) return true;
  }
  return false;
}

template <size_t N>
std::string list_of(const std::string_view (&allowed)[N]) {
  std::string out;
  for (auto a : allowed) {
    if (!out.empty()) out += ", ";
    out += a;
  }
  return out;
}

}  // namespace shegong::hotline
