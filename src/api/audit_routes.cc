// The audit chain, checked on demand (the same check as `shegong audit verify`).
#include "api/app.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "http/error_response.h"

namespace shegong::api {

void add_audit_routes(App& app) {
  app.add({"GET", "/api/v1/audit/verify", "Check the audit chain", {auth::Role::kAdmin}},
          [&app](Call&) {
            auto report = audit::verify(app.db());
            if (!report.ok()) return http::error_response(report.status());
            Json out = {{"ok", report->ok}, {"rows", report->rows}};
            if (!report->ok) {
              out["first_bad_row"] = report->first_bad_id;
              out["reason"] = report->reason;
            }
            return json_response(200, out);
          });
}

}  // namespace shegong::api
