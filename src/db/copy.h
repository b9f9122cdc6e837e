// Copies every row of one database into another of the same schema, on either engine: the trial's
// SQLite file into PostgreSQL for production, or a PostgreSQL database into one SQLite file.
//
// Contract:
//  - The source is read on one snapshot (one read transaction), so the copy is consistent even
//    while a server writes to it.
//  - The destination is written in one write transaction: it holds the whole copy or, after any
//    error, what it held before. The rows it holds in the copied tables (those its migrations
//    filled) are replaced, so that the copy equals the source, ids included; a table that refuses
//    deletes (the audit chain is append-only) must be empty.
//  - Both must list the same tables with the same columns (the same schema version); a difference
//    is an error naming the table, before anything is written.
//  - Sequences behind identity columns (PostgreSQL) are moved past the largest copied id, so that
//    rows added after the copy get new ids.
//  - The row count of every table is checked on both sides before the commit.
//  - Errors name the side they come from, `from` or `to`, unless they name a field of their own.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"

namespace shegong::db {

struct CopyReport;

struct TableCopied {
  std::string table;
  int64_t rows = 0;
};

struct CopyOptions {
  // Tables left out (their rows in the destination stay as they are): e.g. schema_version, which
  // the destination's own migrations wrote.
  std::vector<std::string> skip_tables = {"schema_version"};
  size_t rows_per_batch = 1000;
  // Called first in the destination's write transaction: a refusal there writes nothing (e.g. the
  // destination turned out to hold data of its own).
  std::function<Status(Session&)> check_destination;
  // Called after the rows are in, before the commit, with what was copied: what goes with the copy
  // in the same transaction (an audit record).
  std::function<Status(Session&, const CopyReport&)> before_commit;
  // Called as each table is in (not yet committed), for a person watching a long copy.
  std::function<void(const TableCopied&)> on_table;
};

struct CopyReport {
  std::vector<TableCopied> tables;  // in the order they were copied
  int64_t rows = 0;
  double seconds = 0;
};

Result<CopyReport> copy_database(Db& from, Db& to, const CopyOptions& options = {});

}  // namespace shegong::db
