// Signing in and proving who you are: password logins that open browser sessions (an HttpOnly
// cookie plus a CSRF token), bearer tokens for integrations, and a growing back-off after failed
// logins. Only digests of session ids and tokens are stored, so a copy of the database opens no
// doors.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/principal.h"
#include "base/clock.h"
#include "db/db.h"

namespace shegong::auth {

struct LoginResult {
  std::string session_id;  // goes into the cookie; never stored in clear
  std::string csrf_token;
  int64_t expires_at_ms = 0;
  Principal principal;
};

struct CredentialOptions {
  int64_t session_ttl_ms = 12LL * 3600 * 1000;
  int free_failures = 3;  // failed logins before any wait
  int64_t max_lockout_ms = 15 * 60 * 1000;
  // How long a resolved token or session is trusted without asking the database again. A token
  // revoked or a user disabled by another process takes effect within this time; a logout through
  // this process at once.
  int64_t principal_cache_ms = 2000;
};

// Wait imposed after `failures` consecutive failed logins: none for the first few, then 2 s,
// doubling, up to the maximum.
int64_t lockout_ms(int failures, const CredentialOptions& options);

class Credentials {
 public:
  Credentials(db::Db& db, const Clock& clock, CredentialOptions options = {})
      : db_(db), clock_(clock), options_(options) {}

  // Unauthenticated for a wrong name or password (the same message for both); TooManyRequests
  // while the name is locked out, with the seconds to wait in the message.
  Result<LoginResult> login(std::string_view username, std::string_view password);
  Status logout(std::string_view session_id, const Principal& principal);
  Result<std::optional<Principal>> from_session(std::string_view session_id);
  Result<std::optional<Principal>> from_bearer(std::string_view token);
  // Drops every cached session and token of the user, so that a change to the user (disabled, a
  // new role or jurisdiction) applies to the next request.
  void forget_user(int64_t user_id);
  // Returns the token; it is shown once and cannot be recovered.
  Result<std::string> create_token(std::string_view username, std::string_view label,
                                   const std::string& actor);

 private:
  Status record_failure(const std::string& username, int failures);
  std::optional<Principal> cached(const std::string& digest, int64_t now);
  void remember(const std::string& digest, const Principal& p, int64_t until);

  struct Cached {
    Principal principal;
    int64_t until_ms;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, Cached> cache_;  // digest of the token or session id

  db::Db& db_;
  const Clock& clock_;
  CredentialOptions options_;
};

}  // namespace shegong::auth
