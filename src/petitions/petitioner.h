// The petitioner (信访人, Art. 17) and, for a collective visit, the representatives: personal data,
// sealed together at rest (JSON inside the secret box). A keyed hash of the identity finds the
// same petitioner again for the duplicate and finality checks (Arts. 19, 36) without storing it in
// clear: the ID number when given, else the phone, else name and address.
#pragma once

#include <string>
#include <vector>

#include "base/crypto.h"
#include "base/status.h"

namespace shegong::petitions {

struct Petitioner {
  std::string name;  // a person's or an organisation's name
  std::string id_number;
  std::string phone;
  std::string address;
  std::vector<std::string> representatives;  // names, for a collective visit
};

// Checks that need no storage; errors name the field ("petitioner.name", ...).
Status validate_petitioner(const Petitioner& p, bool identity_unclear);

std::string seal_petitioner(const crypto::SecretBox& box, const Petitioner& p);
Result<Petitioner> open_petitioner(const crypto::SecretBox& box, const std::string& sealed);
// The petitioner's keyed hash, stored with the petition: of the ID number, else the phone, else the
// name and address.
std::string petitioner_hash(const crypto::SecretBox& box, const Petitioner& p);
// Every way the petitioner is recognised, as keyed hashes: the stored hash above, and the ID
// number, the phone, and the name with the address (only when both are given) that are given. A
// petition is the same petitioner's when any of them matches one of an earlier petition (Arts. 19,
// 36), so leaving the ID number out the second time does not make a new petitioner; two ID numbers
// that differ are two people, whatever else they share (a household's phone).
struct PetitionerIdentity {
  std::string hash;
  std::string kind;  // "id", "phone", "name" (with the address), "stored" (petitioner_hash)
};
std::vector<PetitionerIdentity> petitioner_identities(const crypto::SecretBox& box,
                                                      const Petitioner& p);
// Masked for display: 张* , 138****1234, ID number masked, address cut to its first characters.
Petitioner masked(const Petitioner& p);

}  // namespace shegong::petitions
