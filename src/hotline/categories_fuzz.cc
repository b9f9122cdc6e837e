// libFuzzer target: a category taxonomy CSV of arbitrary contents, imported into a real SQLite
// database, never crashes and never half-writes: a refused file, its error naming the field
// "categories", leaves the taxonomy as it was, and an accepted one adds at most the categories it
// reports. Built and run for a bounded time by bench/fuzz/run.sh (make bench).
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/clock.h"
#include "db/db.h"
#include "db/migrations.h"
#include "hotline/categories.h"

namespace {

using namespace shegong;

void check(bool ok) {
  if (!ok) std::abort();
}

// One migrated database for the whole run, in a fresh temporary folder.
db::Db& database() {
  static std::unique_ptr<db::Db> db = [] {
    char folder[] = "/tmp/shegong-fuzz-XXXXXX";
    check(mkdtemp(folder) != nullptr);
    auto opened = db::open_sqlite({std::string(folder) + "/fuzz.db", 1, 512});
    check(opened.ok());
    check(db::migrate(**opened, SystemClock::instance()).ok());
    return std::move(opened).value();
  }();
  return *db;
}

int64_t stored_categories() {
  int64_t count = -1;
  check(database()
            .read([&](db::Session& s) {
              auto n = hotline::category_count(s);
              if (!n.ok()) return n.status();
              count = *n;
              return Status::Ok();
            })
            .ok());
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string csv(reinterpret_cast<const char*>(data), size);
  const int64_t before = stored_categories();
  auto imported = hotline::import_categories(database(), SystemClock::instance(), csv, "fuzz");
  const int64_t after = stored_categories();
  if (!imported.ok()) {
    check(imported.status().field() == "categories" && after == before);  // nothing written
    return 0;
  }
  int64_t named = 0;
  for (int level = 1; level <= 3; ++level) named += imported->per_level[level];
  check(after >= before && after - before <= named);
  return 0;
}
