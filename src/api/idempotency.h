// Creating at most once per Idempotency-Key: the response to a write sent with the header is
// stored with the caller and key in the same transaction as the write, and a retry of the same
// request gets the stored response (header Idempotent-Replayed: true); the same key with another
// body is refused (409).
#pragma once

#include <functional>

#include "api/app.h"

namespace shegong::api {

// `actor` owns the keys: the signed-in user, or for citizens the public channel and address.
// True when the request repeats one already answered for `actor` under its Idempotency-Key (the
// same key and body): its stored answer will be replayed, so it creates nothing and counts against
// no limit.
bool replays(App& app, const Call& call, const std::string& actor);

http::Response create_once(App& app, Call& call, const std::string& actor,
                           const std::function<Result<http::Response>(db::Session&)>& create);

}  // namespace shegong::api
