// A parsed HTTP request as the application sees it: plain strings, no Beast types, so that routing,
// middleware and handlers compile without the heavy HTTP headers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shegong::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query, still percent-encoded
  std::string path;    // percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;
  std::string request_id;
  // Filled by the router: values of {name} segments of the matched pattern.
  std::vector<std::pair<std::string, std::string>> params;
  // Set when decoding the target failed (bad percent-encoding or invalid UTF-8).
  bool malformed_target = false;

  // The first value, or empty. Names are case-insensitive for headers.
  std::string_view header(std::string_view name) const;
  std::string_view query_param(std::string_view name) const;
  bool has_query_param(std::string_view name) const;
  std::string_view param(std::string_view name) const;
  std::string_view cookie(std::string_view name) const;
};

// Splits and percent-decodes `target` into path and query; sets malformed_target on bad input.
void parse_target(Request& request);

}  // namespace shegong::http
