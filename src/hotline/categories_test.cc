#include "hotline/categories.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/csv.h"
#include "db/test_db.h"

namespace shegong::hotline {
namespace {

int64_t count(db::Db& db, const std::string& sql, const db::Params& params = {}) {
  int64_t n = -1;
  EXPECT_TRUE(db.read([&](db::Session& s) {
                  auto r = s.query(sql, params);
                  if (!r.ok()) return r.status();
                  n = (*r)[0].integer(0);
                  return Status::Ok();
                }).ok());
  return n;
}

// The real taxonomy of a 12345 message board (the 2020 TipDM data, see ../shared/data/SOURCES.md):
// 517 rows, 15 level-1 classes, 118 level-2 pairs.
TEST(Categories, ImportsTheRealThreeLevelTaxonomy) {
  std::string path = std::string(SHEGONG_SOURCE_DIR) + "/../shared/data/categories.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data beside the checkout";
  db::TestDb db;
  auto text = read_file(path);
  ASSERT_TRUE(text.ok());
  auto report = import_categories(*db, SystemClock::instance(), *text, "test");
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->per_level[1], 15);
  EXPECT_EQ(report->per_level[2], 118);
  EXPECT_EQ(report->per_level[3], 517);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM categories WHERE code = ?",
                  {std::string("城乡建设/安全生产/事故处理")}),
            1);
  // Every category below the first level hangs under one that exists.
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM categories c WHERE c.level > 1 AND NOT EXISTS "
                  "(SELECT 1 FROM categories p WHERE p.code = c.parent AND p.level = c.level - 1)"),
            0);
  // A second import adds nothing.
  auto again = import_categories(*db, SystemClock::instance(), *text, "test");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(count(*db, "SELECT count(*) FROM categories"), 15 + 118 + 517);
}

TEST(Categories, TheProductsOwnTaxonomyImports) {
  db::TestDb db;
  auto text = read_file(std::string(SHEGONG_SOURCE_DIR) + "/assets/categories.csv");
  ASSERT_TRUE(text.ok());
  auto report = import_categories(*db, SystemClock::instance(), *text, "test");
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_GE(report->per_level[1], 10);
  EXPECT_GE(report->per_level[3], 50);
}

TEST(Categories, BadFilesWriteNothingAndNameTheLine) {
  db::TestDb db;
  for (const char* bad : {"a,b\n", "level1,level2,level3\n城乡建设,物业/管理,x\n",
                          "level1,level2,level3\n,物业管理,x\n", "level1,level2,level3\n一,二\n"}) {
    auto r = import_categories(*db, SystemClock::instance(), bad, "test");
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().field(), "categories");
  }
  EXPECT_EQ(count(*db, "SELECT count(*) FROM categories"), 0);
}

TEST(Categories, RulesCoverWholeSegmentsOnly) {
  db::TestDb db;
  ASSERT_TRUE(db->write([](db::Session& s) {
                  return s.exec("INSERT INTO community_duties VALUES('教育', 'own')").status();
                }).ok());
  auto covered = [&](const std::string& category) {
    return count(*db, std::string("SELECT count(*) FROM community_duties WHERE ") + kCategoryCovers,
                 {category, category});
  };
  EXPECT_EQ(covered("教育"), 1);
  EXPECT_EQ(covered("教育/学前"), 1);
  EXPECT_EQ(covered("教育文体/学前教育"), 0);
}

}  // namespace
}  // namespace shegong::hotline
