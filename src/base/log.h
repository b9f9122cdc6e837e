// The project's logging facade: one line per event, "<UTC time> <LEVEL> <message>", on stderr.
// Lines are buffered and written at least every 250 ms (at once for warnings and errors), so that
// an access log line per request costs well under a microsecond of locking on the request path.
#pragma once

#include <string_view>
#include <utility>

#include <fmt/core.h>

namespace shegong::log {

enum class Level { kDebug, kInfo, kWarn, kError };

void set_level(Level level);
bool enabled(Level level);
void write(Level level, std::string_view message);
// Writes whatever is buffered; called at shutdown.
void flush();

template <typename... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(Level::kInfo)) write(Level::kInfo, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void warn(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::kWarn, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::kError, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace shegong::log
