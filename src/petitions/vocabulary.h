// The fixed vocabularies of 信访 under the 信访工作条例 (2022): channels (Art. 17), the three kinds
// of content (Arts. 29–31), the routing actions of a petition office (Art. 22), the handling tracks
// of an accepted petition (Art. 31 routes (1)–(6), Arts. 29, 30), the outcomes of a 信访处理意见书
// (Art. 32) and the petitioner's rating. API values are the identifiers below.
#pragma once

#include <string_view>

namespace shegong::petitions {

inline constexpr const char* kPetitionKind = "petition";

// Art. 17: online, letter, telephone, fax and visit. Telephone and visit are oral (Art. 19).
inline constexpr std::string_view kChannels[] = {"online", "letter", "phone", "fax", "visit"};
inline bool is_oral(std::string_view channel) { return channel == "phone" || channel == "visit"; }

// Arts. 29–31.
inline constexpr std::string_view kCategories[] = {"建议意见", "检举控告", "申诉求决"};

// Art. 22: transfer (转送), assign (交办), report for decision (报请), to the 政法 departments, to
// the 纪检监察 organ.
inline constexpr std::string_view kRoutes[] = {"transfer", "assign", "report", "politics_law",
                                               "discipline"};

// How an accepted petition is handled: a 信访处理意见书 (Art. 31 route (6)), the organ's own
// statutory duty performed and answered (route (5): investigating illegal acts, protecting
// personal or property rights), a reply to a suggestion (Art. 29), feedback on an accusation
// (Art. 30), or one of the legal procedures of routes (1)–(4), which the petition leaves for.
inline constexpr std::string_view kTracks[] = {"opinion",      "duty",          "suggestion",
                                               "accusation",   "litigation",    "arbitration",
                                               "party_appeal", "administrative"};
inline bool is_procedure_track(std::string_view t) {
  return t == "litigation" || t == "arbitration" || t == "party_appeal" || t == "administrative";
}

// Art. 29: a suggestion is studied and adopted in whole or in part, or not; a reply that does not
// adopt it in whole gives the reasons (上海市人民建议征集工作规定 Art. 12).
inline constexpr std::string_view kAdoptions[] = {"adopted", "partly_adopted", "not_adopted"};

// Art. 32: support, explain, do not support.
inline constexpr std::string_view kDecisions[] = {"support", "explain", "not_support"};

inline constexpr std::string_view kRatings[] = {"满意", "基本满意", "不满意"};

// Fields (涉及领域) for the annual report (Art. 41); configurable in a later version.
inline constexpr std::string_view kFields[] = {
    "城乡建设", "劳动和社会保障", "农业农村", "自然资源", "卫生健康", "教育",     "政法",
    "纪检监察", "组织人事",       "民政",     "交通运输", "生态环境", "市场监管", "其他"};

}  // namespace shegong::petitions
