// The notices addressed to the caller, newest first: to their unit (a dispatch, a transfer, a
// supervision notice, an objection to decide...), and to the bodies the unit is: the 12345 centre
// (disputes, extension requests, orders not dispatched in time), a petition office (a major
// petition registered below it, Art. 25; a petition of its area overdue, Art. 43), the 国家信访局,
// a people's government, the party committee and the joint conference office (a major petition,
// Art. 25). A petition's notice is listed only while the caller may read the petition, so the
// accused unit of an accusation never learns of it here.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "hotline/units.h"
#include "http/error_response.h"
#include "petitions/access.h"

namespace shegong::api {

namespace {

// The audiences a notice may name that reach `p`, and the SQL for those that depend on the case:
// the centre's notices of orders within the caller's jurisdiction, and the overdue notices of
// petitions whose place lies in the caller's office's area with no other petition office between.
struct Audiences {
  std::vector<std::string> exact;
  bool centre = false;
  std::string office_region;  // the caller's petition office's area; unset when none
  bool office = false;
};

Result<Audiences> audiences_of(db::Session& s, const auth::Principal& p) {
  Audiences out;
  if (p.role == auth::Role::kDispatcher || p.role == auth::Role::kAdmin) out.centre = true;
  if (p.unit_id == 0) return out;
  out.exact.push_back("unit:" + std::to_string(p.unit_id));
  auto unit = hotline::find_unit(s, p.unit_id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) return out;
  const hotline::Unit& u = **unit;
  if (u.kind == "centre") out.centre = true;
  if (u.kind == "petition_office") {
    out.exact.push_back("petition_office:" + u.region_code);
    if (u.region_code.empty()) out.exact.push_back("national_petition_bureau");
    out.office = true;
    out.office_region = u.region_code;
  }
  if (u.kind == "government" || u.kind == "district") {
    out.exact.push_back("government:" + u.region_code);
  }
  // The party committee and the joint conference office of the 信访 work (Art. 25).
  if (u.kind == "party_committee" || u.kind == "conference_office") {
    out.exact.push_back(u.kind + ":" + u.region_code);
  }
  return out;
}

}  // namespace

void add_notice_routes(App& app) {
  app.add(
      {"GET", "/api/v1/notices",
       "Notices to you and your unit, newest first: ?page=", auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        auto page = int_query(call.request, "page", 1, 1, 1'000'000);
        if (!page.ok()) return http::error_response(page.status());
        return read_items(app.db(), [&](db::Session& s, Json& items) {
          auto to = audiences_of(s, p);
          if (!to.ok()) return to.status();
          petitions::Condition readable = petitions::readable_condition(p);
          db::Params params = std::move(readable.params);
          // Only real terms joined by OR: SQLite then looks each up in case_notices_audience (a
          // constant term such as "0 OR ..." would make it scan every notice).
          std::string whom;
          auto term = [&whom](const std::string& sql) {
            whom += (whom.empty() ? "" : " OR ") + sql;
          };
          for (const std::string& a : to->exact) {
            term("n.audience = ?");
            params.emplace_back(std::in_place_type<std::string>, a);
          }
          if (to->centre) {
            term("(n.audience = 'centre' AND c.region_code >= ? AND c.region_code < ?)");
            params.emplace_back(std::in_place_type<std::string>, p.jurisdiction);
            params.emplace_back(std::in_place_type<std::string>, p.jurisdiction + ":");
          }
          if (to->office) {
            // "supervision:<place>": the nearest petition office whose area holds the place.
            term(
                "(n.audience >= ? AND n.audience < ? AND NOT EXISTS (SELECT 1 FROM units o "
                "WHERE o.kind = 'petition_office' AND o.active = 1 AND length(o.region_code) > ? "
                "AND substr(n.audience, 13, length(o.region_code)) = o.region_code))");
            params.emplace_back(std::in_place_type<std::string>,
                                "supervision:" + to->office_region);
            params.emplace_back(std::in_place_type<std::string>,
                                "supervision:" + to->office_region + ":");
            params.emplace_back(std::in_place_type<int64_t>,
                                static_cast<int64_t>(to->office_region.size()));
          }
          if (whom.empty()) return Status::Ok();  // nothing can be addressed to the caller
          auto rows = s.query(
              "SELECT n.id, n.created_at_ms, c.id, c.kind, c.tracking_no, e.action FROM "
              "case_notices n JOIN cases c ON c.id = n.case_id JOIN case_events e ON e.id = "
              "n.event_id WHERE (c.kind <> 'petition' OR c.id IN (SELECT id FROM cases WHERE " +
                  readable.sql + ")) AND (" + whom +
                  ") ORDER BY n.created_at_ms DESC, n.id DESC LIMIT 50 OFFSET " +
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
