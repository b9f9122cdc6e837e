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

}  // namespace shegong::hotline
