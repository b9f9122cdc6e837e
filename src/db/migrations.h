// Numbered schema migrations. Each runs once, in its own transaction, and is recorded in
// schema_version; `migrate` is safe to call at every start, also by several processes starting on
// one database at once (each step is applied by exactly one of them). The DDL is per engine (see
// migrations_sqlite.cc, migrations_postgres.cc); everything above the migrations uses portable SQL.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/clock.h"
#include "db/db.h"

namespace shegong::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

struct MigrateReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;
};

Result<MigrateReport> migrate(Db& db, const Clock& clock);
// Highest applied version, 0 for an empty database.
Result<int> schema_version(Db& db);
// Whether the database has a table of this name (in the current schema, on PostgreSQL).
Result<bool> has_table(Db& db, const std::string& name);

}  // namespace shegong::db
