#include "auth/credentials.h"

#include "audit/audit_log.h"
#include "base/crypto.h"
#include "base/one_line.h"

namespace shegong::auth {

namespace {

constexpr const char* kPrincipalColumns =
    "SELECT u.id, u.username, u.role, u.region_code, u.unit_id";

Result<std::optional<Principal>> principal_from(db::Db& db, const std::string& sql,
                                                const db::Params& params, bool via_session,
                                                int64_t* expires_at_ms) {
  std::optional<Principal> out;
  Status st = db.read([&](db::Session& s) {
    auto rows = s.query(sql, params);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    const db::Row& r = (*rows)[0];
    auto role = parse_role(r.text(2));
    if (!role) return Internal("user " + r.text(1) + " has an unknown role");
    Principal p;
    p.user_id = r.integer(0);
    p.username = r.text(1);
    p.role = *role;
    p.jurisdiction = r.text(3);
    p.via_session = via_session;
    p.unit_id = r.integer(4);
    if (via_session) p.csrf_token = r.text(5);
    if (expires_at_ms) *expires_at_ms = r.integer(6);
    out = std::move(p);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// A real hash to compare against when the name is unknown, so both failures take equally long.
const std::string& decoy_hash() {
  static const std::string hash = *crypto::hash_password("decoy password, never valid");
  return hash;
}

}  // namespace

int64_t lockout_ms(int failures, const CredentialOptions& o) {
  if (failures <= o.free_failures) return 0;
  int doublings = std::min(failures - o.free_failures - 1, 30);
  return std::min<int64_t>(2000LL << doublings, o.max_lockout_ms);
}

Result<LoginResult> Credentials::login(std::string_view username_in, std::string_view password) {
  std::string username(username_in);
  int failures = 0;
  int64_t locked_until = 0;
  std::string password_hash;
  std::optional<Principal> principal;
  SHEGONG_RETURN_IF_ERROR(db_.read([&](db::Session& s) {
    auto t = s.query("SELECT failures, locked_until_ms FROM login_throttle WHERE username = ?",
                     {username});
    if (!t.ok()) return t.status();
    if (!t->empty()) {
      failures = static_cast<int>((*t)[0].integer(0));
      locked_until = (*t)[0].integer(1);
    }
    auto u = s.query(
        "SELECT id, username, role, region_code, password_hash, unit_id FROM users "
        "WHERE username = ? AND disabled = 0",
        {username});
    if (!u.ok()) return u.status();
    if (!u->empty()) {
      const db::Row& r = (*u)[0];
      auto role = parse_role(r.text(2));
      if (!role) return Internal("user has an unknown role");
      principal = Principal{r.integer(0), r.text(1), *role, r.text(3), true, {}, r.integer(5)};
      password_hash = r.text(4);
    }
    return Status::Ok();
  }));
  int64_t now = clock_.now_ms();
  if (locked_until > now) {
    int64_t wait_s = (locked_until - now + 999) / 1000;
    return Status(Code::kTooManyRequests,
                  "too many failed logins; try again in " + std::to_string(wait_s) + " s",
                  "username")
        .with_retry_after(wait_s);
  }
  bool good = crypto::verify_password(principal ? password_hash : decoy_hash(), password) &&
              principal.has_value();
  if (!good) {
    SHEGONG_RETURN_IF_ERROR(record_failure(username, failures + 1));
    return Status(Code::kUnauthenticated, "wrong user name or password", "password");
  }

  LoginResult result;
  result.session_id = crypto::random_token();
  result.csrf_token = crypto::random_token();
  result.expires_at_ms = now + options_.session_ttl_ms;
  result.principal = *principal;
  result.principal.csrf_token = result.csrf_token;
  SHEGONG_RETURN_IF_ERROR(db_.write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("DELETE FROM login_throttle WHERE username = ?", {username}).status());
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO sessions(id_hash, user_id, csrf_token, created_at_ms, expires_at_ms) "
               "VALUES(?, ?, ?, ?, ?)",
               {crypto::digest_hex(result.session_id), principal->user_id, result.csrf_token, now,
                result.expires_at_ms})
            .status());
    return audit::append(s, clock_,
                         {principal->actor(), "session.create", principal->actor(), "login"});
  }));
  return result;
}

Status Credentials::record_failure(const std::string& username, int failures) {
  int64_t now = clock_.now_ms();
  int64_t until = now + lockout_ms(failures, options_);
  return db_.write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO login_throttle(username, failures, locked_until_ms) VALUES(?, ?, ?) "
               "ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, "
               "locked_until_ms = excluded.locked_until_ms",
               {username, int64_t{failures}, until})
            .status());
    return audit::append(s, clock_,
                         {"anonymous", "login.failed", "username:" + username,
                          "failures=" + std::to_string(failures)});
  });
}

Status Credentials::logout(std::string_view session_id, const Principal& principal) {
  {
    std::lock_guard lock(cache_mu_);
    cache_.erase(crypto::digest_hex(session_id));
  }
  return db_.write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("DELETE FROM sessions WHERE id_hash = ?", {crypto::digest_hex(session_id)})
            .status());
    return audit::append(s, clock_,
                         {principal.actor(), "session.delete", principal.actor(), "logout"});
  });
}

void Credentials::forget_user(int64_t user_id) {
  std::lock_guard lock(cache_mu_);
  std::erase_if(cache_,
                [&](const auto& entry) { return entry.second.principal.user_id == user_id; });
}

std::optional<Principal> Credentials::cached(const std::string& digest, int64_t now) {
  std::lock_guard lock(cache_mu_);
  auto it = cache_.find(digest);
  if (it == cache_.end()) return std::nullopt;
  if (it->second.until_ms <= now) {
    cache_.erase(it);
    return std::nullopt;
  }
  return it->second.principal;
}

void Credentials::remember(const std::string& digest, const Principal& p, int64_t until) {
  std::lock_guard lock(cache_mu_);
  if (cache_.size() >= 50'000) cache_.clear();  // bounded; refills from the database
  cache_[digest] = {p, until};
}

Result<std::optional<Principal>> Credentials::from_session(std::string_view session_id) {
  if (session_id.empty()) return std::optional<Principal>();
  std::string digest = crypto::digest_hex(session_id);
  int64_t now = clock_.now_ms();
  if (auto hit = cached(digest, now)) return hit;
  int64_t expires = 0;
  auto p = principal_from(db_,
                          std::string(kPrincipalColumns) +
                              ", s.csrf_token, s.expires_at_ms FROM sessions s "
                              "JOIN users u ON u.id = s.user_id "
                              "WHERE s.id_hash = ? AND s.expires_at_ms > ? AND u.disabled = 0",
                          {digest, now}, true, &expires);
  if (p.ok() && p->has_value()) {
    remember(digest, **p, std::min(now + options_.principal_cache_ms, expires));
  }
  return p;
}

Result<std::optional<Principal>> Credentials::from_bearer(std::string_view token) {
  if (token.empty()) return std::optional<Principal>();
  std::string digest = crypto::digest_hex(token);
  int64_t now = clock_.now_ms();
  if (auto hit = cached(digest, now)) return hit;
  auto p = principal_from(db_,
                          std::string(kPrincipalColumns) +
                              " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                              "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0",
                          {digest}, false, nullptr);
  if (p.ok() && p->has_value()) remember(digest, **p, now + options_.principal_cache_ms);
  return p;
}

Result<std::string> Credentials::create_token(std::string_view username, std::string_view label,
                                              const std::string& actor) {
  if (std::string fault = one_line_fault(label, 200); !fault.empty())
    return Invalid("label", "the label " + fault);
  std::string token = "sgt_" + crypto::random_token();
  Status st = db_.write([&](db::Session& s) {
    auto u = s.query("SELECT id FROM users WHERE username = ? AND disabled = 0",
                     {std::string(username)});
    if (!u.ok()) return u.status();
    if (u->empty())
      return Status(Code::kNotFound, "no active user named " + std::string(username), "username");
    int64_t user_id = (*u)[0].integer(0);
    auto id = s.query(
        "INSERT INTO api_tokens(token_hash, user_id, label, created_at_ms) VALUES(?, ?, ?, ?) "
        "RETURNING id",
        {crypto::digest_hex(token), user_id, std::string(label), clock_.now_ms()});
    if (!id.ok()) return id.status();
    return audit::append(s, clock_,
                         {actor, "token.create", "token:" + std::to_string((*id)[0].integer(0)),
                          "user=" + std::to_string(user_id) + ";label=" + std::string(label)});
  });
  if (!st.ok()) return st;
  return token;
}

}  // namespace shegong::auth
