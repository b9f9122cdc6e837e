#include "regions/region_import.h"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "audit/audit_log.h"
#include "base/csv.h"
#include "base/one_line.h"
#include "regions/region_code.h"

namespace shegong::regions {

namespace {

struct SourceFile {
  const char* name;
  Level level;
};

constexpr SourceFile kFiles[] = {
    {"provinces.csv", Level::kProvince}, {"cities.csv", Level::kCity},
    {"areas.csv", Level::kDistrict},     {"streets.csv", Level::kStreet},
    {"villages.csv", Level::kCommunity},
};

// The longest official names are under 100 bytes; the tree keeps a name in at most 65,535.
constexpr size_t kMaxNameBytes = 200;

constexpr const char* kUpsert =
    "INSERT INTO regions(code, name, level, parent) VALUES(?, ?, ?, ?) "
    "ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, "
    "parent = excluded.parent";

struct CodeAt {
  int64_t code;
  size_t line;
  size_t row;
};

// Parses one file into rows ready to bind, checking every code against its level and parent.
Result<std::vector<db::Params>> parse_file(const std::string& path, Level level) {
  auto text = read_file(path);
  if (!text.ok()) return text.status();
  CsvReader reader(*text);
  std::vector<std::string> fields;
  std::vector<db::Params> rows;
  std::vector<CodeAt> codes;
  bool header = true;
  while (reader.next(fields)) {
    if (header) {
      header = false;
      if (fields.empty() || fields[0] != "code") {
        return Invalid("from", path + ": expected a header line starting with 'code'");
      }
      continue;
    }
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    auto where = [&] { return path + " line " + std::to_string(reader.line()); };
    if (fields.size() < 2) return Invalid("from", where() + ": expected code and name");
    const std::string& code = fields[0];
    if (!has_level_length(code, level) || code.substr(0, 2) == "00") {
      return Invalid("from", where() + ": '" + code + "' is not a " + level_name(level) + " code");
    }
    if (fields[1].empty()) return Invalid("from", where() + ": empty name");
    if (std::string fault = one_line_fault(fields[1], kMaxNameBytes); !fault.empty()) {
      return Invalid("from", where() + ": the name " + fault);
    }
    std::string parent(parent_of(code));
    codes.push_back({std::stoll(code), reader.line(), rows.size()});
    rows.push_back({code, fields[1], int64_t{static_cast<int>(level)}, parent});
  }
  if (!reader.status().ok()) return Invalid("from", path + ": " + reader.status().message());
  // A code given twice: the first line that repeats one is named. (The codes are sorted as numbers
  // rather than kept in a set of strings: 620,000 strings cost more time and memory.)
  std::sort(codes.begin(), codes.end(), [](const CodeAt& a, const CodeAt& b) {
    return std::tie(a.code, a.line) < std::tie(b.code, b.line);
  });
  const CodeAt* repeated = nullptr;
  for (size_t i = 1; i < codes.size(); ++i) {
    if (codes[i].code == codes[i - 1].code && (!repeated || codes[i].line < repeated->line))
      repeated = &codes[i];
  }
  if (repeated) {
    return Invalid("from", path + " line " + std::to_string(repeated->line) + ": the code " +
                               std::get<std::string>(rows[repeated->row][0]) +
                               " is repeated in the file");
  }
  return rows;
}

}  // namespace

Result<ImportReport> import_regions(db::Db& db, const Clock& clock, const std::string& dir,
                                    const std::string& actor) {
  auto started = std::chrono::steady_clock::now();
  ImportReport report;
  // Parse and check every file before writing anything, so a bad file leaves the tree untouched.
  std::vector<std::vector<db::Params>> levels;
  for (const SourceFile& f : kFiles) {
    auto rows = parse_file(dir + "/" + f.name, f.level);
    if (!rows.ok()) return rows.status();
    report.per_level[static_cast<int>(f.level)] = static_cast<int64_t>(rows->size());
    report.total += static_cast<int64_t>(rows->size());
    levels.push_back(std::move(rows).value());
  }
  std::string counts;
  for (int level = 1; level <= 5; ++level) {
    counts += std::string(level_name(static_cast<Level>(level))) + "=" +
              std::to_string(report.per_level[level]) + ";";
  }
  // One transaction for the whole tree (parents first: file order is top-down) and its audit row,
  // so that a write that fails midway (a full disk) leaves the tree as it was, never a part of the
  // new one without a record. The rows are in memory already; the national tree (665,276 rows)
  // imports a little faster this way than in commits of 25,000 rows.
  SHEGONG_RETURN_IF_ERROR(db.write([&](db::Session& s) {
    for (const auto& rows : levels) SHEGONG_RETURN_IF_ERROR(s.exec_many(kUpsert, rows));
    return audit::append(s, clock,
                         {actor, "regions.import", "regions", "source=" + dir + ";" + counts});
  }));
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace shegong::regions
