// Path routing: patterns of literal segments and {name} segments ("/api/v1/regions/{code}").
// The router only matches; what a route admits and does is kept by the caller, indexed by the id
// that add() returns. A path that matches no pattern is 404; one that matches under other methods
// only is 405 with those methods listed for the Allow header.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shegong::http {

struct RouteMatch {
  int route = -1;  // id from add(), or -1
  int status = 0;  // 0 on a match, else 404 or 405
  std::vector<std::pair<std::string, std::string>> params;
  std::string allow;  // for 405: "GET, POST"
};

class Router {
 public:
  // Returns the route's id (0, 1, 2, ... in order of adding).
  int add(std::string method, std::string pattern);
  RouteMatch match(std::string_view method, std::string_view path) const;
  size_t size() const { return routes_.size(); }
  const std::string& method(int route) const { return routes_.at(route).method; }
  const std::string& pattern(int route) const { return routes_.at(route).pattern; }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{x}" marks a parameter
  };
  static bool matches(const Route& route, const std::vector<std::string_view>& parts,
                      std::vector<std::pair<std::string, std::string>>* params);
  std::vector<Route> routes_;
};

}  // namespace shegong::http
