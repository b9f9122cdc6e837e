// The requester of an order: name and phone are personal data. They are sealed together at rest,
// the phone is findable through a keyed hash (to notice repeat callers), and outside the centre
// they are shown masked — or not at all when the requester asked for confidentiality.
#pragma once

#include <string>

#include "base/crypto.h"
#include "base/status.h"

namespace shegong::hotline {

struct Requester {
  std::string name;
  std::string phone;
};

std::string seal_requester(const crypto::SecretBox& box, const Requester& r);
Result<Requester> open_requester(const crypto::SecretBox& box, const std::string& sealed);
Requester masked(const Requester& r);

}  // namespace shegong::hotline
