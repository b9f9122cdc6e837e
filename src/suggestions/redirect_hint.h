// A hint for staff that a text sent as a suggestion may be one of the matters the 上海市人民建议
// 征集若干规定 (Art. 10) says are not suggestions: a matter for litigation, arbitration or
// administrative reconsideration, or a personal demand. Only a hint: the text is registered as a
// suggestion all the same, and a person decides whether to redirect it (DOMAIN.md item 65).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shegong::suggestions {

struct RedirectHint {
  std::string reason;  // one of kRedirectReasons
  std::string cue;     // the words that suggest it
};

// The first cue found, legal channels before personal demands; none for an ordinary suggestion.
std::optional<RedirectHint> redirect_hint(std::string_view text);

}  // namespace shegong::suggestions
