#include "http/router.h"

namespace shegong::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(i, end - i));
    i = end;
  }
  return parts;
}

bool is_param(std::string_view seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

}  // namespace

int Router::add(std::string method, std::string pattern) {
  Route r{std::move(method), std::move(pattern), {}};
  for (std::string_view seg : split_path(r.pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
  return static_cast<int>(routes_.size()) - 1;
}

bool Router::matches(const Route& route, const std::vector<std::string_view>& parts,
                     std::vector<std::pair<std::string, std::string>>* params) {
  if (route.segments.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = route.segments[i];
    if (is_param(seg)) continue;
    if (seg != parts[i]) return false;
  }
  if (params) {
    params->clear();
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string& seg = route.segments[i];
      if (is_param(seg)) params->emplace_back(seg.substr(1, seg.size() - 2), parts[i]);
    }
  }
  return true;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch m;
  auto parts = split_path(path);
  // Literal segments win over parameters: the best match has the most literal segments.
  int best = -1;
  size_t best_literals = 0;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    if (!matches(r, parts, nullptr)) continue;
    // HEAD is served by GET routes.
    bool method_ok = r.method == method || (method == "HEAD" && r.method == "GET");
    if (!method_ok) {
      if (m.allow.find(r.method) == std::string::npos) {
        if (!m.allow.empty()) m.allow += ", ";
        m.allow += r.method;
      }
      continue;
    }
    size_t literals = 0;
    for (const auto& seg : r.segments) literals += is_param(seg) ? 0 : 1;
    if (best < 0 || literals > best_literals) {
      best = static_cast<int>(i);
      best_literals = literals;
    }
  }
  if (best >= 0) {
    m.route = best;
    m.allow.clear();
    matches(routes_[best], parts, &m.params);
    return m;
  }
  m.status = m.allow.empty() ? 404 : 405;
  return m;
}

}  // namespace shegong::http
