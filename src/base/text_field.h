// The check every free-text field of a request passes: present (and more than white space) when
// required, valid UTF-8, no NUL, at most `max_bytes`. The error names the field.
#pragma once

#include <string_view>

#include "base/status.h"

namespace shegong {

Status check_text(std::string_view value, std::string_view field, size_t max_bytes, bool required);

}  // namespace shegong
