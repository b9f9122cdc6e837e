#include "regions/region_tree.h"

#include <gtest/gtest.h>

#include <fstream>

#include "audit/audit_log.h"
#include "db/test_db.h"
#include "regions/region_import.h"

namespace shegong::regions {
namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// A small tree in the package's file format: two districts of Beijing, a few streets and
// communities.
void write_sample(const std::string& dir) {
  write(dir + "/provinces.csv", "code,name\n11,\"北京市\"\n12,\"天津市\"\n44,\"广东省\"\n");
  write(dir + "/cities.csv",
        "code,name,provinceCode\n1101,\"市辖区\",11\n1201,\"市辖区\",12\n4419,\"东莞市\",44\n");
  write(dir + "/areas.csv",
        "code,name,cityCode,provinceCode\n110101,\"东城区\",1101,11\n110102,\"西城区\",1101,11\n"
        "441900,\"东莞市\",4419,44\n");
  write(dir + "/streets.csv",
        "code,name,areaCode,provinceCode,cityCode\n110101001,\"东华门街道\",110101,11,1101\n"
        "110101002,\"景山街道\",110101,11,1101\n110102001,\"西长安街街道\",110102,11,1101\n"
        "441900003,\"东城街道\",441900,44,4419\n");
  write(dir + "/villages.csv",
        "code,name,streetCode,provinceCode,cityCode,areaCode\n"
        "110101001001,\"多福巷社区居委会\",110101001,11,1101,110101\n"
        "110101001002,\"银闸社区居委会\",110101001,11,1101,110101\n"
        "110101002001,\"景山东街社区居委会\",110101002,11,1101,110101\n"
        "110102001001,\"西交民巷社区居委会\",110102001,11,1101,110102\n");
}

TEST(RegionImport, CountsPerLevelAreIdempotentAndAudited) {
  db::TestDb db;
  write_sample(db.dir());
  auto r = import_regions(*db, SystemClock::instance(), db.dir(), "cli");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->per_level[1], 3);
  EXPECT_EQ(r->per_level[2], 3);
  EXPECT_EQ(r->per_level[3], 3);
  EXPECT_EQ(r->per_level[4], 4);
  EXPECT_EQ(r->per_level[5], 4);
  EXPECT_EQ(r->total, 17);
  auto again = import_regions(*db, SystemClock::instance(), db.dir(), "cli");
  ASSERT_TRUE(again.ok());
  auto tree = RegionTree::load(*db);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)->size(), 18u);  // 17 and the country
  auto audit = audit::verify(*db);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->ok);
  EXPECT_EQ(audit->rows, 2);
}

TEST(RegionImport, BadFileWritesNothingAndNamesTheLine) {
  db::TestDb db;
  write_sample(db.dir());
  write(
      db.dir() + "/villages.csv",
      "code,name,streetCode\n110101001001,\"多福巷社区居委会\",110101001\n11010100100,\"坏\",x\n");
  auto r = import_regions(*db, SystemClock::instance(), db.dir(), "cli");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("villages.csv line 3"), std::string::npos)
      << r.status().message();
  auto tree = RegionTree::load(*db);
  EXPECT_EQ((*tree)->size(), 1u);
  EXPECT_FALSE(import_regions(*db, SystemClock::instance(), db.dir() + "/missing", "cli").ok());
}

TEST(RegionImport, AWriteThatFailsMidwayLeavesTheTreeAsItWasAndNoRecord) {
  db::TestDb db;
  write_sample(db.dir());
  // A write error on the first street, after the provinces, cities and districts.
  ASSERT_TRUE(db->write([&](db::Session& s) {
                  return s.exec_script(
                      db.postgres()
                          ? "CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$; "
                            "CREATE TRIGGER no_streets BEFORE INSERT ON regions FOR EACH ROW "
                            "WHEN (NEW.level = 4) EXECUTE FUNCTION disk_full()"
                          : "CREATE TRIGGER no_streets BEFORE INSERT ON regions WHEN NEW.level = 4 "
                            "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
                }).ok());
  auto r = import_regions(*db, SystemClock::instance(), db.dir(), "cli");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ((*RegionTree::load(*db))->size(), 1u);
  auto audit = audit::verify(*db);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->rows, 0);
}

TEST(RegionImport, NamesAreOneLineOfAtMost200BytesAndCodesAreNotRepeated) {
  for (auto [villages, where] : {
           std::pair{"110101001001," + std::string(66000, 'x') + "\n", "villages.csv line 2"},
           std::pair{"110101001001," + std::string(201, 'x') + "\n", "villages.csv line 2"},
           std::pair{std::string("110101001001,多福巷\n110101001002,\"银闸\n社区\"\n"),
                     "villages.csv line 3"},
           std::pair{std::string("110101001001,多福巷\n110101001002,\"\xff\"\n"),
                     "villages.csv line 3"},
           std::pair{std::string("110101001001,多福巷\n110101001002,银闸\n110101001001,多福\n"),
                     "villages.csv line 4"},
       }) {
    db::TestDb db;
    write_sample(db.dir());
    write(db.dir() + "/villages.csv", "code,name\n" + villages);
    auto r = import_regions(*db, SystemClock::instance(), db.dir(), "cli");
    ASSERT_FALSE(r.ok()) << where;
    EXPECT_EQ(r.status().field(), "from");
    EXPECT_NE(r.status().message().find(where), std::string::npos) << r.status().message();
    EXPECT_EQ((*RegionTree::load(*db))->size(), 1u);
  }
  db::TestDb db;
  write_sample(db.dir());
  write(db.dir() + "/villages.csv", "code,name\n110101001001," + std::string(200, 'x') + "\n");
  EXPECT_TRUE(import_regions(*db, SystemClock::instance(), db.dir(), "cli").ok());
}

TEST(RegionTree, FindChildrenAncestorsAndSearch) {
  db::TestDb db;
  write_sample(db.dir());
  ASSERT_TRUE(import_regions(*db, SystemClock::instance(), db.dir(), "cli").ok());
  auto tree = std::move(RegionTree::load(*db)).value();

  auto street = tree->find("110101001");
  ASSERT_TRUE(street);
  EXPECT_EQ(street->name, "东华门街道");
  EXPECT_EQ(street->level, Level::kStreet);
  EXPECT_FALSE(tree->find("110101003"));

  std::vector<std::string> path;
  for (auto a : tree->ancestors("110101001")) path.emplace_back(a.name);
  EXPECT_EQ(path, (std::vector<std::string>{"北京市", "市辖区", "东城区"}));

  auto kids = tree->children("110101001");
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_EQ(kids[0].code, "110101001001");
  EXPECT_EQ(tree->children("").size(), 3u);
  EXPECT_EQ(tree->children("110101001001").size(), 0u);
  EXPECT_EQ(tree->child_count("110101001"), 2u);
  EXPECT_EQ(tree->child_count("110101003"), 0u);

  auto hits = tree->search("社区", "110101", 10);
  ASSERT_EQ(hits.size(), 3u);
  for (auto h : hits) EXPECT_TRUE(is_within(h.code, "110101"));
  auto city_first = tree->search("东城", "", 10);
  ASSERT_FALSE(city_first.empty());
  EXPECT_EQ(city_first[0].name, "东城区");  // higher levels come first
  EXPECT_EQ(tree->search("社区", "", 2).size(), 2u);
}

// Ancestors are the regions the tree holds above a code, from the top; a level the tree lacks is
// skipped, for codes in the tree and for codes it does not hold alike.
TEST(RegionTree, AncestorsSkipLevelsTheTreeLacks) {
  db::TestDb db;
  write_sample(db.dir());
  std::ofstream(db.dir() + "/villages.csv", std::ios::app)
      << "110101009001,\"无街道社区\",110101009,11,1101,110101\n";
  ASSERT_TRUE(import_regions(*db, SystemClock::instance(), db.dir(), "cli").ok());
  auto tree = std::move(RegionTree::load(*db)).value();
  auto names = [&](std::string_view code) {
    std::vector<std::string> out;
    for (auto a : tree->ancestors(code)) out.emplace_back(a.name);
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names("110101001001"), (Names{"北京市", "市辖区", "东城区", "东华门街道"}));
  EXPECT_EQ(names("110101009001"), (Names{"北京市", "市辖区", "东城区"}));
  EXPECT_EQ(names("110101009"), (Names{"北京市", "市辖区", "东城区"}));
  EXPECT_EQ(names("110101009002"), (Names{"北京市", "市辖区", "东城区"}));
  EXPECT_EQ(names("11"), Names{});
  EXPECT_EQ(names(""), Names{});
}

TEST(RegionTree, ResolvesEveryFormToTheDeepestExistingRegion) {
  db::TestDb db;
  write_sample(db.dir());
  ASSERT_TRUE(import_regions(*db, SystemClock::instance(), db.dir(), "cli").ok());
  auto tree = std::move(RegionTree::load(*db)).value();
  EXPECT_EQ(*tree->resolve("110101001000", "code"), "110101001");
  EXPECT_EQ(*tree->resolve("110100", "code"), "1101");          // GB/T 2260 city form
  EXPECT_EQ(*tree->resolve("441900000000", "code"), "441900");  // 东莞: the district twin
  EXPECT_EQ(*tree->resolve("4419", "code"), "4419");
  EXPECT_EQ(*tree->resolve("100000000000", "code"), "");
  EXPECT_EQ(tree->resolve("110101009", "code").status().code(), Code::kNotFound);
  EXPECT_EQ(tree->resolve("11x", "code").status().code(), Code::kInvalidArgument);
  std::vector<std::string> path;
  for (auto a : tree->ancestors("441900003")) path.emplace_back(a.name);
  EXPECT_EQ(path, (std::vector<std::string>{"广东省", "东莞市", "东莞市"}));
}

}  // namespace
}  // namespace shegong::regions
