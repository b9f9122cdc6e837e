#include "hotline/intake_levels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "cases/profile.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

namespace {

constexpr int64_t kDay = 86'400'000;

// The value of nearest rank at quantile q (0..1] of `values`, which it reorders; none when empty.
std::optional<int64_t> nearest_rank(std::vector<int64_t>& values, double q) {
  if (values.empty()) return std::nullopt;
  auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  auto at = values.begin() + static_cast<std::ptrdiff_t>(std::max<size_t>(rank, 1) - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

// Waits of answered calls (at most a day) counted in buckets: to the millisecond up to a minute,
// to the second beyond, so that a year of calls takes the same memory as a day.
class WaitHistogram {
 public:
  WaitHistogram() : counts_(kFine + 86'400 - 60, 0) {}
  void add(int64_t wait_ms) {
    const auto ms = static_cast<size_t>(std::clamp<int64_t>(wait_ms, 0, 86'399'999));
    ++counts_[ms < kFine ? ms : kFine + (ms - kFine) / 1000];
    ++total_;
  }
  std::optional<int64_t> nearest_rank(double q) const {
    if (total_ == 0) return std::nullopt;
    auto rank =
        std::max<int64_t>(1, static_cast<int64_t>(std::ceil(q * static_cast<double>(total_))));
    int64_t seen = 0;
    for (size_t b = 0; b < counts_.size(); ++b) {
      seen += counts_[b];
      if (seen >= rank) {
        return b < kFine ? static_cast<int64_t>(b) : kFine + static_cast<int64_t>(b - kFine) * 1000;
      }
    }
    return std::nullopt;
  }

 private:
  static constexpr size_t kFine = 60'000;
  std::vector<uint32_t> counts_;
  int64_t total_ = 0;
};

std::optional<double> share(int64_t part, int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Result<PhoneLevel> phone_level(db::Session& s, std::string_view region, int64_t from_ms,
                               int64_t to_ms, int64_t now_ms, const IntakeLimits& limits) {
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
  WaitHistogram waits;
  // Windows lie in the past: one that reached past now would hold only the last few calls.
  WorstWindowFinder worst(from_ms, std::min(to_ms, now_ms), kDay);
  // Streamed, and nothing kept per call beyond a day's window: a month of a large hotline is more
  // than a million calls.
  SHEGONG_RETURN_IF_ERROR(s.query_each(
      "SELECT offered_at_ms, coalesce(answered_at_ms, 0) FROM hotline_calls "
      "WHERE offered_at_ms >= ? AND offered_at_ms < ? AND (region_code >= ? AND region_code < ? "
      "OR region_code IN (''" +
          above + ")) ORDER BY offered_at_ms",
      params, [&](const db::Row& r) {
        CallTimes c{r.integer(0), r.integer(1)};
        worst.add(c);
        ++p.offered;
        if (c.answered_at_ms == 0) {
          ++p.abandoned;
          return Status::Ok();
        }
        ++p.answered;
        int64_t wait = c.answered_at_ms - c.offered_at_ms;
        waits.add(wait);
        p.answered_in_time += wait <= limits.answer_seconds * 1000;
        return Status::Ok();
      }));
  p.answered_in_time_rate = share(p.answered_in_time, p.offered);
  p.completion_rate = share(p.answered, p.offered);
  p.median_wait_ms = waits.nearest_rank(0.5);
  p.p90_wait_ms = waits.nearest_rank(0.9);
  p.worst_24h = worst.finish();
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
    out[i].median_response_ms = nearest_rank(responses[i], 0.5);
  }
  return out;
}

}  // namespace

Result<IntakeLimits> load_intake_limits(db::Session& s, std::string_view region_code) {
  IntakeLimits l;
  struct Key {
    const char* name;
    int64_t* value;
    int64_t most;
  };
  for (const Key& k :
       {Key{"hotline.intake.answer_seconds", &l.answer_seconds, 3600},
        Key{"hotline.intake.completion_percent", &l.completion_percent, 100},
        Key{"hotline.intake.media_response_minutes", &l.media_response_minutes, 1440},
        Key{"hotline.intake.mailbox_response_hours", &l.mailbox_response_hours, 720}}) {
    auto v = cases::profile_int(s, region_code, k.name, *k.value);
    if (!v.ok()) return v.status();
    if (*v < 1 || *v > k.most) {
      return Invalid(k.name, "the profile sets " + std::to_string(*v) + ", outside 1 to " +
                                 std::to_string(k.most));
    }
    *k.value = *v;
  }
  return l;
}

Result<IntakeLevels> intake_levels(db::Session& s, std::string_view region_code, int64_t from_ms,
                                   int64_t to_ms, int64_t now_ms) {
  IntakeLevels out;
  auto limits = load_intake_limits(s, region_code);
  if (!limits.ok()) return limits.status();
  out.limits = *limits;
  auto phone = phone_level(s, region_code, from_ms, to_ms, now_ms, out.limits);
  if (!phone.ok()) return phone.status();
  out.phone = *phone;
  auto channels = channel_levels(s, region_code, from_ms, to_ms, now_ms, out.limits);
  if (!channels.ok()) return channels.status();
  out.channels = std::move(channels).value();
  return out;
}

}  // namespace shegong::hotline
