// Serves the built browser UI from a directory. Paths without a file extension fall back to
// index.html (the single-page app routes on the client). Hashed assets under /assets/ are cached
// for a year; index.html is revalidated on every load so a new release shows at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/response.h"

namespace shegong::http {

std::optional<Response> serve_static(const std::string& root, std::string_view path);

}  // namespace shegong::http
