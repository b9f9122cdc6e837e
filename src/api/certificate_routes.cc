// Certificates asked of a residents' or villagers' committee over HTTP (DOMAIN.md item 64): the
// committee records the request and gets the answer — issued under its list with a number, or
// refused with the reason to give the person; staff read the ledger of their jurisdiction with how
// many were issued and refused.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "burden/certificates.h"
#include "http/error_response.h"
#include "regions/region_code.h"

namespace shegong::api {

namespace {

constexpr auth::RoleSet kCommittees = {auth::Role::kCommunityStaff, auth::Role::kGridWorker};

Json request_json(const burden::CertificateRequest& c) {
  return {{"id", c.id},
          {"unit_id", c.unit_id},
          {"region_code", regions::statistical_code(c.region_code)},
          {"certificate", c.certificate},
          {"purpose", c.purpose},
          {"item_id", c.item_id == 0 ? Json() : Json(c.item_id)},
          {"outcome", c.outcome},
          {"reason", c.outcome == "refused" ? Json(c.reason) : Json()},
          {"basis", c.outcome == "issued" ? Json(c.reason) : Json()},
          {"number", c.number.empty() ? Json() : Json(c.number)},
          {"at", iso_time(c.at_ms)}};
}

http::Response ask(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto certificate = string_field(*body, "certificate", false, 200);
  if (!certificate.ok()) return http::error_response(certificate.status());
  auto purpose = string_field(*body, "purpose", false, 2000);
  if (!purpose.ok()) return http::error_response(purpose.status());
  auto item = int_member(*body, "item_id", 0, 1, INT64_MAX);
  if (!item.ok()) return http::error_response(item.status());
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto c = burden::request_certificate(s, app.clock(), *call.principal, certificate->value_or(""),
                                         purpose->value_or(""), *item);
    if (!c.ok()) return c.status();
    out = request_json(*c);
    return Status::Ok();
  });
  return st.ok() ? json_response(201, out) : http::error_response(st);
}

}  // namespace

void add_certificate_routes(App& app) {
  app.add({"POST", "/api/v1/certificate-requests",
           "Record a certificate asked of your committee: {certificate | item_id, purpose}; "
           "issued when on the list, refused with the reason otherwise",
           kCommittees},
          [&app](Call& call) { return ask(app, call); });

  app.add({"GET", "/api/v1/certificate-requests",
           "The certificates asked of the committees of your jurisdiction, the newest 200, with "
           "the counts issued and refused",
           auth::kStaff},
          [&app](Call& call) {
            Json out = {{"items", Json::array()}};
            Status st = app.db().read([&](db::Session& s) {
              const std::string& area = call.principal->jurisdiction;
              auto found = burden::certificate_requests(s, area, 200);
              if (!found.ok()) return found.status();
              for (const burden::CertificateRequest& c : *found) {
                out["items"].push_back(request_json(c));
              }
              auto counts = burden::certificate_counts(s, area);
              if (!counts.ok()) return counts.status();
              out["issued"] = counts->issued;
              out["refused"] = counts->refused;
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
