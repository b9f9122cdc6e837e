#include "suggestions/proposer.h"

#include <nlohmann/json.hpp>

#include "auth/users.h"
#include "base/mask.h"
#include "base/text_field.h"
#include "hotline/vocabulary.h"
#include "suggestions/vocabulary.h"

namespace shegong::suggestions {

namespace {

using Json = nlohmann::json;

// A plain check of an address's shape: one @, something on both sides, a dot in the domain.
bool looks_like_email(const std::string& e) {
  size_t at = e.find('@');
  if (at == 0 || at == std::string::npos || e.find('@', at + 1) != std::string::npos) return false;
  size_t dot = e.find('.', at + 2);
  if (dot == std::string::npos || dot + 1 >= e.size()) return false;
  for (unsigned char ch : e) {
    if (ch <= ' ' || ch == 0x7f) return false;
  }
  return true;
}

}  // namespace

Status validate_proposer(const Proposer& p) {
  if (!hotline::one_of(p.kind, kProposerKinds)) {
    return Invalid("proposer.kind", "one of " + hotline::list_of(kProposerKinds));
  }
  SHEGONG_RETURN_IF_ERROR(check_text(p.name, "proposer.name", 200, true));
  SHEGONG_RETURN_IF_ERROR(check_text(p.address, "proposer.address", 500, false));
  SHEGONG_RETURN_IF_ERROR(check_text(p.email, "proposer.email", 254, false));
  if (!p.phone.empty()) SHEGONG_RETURN_IF_ERROR(auth::validate_phone(p.phone, "proposer.phone"));
  if (!p.email.empty() && !looks_like_email(p.email)) {
    return Invalid("proposer.email", "not an e-mail address");
  }
  if (p.phone.empty() && p.email.empty() && p.address.empty()) {
    return Invalid("proposer.phone",
                   "a phone, an e-mail or an address is required to answer the proposer "
                   "(上海市人民建议征集若干规定 Art. 12)");
  }
  return Status::Ok();
}

std::string seal_proposer(const crypto::SecretBox& box, const Proposer& p) {
  Json j = {{"kind", p.kind},
            {"name", p.name},
            {"phone", p.phone},
            {"email", p.email},
            {"address", p.address}};
  return box.seal(j.dump());
}

Result<Proposer> open_proposer(const crypto::SecretBox& box, const std::string& sealed) {
  auto plain = box.open(sealed);
  if (!plain.ok()) return plain.status();
  Json j = Json::parse(*plain, nullptr, false);
  if (!j.is_object()) return Internal("sealed proposer is malformed");
  Proposer p;
  p.kind = j.value("kind", "person");
  p.name = j.value("name", "");
  p.phone = j.value("phone", "");
  p.email = j.value("email", "");
  p.address = j.value("address", "");
  return p;
}

std::string proposer_hash(const crypto::SecretBox& box, const Proposer& p) {
  if (!p.phone.empty()) return box.lookup_hash("phone:" + p.phone);
  if (!p.email.empty()) return box.lookup_hash("email:" + p.email);
  return box.lookup_hash("name:" + p.name + "\n" + p.address);
}

Proposer masked(const Proposer& p) {
  Proposer m;
  m.kind = p.kind;
  // An organisation's name is not personal data; a person's is.
  m.name = p.kind == "organisation" ? p.name : mask_name(p.name);
  m.phone = p.phone.empty() ? "" : mask_phone(p.phone);
  return m;
}

}  // namespace shegong::suggestions
