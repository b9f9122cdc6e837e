// Work admission (工作事项准入) over HTTP: a unit sends a task or a form-filling request to a
// street or a committee (idempotent); it is admitted on the target's lists, waits for the approval
// of the government above when on none, and is refused on a returned item (DOMAIN.md items 61–63).
// The list is scoped like every case: the jurisdiction, or a unit that holds, held or sent the
// task.
#include "api/app.h"
#include "api/case_action.h"
#include "api/case_list.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/work_task_json.h"
#include "burden/admission.h"
#include "burden/indicators.h"
#include "burden/work_task_kind.h"
#include "http/error_response.h"
#include "regions/region_code.h"

namespace shegong::api {

namespace {

Result<cases::CaseRecord> readable_task(db::Session& s, const auth::Principal& p, int64_t id) {
  return readable_case(s, p, id, burden::kWorkTaskKind, "work task");
}

Result<burden::NewTask> new_task_from(const Json& b) {
  burden::NewTask t;
  for (auto [name, target, max] : {std::tuple{"subject", &t.subject, size_t{400}},
                                   std::tuple{"content", &t.content, size_t{20000}}}) {
    auto v = string_field(b, name, true, max);
    if (!v.ok()) return v.status();
    *target = **v;
  }
  auto unit = int_member(b, "unit_id", 0, 1, INT64_MAX);
  if (!unit.ok()) return unit.status();
  if (*unit == 0) return Invalid("unit_id", "is required: the street or committee it is sent to");
  t.unit_id = *unit;
  auto item = int_member(b, "item_id", 0, 1, INT64_MAX);
  if (!item.ok()) return item.status();
  t.item_id = *item;
  auto forms = bool_member(b, "form_filling", false);
  if (!forms.ok()) return forms.status();
  t.form_filling = *forms;
  auto due = string_field(b, "due_on", false, 10);
  if (!due.ok()) return due.status();
  if (*due) {
    auto d = Date::parse(**due);
    if (!d.ok()) return Invalid("due_on", "a date YYYY-MM-DD");
    t.due_on = *d;
  }
  return t;
}

http::Response create_task(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto t = new_task_from(*body);
  if (!t.ok()) return http::error_response(t.status());
  const auth::Principal& who = *call.principal;
  return create_once(app, call, who.actor(), [&](db::Session& s) -> Result<http::Response> {
    auto c = burden::register_task(s, app.engine(), *t, who);
    if (!c.ok()) return c.status();
    auto json = work_task_json(s, *c, false);
    if (!json.ok()) return json.status();
    return json_response(201, *json);
  });
}

http::Response list_tasks(App& app, Call& call) {
  CaseList list;
  list.kind = std::string(burden::kWorkTaskKind);
  list.filters = {{"state", "state"}, {"list", "type"}};
  list.narrow = [](const http::Request& r, std::string& where, db::Params&) -> Status {
    if (!r.has_query_param("form_filling")) return Status::Ok();
    std::string_view v = r.query_param("form_filling");
    if (v != "true" && v != "false") return Invalid("form_filling", "true or false");
    where += v == "true" ? " AND channel = 'form_filling'" : " AND channel <> 'form_filling'";
    return Status::Ok();
  };
  list.render = [](db::Session& s, const cases::CaseRecord& c, CasePage& page) {
    return work_task_json(s, c, false, &page.units);
  };
  return list_cases(app, call, list);
}

http::Response indicators(App& app, Call& call) {
  const Date today = date_in_china(app.clock().now_ms());
  auto period = date_period(call.request, Date::from_ymd(today.year(), today.month(), 1), today);
  if (!period.ok()) return http::error_response(period.status());
  auto tree = app.regions();
  Json out = {{"from", period->first.to_string()},
              {"to", period->second.to_string()},
              {"items", Json::array()}};
  Status st = app.db().read([&](db::Session& s) {
    auto rows =
        burden::task_counts(s, call.principal->jurisdiction, china_start_of_day_ms(period->first),
                            china_start_of_day_ms(period->second.plus_days(1)));
    if (!rows.ok()) return rows.status();
    for (const burden::TaskCounts& t : *rows) {
      auto area = tree->find(t.region_code);
      out["items"].push_back({{"region_code", regions::statistical_code(t.region_code)},
                              {"region_name", area ? Json(std::string(area->name)) : Json()},
                              {"sent", t.sent},
                              {"on_lists", t.on_lists},
                              {"off_lists", t.off_lists},
                              {"approved", t.approved},
                              {"rejected", t.rejected},
                              {"awaiting", t.awaiting},
                              {"done", t.done},
                              {"overdue", t.overdue},
                              {"form_filling", t.form_filling}});
    }
    return Status::Ok();
  });
  return st.ok() ? json_response(200, out) : http::error_response(st);
}

}  // namespace

void add_work_task_routes(App& app) {
  app.add({"POST", "/api/v1/work-tasks",
           "Send a task to a street or a committee: {unit_id, subject, content, item_id, "
           "form_filling, due_on} (honours Idempotency-Key)",
           burden::kTaskStaff},
          [&app](Call& call) { return create_task(app, call); });

  app.add({"GET", "/api/v1/work-tasks",
           "Work tasks you may read: ?state=&list=basic|cooperating|assistance|unlisted&"
           "form_filling=&overdue=&q=&page=&page_size=",
           auth::kStaff},
          [&app](Call& call) { return list_tasks(app, call); });

  app.add({"GET", "/api/v1/work-task-indicators",
           "Per street and committee of your jurisdiction, the tasks received in ?from=&to= "
           "(China dates; default this month): on or off the lists, approved, rejected, waiting, "
           "done, overdue, form filling",
           auth::kStaff},
          [&app](Call& call) { return indicators(app, call); });

  app.add({"GET", "/api/v1/work-tasks/{id}", "One work task with its timeline", auth::kStaff},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = readable_task(s, *call.principal, *id);
              if (!c.ok()) return c.status();
              auto json = work_task_json(s, *c, true);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"POST", "/api/v1/work-tasks/{id}/{action}",
           "An action on a work task: approve, reject (by the approving government, with "
           "reasons), complete (by the street or committee)",
           burden::kTaskStaff},
          [&app](Call& call) {
            return apply_case_action(app, call,
                                     {[](db::Session& s, const auth::Principal& who, int64_t id) {
                                        return readable_task(s, who, id).status();
                                      },
                                      [](db::Session& s, const auth::Principal&,
                                         const cases::CaseRecord& c) -> Result<std::string> {
                                        auto json = work_task_json(s, c, true);
                                        if (!json.ok()) return json.status();
                                        return json->dump(-1, ' ', false,
                                                          Json::error_handler_t::replace);
                                      }});
          });
}

}  // namespace shegong::api
