// The SQLite engine: WAL journal with synchronous=FULL, one writer thread that commits queued units
// of work together (db/group_commit.h: one fsync for many writes), and a pool of query-only
// reader connections that read snapshots concurrently with the writer.
#include <sqlite3.h>

#include <unordered_map>

#include "db/db.h"
#include "db/group_commit.h"
#include "db/reader_pool.h"

namespace shegong::db {

namespace {

Status sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  int primary = rc & 0xFF;
  if (primary == SQLITE_CONSTRAINT) return Conflict(msg);
  if (primary == SQLITE_BUSY) {  // another process's write outlasted the lock timeout
    return Status(Code::kUnavailable, msg + " (busy: another process is writing; try again)")
        .with_retry_after(1);
  }
  if (primary == SQLITE_TOOBIG) return Invalid("", msg);
  return Internal(msg);
}

class Connection final : public Session {
 public:
  enum class Mode { kWriter, kReader, kMaintenance };

  static Result<std::unique_ptr<Connection>> open(const std::string& path, Mode mode,
                                                  int lock_timeout_ms = 10'000) {
    bool writer = mode == Mode::kWriter;
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    auto conn = std::unique_ptr<Connection>(new Connection(raw));
    if (rc != SQLITE_OK) return sqlite_error(raw, rc, "open " + path);
    sqlite3_extended_result_codes(raw, 1);
    std::string pragmas = "PRAGMA busy_timeout=" + std::to_string(lock_timeout_ms) +
                          "; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
    // Page cache: 8 MiB for the writer, 16 MiB for each reader (readers share the OS cache). The
    // writer's is small on purpose: the end of every transaction costs time in proportion to it
    // (with 64 MiB, sustained intake fell to about two thirds; bench/hotline/run.sh). Readers
    // also map the file (up to the library's 2 GiB limit), so pages the OS has cached are read in
    // place rather than copied by a system call each (order reads about 5 % faster at 1,000,000).
    if (writer) {
      pragmas += "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-8192;";
    } else if (mode == Mode::kReader) {
      pragmas += "PRAGMA query_only=1; PRAGMA cache_size=-16384; PRAGMA mmap_size=2147418112;";
    }
    SHEGONG_RETURN_IF_ERROR(conn->exec_script(pragmas));
    return conn;
  }

  ~Connection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto stmt = prepare_and_bind(sql, params);
    if (!stmt.ok()) return stmt.status();
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) rows.emplace_back(read_row(*stmt));
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return sqlite_error(db_, rc, "query");
    return rows;
  }

  Status query_each(std::string_view sql, const Params& params,
                    const std::function<Status(const Row&)>& each) override {
    auto stmt = prepare_and_bind(sql, params);
    if (!stmt.ok()) return stmt.status();
    int rc;
    Status st;
    while (st.ok() && (rc = sqlite3_step(*stmt)) == SQLITE_ROW) st = each(read_row(*stmt));
    sqlite3_reset(*stmt);
    if (!st.ok()) return st;
    if (rc != SQLITE_DONE) return sqlite_error(db_, rc, "query");
    return Status::Ok();
  }

  Result<int64_t> exec(std::string_view sql, const Params& params) override {
    auto stmt = prepare_and_bind(sql, params);
    if (!stmt.ok()) return stmt.status();
    int rc;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return sqlite_error(db_, rc, "exec");
    return static_cast<int64_t>(sqlite3_changes64(db_));
  }

  Status exec_many(std::string_view sql, const std::vector<Params>& rows) override {
    for (const Params& params : rows) {
      auto stmt = prepare_and_bind(sql, params);
      if (!stmt.ok()) return stmt.status();
      int rc = sqlite3_step(*stmt);
      sqlite3_reset(*stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sqlite_error(db_, rc, "exec_many");
    }
    return Status::Ok();
  }

  Status exec_script(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);  // the same text as sqlite3_errmsg, which sqlite_error reads
    if (rc != SQLITE_OK) return sqlite_error(db_, rc, "script");
    return Status::Ok();
  }

  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  Result<sqlite3_stmt*> prepare_and_bind(std::string_view sql, const Params& params) {
    auto it = statements_.find(sql);
    sqlite3_stmt* stmt;
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return sqlite_error(db_, rc, "prepare");
      statements_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                      " parameters, got " + std::to_string(params.size()));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(stmt, idx);
      }
      if (rc != SQLITE_OK) return sqlite_error(db_, rc, "bind");
    }
    return stmt;
  }

  static Row read_row(sqlite3_stmt* stmt) {
    int n = sqlite3_column_count(stmt);
    std::vector<Value> cols;
    cols.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
          cols.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
          break;
        case SQLITE_FLOAT:
          cols.emplace_back(sqlite3_column_double(stmt, i));
          break;
        case SQLITE_TEXT:
          cols.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                                        sqlite3_column_bytes(stmt, i)));
          break;
        case SQLITE_BLOB: {
          const char* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
          cols.emplace_back(Blob{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))});
          break;
        }
        default:
          cols.emplace_back(std::monostate{});
      }
    }
    return Row(std::move(cols));
  }

  sqlite3* db_;
  // Looked up by the SQL text without copying it (C++20 heterogeneous lookup).
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>()(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, std::unique_ptr<Connection> writer,
           std::vector<std::unique_ptr<Session>> readers, int max_batch)
      : path_(std::move(path)),
        writer_conn_(std::move(writer)),
        writer_(*writer_conn_, {.begin = "BEGIN IMMEDIATE", .max_batch = max_batch}),
        readers_(std::move(readers), ReaderPool::statements("BEGIN")) {}

  Status write(const Work& work) override { return writer_.write(work); }
  Status read(const Work& work) override { return readers_.read(work); }

  // VACUUM INTO writes a consistent snapshot; it cannot run inside a transaction or on a
  // query-only connection, so it gets a connection of its own.
  Status backup_to(const std::string& path) override {
    auto conn = Connection::open(path_, Connection::Mode::kMaintenance);
    if (!conn.ok()) return conn.status();
    return (*conn)->exec("VACUUM INTO ?", {path}).status();
  }

  std::string engine() const override { return "sqlite"; }

 private:
  std::string path_;
  std::unique_ptr<Connection> writer_conn_;
  GroupCommitWriter writer_;  // after the connection it uses, so that it stops first
  ReaderPool readers_;
};

}  // namespace

Result<std::unique_ptr<Db>> open_sqlite(const SqliteOptions& options) {
  // Before the library starts: without memory statistics every allocation SQLite makes skips a
  // process-wide mutex, which readers on several threads would otherwise take in turn. (Too late
  // if something else started the library first; then the defaults stay.)
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return sqlite3_initialize() == SQLITE_OK;
  }();
  (void)configured;
  auto writer = Connection::open(options.path, Connection::Mode::kWriter, options.lock_timeout_ms);
  if (!writer.ok()) return writer.status();
  std::vector<std::unique_ptr<Session>> readers;
  for (int i = 0; i < options.readers; ++i) {
    auto r = Connection::open(options.path, Connection::Mode::kReader, options.lock_timeout_ms);
    if (!r.ok()) return r.status();
    readers.push_back(std::move(r).value());
  }
  return std::unique_ptr<Db>(
      new SqliteDb(options.path, std::move(writer).value(), std::move(readers), options.max_batch));
}

}  // namespace shegong::db
