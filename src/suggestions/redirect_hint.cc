#include "suggestions/redirect_hint.h"

namespace shegong::suggestions {

namespace {

struct Cue {
  std::string_view words;
  std::string_view reason;
};

// Legal channels first: "行政复议" before the personal "帮我" in "帮我申请行政复议".
constexpr Cue kCues[] = {
    {"行政复议", "reconsideration"},
    {"申请复议", "reconsideration"},
    {"复议决定", "reconsideration"},
    {"申请仲裁", "arbitration"},
    {"劳动仲裁", "arbitration"},
    {"仲裁裁决", "arbitration"},
    {"起诉", "litigation"},
    {"上诉", "litigation"},
    {"判决书", "litigation"},
    {"法院判决", "litigation"},
    {"再审", "litigation"},
    {"强制执行", "litigation"},
    {"帮我", "personal_demand"},
    {"替我", "personal_demand"},
    {"退还我", "personal_demand"},
    {"赔偿我", "personal_demand"},
    {"我的工资", "personal_demand"},
    {"拖欠我", "personal_demand"},
};

}  // namespace

std::optional<RedirectHint> redirect_hint(std::string_view text) {
  for (const Cue& cue : kCues) {
    if (text.find(cue.words) != std::string_view::npos) {
      return RedirectHint{std::string(cue.reason), std::string(cue.words)};
    }
  }
  return std::nullopt;
}

}  // namespace shegong::suggestions
