// The 减负 lists over HTTP (DOMAIN.md items 61–64): staff read what holds for a street or a
// committee (the items published for its area and the areas above it, each with the area it comes
// from); admins publish items for areas within their jurisdiction and change or retire them,
// audited. A list item is never deleted: tasks and certificates keep the item they rested on.
#include "api/app.h"
#include "api/json_io.h"
#include "api/order_json.h"
#include "burden/duty_items.h"
#include "hotline/vocabulary.h"
#include "http/error_response.h"
#include "regions/region_code.h"

namespace shegong::api {

namespace {

constexpr auth::RoleSet kPublishers = {auth::Role::kAdmin};

Json item_json(const burden::DutyItem& d, const regions::RegionTree& tree) {
  auto area = tree.find(d.region_code);
  return {{"id", d.id},
          {"region_code", regions::statistical_code(d.region_code)},
          {"region_name", area ? Json(std::string(area->name)) : Json()},
          {"list", d.list},
          {"name", d.name},
          {"basis", d.basis},
          {"lead_department", d.lead_department},
          {"supporting_role", d.supporting_role},
          {"active", d.active},
          {"updated_at", iso_time(d.updated_at_ms)}};
}

Result<std::string> region_query(const http::Request& r, const regions::RegionTree& tree,
                                 const char* name, const std::string& fallback) {
  if (!r.has_query_param(name)) return fallback;
  return tree.resolve(r.query_param(name), name);
}

// The text members of an item in `body`, over `d`'s values where absent.
Status read_texts(const Json& body, burden::DutyItem& d, bool create) {
  for (auto [name, target, max] :
       {std::tuple{"name", &d.name, size_t{400}}, std::tuple{"basis", &d.basis, size_t{2000}},
        std::tuple{"lead_department", &d.lead_department, size_t{200}},
        std::tuple{"supporting_role", &d.supporting_role, size_t{2000}}}) {
    auto v = string_field(body, name, create && std::string_view(name) == "name", max);
    if (!v.ok()) return v.status();
    if (*v) *target = **v;
  }
  return Status::Ok();
}

http::Response list_items(App& app, Call& call) {
  const http::Request& r = call.request;
  auto tree = app.regions();
  std::string list;
  if (r.has_query_param("list")) {
    list = std::string(r.query_param("list"));
    if (!hotline::one_of(list, burden::kLists)) {
      return http::error_response(Invalid("list", "one of " + hotline::list_of(burden::kLists)));
    }
  }
  const bool within = r.has_query_param("within");
  auto region = region_query(r, *tree, within ? "within" : "region", call.principal->jurisdiction);
  if (!region.ok()) return http::error_response(region.status());
  return read_items(app.db(), [&](db::Session& s, Json& items) {
    auto found =
        within ? burden::items_within(s, *region, list) : burden::items_for(s, *region, list);
    if (!found.ok()) return found.status();
    for (const burden::DutyItem& d : *found) items.push_back(item_json(d, *tree));
    return Status::Ok();
  });
}

http::Response create_item(App& app, Call& call) {
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto tree = app.regions();
  burden::DutyItem d;
  auto region = string_field(*body, "region_code", true, 20);
  if (!region.ok()) return http::error_response(region.status());
  auto code = tree->resolve(**region, "region_code");
  if (!code.ok()) return http::error_response(code.status());
  if (code->empty()) {
    return http::error_response(
        Invalid("region_code", "lists are published for a province, a city or an area below"));
  }
  if (!call.principal->covers(*code)) {
    return http::error_response(Denied("the area lies outside your jurisdiction"));
  }
  d.region_code = *code;
  auto list = string_field(*body, "list", true, 20);
  if (!list.ok()) return http::error_response(list.status());
  d.list = **list;
  Status texts = read_texts(*body, d, true);
  if (!texts.ok()) return http::error_response(texts);
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto made = burden::create_item(s, app.clock(), d, call.principal->actor());
    if (!made.ok()) return made.status();
    out = item_json(*made, *tree);
    return Status::Ok();
  });
  return st.ok() ? json_response(201, out) : http::error_response(st);
}

http::Response update_item(App& app, Call& call) {
  auto id = id_param(call.request, "id");
  if (!id.ok()) return http::error_response(id.status());
  auto body = parse_object(call.request);
  if (!body.ok()) return http::error_response(body.status());
  auto tree = app.regions();
  Json out;
  Status st = app.db().write([&](db::Session& s) {
    auto stored = burden::find_item(s, *id);
    if (!stored.ok()) return stored.status();
    if (!*stored || !call.principal->covers((*stored)->region_code)) {
      return NotFound("no duty item of your jurisdiction has the id " + std::to_string(*id));
    }
    burden::DutyItem d = **stored;
    SHEGONG_RETURN_IF_ERROR(read_texts(*body, d, false));
    auto active = bool_member(*body, "active", d.active);
    if (!active.ok()) return active.status();
    d.active = *active;
    auto changed = burden::update_item(s, app.clock(), d, call.principal->actor());
    if (!changed.ok()) return changed.status();
    out = item_json(*changed, *tree);
    return Status::Ok();
  });
  return st.ok() ? json_response(200, out) : http::error_response(st);
}

}  // namespace

void add_duty_item_routes(App& app) {
  app.add({"GET", "/api/v1/duty-items",
           "The list items that hold for an area (?region=, default your jurisdiction), or those "
           "published within one (?within=); &list=basic|cooperating|returned|assistance|"
           "certificate",
           auth::kStaff},
          [&app](Call& call) { return list_items(app, call); });

  app.add({"POST", "/api/v1/duty-items",
           "Publish a list item for an area of your jurisdiction: {region_code, list, name, basis, "
           "lead_department, supporting_role}",
           kPublishers},
          [&app](Call& call) { return create_item(app, call); });

  app.add({"PUT", "/api/v1/duty-items/{id}",
           "Change or retire a list item: {name, basis, lead_department, supporting_role, active}",
           kPublishers},
          [&app](Call& call) { return update_item(app, call); });
}

}  // namespace shegong::api
