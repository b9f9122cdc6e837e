#include "db/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "db/test_db.h"

namespace shegong::db {
namespace {

TEST(Catalog, TablesComeAfterTheTablesTheyReference) {
  auto order = in_reference_order(
      {{"c", {}, {}, {"a", "b", "c"}}, {"b", {}, {}, {"a"}}, {"a", {}, {}, {"elsewhere"}}});
  ASSERT_TRUE(order.ok());
  ASSERT_EQ(order->size(), 3u);
  EXPECT_EQ((*order)[0].name, "a");
  EXPECT_EQ((*order)[1].name, "b");
  EXPECT_EQ((*order)[2].name, "c");

  auto cycle = in_reference_order({{"x", {}, {}, {"y"}}, {"y", {}, {}, {"x"}}});
  EXPECT_FALSE(cycle.ok());
  EXPECT_NE(cycle.status().message().find("cycle"), std::string::npos);
}

TEST(Catalog, ReadsTheSchemaTheMigrationsMade) {
  TestDb db;
  auto tables = read_catalog(*db);
  ASSERT_TRUE(tables.ok()) << tables.status().to_string();
  auto users = std::ranges::find_if(*tables, [](auto& t) { return t.name == "users"; });
  ASSERT_NE(users, tables->end());
  EXPECT_EQ(users->primary_key, std::vector<std::string>{"id"});
  EXPECT_EQ(users->references, std::vector<std::string>{"units"});
  EXPECT_EQ(users->columns.front().name, "id");
  EXPECT_EQ(users->columns.front().identity, db.postgres());
  auto case_units = std::ranges::find_if(*tables, [](auto& t) { return t.name == "case_units"; });
  ASSERT_NE(case_units, tables->end());
  EXPECT_EQ(case_units->primary_key, (std::vector<std::string>{"case_id", "unit_id"}));
  EXPECT_EQ(case_units->references, (std::vector<std::string>{"cases", "units"}));
  EXPECT_FALSE(std::ranges::any_of(*tables, [](auto& t) { return t.name.starts_with("sqlite_"); }));
}

}  // namespace
}  // namespace shegong::db
