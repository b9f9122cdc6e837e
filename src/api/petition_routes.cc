// 信访 petitions over HTTP, mirroring the orders API: registration (idempotent), lists and search
// scoped by petitions::readable_condition, one petition with its timeline, every transition of the
// petition kind, the audited reveal of the petitioner, and the written notices as HTML or DOCX.
// Nothing here ever answers a caller of an accused unit with more than "not found".
#include "api/app.h"
#include "api/case_action.h"
#include "api/case_list.h"
#include "api/idempotency.h"
#include "api/json_io.h"
#include "api/petition_json.h"
#include "audit/audit_log.h"
#include "documents/docx_document.h"
#include "documents/html_document.h"
#include "http/error_response.h"
#include "petitions/access.h"
#include "petitions/notices.h"
#include "petitions/registration.h"
#include "petitions/vocabulary.h"

namespace shegong::api {

namespace {

struct Readable {
  cases::CaseRecord petition;
  petitions::PetitionAccess access;
};

// A petition the caller may read; anything else is "not found", so existence does not leak.
Result<Readable> readable_petition(db::Session& s, const auth::Principal& p, int64_t id) {
  auto c = cases::load_case(s, id);
  if (!c.ok()) return c.status();
  auto missing = NotFound("no petition has the id " + std::to_string(id));
  if (!*c || (*c)->kind != petitions::kPetitionKind) return missing;
  auto access = petitions::access_to(s, p, **c);
  if (!access.ok()) return access.status();
  if (!access->read) return missing;
  return Readable{std::move(**c), *access};
}

Result<petitions::NewPetition> new_petition_from(const Json& b, const auth::Principal& who) {
  petitions::NewPetition p;
  struct Text {
    const char* name;
    std::string* target;
    bool required;
    size_t max;
  };
  for (const Text& t :
       {Text{"channel", &p.channel, true, 20}, Text{"category", &p.category, true, 40},
        Text{"field", &p.field, false, 40}, Text{"subject", &p.subject, true, 400},
        Text{"content", &p.content, false, 20000}, Text{"summary", &p.summary, false, 20000},
        Text{"region_code", &p.region_code, true, 20}, Text{"address", &p.address, false, 500},
        Text{"new_facts", &p.new_facts, false, 20000}}) {
    auto v = string_field(b, t.name, t.required, t.max);
    if (!v.ok()) return v.status();
    if (*v) *t.target = **v;
  }
  auto person = b.find("petitioner");
  if (person != b.end() && !person->is_null()) {
    if (!person->is_object()) return Invalid("petitioner", "{name, id_number, phone, address}");
    struct Part {
      const char* name;
      std::string* target;
    };
    for (const Part& part :
         {Part{"name", &p.petitioner.name}, Part{"id_number", &p.petitioner.id_number},
          Part{"phone", &p.petitioner.phone}, Part{"address", &p.petitioner.address}}) {
      auto v = string_field(*person, part.name, false, 500);
      if (!v.ok()) {
        return Status(Code::kInvalidArgument, v.status().message(),
                      std::string("petitioner.") + part.name);
      }
      if (*v) *part.target = **v;
    }
  }
  if (auto reps = b.find("representatives"); reps != b.end() && !reps->is_null()) {
    if (!reps->is_array()) return Invalid("representatives", "a list of names");
    for (const auto& r : *reps) {
      if (!r.is_string()) return Invalid("representatives", "a list of names");
      p.petitioner.representatives.push_back(r.get<std::string>());
    }
  }
  struct Flag {
    const char* name;
    bool* target;
  };
  for (const Flag& f : {Flag{"identity_unclear", &p.identity_unclear},
                        Flag{"confidential", &p.confidential}, Flag{"litigation", &p.litigation},
                        Flag{"discipline_matter", &p.discipline_matter}, Flag{"major", &p.major}}) {
    auto v = bool_member(b, f.name, false);
    if (!v.ok()) return v.status();
    *f.target = *v;
  }
  struct Number {
    const char* name;
    int64_t* target;
    int64_t fallback, lo, hi;
  };
  for (const Number& n : {Number{"unit_id", &p.unit_id, who.unit_id, 1, INT64_MAX},
                          Number{"accused_unit_id", &p.accused_unit_id, 0, 1, INT64_MAX},
                          Number{"about_unit_id", &p.about_unit_id, 0, 1, INT64_MAX},
                          Number{"competent_unit_id", &p.competent_unit_id, 0, 1, INT64_MAX},
                          Number{"group_size", &p.group_size, 1, 1, 100000}}) {
    auto v = int_member(b, n.name, n.fallback, n.lo, n.hi);
    if (!v.ok()) return v.status();
    *n.target = *v;
  }
  if (p.unit_id == 0) return Invalid("unit_id", "the unit that received the petition");
  if (p.unit_id != who.unit_id && who.role != auth::Role::kAdmin) {
    return Status(Code::kPermissionDenied, "a petition is registered by the unit that received it",
                  "unit_id");
  }
  return p;
}

http::Response create_petition(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  const auth::Principal& who = *call.principal;
  auto petition = new_petition_from(*body, who);
  if (!petition.ok()) return http::error_response(petition.status());
  // A letter opened or a visit written up later: its periods run from receipt (Arts. 22, 23).
  auto received = received_member(*body, app.clock().now_ms());
  if (!received.ok()) return http::error_response(received.status());
  petition->received_at_ms = *received;
  auto tree = app.regions();
  return create_once(app, call, who.actor(), [&](db::Session& s) -> Result<http::Response> {
    auto c = petitions::register_petition(s, app.engine(), app.calendar(), app.box(), *tree,
                                          *petition, who.actor());
    if (!c.ok()) return c.status();
    auto access = petitions::access_to(s, who, *c);
    if (!access.ok()) return access.status();
    auto json = petition_json(s, *c, *access, app.box(), false);
    if (!json.ok()) return json.status();
    return json_response(201, *json);
  });
}

http::Response list_petitions(App& app, Call& call) {
  const auth::Principal& p = *call.principal;
  petitions::Condition readable = petitions::readable_condition(p);
  CaseList list;
  list.kind = std::string(petitions::kPetitionKind);
  list.scope = std::pair{std::move(readable.sql), std::move(readable.params)};
  list.filters = {{"state", "state"}, {"category", "type"}};
  list.narrow = [](const http::Request& r, std::string& where, db::Params&) -> Status {
    if (!r.has_query_param("implementation")) return Status::Ok();
    // Art. 32: petitions whose decision in force supports the request and whose carrying out is
    // not recorded as complete, under 复查 or closed alike.
    if (r.query_param("implementation") != "pending") return Invalid("implementation", "pending");
    where += " AND id IN (SELECT case_id FROM petition_implementations)";
    return Status::Ok();
  };
  list.render = [&app, &p](db::Session& s, const cases::CaseRecord& c,
                           CasePage& page) -> Result<Json> {
    auto access = petitions::access_to(s, p, c);
    if (!access.ok()) return access.status();
    return petition_json(s, c, *access, app.box(), false, &page.units);
  };
  return list_cases(app, call, list);
}

constexpr const char* kRecused =
    "you declared an interest in this petition or its petitioner and withdraw from it (Art. 28 "
    "para 3)";

http::Response notice_file(App& app, Call& call) {
  auto id = id_param(call.request, "id");
  if (!id.ok()) return http::error_response(id.status());
  std::string name(call.request.param("name"));
  std::string format = call.request.has_query_param("format")
                           ? std::string(call.request.query_param("format"))
                           : "html";
  if (format != "html" && format != "docx") {
    return http::error_response(Invalid("format", "html or docx"));
  }
  const auth::Principal& who = *call.principal;
  http::Response out;
  Status st = app.db().write([&](db::Session& s) {
    auto readable = readable_petition(s, who, *id);
    if (!readable.ok()) return readable.status();
    if (readable->access.recused) return Denied(kRecused);
    if (!readable->access.sees_identity) {
      return Denied("a notice names the petitioner: only the organs holding the petition open it");
    }
    auto doc = petitions::notice_document(s, app.box(), readable->petition, name);
    if (!doc.ok()) return doc.status();
    if (format == "html") {
      out.content_type = "text/html; charset=utf-8";
      out.body = documents::render_html(*doc);
    } else {
      auto bytes = documents::render_docx(*doc);
      if (!bytes.ok()) return bytes.status();
      out.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      out.body = std::move(*bytes);
      out.set_header(
          "Content-Disposition",
          "attachment; filename=\"" + readable->petition.tracking_no + "-" + name + ".docx\"");
    }
    out.set_header("Cache-Control", "no-store");
    return audit::append(
        s, app.clock(), {who.actor(), "petition.open_notice", "case:" + std::to_string(*id), name});
  });
  if (!st.ok()) return http::error_response(st);
  return out;
}

}  // namespace

void add_petition_routes(App& app) {
  app.add(
      {"POST", "/api/v1/petitions",
       "Register a petition at receipt, by the receiving unit (honours Idempotency-Key)", kWriters},
      [&app](Call& call) { return create_petition(app, call); });

  app.add({"GET", "/api/v1/petitions",
           "Petitions you may read: "
           "?state=&category=&overdue=&implementation=pending&q=&page=&page_size=",
           auth::kStaff},
          [&app](Call& call) { return list_petitions(app, call); });

  app.add({"GET", "/api/v1/petitions/{id}", "One petition with its timeline", auth::kStaff},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            Json out;
            Status st = app.db().read([&](db::Session& s) {
              auto r = readable_petition(s, *call.principal, *id);
              if (!r.ok()) return r.status();
              auto json = petition_json(s, r->petition, r->access, app.box(), true);
              if (!json.ok()) return json.status();
              out = std::move(*json);
              return Status::Ok();
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"POST", "/api/v1/petitions/{id}/{action}",
           "An action on a petition: route, notify_receipt, accept, object, decide_objection, "
           "refer, extend, issue_opinion, reply, settle, deliver, request_review, review_opinion, "
           "request_re_review, record_hearing, re_review_opinion, file_report, assign_handler, "
           "declare_interest, supervise, answer_supervision, inform_organisation, "
           "record_implementation, record_guidance, record_assistance",
           kWriters},
          [&app](Call& call) {
            return apply_case_action(app, call,
                                     {[](db::Session& s, const auth::Principal& who, int64_t id) {
                                        return readable_petition(s, who, id).status();
                                      },
                                      [&app](db::Session& s, const auth::Principal& who,
                                             const cases::CaseRecord& c) -> Result<std::string> {
                                        auto access = petitions::access_to(s, who, c);
                                        if (!access.ok()) return access.status();
                                        auto json = petition_json(s, c, *access, app.box(), true);
                                        if (!json.ok()) return json.status();
                                        return json->dump(-1, ' ', false,
                                                          Json::error_handler_t::replace);
                                      }});
          });

  app.add({"GET", "/api/v1/petitions/{id}/petitioner",
           "The petitioner's full identity, for the organ holding the petition (every read is "
           "audited)",
           kWriters},
          [&app](Call& call) {
            auto id = id_param(call.request, "id");
            if (!id.ok()) return http::error_response(id.status());
            const auth::Principal& who = *call.principal;
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto r = readable_petition(s, who, *id);
              if (!r.ok()) return r.status();
              if (r->access.recused) return Denied(kRecused);
              bool lead = who.unit_id != 0 && who.unit_id == r->petition.lead_unit_id;
              if (!lead && who.role != auth::Role::kAdmin) {
                return Denied("only the organ holding the petition sees the petitioner in full");
              }
              if (!r->access.sees_identity && who.role != auth::Role::kAdmin) {
                return Denied(
                    "the petitioner asked for confidentiality: a unit the petition is about does "
                    "not see who filed it");
              }
              auto person = petitions::open_petitioner(app.box(), r->petition.requester_sealed);
              if (!person.ok()) return person.status();
              out = {{"name", person->name},
                     {"id_number", person->id_number},
                     {"phone", person->phone},
                     {"address", person->address},
                     {"representatives", person->representatives}};
              return audit::append(s, app.clock(),
                                   {who.actor(), "petition.reveal_petitioner",
                                    "case:" + std::to_string(*id), "petitioner"});
            });
            if (!st.ok()) return http::error_response(st);
            auto r = json_response(200, out);
            r.set_header("Cache-Control", "no-store");
            return r;
          });

  app.add(
      {"GET", "/api/v1/petitions/{id}/notices/{name}",
       "A written notice of the petition as ?format=html|docx (every read is audited)", kWriters},
      [&app](Call& call) { return notice_file(app, call); });
}

}  // namespace shegong::api
