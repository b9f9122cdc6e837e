#include "hotline/categories.h"

#include <gtest/gtest.h>

#include <chrono>
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

TEST(Categories, EmptyHeaderlessSkippedAndControlCharacterFilesAreRefused) {
  db::TestDb db;
  for (const char* bad :
       {"", "\n", "level1,level2,level3\n", "教育,学前教育,幼儿园\n",
        "level1,level2\n教育,学前教育\n", "level1,level2,level3\n教育,,学前教育\n",
        "level1,level2,level3\n教育,学前\x01教育,\n",
        "level1,level2,level3\n\"教\n育\",学前教育,\n",
        "level1,level2,level3\n\"教育,学前教育,\n"}) {  // a quote never closed
    auto r = import_categories(*db, SystemClock::instance(), bad, "test");
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().field(), "categories") << bad;
  }
  EXPECT_EQ(count(*db, "SELECT count(*) FROM categories"), 0);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM audit_log"), 0);
  auto skipped = import_categories(*db, SystemClock::instance(),
                                   "level1,level2,level3\n教育,,学前教育\n", "test");
  EXPECT_NE(skipped.status().message().find("line 2: level 3 is given but level 2 is empty"),
            std::string::npos)
      << skipped.status().message();
  // Short rows and a byte-order mark are fine.
  auto ok = import_categories(*db, SystemClock::instance(),
                              "\xEF\xBB\xBFlevel1,level2,level3\n噪声,,\n欠薪,拖欠工资,\n", "test");
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ(count(*db, "SELECT count(*) FROM categories"), 3);
}

TEST(Categories, ALargeTaxonomyImportsInLinearTime) {
  db::TestDb db;
  std::string text = "level1,level2,level3\n";
  for (int i = 0; i < 200'000; ++i) {
    text += "类" + std::to_string(i % 50) + ",项" + std::to_string(i % 5000) + ",细" +
            std::to_string(i) + "\n";
  }
  auto started = std::chrono::steady_clock::now();
  auto r = import_categories(*db, SystemClock::instance(), text, "test");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->per_level[3], 200'000);
  // The paths seen are kept in a hash set: a list searched on every row grew with the square.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 30);
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
