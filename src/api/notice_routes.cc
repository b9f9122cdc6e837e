// The notices addressed to the caller's unit (a dispatch, a transfer, a supervision notice, an
// objection to decide...), newest first. A petition's notice is listed only while the unit may read
// the petition, so the accused unit of an accusation never learns of it here either.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "http/error_response.h"
#include "petitions/access.h"

namespace shegong::api {

void add_notice_routes(App& app) {
  app.add(
      {"GET", "/api/v1/notices", "Notices to your unit, newest first: ?page=", auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        auto page = int_query(call.request, "page", 1, 1, 1'000'000);
        if (!page.ok()) return http::error_response(page.status());
        petitions::Condition readable = petitions::readable_condition(p);
        db::Params params = std::move(readable.params);
        params.push_back("unit:" + std::to_string(p.unit_id));
        return read_items(app.db(), [&](db::Session& s, Json& items) {
          if (p.unit_id == 0) return Status::Ok();
          auto rows = s.query(
              "SELECT n.id, n.created_at_ms, c.id, c.kind, c.tracking_no, e.action FROM "
              "case_notices n JOIN cases c ON c.id = n.case_id JOIN case_events e ON e.id = "
              "n.event_id WHERE (c.kind <> 'petition' OR c.id IN (SELECT id FROM cases WHERE " +
                  readable.sql +
                  ")) AND n.audience = ? ORDER BY n.created_at_ms DESC, n.id DESC LIMIT 50 "
                  "OFFSET " +
                  std::to_string((*page - 1) * 50),
              params);
          if (!rows.ok()) return rows.status();
          for (const db::Row& r : *rows) {
            items.push_back(
                {{"id", r.integer(0)},
                 {"at", iso_time(r.integer(1))},
                 {"case", {{"id", r.integer(2)}, {"kind", r.text(3)}, {"tracking_no", r.text(4)}}},
                 {"action", r.text(5)}});
          }
          return Status::Ok();
        });
      });
}

}  // namespace shegong::api
