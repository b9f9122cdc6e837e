// The portable SQL's `?` placeholders in PostgreSQL's numbered form: `?` becomes `$1`, `$2`, ...
// in order. A `?` inside a string literal ('...', with '' for a quote), a quoted identifier
// ("..."), or a comment (-- to the end of the line, /* ... */) is left as it is.
#pragma once

#include <string>
#include <string_view>

namespace shegong::db {

struct PortableSql {
  std::string sql;
  int parameters = 0;
};

PortableSql translate_placeholders(std::string_view sql);

}  // namespace shegong::db
