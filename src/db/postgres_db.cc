// The PostgreSQL engine, through libpq: one writer connection that commits queued units of work
// together (db/group_commit.h), as the SQLite engine does, and a pool of reader connections whose
// units each read one REPEATABLE READ snapshot.
//
// The SQL the modules write is the portable subset (db/db.h); here its `?` placeholders become
// `$1, $2, ...` and each statement is prepared once per connection and type signature. Parameters
// are typed (bigint, double precision, text, bytea; NULL left for the server to infer), and result
// columns come back as the values the SQLite engine gives: integers for the integer types and
// booleans, doubles for floating point, numeric as an integer when it has no fraction (sum() of
// bigints), bytes for bytea, text for everything else.
#include <libpq-fe.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <span>
#include <unordered_map>
#include <utility>

#include "db/db.h"
#include "db/group_commit.h"
#include "db/placeholders.h"
#include "db/reader_pool.h"

namespace shegong::db {

namespace {

// Type OIDs of the built-in types (src/include/catalog/pg_type.dat), fixed for all servers.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kOid = 26,
              kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

Status postgres_error(const PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string detail = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  std::string msg = std::string(what) + ": " + detail;
  std::string_view sqlstate = state ? state : "";
  if (sqlstate.starts_with("23")) return Conflict(msg);  // integrity constraint violation
  if (sqlstate == "54000" || sqlstate == "22001") return Invalid("", msg);  // too big, too long
  if (sqlstate == "55P03") {  // lock_timeout: another process's write outlasted it
    return Status(Code::kUnavailable, msg + " (busy: another process is writing; try again)")
        .with_retry_after(1);
  }
  // Connection exceptions, and the server shutting down or ending the session (57P01-57P03): the
  // next request opens a new connection.
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P") ||
      PQstatus(conn) == CONNECTION_BAD) {
    return Status(Code::kUnavailable, msg).with_retry_after(1);
  }
  return Internal(msg);
}

Value read_value(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate{};
  const char* text = PQgetvalue(res, row, col);
  int length = PQgetlength(res, row, col);
  switch (PQftype(res, col)) {
    case kBool:
      return int64_t{text[0] == 't' ? 1 : 0};
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
      return static_cast<int64_t>(std::strtoll(text, nullptr, 10));
    case kFloat4:
    case kFloat8:
      return std::strtod(text, nullptr);
    case kNumeric: {
      if (std::strpbrk(text, ".eEN") == nullptr) {  // no fraction, exponent or NaN
        errno = 0;
        long long n = std::strtoll(text, nullptr, 10);
        if (errno == 0) return static_cast<int64_t>(n);
      }
      return std::strtod(text, nullptr);
    }
    case kBytea: {
      size_t n = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      if (bytes == nullptr) return Blob{};
      Blob blob{std::string(reinterpret_cast<const char*>(bytes), n)};
      PQfreemem(bytes);
      return blob;
    }
    default:
      return std::string(text, static_cast<size_t>(length));
  }
}

Row read_row(const PGresult* res, int row) {
  int n = PQnfields(res);
  std::vector<Value> cols;
  cols.reserve(n);
  for (int c = 0; c < n; ++c) cols.push_back(read_value(res, row, c));
  return Row(std::move(cols));
}

class Connection final : public Session {
 public:
  static Result<std::unique_ptr<Connection>> open(const std::string& conninfo,
                                                  int lock_timeout_ms) {
    auto conn =
        std::unique_ptr<Connection>(new Connection(PQconnectdb(conninfo.c_str()), lock_timeout_ms));
    SHEGONG_RETURN_IF_ERROR(conn->check_connected());
    return conn;
  }

  ~Connection() override { PQfinish(conn_); }

  // A connection the server closed (a restart, a failover) is opened again between units of
  // work; the statements it had prepared are gone with it.
  Status ensure_connected() {
    (void)settle();  // a failure shows in the connection's status
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    statements_.clear();
    PQreset(conn_);
    return check_connected();
  }

  bool lost() const { return PQstatus(conn_) != CONNECTION_OK; }

  // A reader's transaction costs no round trip of its own: BEGIN is sent in one pipeline with the
  // unit's first statement, and COMMIT is sent without waiting for its answer, which is read
  // before the connection's next use. The server ends the transaction at once all the same.
  Status begin_with_first_statement(std::string begin) {
    deferred_begin_ = std::move(begin);
    return Status::Ok();
  }
  Status commit_without_waiting() {
    deferred_begin_.clear();
    SHEGONG_RETURN_IF_ERROR(settle());
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return Status::Ok();  // nothing was read
    if (PQsendQuery(conn_, "COMMIT") != 1) return postgres_error(nullptr, conn_, "commit");
    commit_pending_ = true;
    return Status::Ok();
  }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto res = run(sql, params);
    if (!res.ok()) return res.status();
    Rows rows;
    int n = PQntuples(res->get());
    rows.reserve(n);
    for (int r = 0; r < n; ++r) rows.push_back(read_row(res->get(), r));
    return rows;
  }

  // The rows come through a cursor, kFetchRows at a time, so memory stays bounded however many
  // match (the repeat index reads 90 days of orders at start), and `each` may run other
  // statements on this session meanwhile, query_each among them. A cursor lives only inside a
  // transaction; outside one (a maintenance session) the rows are read at once.
  Status query_each(std::string_view sql, const Params& params,
                    const std::function<Status(const Row&)>& each) override {
    SHEGONG_RETURN_IF_ERROR(settle());
    if (deferred_begin_.empty() && PQtransactionStatus(conn_) != PQTRANS_INTRANS) {
      auto res = run(sql, params);
      if (!res.ok()) return res.status();
      return hand_over(res->get(), each);
    }
    // Cursors of query_each calls inside each other's `each` are open together: one name per
    // depth, so that the statements that open them are prepared once.
    const std::string cursor = "shegong_each_" + std::to_string(open_cursors_);
    auto declared = run("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + std::string(sql), params);
    if (!declared.ok()) return declared.status();
    ++open_cursors_;
    const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM " + cursor;
    Status st;
    for (int got = kFetchRows; st.ok() && got == kFetchRows;) {
      ResultPtr batch(PQexec(conn_, fetch.c_str()), &PQclear);
      st = check(batch.get());
      if (!st.ok()) break;
      got = PQntuples(batch.get());
      st = hand_over(batch.get(), each);
    }
    --open_cursors_;
    // A transaction in error has closed it already, and refuses the CLOSE.
    if (PQtransactionStatus(conn_) != PQTRANS_INTRANS) return st;
    ResultPtr closed(PQexec(conn_, ("CLOSE " + cursor).c_str()), &PQclear);
    Status close = check(closed.get());
    return st.ok() ? close : st;
  }

  Result<int64_t> exec(std::string_view sql, const Params& params) override {
    auto res = run(sql, params);
    if (!res.ok()) return res.status();
    // COMMIT of a transaction in which a statement failed ends it with ROLLBACK and no error: the
    // writer must not report such a unit as stored.
    if (sql == "COMMIT" && std::string_view(PQcmdStatus(res->get())) == "ROLLBACK") {
      return Internal("postgresql: the transaction was rolled back, a statement in it had failed");
    }
    const char* changed = PQcmdTuples(res->get());
    return static_cast<int64_t>(changed[0] ? std::strtoll(changed, nullptr, 10) : 0);
  }

  Status exec_many(std::string_view sql, const std::vector<Params>& rows) override {
    constexpr size_t kChunk = 512;
    for (size_t at = 0; at < rows.size(); at += kChunk) {
      std::span<const Params> chunk(rows.data() + at, std::min(kChunk, rows.size() - at));
      SHEGONG_RETURN_IF_ERROR(run_pipelined(sql, chunk));
    }
    return Status::Ok();
  }

  Status exec_script(std::string_view sql) override {
    SHEGONG_RETURN_IF_ERROR(settle());
    if (!deferred_begin_.empty()) {
      SHEGONG_RETURN_IF_ERROR(exec_script(std::exchange(deferred_begin_, {})));
    }
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()), &PQclear);
    ExecStatusType status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return postgres_error(res.get(), conn_, "script");
    }
    return Status::Ok();
  }

 private:
  struct Prepared {
    std::string name;
    int parameters;
  };

  Connection(PGconn* conn, int lock_timeout_ms) : conn_(conn), lock_timeout_ms_(lock_timeout_ms) {}

  Status check_connected() {
    if (conn_ == nullptr) return {Code::kUnavailable, "postgresql: out of memory"};
    if (PQstatus(conn_) != CONNECTION_OK) return postgres_error(nullptr, conn_, "connect");
    // Times in UTC (the SQL never relies on the session's time zone), notices such as "already
    // exists, skipping" kept off the program's standard error, query_each's cursors planned to
    // read every row (as the query alone would be, not for the first tenth of them), and waits
    // for a lock bounded.
    std::string configure =
        "SET TIME ZONE 'UTC'; SET client_min_messages TO warning; "
        "SET cursor_tuple_fraction = 1; SET lock_timeout = " +
        std::to_string(lock_timeout_ms_);
    ResultPtr res(PQexec(conn_, configure.c_str()), &PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return postgres_error(res.get(), conn_, "configure session");
    }
    return Status::Ok();
  }

  static Oid type_of(const Value& v) {
    if (std::holds_alternative<int64_t>(v)) return kInt8;
    if (std::holds_alternative<double>(v)) return kFloat8;
    if (std::holds_alternative<std::string>(v)) return kText;
    if (std::holds_alternative<Blob>(v)) return kBytea;
    return 0;  // NULL: the server infers the type from where it is used
  }

  Result<const Prepared*> prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    key.push_back('\0');
    for (const Value& v : params) key.push_back(static_cast<char>('0' + v.index()));
    auto it = statements_.find(key);
    if (it != statements_.end()) return &it->second;
    PortableSql translated = translate_placeholders(sql);
    if (translated.parameters != static_cast<int>(params.size())) {
      return Internal("statement expects " + std::to_string(translated.parameters) +
                      " parameters, got " + std::to_string(params.size()));
    }
    std::vector<Oid> types;
    for (const Value& v : params) types.push_back(type_of(v));
    Prepared prepared{"s" + std::to_string(++prepared_count_), translated.parameters};
    ResultPtr res(PQprepare(conn_, prepared.name.c_str(), translated.sql.c_str(),
                            static_cast<int>(types.size()), types.data()),
                  &PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) {
      return postgres_error(res.get(), conn_, "prepare");
    }
    return &statements_.emplace(std::move(key), std::move(prepared)).first->second;
  }

  // Parameters in libpq's form: pointers into the given values and into `texts`.
  struct Bound {
    std::vector<std::string> texts;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
  };

  static Status bind(const Params& params, Bound& out) {
    out.texts.assign(params.size(), {});
    out.values.assign(params.size(), nullptr);
    out.lengths.assign(params.size(), 0);
    out.formats.assign(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        out.texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        out.texts[i] = buf;
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        if (s->find('\0') != std::string::npos) {
          return Invalid("", "text may not contain a NUL character");
        }
        out.values[i] = s->c_str();
        continue;
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        out.values[i] = b->bytes.data();
        out.lengths[i] = static_cast<int>(b->bytes.size());
        out.formats[i] = 1;  // binary: the bytes as they are
        continue;
      } else {
        continue;  // NULL
      }
      out.values[i] = out.texts[i].c_str();
    }
    return Status::Ok();
  }

  static Status hand_over(const PGresult* res, const std::function<Status(const Row&)>& each) {
    const int n = PQntuples(res);
    for (int r = 0; r < n; ++r) SHEGONG_RETURN_IF_ERROR(each(read_row(res, r)));
    return Status::Ok();
  }

  Status check(const PGresult* res) {
    ExecStatusType status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::Ok();
    return postgres_error(res, conn_, "query");
  }

  // Statements are prepared once per connection and kept; SQL built with values inside it would
  // make that list grow without end, so past a bound it starts afresh. Only between statements:
  // a pipelined chunk holds statements prepared for it.
  void bound_statement_cache() {
    constexpr size_t kMaxStatements = 2000;
    if (statements_.size() < kMaxStatements || PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      return;
    }
    ResultPtr res(PQexec(conn_, "DEALLOCATE ALL"), &PQclear);
    if (PQresultStatus(res.get()) == PGRES_COMMAND_OK) statements_.clear();
  }

  Result<ResultPtr> run(std::string_view sql, const Params& params) {
    SHEGONG_RETURN_IF_ERROR(settle());
    if (deferred_begin_.empty()) return run_prepared(sql, params, nullptr);
    std::string begin = std::exchange(deferred_begin_, {});
    auto res = run_prepared(sql, params, &begin);
    if (res.ok() || PQstatus(conn_) == CONNECTION_OK) return res;
    // The connection was found gone as the transaction opened: nothing of the unit has run on
    // the server nor been seen by it, so open the connection again and send both once more.
    SHEGONG_RETURN_IF_ERROR(ensure_connected());
    return run_prepared(sql, params, &begin);
  }

  // Runs one prepared statement; with `begin`, that goes first, in one pipeline with it.
  Result<ResultPtr> run_prepared(std::string_view sql, const Params& params,
                                 const std::string* begin) {
    bound_statement_cache();
    auto prepared = prepare(sql, params);
    if (!prepared.ok()) return prepared.status();
    Bound b;
    SHEGONG_RETURN_IF_ERROR(bind(params, b));
    const int n = static_cast<int>(params.size());
    const char* name = (*prepared)->name.c_str();
    if (begin == nullptr) {
      ResultPtr res(
          PQexecPrepared(conn_, name, n, b.values.data(), b.lengths.data(), b.formats.data(), 0),
          &PQclear);
      SHEGONG_RETURN_IF_ERROR(check(res.get()));
      return res;
    }
    if (PQenterPipelineMode(conn_) != 1) return postgres_error(nullptr, conn_, "pipeline");
    ResultPtr opened(nullptr, &PQclear), res(nullptr, &PQclear);
    bool sent =
        PQsendQueryParams(conn_, begin->c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
        PQsendQueryPrepared(conn_, name, n, b.values.data(), b.lengths.data(), b.formats.data(),
                            0) == 1 &&
        PQpipelineSync(conn_) == 1;
    if (sent) {
      opened.reset(next_result());
      res.reset(next_result());
      while (PGresult* rest = PQgetResult(conn_)) {  // the sync
        bool synced = PQresultStatus(rest) == PGRES_PIPELINE_SYNC;
        PQclear(rest);
        if (synced) break;
      }
    }
    PQexitPipelineMode(conn_);
    if (!sent || opened == nullptr) return postgres_error(opened.get(), conn_, "begin");
    SHEGONG_RETURN_IF_ERROR(check(opened.get()));
    SHEGONG_RETURN_IF_ERROR(check(res.get()));
    return res;
  }

  // In a pipeline: the result of the next query, having read the end of it.
  PGresult* next_result() {
    PGresult* res = PQgetResult(conn_);
    if (res != nullptr) {
      while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
    }
    return res;
  }

  // Reads the answer to a COMMIT sent without waiting.
  Status settle() {
    if (!std::exchange(commit_pending_, false)) return Status::Ok();
    Status st;
    while (PGresult* res = PQgetResult(conn_)) {
      if (st.ok()) st = check(res);
      PQclear(res);
    }
    return st;
  }

  // Sends the statements of `rows` without waiting for each answer (libpq's pipeline mode), in
  // chunks small enough that the answers never fill the socket while statements are still being
  // sent. The first error is the result; the server skips the rest of the chunk after it.
  Status run_pipelined(std::string_view sql, std::span<const Params> rows) {
    SHEGONG_RETURN_IF_ERROR(settle());
    bound_statement_cache();
    std::vector<const Prepared*> plan;
    for (const Params& params : rows) {
      auto prepared = prepare(sql, params);
      if (!prepared.ok()) return prepared.status();
      plan.push_back(*prepared);
    }
    if (PQenterPipelineMode(conn_) != 1) return postgres_error(nullptr, conn_, "pipeline");
    Status first;
    size_t sent = 0;
    for (size_t i = 0; i < rows.size() && first.ok(); ++i) {
      Bound b;
      first = bind(rows[i], b);
      if (!first.ok()) break;
      if (PQsendQueryPrepared(conn_, plan[i]->name.c_str(), static_cast<int>(rows[i].size()),
                              b.values.data(), b.lengths.data(), b.formats.data(), 0) != 1) {
        first = postgres_error(nullptr, conn_, "pipeline");
        break;
      }
      ++sent;
    }
    PQpipelineSync(conn_);
    for (size_t i = 0; i < sent; ++i) {
      ResultPtr res(PQgetResult(conn_), &PQclear);
      if (first.ok() && PQresultStatus(res.get()) != PGRES_PIPELINE_ABORTED) {
        first = check(res.get());
      }
      while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);  // to the end of this query
    }
    while (PGresult* res = PQgetResult(conn_)) {  // the sync
      bool synced = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
      PQclear(res);
      if (synced) break;
    }
    PQexitPipelineMode(conn_);
    return first;
  }

  PGconn* conn_;
  int lock_timeout_ms_;
  std::string deferred_begin_;   // a reader's BEGIN, sent with the unit's first statement
  bool commit_pending_ = false;  // a reader's COMMIT was sent and its answer not yet read
  static constexpr int kFetchRows = 2000;
  int open_cursors_ = 0;  // query_each calls under way on this connection
  std::unordered_map<std::string, Prepared> statements_;
  uint64_t prepared_count_ = 0;  // names stay unique after the cache starts afresh
};

// Writes are serialised across processes too (a server and a command, or two servers, on one
// database), as SQLite's BEGIN IMMEDIATE does: each write transaction first takes an advisory lock
// for the schema, held until it ends.
constexpr const char* kBeginWrite =
    "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('shegong.write.' || current_schema(), "
    "0))";

class PostgresDb final : public Db {
 public:
  PostgresDb(std::unique_ptr<Connection> writer, std::vector<std::unique_ptr<Session>> readers,
             int max_batch)
      : writer_conn_(std::move(writer)),
        writer_(*writer_conn_,
                {.begin = kBeginWrite,
                 .max_batch = max_batch,
                 .before_transaction = [this] { return writer_conn_->ensure_connected(); },
                 .connection_lost = [this] { return writer_conn_->lost(); }}),
        readers_(
            std::move(readers),
            {.open =
                 [](Session& s) {
                   auto& reader = static_cast<Connection&>(s);
                   SHEGONG_RETURN_IF_ERROR(reader.ensure_connected());
                   return reader.begin_with_first_statement(
                       "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                 },
             .close =
                 [](Session& s) { return static_cast<Connection&>(s).commit_without_waiting(); }}) {
  }

  Status write(const Work& work) override { return writer_.write(work); }
  Status read(const Work& work) override { return readers_.read(work); }

  Status backup_to(const std::string&) override {
    return {Code::kInvalidArgument,
            "a PostgreSQL database is backed up with the server's own tools (pg_dump, or "
            "pg_basebackup with WAL archiving), not by shegong",
            "db"};
  }

  std::string engine() const override { return "postgresql"; }

 private:
  std::unique_ptr<Connection> writer_conn_;
  GroupCommitWriter writer_;  // after the connection it uses, so that it stops first
  ReaderPool readers_;
};

}  // namespace

Result<std::unique_ptr<Db>> open_postgres(const PostgresOptions& options) {
  auto writer = Connection::open(options.conninfo, options.lock_timeout_ms);
  if (!writer.ok()) return writer.status();
  std::vector<std::unique_ptr<Session>> readers;
  for (int i = 0; i < options.readers; ++i) {
    auto r = Connection::open(options.conninfo, options.lock_timeout_ms);
    if (!r.ok()) return r.status();
    readers.push_back(std::move(r).value());
  }
  return std::unique_ptr<Db>(
      new PostgresDb(std::move(writer).value(), std::move(readers), options.max_batch));
}

}  // namespace shegong::db
