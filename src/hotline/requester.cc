#include "hotline/requester.h"

#include "base/mask.h"

namespace shegong::hotline {

// Sealed form: name, a NUL, phone. Neither may contain a NUL (checked at intake).
std::string seal_requester(const crypto::SecretBox& box, const Requester& r) {
  std::string plain = r.name;
  plain += '\0';
  plain += r.phone;
  return box.seal(plain);
}

Result<Requester> open_requester(const crypto::SecretBox& box, const std::string& sealed) {
  auto plain = box.open(sealed);
  if (!plain.ok()) return plain.status();
  size_t nul = plain->find('\0');
  if (nul == std::string::npos) return Internal("sealed requester is malformed");
  return Requester{plain->substr(0, nul), plain->substr(nul + 1)};
}

Requester masked(const Requester& r) { return {mask_name(r.name), mask_phone(r.phone)}; }

bool is_centre(const auth::Principal& p) {
  return p.role == auth::Role::kAdmin || p.role == auth::Role::kDispatcher;
}

Result<std::optional<Requester>> visible_requester(const crypto::SecretBox& box,
                                                   const auth::Principal& reader,
                                                   const cases::CaseRecord& order) {
  if (order.confidential && !is_centre(reader)) return std::optional<Requester>();
  auto who = open_requester(box, order.requester_sealed);
  if (!who.ok()) return who.status();
  return std::optional<Requester>(masked(*who));
}

}  // namespace shegong::hotline
