// The proposer of a people's suggestion (上海市人民建议征集若干规定 Art. 10: the proposer's basic
// information): a person or an organisation, with at least one way to be answered (Art. 12: a
// written, phone, SMS or online reply). Personal data, sealed together at rest; a keyed hash of
// the phone or e-mail finds the same proposer's suggestions again without storing them in clear.
#pragma once

#include <string>

#include "base/crypto.h"
#include "base/status.h"

namespace shegong::suggestions {

struct Proposer {
  std::string kind = "person";  // person, organisation
  std::string name;             // a person's or an organisation's name
  std::string phone;
  std::string email;
  std::string address;
};

// Checks that need no storage; errors name the field ("proposer.name", ...).
Status validate_proposer(const Proposer& p);

std::string seal_proposer(const crypto::SecretBox& box, const Proposer& p);
Result<Proposer> open_proposer(const crypto::SecretBox& box, const std::string& sealed);
// The keyed hash stored with the suggestion: of the phone, else the e-mail, else the name.
std::string proposer_hash(const crypto::SecretBox& box, const Proposer& p);
// What staff who do not hold the suggestion see: the kind, a masked name and phone, no e-mail or
// address.
Proposer masked(const Proposer& p);

}  // namespace shegong::suggestions
