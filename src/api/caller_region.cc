#include "api/caller_region.h"

namespace shegong::api {

Result<std::string> covered_region(const App& app, const auth::Principal& p, std::string_view text,
                                   const char* field) {
  auto code = app.regions()->resolve(text, field);
  if (!code.ok()) return code.status();
  if (!p.covers(*code)) {
    return Status(Code::kPermissionDenied, "that region is outside your jurisdiction", field);
  }
  return *code;
}

Result<std::string> region_query(const App& app, const Call& call) {
  if (!call.request.has_query_param("region")) return call.principal->jurisdiction;
  return covered_region(app, *call.principal, call.request.query_param("region"), "region");
}

}  // namespace shegong::api
