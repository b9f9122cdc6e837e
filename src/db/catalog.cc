#include "db/catalog.h"

#include <algorithm>
#include <map>
#include <set>

namespace shegong::db {

namespace {

Status read_sqlite_table(Session& s, TableInfo& t) {
  auto columns = s.query("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", {t.name});
  if (!columns.ok()) return columns.status();
  std::vector<std::pair<int64_t, std::string>> key;
  for (const Row& r : *columns) {
    t.columns.push_back({r.text(0), false});
    if (r.integer(1) > 0) key.emplace_back(r.integer(1), r.text(0));
  }
  std::ranges::sort(key);
  for (auto& [position, name] : key) t.primary_key.push_back(std::move(name));
  auto targets = s.query("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", {t.name});
  if (!targets.ok()) return targets.status();
  for (const Row& r : *targets) t.references.push_back(r.text(0));
  return Status::Ok();
}

Status read_postgres_table(Session& s, TableInfo& t) {
  auto columns = s.query(
      "SELECT column_name, is_identity FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
      {t.name});
  if (!columns.ok()) return columns.status();
  for (const Row& r : *columns) t.columns.push_back({r.text(0), r.text(1) == "YES"});
  auto key = s.query(
      "SELECT a.attname FROM pg_index i "
      "JOIN pg_class c ON c.oid = i.indrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) "
      "WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ? "
      "ORDER BY array_position(i.indkey::int2[], a.attnum)",
      {t.name});
  if (!key.ok()) return key.status();
  for (const Row& r : *key) t.primary_key.push_back(r.text(0));
  auto targets = s.query(
      "SELECT DISTINCT target.relname FROM pg_constraint k "
      "JOIN pg_class source ON source.oid = k.conrelid "
      "JOIN pg_namespace n ON n.oid = source.relnamespace "
      "JOIN pg_class target ON target.oid = k.confrelid "
      "WHERE k.contype = 'f' AND n.nspname = current_schema() AND source.relname = ?",
      {t.name});
  if (!targets.ok()) return targets.status();
  for (const Row& r : *targets) t.references.push_back(r.text(0));
  return Status::Ok();
}

}  // namespace

Result<std::vector<TableInfo>> read_catalog(Db& db) {
  const bool postgres = db.engine() == "postgresql";
  std::vector<TableInfo> tables;
  Status st = db.read([&](Session& s) {
    auto names = s.query(postgres ? "SELECT tablename FROM pg_tables "
                                    "WHERE schemaname = current_schema() ORDER BY tablename"
                                  : "SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    if (!names.ok()) return names.status();
    for (const Row& r : *names) {
      TableInfo t{r.text(0), {}, {}, {}};
      SHEGONG_RETURN_IF_ERROR(postgres ? read_postgres_table(s, t) : read_sqlite_table(s, t));
      std::ranges::sort(t.references);
      tables.push_back(std::move(t));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return tables;
}

Result<std::vector<TableInfo>> in_reference_order(std::vector<TableInfo> tables) {
  std::set<std::string> present;
  for (const TableInfo& t : tables) present.insert(t.name);
  std::vector<TableInfo> ordered;
  std::set<std::string> placed;
  while (!tables.empty()) {
    auto ready = std::ranges::find_if(tables, [&](const TableInfo& t) {
      return std::ranges::all_of(t.references, [&](const std::string& target) {
        return target == t.name || placed.contains(target) || !present.contains(target);
      });
    });
    if (ready == tables.end()) {
      return Status(Code::kInternal,
                    "the foreign keys of table " + tables.front().name + " form a cycle");
    }
    placed.insert(ready->name);
    ordered.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return ordered;
}

}  // namespace shegong::db
