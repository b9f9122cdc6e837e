// The parties to a dispute: personal data, sealed together at rest (JSON inside the secret box),
// shown masked to readers. Each has a name, a phone when given, and a side: the applicant or the
// respondent. A dispute has at least two parties and someone on each side.
#pragma once

#include <string>
#include <vector>

#include "base/crypto.h"
#include "base/status.h"

namespace shegong::disputes {

struct Party {
  std::string name;  // a person's or an organisation's name
  std::string phone;
  std::string role;  // applicant, respondent
};

// Checks that need no storage; errors name the field ("parties[1].phone", ...).
Status validate_parties(const std::vector<Party>& parties);

std::string seal_parties(const crypto::SecretBox& box, const std::vector<Party>& parties);
Result<std::vector<Party>> open_parties(const crypto::SecretBox& box, const std::string& sealed);
// The keyed hash stored with the dispute: of the first applicant's phone, else the name.
std::string parties_hash(const crypto::SecretBox& box, const std::vector<Party>& parties);
std::vector<Party> masked(const std::vector<Party>& parties);

}  // namespace shegong::disputes
