// The storage interface every module uses. It is deliberately narrow: SQL with `?` placeholders,
// typed parameters, rows of typed values, and units of work that run in one transaction.
//
// Contract:
//  - write(work) runs `work` in a read-write transaction. When it returns ok, the changes are
//    durable (on disk, fsynced); when `work` returns an error, none of its changes remain. Writes
//    from many threads may share one commit (group commit) but never see each other's uncommitted
//    failures. `work` must not call back into the Db. Write transactions take turns also across
//    processes on one database (a server and a command, two servers).
//  - read(work) runs `work` on a consistent snapshot, concurrently with writes and other reads.
//  - SQL given here must be portable between the engines (SQLite and PostgreSQL): `?` parameters,
//    `INSERT ... RETURNING`, `ON CONFLICT`; engine-specific DDL lives only in the migrations.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "db/value.h"

namespace shegong::db {

class Session {
 public:
  virtual ~Session() = default;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Streams the rows one at a time, for results too large to hold (the whole region tree,
  // exports); stops at the first error `each` returns.
  virtual Status query_each(std::string_view sql, const Params& params,
                            const std::function<Status(const Row&)>& each) = 0;
  // Runs a statement that returns no rows; the result is the number of rows changed.
  virtual Result<int64_t> exec(std::string_view sql, const Params& params = {}) = 0;
  // Bulk insert of many rows with the same statement (e.g. the region import): one prepared
  // statement, executed per row. Engines may use their fastest bulk path.
  virtual Status exec_many(std::string_view sql, const std::vector<Params>& rows) = 0;
  // Several statements without parameters, separated by semicolons (migrations only).
  virtual Status exec_script(std::string_view sql) = 0;
};

using Work = std::function<Status(Session&)>;

class Db {
 public:
  virtual ~Db() = default;
  virtual Status write(const Work& work) = 0;
  virtual Status read(const Work& work) = 0;
  // Writes a consistent copy of the whole database to `path` (which must not exist).
  virtual Status backup_to(const std::string& path) = 0;
  virtual std::string engine() const = 0;
};

struct SqliteOptions {
  std::string path;
  int readers = 4;
  // Upper bound on the units of work that share one commit.
  int max_batch = 512;
  // How long a write waits while another process writes to the same database; past it the write
  // is refused as busy (kUnavailable, HTTP 503) and nothing of it is stored.
  int lock_timeout_ms = 10'000;
};

// Opens (creating if needed) an SQLite database in WAL mode.
Result<std::unique_ptr<Db>> open_sqlite(const SqliteOptions& options);

struct PostgresOptions {
  // A libpq connection string: "host=127.0.0.1 port=5432 dbname=shegong user=shegong" or a
  // postgresql:// URI. The database must exist; `migrate` creates the tables.
  std::string conninfo;
  int readers = 4;
  int max_batch = 512;
  int lock_timeout_ms = 10'000;  // as for SQLite; also a read's wait behind a schema change
};

// Connects to a PostgreSQL server: one writer connection and `readers` reader connections.
Result<std::unique_ptr<Db>> open_postgres(const PostgresOptions& options);

}  // namespace shegong::db
