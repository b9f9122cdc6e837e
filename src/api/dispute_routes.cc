// 矛盾纠纷 over HTTP: registration by the unit that takes the dispute (idempotent), the list scoped
// like every case (the jurisdiction, or a unit that holds or held it), one dispute with its
// timeline, every transition of the dispute kind, and the audited read of the parties by the unit
// holding it. Mediation is free: a body that records a fee is refused.
#include "api/app.h"
#include "api/case_action.h"
#include "api/case_list.h"
#include "api/dispute_json.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "cases/engine.h"
#include "disputes/dispute_kind.h"
#include "disputes/registration.h"
#include "disputes/vocabulary.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

// Grid workers find disputes in their screening (排查) and register them for their unit.
constexpr auth::RoleSet kRegistrars = {auth::Role::kAdmin, auth::Role::kDepartmentStaff,
                                       auth::Role::kStreetStaff, auth::Role::kCommunityStaff,
                                       auth::Role::kGridWorker};

Result<cases::CaseRecord> readable_dispute(db::Session& s, const auth::Principal& p, int64_t id) {
  return readable_case(s, p, id, disputes::kDisputeKind, "dispute");
}

Result<disputes::NewDispute> new_dispute_from(const Json& b, const auth::Principal& who) {
  for (const char* fee : {"fee", "charge", "amount_yuan"}) {
    if (b.contains(fee)) {
      return Invalid(fee, "mediation is free (人民调解法 Art. 4): no fee is recorded");
    }
  }
  disputes::NewDispute d;
  for (auto [name, target, required, max] :
       {std::tuple{"track", &d.track, true, size_t{20}},
        std::tuple{"source", &d.source, true, size_t{20}},
        std::tuple{"category", &d.category, true, size_t{40}},
        std::tuple{"risk", &d.risk, false, size_t{20}},
        std::tuple{"subject", &d.subject, true, size_t{400}},
        std::tuple{"description", &d.description, true, size_t{20000}},
        std::tuple{"region_code", &d.region_code, true, size_t{20}},
        std::tuple{"address", &d.address, false, size_t{500}}}) {
    auto v = string_field(b, name, required, max);
    if (!v.ok()) return v.status();
    if (*v) *target = **v;
  }
  auto complex = bool_member(b, "complex", false);
  if (!complex.ok()) return complex.status();
  d.complex = *complex;
  auto parties = b.find("parties");
  if (parties == b.end() || !parties->is_array()) {
    return Invalid("parties", "a list of {name, phone, role: applicant|respondent}");
  }
  for (size_t i = 0; i < parties->size(); ++i) {
    const Json& p = (*parties)[i];
    const std::string at = "parties[" + std::to_string(i) + "]";
    if (!p.is_object()) return Invalid(at, "{name, phone, role}");
    disputes::Party party;
    for (auto [name, target] : {std::pair{"name", &party.name}, std::pair{"phone", &party.phone},
                                std::pair{"role", &party.role}}) {
      auto v = string_field(p, name, false, 200);
      if (!v.ok()) return Status(Code::kInvalidArgument, v.status().message(), at + "." + name);
      if (*v) *target = **v;
    }
    d.parties.push_back(std::move(party));
  }
  auto unit = int_member(b, "unit_id", who.unit_id, 1, INT64_MAX);
  if (!unit.ok()) return unit.status();
  d.unit_id = *unit;
  if (d.unit_id == 0) return Invalid("unit_id", "the unit that takes the dispute");
  if (d.unit_id != who.unit_id && who.role != auth::Role::kAdmin) {
    return Status(Code::kPermissionDenied, "a dispute is registered by the unit that takes it",
                  "unit_id");
  }
  return d;
}

http::Response create_dispute(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  const auth::Principal& who = *call.principal;
  auto d = new_dispute_from(*body, who);
  if (!d.ok()) return http::error_response(d.status());
  auto received = received_member(*body, app.clock().now_ms());
  if (!received.ok()) return http::error_response(received.status());
  d->received_at_ms = *received;
  auto tree = app.regions();
  return create_once(app, call, who.actor(), [&](db::Session& s) -> Result<http::Response> {
    auto c = disputes::register_dispute(s, app.engine(), app.calendar(), app.box(), *tree, *d,
                                        who.actor());
    if (!c.ok()) return c.status();
    auto json = dispute_json(s, *c, app.box(), who, false);
    if (!json.ok()) return json.status();
    return json_response(201, *json);
  });
}

http::Response list_disputes(App& app, Call& call) {
  CaseList list;
  list.kind = std::string(disputes::kDisputeKind);
  list.filters = {
      {"state", "state"}, {"track", "type"}, {"risk", "urgency"}, {"category", "category"}};
  list.render = [&app](db::Session& s, const cases::CaseRecord& c, CasePage& page) {
    return dispute_json(s, c, app.box(), page.held.contains(c.id), page.units);
  };
  return list_cases(app, call, list);
}

http::Response parties_of(App& app, Call& call) {
  auto id = id_param(call.request, "id");
  if (!id.ok()) return http::error_response(id.status());
  const auth::Principal& who = *call.principal;
  Json out = Json::array();
  Status st = app.db().write([&](db::Session& s) {
    auto c = readable_dispute(s, who, *id);
    if (!c.ok()) return c.status();
    if (who.unit_id == 0 || who.unit_id != c->lead_unit_id) {
      return Denied("only the unit holding the dispute sees its parties in full");
    }
    auto parties = disputes::open_parties(app.box(), c->requester_sealed);
    if (!parties.ok()) return parties.status();
    for (const disputes::Party& p : *parties) {
      out.push_back({{"name", p.name}, {"phone", p.phone}, {"role", p.role}});
    }
    return audit::append(
        s, app.clock(),
        {who.actor(), "dispute.reveal_parties", "case:" + std::to_string(*id), "parties"});
  });
  if (!st.ok()) return http::error_response(st);
  auto r = json_response(200, Json{{"items", out}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_dispute_routes(App& app) {
  app.add({"POST", "/api/v1/disputes",
           "Register a dispute with the unit that takes it (honours Idempotency-Key)", kRegistrars},
          [&app](Call& call) { return create_dispute(app, call); });

  app.add({"GET", "/api/v1/disputes",
           "Disputes you may read: ?state=&track=&risk=&category=&overdue=&q=&page=&page_size=",
           auth::kStaff},
          [&app](Call& call) { return list_disputes(app, call); });

  app.add({"GET", "/api/v1/disputes/{id}", "One dispute with its timeline", auth::kStaff},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto c = readable_dispute(s, *call.principal, *id);
              if (!c.ok()) return c.status();
              auto json = dispute_json(s, *c, app.box(), *call.principal, true);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"POST", "/api/v1/disputes/{id}/{action}",
           "An action on a dispute: record_refusal, record_consent, accept, decline, refer, start, "
           "extend, agree, record_confirmation, fail",
           disputes::kMediators},
          [&app](Call& call) {
            return apply_case_action(app, call,
                                     {[](db::Session& s, const auth::Principal& who, int64_t id) {
                                        return readable_dispute(s, who, id).status();
                                      },
                                      [&app](db::Session& s, const auth::Principal& who,
                                             const cases::CaseRecord& c) -> Result<std::string> {
                                        auto json = dispute_json(s, c, app.box(), who, true);
                                        if (!json.ok()) return json.status();
                                        return json->dump(-1, ' ', false,
                                                          Json::error_handler_t::replace);
                                      }});
          });

  app.add({"GET", "/api/v1/disputes/{id}/parties",
           "The parties in full, for the unit holding the dispute (every read is audited)",
           disputes::kMediators},
          [&app](Call& call) { return parties_of(app, call); });
}

}  // namespace shegong::api
