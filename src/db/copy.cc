#include "db/copy.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "db/catalog.h"

namespace shegong::db {

namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + quoted(n);
  return out;
}

// An error of one side's database names that side, unless it names a field of its own.
Status on(Status st, const char* side) {
  if (st.ok() || !st.field().empty()) return st;
  return Status(st.code(), st.message(), side);
}

std::vector<std::string> column_names(const TableInfo& t) {
  std::vector<std::string> names;
  for (const Column& c : t.columns) names.push_back(c.name);
  return names;
}

// The destination's tables to copy, in reference order, each checked against the source's.
Result<std::vector<TableInfo>> tables_to_copy(Db& from, Db& to, const CopyOptions& o) {
  auto source = read_catalog(from);
  if (!source.ok()) return on(source.status(), "from");
  auto destination = read_catalog(to);
  if (!destination.ok()) return on(destination.status(), "to");
  std::map<std::string, std::set<std::string>> source_columns;
  for (const TableInfo& t : *source) {
    auto names = column_names(t);
    source_columns[t.name] = {names.begin(), names.end()};
  }
  const std::set<std::string> skip(o.skip_tables.begin(), o.skip_tables.end());
  std::vector<TableInfo> copied;
  for (TableInfo& t : *destination) {
    if (skip.contains(t.name)) continue;
    auto found = source_columns.find(t.name);
    if (found == source_columns.end()) {
      return Invalid("to", "it has a table " + t.name +
                               " that the source lacks; both must hold shegong's tables of one "
                               "schema version");
    }
    auto names = column_names(t);
    if (std::set<std::string>(names.begin(), names.end()) != found->second) {
      return Invalid("from", "table " + t.name +
                                 " has other columns than in the destination; both must be at the "
                                 "same schema version");
    }
    source_columns.erase(found);
    copied.push_back(std::move(t));
  }
  for (const auto& [name, columns] : source_columns) {
    if (!skip.contains(name)) {
      return Invalid("from", "it has a table " + name +
                                 " that the destination lacks; both must hold shegong's tables of "
                                 "one schema version");
    }
  }
  return in_reference_order(std::move(copied));
}

// An INSERT of `rows` rows: one statement carries many rows, which is several times faster than a
// statement per row on PostgreSQL (fewer statements to parse, bind and answer).
std::string insert_sql(const TableInfo& t, size_t rows) {
  std::string one = "(";
  for (size_t i = 0; i < t.columns.size(); ++i) one += i ? ", ?" : "?";
  one += ")";
  std::string sql = "INSERT INTO " + quoted(t.name) + " (" + joined(column_names(t)) + ") VALUES ";
  for (size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + one;
  return sql;
}

std::string select_sql(const TableInfo& t) {
  std::string sql = "SELECT " + joined(column_names(t)) + " FROM " + quoted(t.name);
  if (!t.primary_key.empty()) sql += " ORDER BY " + joined(t.primary_key);
  return sql;
}

Result<int64_t> count_rows(Session& s, const std::string& table) {
  auto rows = s.query("SELECT count(*) FROM " + quoted(table));
  if (!rows.ok()) return rows.status();
  return (*rows)[0].integer(0);
}

Result<int64_t> copy_table(Session& source, Session& destination, const TableInfo& t,
                           size_t rows_per_batch) {
  // Well below both engines' limits on parameters in one statement (SQLite 32,766, PostgreSQL
  // 65,535).
  constexpr size_t kParametersPerStatement = 2000, kMaxRowsPerStatement = 100;
  const size_t per_statement = std::clamp<size_t>(
      kParametersPerStatement / std::max<size_t>(1, t.columns.size()), 1, kMaxRowsPerStatement);
  const std::string insert = insert_sql(t, per_statement);
  std::vector<Params> statements;  // each the values of `per_statement` rows
  Params pending;                  // the values of the rows of the next statement
  size_t pending_rows = 0;
  int64_t copied = 0;
  auto flush = [&]() -> Status {
    if (statements.empty()) return Status::Ok();
    SHEGONG_RETURN_IF_ERROR(on(destination.exec_many(insert, statements), "to"));
    copied += static_cast<int64_t>(statements.size() * per_statement);
    statements.clear();
    return Status::Ok();
  };
  SHEGONG_RETURN_IF_ERROR(on(source.query_each(select_sql(t), {},
                                               [&](const Row& r) -> Status {
                                                 for (size_t i = 0; i < r.size(); ++i)
                                                   pending.push_back(r.at(i));
                                                 if (++pending_rows < per_statement)
                                                   return Status::Ok();
                                                 statements.push_back(std::move(pending));
                                                 pending = {};
                                                 pending_rows = 0;
                                                 return statements.size() * per_statement >=
                                                                rows_per_batch
                                                            ? flush()
                                                            : Status::Ok();
                                               }),
                             "from"));
  SHEGONG_RETURN_IF_ERROR(flush());
  if (pending_rows > 0) {
    auto last = destination.exec(insert_sql(t, pending_rows), pending);
    if (!last.ok()) return on(last.status(), "to");
    copied += static_cast<int64_t>(pending_rows);
  }
  // Both counted on what each side sees: the source's snapshot, the destination's transaction.
  auto held = count_rows(source, t.name);
  if (!held.ok()) return on(held.status(), "from");
  auto stored = count_rows(destination, t.name);
  if (!stored.ok()) return on(stored.status(), "to");
  if (*stored != *held || copied != *held) {
    return Internal("the source holds " + std::to_string(*held) + " rows, " +
                    std::to_string(copied) + " were copied and the destination holds " +
                    std::to_string(*stored));
  }
  return copied;
}

// PostgreSQL's identity columns draw from a sequence that the copied ids did not move.
Status move_sequences_past(Session& destination, const TableInfo& t) {
  for (const Column& c : t.columns) {
    if (!c.identity) continue;
    auto moved =
        destination.query("SELECT setval(pg_get_serial_sequence(?, ?)::regclass, coalesce(max(" +
                              quoted(c.name) + "), 0) + 1, false) FROM " + quoted(t.name),
                          {t.name, c.name});
    if (!moved.ok()) return on(moved.status(), "to");
  }
  return Status::Ok();
}

}  // namespace

Result<CopyReport> copy_database(Db& from, Db& to, const CopyOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto tables = tables_to_copy(from, to, options);
  if (!tables.ok()) return tables.status();
  const size_t per_batch = std::max<size_t>(1, options.rows_per_batch);
  CopyReport report;
  Status st = to.write([&](Session& destination) -> Status {
    report = {};
    if (options.check_destination) SHEGONG_RETURN_IF_ERROR(options.check_destination(destination));
    // Only tables that hold rows are emptied: a table that refuses deletes (the audit chain) is
    // fine as long as it is empty.
    for (auto t = tables->rbegin(); t != tables->rend(); ++t) {
      auto held = count_rows(destination, t->name);
      if (!held.ok()) return on(held.status(), "to");
      if (*held == 0) continue;
      auto cleared = destination.exec("DELETE FROM " + quoted(t->name));
      if (!cleared.ok()) return on(cleared.status(), "to");
    }
    SHEGONG_RETURN_IF_ERROR(on(from.read([&](Session& source) -> Status {
      for (const TableInfo& t : *tables) {
        auto copied = copy_table(source, destination, t, per_batch);
        if (!copied.ok()) {
          const Status& failed = copied.status();
          return Status(failed.code(), "table " + t.name + ": " + failed.message(), failed.field());
        }
        report.tables.push_back({t.name, *copied});
        report.rows += *copied;
        if (options.on_table) options.on_table(report.tables.back());
      }
      return Status::Ok();
    }),
                               "from"));
    if (to.engine() == "postgresql") {
      for (const TableInfo& t : *tables)
        SHEGONG_RETURN_IF_ERROR(move_sequences_past(destination, t));
    }
    if (options.before_commit) SHEGONG_RETURN_IF_ERROR(options.before_commit(destination, report));
    return Status::Ok();
  });
  if (!st.ok()) return on(st, "to");
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace shegong::db
