// The SQLite schema, one migration per step. Never edit a migration that has shipped; add one.
#include "db/migrations.h"

namespace shegong::db {

namespace {

constexpr Migration kMigrations[] = {
    {1, "regions", R"sql(
-- The national region tree. `code` is the statistical code without its trailing zero groups
-- (2, 4, 6, 9 or 12 digits), so that a jurisdiction is a prefix of every code below it.
CREATE TABLE regions(
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  level  INTEGER NOT NULL,   -- 1 province, 2 city, 3 district, 4 street/township, 5 community/village
  parent TEXT NOT NULL       -- '' for provinces (the parent is the whole country)
) WITHOUT ROWID;
CREATE INDEX regions_parent ON regions(parent, code);
)sql"},
    {2, "users_sessions_tokens", R"sql(
CREATE TABLE users(
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL,
  region_code   TEXT NOT NULL,   -- short code; '' is the whole country
  password_hash TEXT NOT NULL,
  phone_sealed  BLOB,            -- personal data: encrypted (base/crypto.h SecretBox)
  phone_hash    TEXT,            -- keyed hash of the phone number, for exact lookup
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL
);
CREATE INDEX users_region ON users(region_code);
CREATE INDEX users_phone_hash ON users(phone_hash);

-- Browser sessions. Only a digest of the cookie value is stored.
CREATE TABLE sessions(
  id_hash       TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  csrf_token    TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Bearer tokens for integrations. Only a digest of the token is stored.
CREATE TABLE api_tokens(
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  label         TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0
);

-- Failed logins per user name (known or not, so that probing names teaches nothing).
CREATE TABLE login_throttle(
  username        TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  locked_until_ms INTEGER NOT NULL
);
)sql"},
    {3, "audit_log", R"sql(
-- Append-only, hash-chained record of every write: hash = digest(prev_hash, the row's fields).
CREATE TABLE audit_log(
  id        INTEGER PRIMARY KEY,
  at_ms     INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL,
  digest    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql"},
};

}  // namespace

std::span<const Migration> sqlite_migrations() { return kMigrations; }

}  // namespace shegong::db
