#include "api/idempotency.h"

#include "base/crypto.h"
#include "http/error_response.h"

namespace shegong::api {

namespace {

bool valid_idempotency_key(std::string_view k) {
  if (k.empty() || k.size() > 128) return false;
  for (char c : k) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

bool replays(App& app, const Call& call, const std::string& actor) {
  std::string key(call.request.header("idempotency-key"));
  if (!valid_idempotency_key(key)) return false;
  bool seen = false;
  Status st = app.db().read([&](db::Session& s) {
    auto rows = s.query("SELECT request_digest FROM idempotency_keys WHERE actor = ? AND key = ?",
                        {actor, key});
    if (!rows.ok()) return rows.status();
    seen = !rows->empty() && (*rows)[0].text(0) == crypto::digest_hex(call.request.body);
    return Status::Ok();
  });
  return st.ok() && seen;
}

http::Response create_once(App& app, Call& call, const std::string& actor,
                           const std::function<Result<http::Response>(db::Session&)>& create) {
  std::string key(call.request.header("idempotency-key"));
  if (!key.empty() && !valid_idempotency_key(key)) {
    return http::error_response(Invalid("Idempotency-Key", "1 to 128 visible ASCII characters"));
  }
  std::string digest = crypto::digest_hex(call.request.body);
  http::Response response;
  Status st = app.db().write([&](db::Session& s) {
    if (!key.empty()) {
      auto seen = s.query(
          "SELECT request_digest, status, body FROM idempotency_keys WHERE actor = ? AND key = ?",
          {actor, key});
      if (!seen.ok()) return seen.status();
      if (!seen->empty()) {
        if ((*seen)[0].text(0) != digest) {
          return Conflict("this Idempotency-Key was used for a different request",
                          "Idempotency-Key");
        }
        response =
            http::Response::json(static_cast<int>((*seen)[0].integer(1)), (*seen)[0].text(2));
        response.set_header("Idempotent-Replayed", "true");
        return Status::Ok();
      }
    }
    auto created = create(s);
    if (!created.ok()) return created.status();
    response = std::move(*created);
    if (key.empty()) return Status::Ok();
    return s
        .exec(
            "INSERT INTO idempotency_keys(actor, key, request_digest, status, body, created_at_ms) "
            "VALUES(?, ?, ?, ?, ?, ?)",
            {actor, key, digest, int64_t{response.status}, response.body, app.clock().now_ms()})
        .status();
  });
  if (!st.ok()) return http::error_response(st);
  return response;
}

}  // namespace shegong::api
