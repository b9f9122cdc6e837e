// Intake service levels of the hotline (GB/T 33358-2016 政府热线服务规范, as reported; DOMAIN.md
// item 41, [S] and configurable): a telephone call answered within 15 seconds; at least 95 % of
// calls completed over any continuous 24 hours; SMS and other text media responded to within 3
// minutes; mailboxes within 24 hours.
//
// Definitions (the standard's own formulas are not published; these are ours, written down in
// docs/intake-levels.md):
//   answered in time   = calls answered within the limit / calls offered (a caller who hung up
//                        was not answered in time);
//   completion rate    = calls answered / calls offered, for the period and for its worst
//                        continuous 24 hours (the window inside the period, and past by now, with
//                        the lowest rate: hotline/worst_window.h);
//   text-media or mailbox response = the first action of a member of staff on the order (its
//                        registration from the message, a triage or a dispatch) after the demand
//                        was made; an order nobody has acted on counts as late once its limit has
//                        passed, and as waiting before.
// Profile keys of the report's region: hotline.intake.answer_seconds (15),
// hotline.intake.completion_percent (95), hotline.intake.media_response_minutes (3),
// hotline.intake.mailbox_response_hours (24).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"
#include "hotline/worst_window.h"

namespace shegong::hotline {

struct IntakeLimits {
  int64_t answer_seconds = 15;
  int64_t completion_percent = 95;
  int64_t media_response_minutes = 3;
  int64_t mailbox_response_hours = 24;
};
// The limits of a region; a profile value outside its range (1–3,600 s, 1–100 %, 1–1,440 minutes,
// 1–720 hours) is an error naming the key.
Result<IntakeLimits> load_intake_limits(db::Session& s, std::string_view region_code);

struct PhoneLevel {
  int64_t offered = 0, answered = 0, abandoned = 0, answered_in_time = 0;
  std::optional<double> answered_in_time_rate, completion_rate;
  // Of the answered calls, nearest rank; to the millisecond up to a minute, to the second beyond.
  std::optional<int64_t> median_wait_ms, p90_wait_ms;
  std::optional<CallWindow> worst_24h;
};

struct ChannelLevel {
  std::string channel;
  int64_t limit_minutes = 0;
  int64_t orders = 0, in_time = 0, late = 0, waiting = 0;
  std::optional<double> in_time_rate;         // in_time / (in_time + late)
  std::optional<int64_t> median_response_ms;  // of the orders responded to
};

struct IntakeLevels {
  IntakeLimits limits;
  PhoneLevel phone;
  std::vector<ChannelLevel> channels;  // text media, then mailboxes
};

// The levels of `region_code` for the calls offered and the demands made in [from_ms, to_ms), as
// they stand at `now_ms`: the demands made in the region and below it; the calls of its hotlines
// and of the hotline that serves it from above (a district's figures hold its city's 12345).
Result<IntakeLevels> intake_levels(db::Session& s, std::string_view region_code, int64_t from_ms,
                                   int64_t to_ms, int64_t now_ms);

}  // namespace shegong::hotline
