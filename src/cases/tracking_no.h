// Tracking numbers that citizens quote on the phone and type into the portal: a two-letter
// prefix of the case kind (GD 工单, XF 信访), the China date, the day's sequence number and three
// random digits that make one number hard to guess from another: GD25092600001123.
#pragma once

#include <string>

#include "base/status.h"
#include "db/db.h"

namespace shegong::cases {

Result<std::string> next_tracking_no(db::Session& s, const std::string& prefix, int64_t now_ms);

}  // namespace shegong::cases
