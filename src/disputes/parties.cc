#include "disputes/parties.h"

#include <nlohmann/json.hpp>

#include "auth/users.h"
#include "base/mask.h"
#include "base/text_field.h"
#include "disputes/vocabulary.h"
#include "hotline/vocabulary.h"

namespace shegong::disputes {

namespace {

using Json = nlohmann::json;

}  // namespace

Status validate_parties(const std::vector<Party>& parties) {
  if (parties.size() < 2) return Invalid("parties", "a dispute has at least two parties");
  if (parties.size() > 200) return Invalid("parties", "at most 200 parties");
  bool applicant = false, respondent = false;
  for (size_t i = 0; i < parties.size(); ++i) {
    const Party& p = parties[i];
    const std::string at = "parties[" + std::to_string(i) + "].";
    SHEGONG_RETURN_IF_ERROR(check_text(p.name, at + "name", 200, true));
    if (!p.phone.empty()) SHEGONG_RETURN_IF_ERROR(auth::validate_phone(p.phone, at + "phone"));
    if (!hotline::one_of(p.role, kPartyRoles)) {
      return Invalid(at + "role", "one of " + hotline::list_of(kPartyRoles));
    }
    applicant = applicant || p.role == "applicant";
    respondent = respondent || p.role == "respondent";
  }
  if (!applicant || !respondent) {
    return Invalid("parties", "a dispute has a party on each side: an applicant and a respondent");
  }
  return Status::Ok();
}

std::string seal_parties(const crypto::SecretBox& box, const std::vector<Party>& parties) {
  Json list = Json::array();
  for (const Party& p : parties) {
    list.push_back({{"name", p.name}, {"phone", p.phone}, {"role", p.role}});
  }
  return box.seal(list.dump());
}

Result<std::vector<Party>> open_parties(const crypto::SecretBox& box, const std::string& sealed) {
  auto plain = box.open(sealed);
  if (!plain.ok()) return plain.status();
  Json list = Json::parse(*plain, nullptr, false);
  if (!list.is_array()) return Internal("sealed parties are malformed");
  std::vector<Party> out;
  for (const Json& p : list) {
    if (!p.is_object()) return Internal("sealed parties are malformed");
    out.push_back({p.value("name", ""), p.value("phone", ""), p.value("role", "")});
  }
  return out;
}

std::string parties_hash(const crypto::SecretBox& box, const std::vector<Party>& parties) {
  for (const Party& p : parties) {
    if (p.role == "applicant") {
      return box.lookup_hash(p.phone.empty() ? "name:" + p.name : "phone:" + p.phone);
    }
  }
  return box.lookup_hash("name:" + (parties.empty() ? std::string() : parties[0].name));
}

std::vector<Party> masked(const std::vector<Party>& parties) {
  std::vector<Party> out;
  for (const Party& p : parties) {
    out.push_back({mask_name(p.name), p.phone.empty() ? "" : mask_phone(p.phone), p.role});
  }
  return out;
}

}  // namespace shegong::disputes
