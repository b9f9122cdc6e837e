// The requester of an order: name and phone are personal data. They are sealed together at rest,
// the phone is findable through a keyed hash (to notice repeat callers), and outside the centre
// they are shown masked — or not at all when the requester asked for confidentiality.
#pragma once

#include <string>

#include <optional>

#include "auth/principal.h"
#include "base/crypto.h"
#include "cases/case_record.h"
#include "base/status.h"

namespace shegong::hotline {

struct Requester {
  std::string name;
  std::string phone;
};

std::string seal_requester(const crypto::SecretBox& box, const Requester& r);
Result<Requester> open_requester(const crypto::SecretBox& box, const std::string& sealed);
Requester masked(const Requester& r);

// What a reader sees of an order's requester: masked for everyone, and nothing at all for handling
// units when the requester asked for confidentiality (DOMAIN.md item 41). Only the centre (admins
// and dispatchers) sees a confidential requester, masked.
Result<std::optional<Requester>> visible_requester(const crypto::SecretBox& box,
                                                   const auth::Principal& reader,
                                                   const cases::CaseRecord& order);
bool is_centre(const auth::Principal& p);

}  // namespace shegong::hotline
