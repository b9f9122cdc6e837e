// The holiday calendar the server counts deadlines with: which years are loaded and, while the
// next notice is missing, from which day each common limit will be refused — for a banner on every
// staff screen, so that the notice is loaded before the first deadline fails; and where a loaded
// year from this one on disagrees with the 放假办法 (calendar_review.h), most likely a notice typed
// by hand with a day missing; and the coming days off that only some groups get.
#include "api/app.h"
#include "api/json_io.h"
#include "base/calendar_gap.h"
#include "base/calendar_review.h"

namespace shegong::api {

void add_calendar_routes(App& app) {
  app.add({"GET", "/api/v1/calendar", "The holiday calendar's loaded years and its coming gap",
           auth::kStaff},
          [&app](Call&) {
            const HolidayCalendar& calendar = app.calendar();
            const Date today = date_in_china(app.clock().now_ms());
            Json out = {{"years", calendar.years()},
                        {"first_year", calendar.first_year()},
                        {"last_year", calendar.last_year()},
                        {"today", today.to_string()},
                        {"gap", nullptr},
                        {"warnings", Json::array()}};
            // Days off for some groups only (妇女节, 青年节, 儿童节, 建军节; 放假办法 Art. 3): shown with
            // the group they are for, for those who plan who is at work. They never change a
            // working-day count or a deadline.
            out["partial_holidays"] = Json::array();
            for (int i = 0; i < 366; ++i) {
              Date d = today.plus_days(i);
              auto p = partial_holiday(d);
              if (!p) continue;
              auto working = calendar.is_working_day(d);  // null in a year not loaded
              out["partial_holidays"].push_back({{"date", d.to_string()},
                                                 {"name", p->name},
                                                 {"group", p->group},
                                                 {"days", p->days},
                                                 {"working_day", working.ok() ? Json(*working)
                                                                              : Json()}});
            }
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
}

}  // namespace shegong::api
