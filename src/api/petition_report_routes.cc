// What petition offices pass upwards: the ledger (台账) of the petitions a caller may read as
// xlsx, the monthly indicators per organ (DOMAIN.md item 28) and the annual report of Art. 41
// (item 27) as xlsx. None of them carries a petitioner's identity.
#include "api/app.h"
#include "api/caller_region.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "base/mask.h"
#include "documents/xlsx_workbook.h"
#include "http/error_response.h"
#include "petitions/access.h"
#include "petitions/annual_report.h"
#include "petitions/indicators.h"

namespace shegong::api {

namespace {

http::Response xlsx_response(const std::vector<documents::Sheet>& sheets, const std::string& file) {
  auto bytes = documents::render_xlsx(sheets);
  if (!bytes.ok()) return http::error_response(bytes.status());
  http::Response out;
  out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  out.body = std::move(*bytes);
  out.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  out.set_header("Cache-Control", "no-store");
  return out;
}

}  // namespace

void add_petition_report_routes(App& app) {
  app.add({"GET", "/api/v1/petition-ledger",
           "The petitions you may read as an xlsx ledger (台账): ?state=&category=", auth::kStaff},
          [&app](Call& call) {
            const http::Request& r = call.request;
            petitions::Condition cond = petitions::readable_condition(*call.principal);
            std::string where = cond.sql;
            for (const char* column : {"state", "category"}) {
              if (!r.has_query_param(column)) continue;
              where += std::string(" AND ") +
                       (std::string(column) == "category" ? "type" : column) + " = ?";
              cond.params.push_back(std::string(r.query_param(column)));
            }
            documents::Sheet sheet{"信访台账",
                                   {"查询码", "登记时间", "渠道", "类别", "领域", "标题", "状态",
                                    "承办单位", "期限", "超期"},
                                   {}};
            Status st = app.db().read([&](db::Session& s) {
              auto rows = s.query(
                  "SELECT c.tracking_no, c.received_at_ms, c.channel, c.type, c.category, "
                  "c.subject, c.state, coalesce(u.name, ''), coalesce(c.due_at_ms, 0), c.overdue "
                  "FROM cases c LEFT JOIN units u ON u.id = c.lead_unit_id "
                  // The condition names the columns of cases unqualified: units has some too.
                  "WHERE c.id IN (SELECT id FROM cases WHERE " +
                      where + ") ORDER BY c.id DESC LIMIT 50000",
                  cond.params);
              if (!rows.ok()) return rows.status();
              using documents::Cell;
              for (const db::Row& row : *rows) {
                sheet.rows.push_back({Cell(row.text(0)), Cell(iso_time(row.integer(1))),
                                      Cell(row.text(2)), Cell(row.text(3)), Cell(row.text(4)),
                                      Cell(mask_free_text(row.text(5))), Cell(row.text(6)),
                                      Cell(row.text(7)), Cell(iso_time(row.integer(8))),
                                      Cell(std::string(row.integer(9) ? "是" : "否"))});
              }
              return Status::Ok();
            });
            if (!st.ok()) return http::error_response(st);
            return xlsx_response({sheet}, "petition-ledger.xlsx");
          });

  app.add({"GET", "/api/v1/petition-indicators",
           "Monthly indicators per organ: ?period=YYYY-MM&region= (及时受理率, 按期办结率, 参评率, "
           "满意率)",
           auth::kStaff},
          [&app](Call& call) {
            auto region = region_query(app, call);
            if (!region.ok()) return http::error_response(region.status());
            std::string period(call.request.query_param("period"));
            Json items = Json::array();
            Status st = app.db().read([&](db::Session& s) {
              auto rows = petitions::monthly_indicators(s, period, *region);
              if (!rows.ok()) return rows.status();
              for (const auto& o : *rows) {
                items.push_back({{"unit", {{"id", o.unit_id}, {"name", o.unit_name}}},
                                 {"acceptances_due", o.acceptances_due},
                                 {"accepted_in_time", o.accepted_in_time},
                                 {"answers_due", o.answers_due},
                                 {"answered_in_time", o.answered_in_time},
                                 {"answers", o.answers},
                                 {"rated", o.rated},
                                 {"satisfied", o.satisfied},
                                 {"timely_acceptance", or_null(o.timely_acceptance)},
                                 {"on_time_closing", or_null(o.on_time_closing)},
                                 {"participation", or_null(o.participation)},
                                 {"satisfaction", or_null(o.satisfaction)}});
              }
              return Status::Ok();
            });
            if (!st.ok()) return http::error_response(st);
            return json_response(200, {{"period", period}, {"items", items}});
          });

  app.add({"GET",
           "/api/v1/petition-reports/annual",
           "The annual report of Art. 41 as xlsx: ?year=&region=",
           {auth::Role::kAdmin, auth::Role::kLeader, auth::Role::kDepartmentStaff}},
          [&app](Call& call) {
            auto region = region_query(app, call);
            if (!region.ok()) return http::error_response(region.status());
            auto year = int_query(call.request, "year", 0, 2000, 2100);
            if (!year.ok()) return http::error_response(year.status());
            if (*year == 0) return http::error_response(Invalid("year", "is required"));
            std::vector<documents::Sheet> sheets;
            Status st = app.db().read([&](db::Session& s) {
              auto report = petitions::annual_report(s, *region, static_cast<int>(*year));
              if (!report.ok()) return report.status();
              std::string area = region->empty() ? "全国" : region->c_str();
              if (auto found = app.regions()->find(*region)) area = std::string(found->name);
              sheets = petitions::annual_report_sheets(*report, area);
              return Status::Ok();
            });
            if (!st.ok()) return http::error_response(st);
            return xlsx_response(sheets, "petition-report-" + std::to_string(*year) + ".xlsx");
          });
}

}  // namespace shegong::api
