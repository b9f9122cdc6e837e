// The hotline's intake service levels over the API: the telephone system reports its calls, and
// staff read the levels of a period (hotline/calls.h, hotline/intake_levels.h).
#include "api/app.h"
#include "api/caller_region.h"
#include "api/json_io.h"
#include "base/calendar.h"
#include "hotline/calls.h"
#include "hotline/intake_levels.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

constexpr int kMaxPeriodDays = 366;

Result<int64_t> call_time(const Json& call, size_t i, const char* name, bool required) {
  const std::string field = hotline::call_field(i, name);
  auto it = call.find(name);
  if (it == call.end() || it->is_null()) {
    if (required) return Invalid(field, "is required");
    return int64_t{0};
  }
  std::optional<int64_t> at;
  if (it->is_string()) at = rfc3339_ms(it->get<std::string>());
  if (!at) return Invalid(field, "a time with its offset, like 2025-11-03T09:30:05+08:00");
  return *at;
}

Result<std::vector<hotline::OfferedCall>> parse_calls(const Json& body) {
  auto it = body.find("calls");
  if (it == body.end() || !it->is_array()) {
    return Invalid("calls", "an array of calls: {call_ref, offered_at, answered_at}");
  }
  if (it->size() > hotline::kMaxCallsPerReport) {
    return Invalid(
        "calls", "at most " + std::to_string(hotline::kMaxCallsPerReport) + " calls in one report");
  }
  std::vector<hotline::OfferedCall> calls;
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& c = (*it)[i];
    if (!c.is_object()) {
      return Invalid("calls[" + std::to_string(i) + "]",
                     "a call: {call_ref, offered_at, answered_at}");
    }
    auto ref = c.find("call_ref");
    if (ref == c.end() || !ref->is_string()) {
      return Invalid(hotline::call_field(i, "call_ref"),
                     "the telephone system's id of the call, as text");
    }
    auto offered = call_time(c, i, "offered_at", true);
    if (!offered.ok()) return offered.status();
    auto answered = call_time(c, i, "answered_at", false);
    if (!answered.ok()) return answered.status();
    calls.push_back({ref->get<std::string>(), *offered, *answered});
  }
  return calls;
}

// Milliseconds as seconds; null when missing.
Json seconds_json(const std::optional<int64_t>& ms) {
  return ms ? Json(static_cast<double>(*ms) / 1000.0) : Json(nullptr);
}

Json levels_json(const hotline::IntakeLevels& l) {
  const hotline::PhoneLevel& p = l.phone;
  Json worst = nullptr;
  if (p.worst_24h) {
    worst = {{"from", format_utc_iso8601(p.worst_24h->from_ms)},
             {"to", format_utc_iso8601(p.worst_24h->to_ms)},
             {"offered", p.worst_24h->offered},
             {"answered", p.worst_24h->answered},
             {"completion_rate", p.worst_24h->completion_rate()}};
  }
  const double target = static_cast<double>(l.limits.completion_percent) / 100.0;
  Json channels = Json::array();
  for (const hotline::ChannelLevel& c : l.channels) {
    channels.push_back({{"channel", c.channel},
                        {"limit_minutes", c.limit_minutes},
                        {"orders", c.orders},
                        {"in_time", c.in_time},
                        {"late", c.late},
                        {"waiting", c.waiting},
                        {"in_time_rate", or_null(c.in_time_rate)},
                        {"median_response_seconds", seconds_json(c.median_response_ms)}});
  }
  return {{"limits",
           {{"answer_seconds", l.limits.answer_seconds},
            {"completion_percent", l.limits.completion_percent},
            {"media_response_minutes", l.limits.media_response_minutes},
            {"mailbox_response_hours", l.limits.mailbox_response_hours}}},
          {"phone",
           {{"offered", p.offered},
            {"answered", p.answered},
            {"abandoned", p.abandoned},
            {"answered_in_time", p.answered_in_time},
            {"answered_in_time_rate", or_null(p.answered_in_time_rate)},
            {"completion_rate", or_null(p.completion_rate)},
            {"median_wait_seconds", seconds_json(p.median_wait_ms)},
            {"p90_wait_seconds", seconds_json(p.p90_wait_ms)},
            {"worst_24h", worst},
            {"meets_completion_target",
             p.worst_24h ? Json(p.worst_24h->completion_rate() >= target) : Json(nullptr)}}},
          {"channels", channels}};
}

}  // namespace

void add_intake_routes(App& app) {
  app.add({"POST", "/api/v1/hotline/calls",
           "The telephone system reports ended calls: {region, calls: [{call_ref, offered_at, "
           "answered_at}]} (at most 1,000; answered_at null when the caller hung up)",
           kCentreRoles},
          [&app](Call& call) {
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            // The hotline's region: a national account has none of its own and names it.
            auto given = string_field(*body, "region", false, 20);
            if (!given.ok()) return http::error_response(given.status());
            Result<std::string> region = call.principal->jurisdiction;
            if (*given) {
              region = covered_region(app, *call.principal, **given, "region");
            } else if (call.principal->jurisdiction.empty()) {
              region = Invalid("region", "name the hotline's region (a national account has none)");
            }
            if (!region.ok()) return http::error_response(region.status());
            auto calls = parse_calls(*body);
            if (!calls.ok()) return http::error_response(calls.status());
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto recorded =
                  hotline::record_calls(s, app.clock(), *call.principal, *region, *calls);
              if (!recorded.ok()) return recorded.status();
              out = {{"region", regions::statistical_code(*region)},
                     {"added", recorded->added},
                     {"already_stored", recorded->already_stored}};
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add(
      {"GET", "/api/v1/hotline/intake-levels",
       "Intake service levels (GB/T 33358-2016) of ?region= (default: your jurisdiction) for "
       "?from=&to= (China dates, both included; default this month up to today)",
       auth::kStaff},
      [&app](Call& call) {
        auto region = region_query(app, call);
        if (!region.ok()) return http::error_response(region.status());
        const int64_t now = app.clock().now_ms();
        const Date today = date_in_china(now);
        auto days =
            date_period(call.request, Date::from_ymd(today.year(), today.month(), 1), today);
        if (!days.ok()) return http::error_response(days.status());
        if (days->second.days_since_epoch() - days->first.days_since_epoch() >= kMaxPeriodDays) {
          return http::error_response(
              Invalid("to", "a period of at most " + std::to_string(kMaxPeriodDays) + " days"));
        }
        Json out;
        Status st = app.db().read([&](db::Session& s) {
          auto levels =
              hotline::intake_levels(s, *region, china_start_of_day_ms(days->first),
                                     china_start_of_day_ms(days->second.plus_days(1)), now);
          if (!levels.ok()) return levels.status();
          out = levels_json(*levels);
          return Status::Ok();
        });
        if (!st.ok()) return http::error_response(st);
        out["region"] = regions::statistical_code(*region);
        out["from"] = days->first.to_string();
        out["to"] = days->second.to_string();
        return json_response(200, out);
      });
}

}  // namespace shegong::api
