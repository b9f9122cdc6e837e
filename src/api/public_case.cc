#include "api/public_case.h"

namespace shegong::api {

namespace {

bool plausible_tracking_no(std::string_view no) {
  if (no.size() < 8 || no.size() > 32) return false;
  for (char c : no) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

}  // namespace

Result<cases::CaseRecord> case_by_number(db::Session& s, std::string_view no,
                                         const std::string& kind, const char* noun) {
  if (!plausible_tracking_no(no)) {
    return Invalid("tracking_no", "a tracking number is 8 to 32 capital letters and digits");
  }
  auto c = cases::load_case_by_tracking_no(s, no);
  if (!c.ok()) return c.status();
  if (!*c || (*c)->kind != kind)
    return NotFound(std::string("no ") + noun + " has that tracking number");
  return **c;
}

}  // namespace shegong::api
