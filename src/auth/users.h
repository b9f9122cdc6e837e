// Platform users: a name, an argon2id password hash, one role and one jurisdiction. The optional
// phone number is personal data: stored sealed, found by keyed hash, shown masked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/role.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "db/db.h"

namespace shegong::auth {

struct NewUser {
  std::string username;
  std::string password;
  std::string role;
  std::string region_code;  // any accepted form; stored as the short code
  std::string display_name;
  std::string phone;    // optional
  int64_t unit_id = 0;  // optional: the unit the user works for
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kVolunteer;
  std::string jurisdiction;  // short code
  std::string phone_masked;
  bool disabled = false;
  int64_t unit_id = 0;
};

// Checks every field (the error names the field), then creates the user and its audit row in one
// transaction. A taken name is a conflict on "username".
Result<User> create_user(db::Db& db, const Clock& clock, const crypto::SecretBox& box,
                         const NewUser& input, const std::string& actor);
Result<std::optional<User>> find_user(db::Db& db, const crypto::SecretBox& box,
                                      std::string_view username);
Result<std::optional<User>> find_user_by_phone(db::Db& db, const crypto::SecretBox& box,
                                               std::string_view phone);

Result<std::optional<User>> find_user_by_id(db::Db& db, const crypto::SecretBox& box, int64_t id);

// A change an admin makes to a user; absent fields stay as they are. `unit_id` 0 removes the unit.
struct UserChange {
  std::optional<std::string> role, region_code,
      display_name;  // region_code: a short code that exists
  std::optional<int64_t> unit_id;
  std::optional<bool> disabled;
};
// Checks every field (errors name it), then writes the change and its audit row in one
// transaction. A disabled user's sessions end at once; their tokens stop working (credentials
// refuse disabled users).
Result<User> update_user(db::Db& db, const Clock& clock, const crypto::SecretBox& box, int64_t id,
                         const UserChange& change, const std::string& actor);

// Users whose jurisdiction lies at or below `jurisdiction`, by id.
Result<std::vector<User>> list_users(db::Db& db, const crypto::SecretBox& box,
                                     std::string_view jurisdiction, int64_t limit);
// The users who work for `unit_id`, disabled ones included, oldest first.
Result<std::vector<User>> list_unit_users(db::Db& db, const crypto::SecretBox& box, int64_t unit_id,
                                          int64_t limit);

Status validate_username(std::string_view username);
Status validate_password(std::string_view password);
Status validate_phone(std::string_view phone, std::string_view field = "phone");

}  // namespace shegong::auth
