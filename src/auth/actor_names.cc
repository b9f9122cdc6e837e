#include "auth/actor_names.h"

#include <charconv>
#include <mutex>
#include <unordered_map>

namespace shegong::auth {

namespace {

struct Cached {
  std::string name;
  int64_t loaded_at_ms;
};

std::mutex g_mu;
std::unordered_map<int64_t, Cached> g_names;

}  // namespace

std::string actor_display_name(db::Session& s, std::string_view actor, int64_t now_ms) {
  if (actor == "system") return "系统";
  if (actor == "public" || actor == "requester" || actor == "petitioner") return "群众";
  if (actor == "demo") return "演示数据";
  if (actor.substr(0, 5) != "user:") return std::string(actor);
  int64_t id = 0;
  auto digits = actor.substr(5);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::string(actor);
  if (id == 0) return "演示数据";  // generated demo data acts as a staff member of no account
  {
    std::lock_guard lock(g_mu);
    auto it = g_names.find(id);
    if (it != g_names.end() && now_ms - it->second.loaded_at_ms < 60'000) return it->second.name;
  }
  auto rows = s.query("SELECT display_name, username FROM users WHERE id = ?", {id});
  if (!rows.ok() || rows->empty()) return std::string(actor);
  std::string name = (*rows)[0].text(0).empty() ? (*rows)[0].text(1) : (*rows)[0].text(0);
  std::lock_guard lock(g_mu);
  if (g_names.size() > 100'000) g_names.clear();
  g_names[id] = {name, now_ms};
  return name;
}

}  // namespace shegong::auth
