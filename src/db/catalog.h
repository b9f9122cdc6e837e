// What a database holds, read from the engine's own catalog: its tables (in the current schema, on
// PostgreSQL), their columns, primary keys and the tables their foreign keys point to. For the
// commands that treat a database as a whole (copying it to another engine); everything else names
// its tables in SQL.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"

namespace shegong::db {

struct Column {
  std::string name;
  bool identity = false;  // PostgreSQL: a column whose default comes from its own sequence
};

struct TableInfo {
  std::string name;
  std::vector<Column> columns;           // in the table's order
  std::vector<std::string> primary_key;  // column names, in key order; empty when none
  std::vector<std::string> references;   // other tables its foreign keys name, each once
};

// The tables, by name; the engine's own (sqlite_*) are left out.
Result<std::vector<TableInfo>> read_catalog(Db& db);

// The tables in an order where each comes after every table it references (self-references do not
// count); a cycle is an error naming a table on it.
Result<std::vector<TableInfo>> in_reference_order(std::vector<TableInfo> tables);

}  // namespace shegong::db
