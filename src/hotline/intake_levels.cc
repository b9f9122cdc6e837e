#include "hotline/intake_levels.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "cases/profile.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

namespace {

constexpr int64_t kDay = 86'400'000;

// The value at quantile q (0..1) of `values`, which it reorders; none when empty.
std::optional<int64_t> quantile(std::vector<int64_t>& values, double q) {
  if (values.empty()) return std::nullopt;
  auto at =
      values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

std::optional<double> share(int64_t part, int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Result<PhoneLevel> phone_level(db::Session& s, std::string_view region, int64_t from_ms,
                               int64_t to_ms, const IntakeLimits& limits) {
  // The hotlines of the region and below it, and the hotline that serves it from above (a
  // district is served by its city's 12345).
  db::Params params = {from_ms, to_ms, std::string(region), std::string(region) + ":"};
  std::string above;
  for (size_t len : {2, 4, 6, 9}) {
    if (len >= region.size()) break;
    above += ", ?";
    params.emplace_back(std::string(region.substr(0, len)));
  }
  PhoneLevel p;
  std::vector<CallTimes> calls;
  std::vector<int64_t> waits;
  // Streamed: a month of a large hotline is more than a million calls.
  SHEGONG_RETURN_IF_ERROR(s.query_each(
      "SELECT offered_at_ms, coalesce(answered_at_ms, 0) FROM hotline_calls "
      "WHERE offered_at_ms >= ? AND offered_at_ms < ? AND (region_code >= ? AND region_code < ? "
      "OR region_code IN (''" +
          above + ")) ORDER BY offered_at_ms",
      params, [&](const db::Row& r) {
        CallTimes c{r.integer(0), r.integer(1)};
        calls.push_back(c);
        ++p.offered;
        if (c.answered_at_ms == 0) {
          ++p.abandoned;
          return Status::Ok();
        }
        ++p.answered;
        int64_t wait = c.answered_at_ms - c.offered_at_ms;
        waits.push_back(wait);
        p.answered_in_time += wait <= limits.answer_seconds * 1000;
        return Status::Ok();
      }));
  p.answered_in_time_rate = share(p.answered_in_time, p.offered);
  p.completion_rate = share(p.answered, p.offered);
  p.median_wait_ms = quantile(waits, 0.5);
  p.p90_wait_ms = quantile(waits, 0.9);
  p.worst_24h = worst_window(calls, from_ms, to_ms, kDay);
  return p;
}

Result<std::vector<ChannelLevel>> channel_levels(db::Session& s, std::string_view region,
                                                 int64_t from_ms, int64_t to_ms, int64_t now_ms,
                                                 const IntakeLimits& limits) {
  std::vector<ChannelLevel> out;
  std::map<std::string, size_t, std::less<>> index;
  std::string in_list;
  auto add = [&](std::string_view channel, int64_t limit_minutes) {
    index.emplace(std::string(channel), out.size());
    out.push_back({std::string(channel), limit_minutes, 0, 0, 0, 0, std::nullopt, std::nullopt});
    in_list += std::string(in_list.empty() ? "" : ", ") + "'" + std::string(channel) + "'";
  };
  for (std::string_view c : kTextMediaChannels) add(c, limits.media_response_minutes);
  for (std::string_view c : kMailboxChannels) add(c, limits.mailbox_response_hours * 60);
  // The first action of a member of staff on each order (actors of staff are "user:<id>"; a
  // citizen's own submission, the demo and the system's timers are not staff).
  auto rows = s.query(
      "SELECT c.channel, c.received_at_ms, "
      "(SELECT min(e.at_ms) FROM case_events e WHERE e.case_id = c.id AND e.actor LIKE 'user:%') "
      "FROM cases c WHERE c.kind = 'order' AND c.region_code >= ? AND c.region_code < ? "
      "AND c.received_at_ms >= ? AND c.received_at_ms < ? AND c.channel IN (" +
          in_list + ")",
      {std::string(region), std::string(region) + ":", from_ms, to_ms});
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<int64_t>> responses(out.size());
  for (const db::Row& r : *rows) {
    auto it = index.find(r.text(0));
    if (it == index.end()) continue;
    ChannelLevel& level = out[it->second];
    ++level.orders;
    const int64_t received = r.integer(1), limit_ms = level.limit_minutes * 60'000;
    if (r.is_null(2)) {
      ++(now_ms - received > limit_ms ? level.late : level.waiting);
      continue;
    }
    int64_t response = std::max<int64_t>(0, r.integer(2) - received);
    responses[it->second].push_back(response);
    ++(response <= limit_ms ? level.in_time : level.late);
  }
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].in_time_rate = share(out[i].in_time, out[i].in_time + out[i].late);
    out[i].median_response_ms = quantile(responses[i], 0.5);
  }
  return out;
}

}  // namespace

Result<IntakeLimits> load_intake_limits(db::Session& s, std::string_view region_code) {
  IntakeLimits l;
  for (auto [key, target] :
       {std::pair{"hotline.intake.answer_seconds", &l.answer_seconds},
        std::pair{"hotline.intake.completion_percent", &l.completion_percent},
        std::pair{"hotline.intake.media_response_minutes", &l.media_response_minutes},
        std::pair{"hotline.intake.mailbox_response_hours", &l.mailbox_response_hours}}) {
    auto v = cases::profile_int(s, region_code, key, *target);
    if (!v.ok()) return v.status();
    *target = *v;
  }
  return l;
}

std::optional<CallWindow> worst_window(std::span<const CallTimes> calls, int64_t from_ms,
                                       int64_t to_ms, int64_t length_ms) {
  if (to_ms - from_ms < length_ms) return std::nullopt;
  const int64_t last_start = to_ms - length_ms;
  const size_t n = calls.size();
  std::vector<int64_t> answered_before(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    answered_before[i + 1] = answered_before[i] + (calls[i].answered_at_ms != 0);
  }
  // The calls a window holds change only where one enters (its start reaches the call's time
  // minus the length, plus 1 ms) or leaves (its start passes the call): every set of calls a
  // window can hold is held by a window starting at the period's start or at one of those points.
  // Both kinds of point come in the order of the calls, so the starts are taken in increasing
  // order by merging them, and the window's first and last call only move forward.
  std::optional<CallWindow> worst;
  size_t first = 0, end = 0;  // the window holds calls [first, end)
  auto consider = [&](int64_t start) {
    while (first < n && calls[first].offered_at_ms < start) ++first;
    if (end < first) end = first;
    while (end < n && calls[end].offered_at_ms < start + length_ms) ++end;
    if (first == end) return;
    CallWindow w{start, start + length_ms, static_cast<int64_t>(end - first),
                 answered_before[end] - answered_before[first]};
    // Lower rate: answered/offered < worst's, compared without division.
    if (!worst || w.answered * worst->offered < worst->answered * w.offered) worst = w;
  };
  consider(from_ms);
  size_t leaving = 0, entering = 0;
  while (leaving < n || entering < n) {
    const int64_t after = leaving < n ? calls[leaving].offered_at_ms + 1 : INT64_MAX;
    const int64_t before = entering < n ? calls[entering].offered_at_ms - length_ms + 1 : INT64_MAX;
    const int64_t start = std::min(after, before);
    if (after == start) ++leaving;
    if (before == start) ++entering;
    if (start > last_start) break;
    if (start > from_ms) consider(start);
  }
  return worst;
}

Result<IntakeLevels> intake_levels(db::Session& s, std::string_view region_code, int64_t from_ms,
                                   int64_t to_ms, int64_t now_ms) {
  IntakeLevels out;
  auto limits = load_intake_limits(s, region_code);
  if (!limits.ok()) return limits.status();
  out.limits = *limits;
  auto phone = phone_level(s, region_code, from_ms, to_ms, out.limits);
  if (!phone.ok()) return phone.status();
  out.phone = *phone;
  auto channels = channel_levels(s, region_code, from_ms, to_ms, now_ms, out.limits);
  if (!channels.ok()) return channels.status();
  out.channels = std::move(channels).value();
  return out;
}

}  // namespace shegong::hotline
