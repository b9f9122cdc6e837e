#include "hotline/categories.h"

#include <unordered_set>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/csv.h"
#include "base/one_line.h"

namespace shegong::hotline {

Result<CategoryImport> import_categories(db::Db& db, const Clock& clock,
                                         const std::string& csv_text, const std::string& actor) {
  std::string_view text = csv_text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  CsvReader reader(text);
  std::vector<std::string> fields;
  std::vector<db::Params> rows;
  CategoryImport report;
  std::unordered_set<std::string> seen;
  bool header = true;
  while (reader.next(fields)) {
    if (header) {
      header = false;
      if (fields != std::vector<std::string>{"level1", "level2", "level3"}) {
        return Invalid("categories", "expected the header level1,level2,level3 on line 1");
      }
      continue;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;
    std::string where = "line " + std::to_string(reader.line());
    if (fields.size() != 3 || fields[0].empty()) {
      return Invalid("categories", where + ": expected level1,level2,level3");
    }
    if (fields[1].empty() && !fields[2].empty()) {
      return Invalid("categories", where + ": level 3 is given but level 2 is empty");
    }
    std::string path;
    for (int level = 0; level < 3; ++level) {
      const std::string& name = fields[level];
      if (name.empty()) break;
      if (name.find('/') != std::string::npos || !one_line_fault(name, 100).empty()) {
        return Invalid("categories", where + ": a category name is valid UTF-8 of at most 100 " +
                                         "bytes, with no '/' and no control character");
      }
      std::string parent = path;
      path += (path.empty() ? "" : "/") + name;
      if (!seen.insert(path).second) continue;
      rows.push_back({path, name, parent, int64_t{level + 1}});
      ++report.per_level[level + 1];
    }
  }
  if (!reader.status().ok()) return Invalid("categories", reader.status().message());
  if (header) return Invalid("categories", "the file is empty; expected level1,level2,level3");
  if (rows.empty()) return Invalid("categories", "the file holds no categories after its header");
  Status st = db.write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec_many("INSERT INTO categories(code, name, parent, level) VALUES(?, ?, ?, ?) "
                    "ON CONFLICT(code) DO NOTHING",
                    rows));
    return audit::append(
        s, clock,
        {actor, "categories.import", "categories", "rows=" + std::to_string(rows.size())});
  });
  if (!st.ok()) return st;
  return report;
}

Result<bool> category_exists(db::Session& s, const std::string& code) {
  auto rows = s.query("SELECT 1 FROM categories WHERE code = ?", {code});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

Result<int64_t> category_count(db::Session& s) {
  auto rows = s.query("SELECT count(*) FROM categories");
  if (!rows.ok()) return rows.status();
  return (*rows)[0].integer(0);
}

Status check_rule_category(db::Session& s, const std::string& category) {
  if (category.empty()) return Status::Ok();
  auto known = category_exists(s, category);
  if (!known.ok()) return known.status();
  if (!*known) {
    return Invalid("category",
                   "not in the category taxonomy (a code such as 城乡建设 or "
                   "城乡建设/物业管理, or empty for any): " +
                       category);
  }
  return Status::Ok();
}

}  // namespace shegong::hotline
