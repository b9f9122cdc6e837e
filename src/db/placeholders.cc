#include "db/placeholders.h"

namespace shegong::db {

PortableSql translate_placeholders(std::string_view sql) {
  PortableSql out;
  out.sql.reserve(sql.size() + 16);
  size_t i = 0;
  auto copy_until = [&](std::string_view end) {
    size_t at = sql.find(end, i);
    size_t stop = at == std::string_view::npos ? sql.size() : at + end.size();
    out.sql.append(sql.substr(i, stop - i));
    i = stop;
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      // A doubled quote inside a literal closes it and opens it again: the same result.
      out.sql.push_back(c);
      ++i;
      copy_until(std::string_view(&c, 1));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      out.sql.append("/*");
      i += 2;
      copy_until("*/");
    } else if (c == '?') {
      out.sql += "$" + std::to_string(++out.parameters);
      ++i;
    } else {
      out.sql.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace shegong::db
