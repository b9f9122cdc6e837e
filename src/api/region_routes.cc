// The region tree for staff: one region with its path, its children, and search by name. A user
// reads the regions of their jurisdiction and the ancestors above it (to show where they are),
// never a sibling's subtree.
#include "api/app.h"
#include "api/json_io.h"
#include "base/json_text.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

using regions::RegionRef;

// Below or at the jurisdiction, or one of its ancestors.
bool readable(const auth::Principal& p, std::string_view code) {
  return p.covers(code) || regions::is_within(p.jurisdiction, code);
}

Json brief(const RegionRef& r) {
  return {{"code", regions::statistical_code(r.code)},
          {"name", r.name},
          {"level", regions::level_name(r.level)}};
}

// Resolves {code}: 400 malformed, 404 unknown, 403 outside the caller's jurisdiction.
Result<std::string> resolve(const regions::RegionTree& tree, const auth::Principal& p,
                            std::string_view raw, const char* field) {
  auto code = tree.resolve(raw, field);
  if (!code.ok()) return code.status();
  if (!readable(p, *code)) {
    return Status(Code::kPermissionDenied,
                  "region " + regions::statistical_code(*code) + " is outside your jurisdiction " +
                      regions::statistical_code(p.jurisdiction),
                  field);
  }
  return code;
}

// The body of GET /api/v1/regions/{code}, written directly: it is the hottest read of the API and
// this is several times cheaper than building a JSON document.
std::string region_body(const regions::RegionTree& tree, const RegionRef& r) {
  auto field = [](std::string& out, const char* name, std::string_view value) {
    out += '"';
    out += name;
    out += "\":";
    append_json_string(out, value);
  };
  std::string out = "{";
  field(out, "code", regions::statistical_code(r.code));
  out += ',';
  field(out, "short_code", r.code);
  out += ',';
  field(out, "name", r.name);
  out += ',';
  field(out, "level", regions::level_name(r.level));
  out += r.code.empty() ? ",\"parent\":null" : ",";
  if (!r.code.empty()) field(out, "parent", regions::statistical_code(regions::parent_of(r.code)));
  out += ",\"path\":[";
  std::string names;
  bool first = true;
  for (const RegionRef& a : tree.ancestors(r.code)) {
    out += first ? "{" : ",{";
    first = false;
    field(out, "code", regions::statistical_code(a.code));
    out += ',';
    field(out, "name", a.name);
    out += ',';
    field(out, "level", regions::level_name(a.level));
    out += '}';
    if (!names.empty()) names += " / ";
    names += a.name;
  }
  out += "],";
  field(out, "path_names", names);
  out += ",\"children\":" + std::to_string(tree.child_count(r.code)) + "}";
  return out;
}

}  // namespace

void add_region_routes(App& app) {
  app.add({"GET", "/api/v1/regions/{code}", "A region with its path of names", auth::kStaff},
          [&app](Call& call) {
            auto tree = app.regions();
            auto code = resolve(*tree, *call.principal, call.request.param("code"), "code");
            if (!code.ok()) return http::error_response(code.status());
            return http::Response::json(200, region_body(*tree, *tree->find(*code)));
          });

  app.add({"GET", "/api/v1/regions/{code}/children", "The regions directly below", auth::kStaff},
          [&app](Call& call) {
            auto tree = app.regions();
            auto code = resolve(*tree, *call.principal, call.request.param("code"), "code");
            if (!code.ok()) return http::error_response(code.status());
            Json items = Json::array();
            for (const RegionRef& c : tree->children(*code)) {
              if (readable(*call.principal, c.code)) items.push_back(brief(c));
            }
            return json_response(200, {{"items", items}});
          });

  // The names of places are public: the citizens' portal picks the place of a demand from them.
  app.add({"GET",
           "/api/v1/public/regions/{code}/children",
           "The regions directly below a region, for choosing a place (no login; {code} 0 is the "
           "whole country)",
           {},
           true},
          [&app](Call& call) {
            auto tree = app.regions();
            std::string_view raw = call.request.param("code");
            std::string code;
            if (raw != "0") {
              auto resolved = tree->resolve(raw, "code");
              if (!resolved.ok()) return http::error_response(resolved.status());
              code = *resolved;
            }
            Json items = Json::array();
            for (const RegionRef& c : tree->children(code)) {
              Json one = brief(c);
              one["has_children"] = tree->child_count(c.code) > 0;
              items.push_back(std::move(one));
            }
            auto out = json_response(200, {{"items", items}});
            out.set_header("Cache-Control", "public, max-age=3600");
            return out;
          });

  app.add(
      {"GET", "/api/v1/regions", "Search regions by a fragment of the name", auth::kStaff},
      [&app](Call& call) {
        const auth::Principal& p = *call.principal;
        std::string_view q = call.request.query_param("q");
        if (q.empty()) {
          return http::error_response(Invalid("q", "a name fragment to search for is required"));
        }
        if (q.size() > 100) return http::error_response(Invalid("q", "at most 100 bytes"));
        size_t limit = 20;
        if (call.request.has_query_param("limit")) {
          std::string_view raw = call.request.query_param("limit");
          size_t n = 0;
          bool digits = !raw.empty() && raw.size() <= 3;
          for (char c : raw) digits = digits && c >= '0' && c <= '9';
          if (digits) n = std::stoul(std::string(raw));
          if (!digits || n < 1 || n > 100) {
            return http::error_response(Invalid("limit", "a whole number from 1 to 100"));
          }
          limit = n;
        }
        auto tree = app.regions();
        std::string within = p.jurisdiction;
        if (call.request.has_query_param("within")) {
          auto w = resolve(*tree, p, call.request.query_param("within"), "within");
          if (!w.ok()) return http::error_response(w.status());
          // An ancestor of the jurisdiction narrows to the jurisdiction itself.
          if (p.covers(*w)) within = *w;
        }
        Json items = Json::array();
        for (const RegionRef& r : tree->search(q, within, limit)) {
          Json item = brief(r);
          std::string names;
          for (const RegionRef& a : tree->ancestors(r.code)) names += std::string(a.name) + " / ";
          item["path_names"] = names.empty() ? names : names.substr(0, names.size() - 3);
          items.push_back(item);
        }
        return json_response(200,
                             {{"items", items}, {"within", regions::statistical_code(within)}});
      });
}

}  // namespace shegong::api
