// The per-jurisdiction profile over HTTP: every setting of the catalogue (cases/settings.h) with
// the value that holds for a region and where it comes from, and an admin's override for a region
// of their jurisdiction, set or removed. Each change is one audit record; a key the catalogue lacks
// or a value the setting does not take is refused and nothing is stored.
#include "api/app.h"
#include "api/caller_region.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "cases/profile.h"
#include "cases/settings.h"
#include "http/error_response.h"
#include "regions/region_code.h"

namespace shegong::api {

namespace {

constexpr auth::RoleSet kAdmins = {auth::Role::kAdmin};

Result<const cases::Setting*> setting_param(const Call& call) {
  std::string key(call.request.param("key"));
  const cases::Setting* s = cases::find_setting(key);
  if (!s) return NotFound("no setting has the key " + key);
  return s;
}

// The override's region: ?region= (or region_code in a body) inside the caller's jurisdiction;
// the whole country for the settings read nationally only.
Result<std::string> override_region(const App& app, const Call& call, const cases::Setting& s,
                                    std::string_view text) {
  auto region = covered_region(app, *call.principal, text, "region");
  if (!region.ok()) return region.status();
  if (s.national_only && !region->empty()) {
    return Invalid("region", std::string(s.key) + " holds for the whole country only");
  }
  return region;
}

// What values the setting takes, for a form to say before the server refuses one.
Json values_json(const cases::Setting& s) {
  switch (s.type) {
    case cases::Setting::Type::kWhole:
      return {{"type", "whole"}, {"min", s.lo}, {"max", s.hi}};
    case cases::Setting::Type::kWholeList:
      return {{"type", "whole_list"}, {"count", s.lo}, {"min", 1}, {"max", 365}};
    case cases::Setting::Type::kRatingList:
      return {{"type", "ratings"}, {"of", {"满意", "基本满意", "不满意"}}};
    case cases::Setting::Type::kUnit:
      return {{"type", "unit"}};
  }
  return nullptr;
}

Status record(db::Session& s, const App& app, const Call& call, const std::string& action,
              const cases::Setting& setting, const std::string& region, const std::string& value) {
  return audit::append(s, app.clock(),
                       {call.principal->actor(), action,
                        "setting:" + std::string(setting.key) + "@" + region, value});
}

}  // namespace

void add_setting_routes(App& app) {
  app.add({"GET", "/api/v1/settings",
           "The profile's settings as they hold for ?region= (default: your jurisdiction), each "
           "with its national default and the region that sets it",
           auth::kStaff},
          [&app](Call& call) {
            auto region = region_query(app, call);
            if (!region.ok()) return http::error_response(region.status());
            return read_items(app.db(), [&](db::Session& s, Json& items) {
              for (const cases::Setting& setting : cases::settings()) {
                const std::string at = setting.national_only ? "" : *region;
                auto rows = s.query(
                    "SELECT region_code, value FROM profiles WHERE key = ? AND "
                    "substr(?, 1, length(region_code)) = region_code "
                    "ORDER BY length(region_code) DESC LIMIT 1",
                    {std::string(setting.key), at});
                if (!rows.ok()) return rows.status();
                Json item = {
                    {"key", setting.key},          {"meaning", setting.meaning},
                    {"default", setting.fallback}, {"value", setting.fallback},
                    {"set_for", nullptr},          {"national_only", setting.national_only},
                    {"values", values_json(setting)}};
                if (!rows->empty()) {
                  item["value"] = (*rows)[0].text(1);
                  item["set_for"] = regions::statistical_code((*rows)[0].text(0));
                }
                items.push_back(std::move(item));
              }
              return Status::Ok();
            });
          });

  app.add({"PUT", "/api/v1/settings/{key}",
           "Set a setting for a region of your jurisdiction: {region_code, value}", kAdmins},
          [&app](Call& call) {
            auto setting = setting_param(call);
            if (!setting.ok()) return http::error_response(setting.status());
            auto body = parse_object(call.request);
            if (!body.ok()) return http::error_response(body.status());
            auto region_text = string_field(*body, "region_code", true, 20);
            if (!region_text.ok()) return http::error_response(region_text.status());
            auto value = string_field(*body, "value", true, 200);
            if (!value.ok()) return http::error_response(value.status());
            auto region = override_region(app, call, **setting, **region_text);
            if (!region.ok()) {
              Status st = region.status();
              return http::error_response(Status(st.code(), st.message(), "region_code"));
            }
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              SHEGONG_RETURN_IF_ERROR(cases::check_setting_value(s, **setting, **value, *region));
              SHEGONG_RETURN_IF_ERROR(cases::set_profile(s, *region, (*setting)->key, **value));
              out = {{"key", (*setting)->key},
                     {"value", **value},
                     {"set_for", regions::statistical_code(*region)}};
              return record(s, app, call, "setting.set", **setting, *region, **value);
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });

  app.add({"DELETE", "/api/v1/settings/{key}",
           "Remove a region's own value of a setting: ?region= (the region above or the national "
           "default holds again)",
           kAdmins},
          [&app](Call& call) {
            auto setting = setting_param(call);
            if (!setting.ok()) return http::error_response(setting.status());
            if (!call.request.has_query_param("region")) {
              return http::error_response(Invalid("region", "is required"));
            }
            auto region = override_region(app, call, **setting, call.request.query_param("region"));
            if (!region.ok()) return http::error_response(region.status());
            Json out;
            Status st = app.db().write([&](db::Session& s) {
              auto gone = s.exec("DELETE FROM profiles WHERE key = ? AND region_code = ?",
                                 {std::string((*setting)->key), *region});
              if (!gone.ok()) return gone.status();
              if (*gone == 0) {
                return NotFound("the region has no value of its own for " +
                                std::string((*setting)->key));
              }
              out = {{"key", (*setting)->key}, {"removed_for", regions::statistical_code(*region)}};
              return record(s, app, call, "setting.remove", **setting, *region, "");
            });
            return st.ok() ? json_response(200, out) : http::error_response(st);
          });
}

}  // namespace shegong::api
