// The workbench's queues and the order ledger: how many orders wait for the caller (new, due within
// a day, overdue), and the current list as an xlsx ledger (台账) — the same filters as
// GET /api/v1/orders (api/order_filter.h).
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_filter.h"
#include "api/order_json.h"
#include "base/mask.h"
#include "documents/xlsx_workbook.h"
#include "hotline/requester.h"
#include "http/error_response.h"

namespace shegong::api {

void add_queue_routes(App& app) {
  app.add({"GET", "/api/v1/queue", "How many orders wait for you: new, due_soon, overdue",
           auth::kStaff},
          [&app](Call& call) {
            const auth::Principal& p = *call.principal;
            Json out = Json::object();
            int64_t now = app.clock().now_ms();
            Status st = app.db().read([&](db::Session& s) {
              for (const char* queue : {"new", "due_soon", "overdue"}) {
                auto f = order_filter(app, p, call.request);
                if (!f.ok()) return f.status();
                SHEGONG_RETURN_IF_ERROR(add_queue(*f, p, queue, now));
                auto n = s.query("SELECT count(*) FROM cases WHERE " + f->where, f->params);
                if (!n.ok()) return n.status();
                out[queue] = (*n)[0].integer(0);
              }
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add(
      {"GET", "/api/v1/order-ledger",
       "The orders of the current list as an xlsx ledger (台账), at most 50,000 rows; the same "
       "filters as /api/v1/orders",
       auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        auto f = order_filter(app, p, call.request);
        if (!f.ok()) return http::error_response(f.status());
        documents::Sheet sheet{"工单台账",
                               {"工单编号", "受理时间", "渠道", "类型", "标题", "分类", "紧急程度",
                                "地址", "状态", "承办单位", "办理期限", "超期", "诉求人"},
                               {}};
        Status st = app.db().read([&](db::Session& s) {
          auto rows = s.query(std::string("SELECT ") + cases::kCaseColumns +
                                  ", (SELECT name FROM units WHERE id = cases.lead_unit_id) "
                                  "FROM cases WHERE " +
                                  f->where + " ORDER BY id DESC LIMIT 50000",
                              f->params);
          if (!rows.ok()) return rows.status();
          using documents::Cell;
          for (const db::Row& row : *rows) {
            cases::CaseRecord c = cases::read_case_row(row);
            auto who = hotline::visible_requester(app.box(), p, c);
            if (!who.ok()) return who.status();
            std::string requester = *who ? (*who)->name + " " + (*who)->phone : "（保密）";
            sheet.rows.push_back({Cell(c.tracking_no), Cell(iso_time(c.received_at_ms)),
                                  Cell(c.channel), Cell(c.type), Cell(mask_free_text(c.subject)),
                                  Cell(c.category), Cell(c.urgency),
                                  Cell(mask_free_text(c.address)), Cell(c.state),
                                  Cell(row.text(row.size() - 1)), Cell(iso_time(c.due_at_ms)),
                                  Cell(std::string(c.overdue ? "是" : "否")), Cell(requester)});
          }
          return Status::Ok();
        });
        if (!st.ok()) return http::error_response(st);
        auto bytes = documents::render_xlsx({sheet});
        if (!bytes.ok()) return http::error_response(bytes.status());
        http::Response out;
        out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        out.body = std::move(*bytes);
        out.set_header("Content-Disposition", "attachment; filename=\"order-ledger.xlsx\"");
        out.set_header("Cache-Control", "no-store");
        return out;
      });
}

}  // namespace shegong::api
