#include "auth/users.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "base/mask.h"
#include "base/utf8.h"
#include "regions/region_code.h"

namespace shegong::auth {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr const char* kSelectUser =
    "SELECT id, username, display_name, role, region_code, phone_sealed, disabled, unit_id "
    "FROM users ";

Result<User> user_from_row(const db::Row& r, const crypto::SecretBox& box) {
  User u;
  u.id = r.integer(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  auto role = parse_role(r.text(3));
  if (!role) return Internal("user " + u.username + " has an unknown role " + r.text(3));
  u.role = *role;
  u.jurisdiction = r.text(4);
  if (!r.is_null(5)) {
    auto phone = box.open(r.blob(5));
    if (!phone.ok()) return phone.status();
    u.phone_masked = mask_phone(*phone);
  }
  u.disabled = r.integer(6) != 0;
  u.unit_id = r.integer(7);
  return u;
}

Result<std::optional<User>> find_one(db::Db& db, const crypto::SecretBox& box,
                                     std::string_view where, const std::string& key) {
  std::optional<User> out;
  Status st = db.read([&](db::Session& s) {
    auto rows = s.query(std::string(kSelectUser) + std::string(where), {key});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    auto u = user_from_row((*rows)[0], box);
    if (!u.ok()) return u.status();
    out = std::move(u).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Status validate_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 32) return Invalid("username", "must be 3 to 32 characters");
  bool ok = std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '.' || c == '-';
  });
  if (!ok || u[0] == '.' || u[0] == '-') {
    return Invalid("username",
                   "may hold only a-z, 0-9, '_', '.' and '-', not starting with . or -");
  }
  return Status::Ok();
}

Status validate_password(std::string_view p) {
  if (!is_valid_utf8(p)) return Invalid("password", "is not valid UTF-8");
  if (p.size() < 8) return Invalid("password", "must be at least 8 characters");
  if (p.size() > 256) return Invalid("password", "must be at most 256 bytes");
  return Status::Ok();
}

Status validate_phone(std::string_view p, std::string_view field) {
  std::string f(field);
  // Mobile: 11 digits starting 13-19. Landline: 0, area code of 2-3 digits, optional '-', 7-8
  // digits.
  if (p.size() == 11 && p[0] == '1' && p[1] >= '3' && std::all_of(p.begin(), p.end(), is_digit)) {
    return Status::Ok();
  }
  std::string digits;
  size_t dashes = 0;
  for (char c : p) {
    if (c == '-') {
      ++dashes;
    } else if (is_digit(c)) {
      digits += c;
    } else {
      return Invalid(f, "a phone number has only digits and at most one '-'");
    }
  }
  if (dashes <= 1 && !digits.empty() && digits[0] == '0' && digits.size() >= 10 &&
      digits.size() <= 12) {
    return Status::Ok();
  }
  return Invalid(f,
                 "not a mobile number (11 digits, 13x-19x) or a landline (0 + area code + 7-8 "
                 "digits)");
}

Result<User> create_user(db::Db& db, const Clock& clock, const crypto::SecretBox& box,
                         const NewUser& in, const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(validate_username(in.username));
  SHEGONG_RETURN_IF_ERROR(validate_password(in.password));
  auto role = parse_role(in.role);
  if (!role) return Invalid("role", "unknown role; one of " + std::string(role_names_list()));
  auto candidates = regions::code_candidates(in.region_code, "region");
  if (!candidates.ok()) return candidates.status();
  if (!is_valid_utf8(in.display_name) || in.display_name.size() > 200) {
    return Invalid("display_name", "must be valid UTF-8 of at most 200 bytes");
  }
  if (!in.phone.empty()) SHEGONG_RETURN_IF_ERROR(validate_phone(in.phone));
  auto hash = crypto::hash_password(in.password);
  if (!hash.ok()) return hash.status();

  User user;
  Status st = db.write([&](db::Session& s) {
    // The deepest region the code names (see regions::code_candidates).
    std::optional<std::string> region;
    for (const std::string& c : *candidates) {
      if (c.empty()) {
        region = c;
        break;
      }
      auto found = s.query("SELECT 1 FROM regions WHERE code = ?", {c});
      if (!found.ok()) return found.status();
      if (!found->empty()) {
        region = c;
        break;
      }
    }
    if (!region) {
      return Invalid("region", "no region has the code " + in.region_code +
                                   " (was `shegong import regions` run?)");
    }
    if (in.unit_id != 0) {
      auto unit = s.query("SELECT 1 FROM units WHERE id = ? AND active = 1", {in.unit_id});
      if (!unit.ok()) return unit.status();
      if (unit->empty())
        return Invalid("unit_id", "no active unit has the id " + std::to_string(in.unit_id));
    }
    db::Value sealed = db::null(), phone_hash = db::null();
    if (!in.phone.empty()) {
      sealed = db::Blob{box.seal(in.phone)};
      phone_hash = box.lookup_hash(in.phone);
    }
    auto rows = s.query(
        "INSERT INTO users(username, display_name, role, region_code, password_hash, "
        "phone_sealed, phone_hash, created_at_ms, unit_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(username) DO NOTHING RETURNING id",
        {in.username, in.display_name, std::string(role_name(*role)), *region, *hash, sealed,
         phone_hash, clock.now_ms(), in.unit_id == 0 ? db::null() : db::Value(in.unit_id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Conflict("a user named " + in.username + " exists", "username");
    user.id = (*rows)[0].integer(0);
    user.username = in.username;
    user.display_name = in.display_name;
    user.role = *role;
    user.jurisdiction = *region;
    user.phone_masked = in.phone.empty() ? "" : mask_phone(in.phone);
    user.unit_id = in.unit_id;
    return audit::append(s, clock,
                         {actor, "user.create", "user:" + std::to_string(user.id),
                          "username=" + in.username + ";role=" + in.role + ";region=" + *region});
  });
  if (!st.ok()) return st;
  return user;
}

Result<std::optional<User>> find_user(db::Db& db, const crypto::SecretBox& box,
                                      std::string_view username) {
  return find_one(db, box, "WHERE username = ?", std::string(username));
}

Result<std::optional<User>> find_user_by_phone(db::Db& db, const crypto::SecretBox& box,
                                               std::string_view phone) {
  return find_one(db, box, "WHERE phone_hash = ?", box.lookup_hash(phone));
}

Result<std::optional<User>> find_user_by_id(db::Db& db, const crypto::SecretBox& box, int64_t id) {
  return find_one(db, box, "WHERE id = CAST(? AS INTEGER)", std::to_string(id));
}

Result<User> update_user(db::Db& db, const Clock& clock, const crypto::SecretBox& box, int64_t id,
                         const UserChange& change, const std::string& actor) {
  if (change.role && !parse_role(*change.role)) {
    return Invalid("role", "one of " + std::string(role_names_list()));
  }
  if (change.display_name &&
      (change.display_name->size() > 100 || !is_valid_utf8(*change.display_name))) {
    return Invalid("display_name", "at most 100 bytes of UTF-8");
  }
  std::string region = change.region_code.value_or("");
  std::string what;
  Status st = db.write([&](db::Session& s) {
    auto exists = s.query("SELECT 1 FROM users WHERE id = ?", {id});
    if (!exists.ok()) return exists.status();
    if (exists->empty()) return NotFound("no user has the id " + std::to_string(id));
    if (change.unit_id && *change.unit_id != 0) {
      auto unit = s.query("SELECT 1 FROM units WHERE id = ? AND active = 1", {*change.unit_id});
      if (!unit.ok()) return unit.status();
      if (unit->empty())
        return Invalid("unit_id", "no active unit has the id " + std::to_string(*change.unit_id));
    }
    auto set = [&](const char* column, db::Value v, const std::string& note) -> Status {
      what += (what.empty() ? "" : ",") + note;
      return s
          .exec(std::string("UPDATE users SET ") + column + " = ? WHERE id = ?", {std::move(v), id})
          .status();
    };
    if (change.role) SHEGONG_RETURN_IF_ERROR(set("role", *change.role, "role=" + *change.role));
    if (change.region_code) SHEGONG_RETURN_IF_ERROR(set("region_code", region, "region=" + region));
    if (change.display_name)
      SHEGONG_RETURN_IF_ERROR(set("display_name", *change.display_name, "display_name"));
    if (change.unit_id) {
      SHEGONG_RETURN_IF_ERROR(set("unit_id",
                                  *change.unit_id == 0 ? db::null() : db::Value(*change.unit_id),
                                  "unit=" + std::to_string(*change.unit_id)));
    }
    if (change.disabled) {
      SHEGONG_RETURN_IF_ERROR(
          set("disabled", int64_t{*change.disabled}, *change.disabled ? "disabled" : "enabled"));
      if (*change.disabled) {
        SHEGONG_RETURN_IF_ERROR(s.exec("DELETE FROM sessions WHERE user_id = ?", {id}).status());
      }
    }
    return audit::append(s, clock, {actor, "user.update", "user:" + std::to_string(id), what});
  });
  if (!st.ok()) return st;
  auto user = find_user_by_id(db, box, id);
  if (!user.ok()) return user.status();
  if (!*user) return NotFound("no user has the id " + std::to_string(id));
  return **user;
}

}  // namespace shegong::auth

namespace shegong::auth {

namespace {

Result<std::vector<User>> query_users(db::Db& db, const crypto::SecretBox& box,
                                      std::string_view where, const db::Params& params) {
  std::vector<User> out;
  Status st = db.read([&](db::Session& s) {
    auto rows = s.query(std::string(kSelectUser) + std::string(where), params);
    if (!rows.ok()) return rows.status();
    for (const db::Row& r : *rows) {
      auto u = user_from_row(r, box);
      if (!u.ok()) return u.status();
      out.push_back(std::move(u).value());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace

Result<std::vector<User>> list_users(db::Db& db, const crypto::SecretBox& box,
                                     std::string_view jurisdiction, int64_t limit) {
  // A jurisdiction is a prefix: [j, j + ":") holds every code that starts with j.
  std::string lo(jurisdiction);
  return query_users(db, box, "WHERE region_code >= ? AND region_code < ? ORDER BY id LIMIT ?",
                     {lo, lo + ":", limit});
}

Result<std::vector<User>> list_unit_users(db::Db& db, const crypto::SecretBox& box, int64_t unit_id,
                                          int64_t limit) {
  return query_users(db, box, "WHERE unit_id = ? ORDER BY id LIMIT ?", {unit_id, limit});
}

}  // namespace shegong::auth
