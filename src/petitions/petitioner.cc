#include "petitions/petitioner.h"

#include <nlohmann/json.hpp>

#include "auth/users.h"
#include "base/mask.h"
#include "base/text_field.h"
#include "base/utf8.h"
#include "text/pii.h"

namespace shegong::petitions {

namespace {

using Json = nlohmann::json;

// The first `n` code points of `s`.
std::string prefix_chars(const std::string& s, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < s.size(); ++i) next_code_point(s, pos);
  return s.substr(0, pos);
}

}  // namespace

Status validate_petitioner(const Petitioner& p, bool identity_unclear) {
  SHEGONG_RETURN_IF_ERROR(check_text(p.name, "petitioner.name", 200, false));
  SHEGONG_RETURN_IF_ERROR(check_text(p.address, "petitioner.address", 500, false));
  if (!identity_unclear) {
    if (p.name.empty()) {
      return Invalid("petitioner.name",
                     "is required (Art. 19); set identity_unclear when the petitioner gave none");
    }
    if (p.address.empty() && p.phone.empty()) {
      return Invalid("petitioner.address",
                     "an address or a phone is required to send the written notices (Art. 23); set "
                     "identity_unclear when the petitioner gave none");
    }
  }
  if (!p.id_number.empty() && !text::valid_id_number(p.id_number)) {
    return Invalid("petitioner.id_number", "not a valid 18-character ID number (GB 11643)");
  }
  if (!p.phone.empty()) SHEGONG_RETURN_IF_ERROR(auth::validate_phone(p.phone, "petitioner.phone"));
  for (const auto& r : p.representatives) {
    if (r.empty()) return Invalid("representatives", "a representative needs a name");
    SHEGONG_RETURN_IF_ERROR(check_text(r, "representatives", 200, false));
  }
  return Status::Ok();
}

std::string seal_petitioner(const crypto::SecretBox& box, const Petitioner& p) {
  Json j = {{"name", p.name},
            {"id_number", p.id_number},
            {"phone", p.phone},
            {"address", p.address},
            {"representatives", p.representatives}};
  return box.seal(j.dump());
}

Result<Petitioner> open_petitioner(const crypto::SecretBox& box, const std::string& sealed) {
  auto plain = box.open(sealed);
  if (!plain.ok()) return plain.status();
  Json j = Json::parse(*plain, nullptr, false);
  if (!j.is_object()) return Internal("sealed petitioner is malformed");
  Petitioner p;
  p.name = j.value("name", "");
  p.id_number = j.value("id_number", "");
  p.phone = j.value("phone", "");
  p.address = j.value("address", "");
  if (j.contains("representatives") && j["representatives"].is_array()) {
    for (const auto& r : j["representatives"]) {
      if (r.is_string()) p.representatives.push_back(r.get<std::string>());
    }
  }
  return p;
}

std::string petitioner_hash(const crypto::SecretBox& box, const Petitioner& p) {
  if (!p.id_number.empty()) return box.lookup_hash("id:" + p.id_number);
  if (!p.phone.empty()) return box.lookup_hash("phone:" + p.phone);
  return box.lookup_hash("name:" + p.name + "\n" + p.address);
}

std::vector<PetitionerIdentity> petitioner_identities(const crypto::SecretBox& box,
                                                      const Petitioner& p) {
  std::vector<PetitionerIdentity> out;
  auto add = [&](const std::string& key, const char* kind) {
    std::string h = box.lookup_hash(key);
    for (const auto& known : out) {
      if (known.hash == h) return;
    }
    out.push_back({std::move(h), kind});
  };
  if (!p.id_number.empty()) add("id:" + p.id_number, "id");
  if (!p.phone.empty()) add("phone:" + p.phone, "phone");
  if (!p.name.empty() && !p.address.empty()) add("name:" + p.name + "\n" + p.address, "name");
  std::string stored = petitioner_hash(box, p);
  for (const auto& known : out) {
    if (known.hash == stored) return out;
  }
  out.push_back({std::move(stored), "stored"});  // a name alone
  return out;
}

Petitioner masked(const Petitioner& p) {
  Petitioner m;
  m.name = mask_name(p.name);
  m.id_number = p.id_number.empty() ? "" : mask_id_number(p.id_number);
  m.phone = p.phone.empty() ? "" : mask_phone(p.phone);
  m.address = p.address.empty() ? "" : prefix_chars(p.address, 6) + "…";
  for (const auto& r : p.representatives) m.representatives.push_back(mask_name(r));
  return m;
}

}  // namespace shegong::petitions
