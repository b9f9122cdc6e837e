// The holiday calendar the server counts deadlines with: which years are loaded and, while the
// next notice is missing, from which day each common limit will be refused — for a banner on every
// staff screen, so that the notice is loaded before the first deadline fails; and where a loaded
// year from this one on disagrees with the 放假办法 (calendar_review.h), most likely a notice typed
// by hand with a day missing; and the coming days off that only some groups get.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "api/waiting_deadlines.h"
#include "audit/audit_log.h"
#include "auth/actor_names.h"
#include "base/calendar_gap.h"
#include "base/calendar_review.h"
#include "base/log.h"
#include "cases/calendar_years.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

Json review_json(const CalendarYearReview& review) {
  Json breaks = Json::array(), workdays = Json::array();
  for (const CalendarBreak& b : review.breaks) {
    breaks.push_back({{"name", b.name},
                      {"first", b.first.to_string()},
                      {"last", b.last.to_string()},
                      {"days", b.days}});
  }
  for (const HolidayCalendar::Day& d : review.makeup_workdays)
    workdays.push_back({{"date", d.date.to_string()}, {"name", d.name}});
  return {{"year", review.year},
          {"breaks", std::move(breaks)},
          {"makeup_workdays", std::move(workdays)},
          {"weekdays_off", review.weekdays_off},
          {"net_days_off", review.net_days_off()},
          {"warnings", review.warnings},
          {"text", describe(review)}};
}

Json pending_json(const cases::PendingDeadlines& p) {
  return {{"set", p.set}, {"still_pending", p.still_pending}, {"failed", p.failed}};
}

// Sets the deadlines that waited for the calendar; what it did, for an answer.
Json set_waiting(App& app) {
  auto waiting = set_waiting_deadlines(app.db(), app.calendar(), app.clock());
  if (waiting.ok()) {
    log_waiting_deadlines(*waiting);
    return {{"waiting_deadlines",
             {{"orders", pending_json(waiting->orders)},
              {"petitions", pending_json(waiting->petitions)},
              {"disputes", pending_json(waiting->disputes)}}}};
  }
  // The year is loaded all the same; the cases that waited get their deadlines at the next start
  // or the next notice loaded.
  log::error("deadlines that waited for the holiday calendar: {}", waiting.status().message());
  return {{"waiting_deadlines", nullptr}, {"waiting_deadlines_error", waiting.status().message()}};
}

// A year another server on the same database loaded (POST below) is taken into this server's
// calendar the next time the calendar is asked for here, which every staff screen does: once
// `taken` says it was added, the cases here that waited for it get their deadlines.
void settle_years_loaded_elsewhere(App& app, const cases::StoredCalendarYears& taken) {
  if (taken.added.empty()) return;
  for (int year : taken.added)
    log::info("holiday calendar for {}: loaded by another server on this database", year);
  (void)set_waiting(app);
}

// POST /api/v1/calendar/years: next year's notice, typed in by an admin once it is out.
http::Response load_calendar_year(App& app, const Call& call) {
  auto taken = cases::add_stored_calendar_years(app.db(), app.calendar_to_extend());
  if (!taken.ok()) return http::error_response(taken.status());
  settle_years_loaded_elsewhere(app, *taken);
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto csv = string_field(*body, "csv", true, 64 * 1024);
  if (!csv.ok()) return http::error_response(csv.status());
  auto preview = bool_member(*body, "preview", false);
  if (!preview.ok()) return http::error_response(preview.status());
  auto accept = bool_member(*body, "accept_warnings", false);
  if (!accept.ok()) return http::error_response(accept.status());

  auto notice = HolidayCalendar::parse(**csv);
  if (!notice.ok()) {
    return http::error_response(Status(notice.status().code(), notice.status().message(), "csv"));
  }
  const std::vector<int> years = notice->covered_years();
  if (years.size() != 1) {
    return http::error_response(
        Invalid("csv", "the rows are of the years " + notice->years() +
                           ": a notice is of one year, load one at a time"));
  }
  const int year = years.front();
  // Notices come out for the coming year; one the package lacks is this year's or the next's. A
  // year further off is a slip (2072 for 2027) that would stay loaded.
  const int this_year = date_in_china(app.clock().now_ms()).year();
  if (year != this_year && year != this_year + 1) {
    return http::error_response(Invalid("csv", "the rows are of " + std::to_string(year) +
                                                   ": a notice loaded here is of this year (" +
                                                   std::to_string(this_year) + ") or the next (" +
                                                   std::to_string(this_year + 1) + ")"));
  }
  // Reviewed as part of the calendar it joins: a break may run on from the year before.
  HolidayCalendar joined = app.calendar();
  Status fits = joined.add_years(*notice);
  if (!fits.ok()) return http::error_response(fits);
  const CalendarYearReview review = review_year(joined, year);
  Json out = {{"year", year}, {"stored", false}, {"review", review_json(review)}};
  if (*preview) return json_response(200, out);
  if (!review.warnings.empty() && !*accept) {
    std::string message =
        "the notice for " + std::to_string(year) + " disagrees with the 放假办法:";
    for (const std::string& w : review.warnings) message += " " + w + ";";
    message +=
        " compare it with the State Council's notice, and load it with accept_warnings if "
        "it is typed as published";
    out["error"] = {{"code", "conflict"}, {"message", message}, {"field", "accept_warnings"}};
    return json_response(409, out);
  }

  const std::string stored_csv = cases::calendar_year_csv(joined, year);
  Status st = app.db().write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(cases::store_calendar_year(s, year, stored_csv, app.clock().now_ms(),
                                                       call.principal->actor()));
    return audit::append(s, app.clock(),
                         {call.principal->actor(), "calendar.year.load",
                          "calendar:" + std::to_string(year), stored_csv});
  });
  if (!st.ok()) return http::error_response(st);
  // Stored first: a year in use is a year the next start has too. A request that read the stored
  // year in between (GET /api/v1/calendar, on any server) may have added it already: stored and in
  // use is what was asked.
  Status added = app.calendar_to_extend().add_years(*notice);
  if (!added.ok() && !app.calendar().covers(year)) return http::error_response(added);
  log::info("holiday calendar for {} loaded by {}", year, call.principal->actor());
  out["stored"] = true;
  out.update(set_waiting(app));
  return json_response(201, out);
}

}  // namespace

void add_calendar_routes(App& app) {
  app.add({"GET", "/api/v1/calendar", "The holiday calendar's loaded years and its coming gap",
           auth::kStaff},
          [&app](Call&) {
            // The years an admin loaded here (POST /api/v1/calendar/years), with who and when.
            std::vector<cases::StoredCalendarYear> stored;
            Json loaded_here = Json::array();
            Status read = app.db().read([&](db::Session& s) {
              auto rows = cases::read_stored_calendar_years(s);
              if (!rows.ok()) return rows.status();
              stored = std::move(rows).value();
              for (const cases::StoredCalendarYear& y : stored) {
                loaded_here.push_back({{"year", y.year},
                                       {"loaded_at", iso_time(y.loaded_at_ms)},
                                       {"loaded_by", auth::actor_display_name(
                                                         s, y.loaded_by, app.clock().now_ms())}});
              }
              return Status::Ok();
            });
            if (!read.ok()) return http::error_response(read);
            // The banner of every staff screen reads this: what is loaded is shown all the same.
            auto taken = cases::add_stored_calendar_years(stored, app.calendar_to_extend());
            if (taken.ok()) {
              settle_years_loaded_elsewhere(app, *taken);
            } else {
              log::error("holiday calendar: {}", taken.status().message());
            }
            const HolidayCalendar& calendar = app.calendar();
            const Date today = date_in_china(app.clock().now_ms());
            Json out = {{"years", calendar.years()},
                        {"first_year", calendar.first_year()},
                        {"last_year", calendar.last_year()},
                        {"today", today.to_string()},
                        {"gap", nullptr},
                        {"warnings", Json::array()}};
            // Days off for some groups only (妇女节, 青年节, 儿童节, 建军节; 放假办法 Art. 3):
            // shown with the group they are for, for those who plan who is at work. They never
            // change a working-day count or a deadline.
            out["partial_holidays"] = Json::array();
            for (int i = 0; i < 366; ++i) {
              Date d = today.plus_days(i);
              auto p = partial_holiday(d);
              if (!p) continue;
              auto working = calendar.is_working_day(d);  // null in a year not loaded
              out["partial_holidays"].push_back(
                  {{"date", d.to_string()},
                   {"name", p->name},
                   {"group", p->group},
                   {"days", p->days},
                   {"working_day", working.ok() ? Json(*working) : Json()}});
            }
            out["loaded_here"] = std::move(loaded_here);
            for (const CalendarWarning& w : calendar_warnings(calendar, today.year()))
              out["warnings"].push_back({{"year", w.year}, {"message", w.message}});
            if (auto gap = calendar_gap(calendar, today)) {
              Json refused = Json::object();
              for (const auto& [days, from] : gap->refused_from)
                refused[std::to_string(days)] = from.to_string();
              out["gap"] = {{"year", gap->year},
                            {"last_covered", gap->last_covered.to_string()},
                            {"refused_from", std::move(refused)},
                            {"message", describe(*gap, today)}};
            }
            return json_response(200, out);
          });

  app.add({"POST",
           "/api/v1/calendar/years",
           "Load a year's holiday notice while serving: {csv, preview, accept_warnings}",
           {auth::Role::kAdmin}},
          [&app](Call& call) { return load_calendar_year(app, call); });
}

}  // namespace shegong::api
