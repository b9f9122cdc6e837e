#include "db/migrations.h"

#include <string>

namespace shegong::db {

namespace {
constexpr const char* kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)";
constexpr const char* kPostgresVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

bool postgres(const Db& db) { return db.engine() == "postgresql"; }

Result<int> applied_version(Session& s) {
  auto rows = s.query("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!rows.ok()) return rows.status();
  return static_cast<int>((*rows)[0].integer(0));
}
}  // namespace

Result<bool> has_table(Db& db, const std::string& name) {
  bool found = false;
  Status st = db.read([&](Session& s) {
    auto rows = s.query(postgres(db) ? "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                       "current_schema() AND tablename = ?"
                                     : "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name = ?",
                        {name});
    if (!rows.ok()) return rows.status();
    found = (*rows)[0].integer(0) > 0;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return found;
}

Result<int> schema_version(Db& db) {
  auto exists = has_table(db, "schema_version");
  if (!exists.ok()) return exists.status();
  if (!*exists) return 0;
  int version = 0;
  Status st = db.read([&](Session& s) {
    auto applied = applied_version(s);
    if (!applied.ok()) return applied.status();
    version = *applied;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return version;
}

Result<MigrateReport> migrate(Db& db, const Clock& clock) {
  SHEGONG_RETURN_IF_ERROR(db.write([&](Session& s) {
    return s.exec(postgres(db) ? kPostgresVersionTable : kVersionTable).status();
  }));
  auto current = schema_version(db);
  if (!current.ok()) return current.status();
  MigrateReport report;
  report.from_version = report.to_version = *current;
  auto all = postgres(db) ? postgres_migrations() : sqlite_migrations();
  if (!all.empty() && *current > all.back().version) {
    return Conflict("database schema version " + std::to_string(*current) +
                    " is newer than this binary knows (" + std::to_string(all.back().version) +
                    "); use a newer shegong");
  }
  for (const Migration& m : all) {
    if (m.version <= *current) continue;
    bool applied_here = false;
    // Several processes may start on one database at once (two servers behind a balancer, a
    // rolling restart). Write transactions of all processes take turns on both engines (db.h), so
    // reading the version again inside the step's own transaction applies it exactly once.
    Status st = db.write([&](Session& s) {
      auto version = applied_version(s);
      if (!version.ok()) return version.status();
      if (*version >= m.version) return Status::Ok();  // another process applied it meanwhile
      SHEGONG_RETURN_IF_ERROR(s.exec_script(m.sql));
      applied_here = true;
      return s
          .exec("INSERT INTO schema_version(version, name, applied_at_ms) VALUES(?, ?, ?)",
                {int64_t{m.version}, std::string(m.name), clock.now_ms()})
          .status();
    });
    if (!st.ok()) {
      return Internal("migration " + std::to_string(m.version) + " (" + m.name +
                      ") failed: " + st.message());
    }
    if (applied_here) report.applied.push_back(m.version);
    report.to_version = m.version;
  }
  return report;
}

}  // namespace shegong::db
