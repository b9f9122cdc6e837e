#include "db/copy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "db/catalog.h"
#include "db/test_db.h"

namespace shegong::db {
namespace {

// Every row of every table but schema_version, each value with its type, so that a copy that
// turned an integer into text or bytes into a string does not compare equal.
std::map<std::string, std::vector<std::string>> dump(Db& db) {
  std::map<std::string, std::vector<std::string>> out;
  auto tables = read_catalog(db);
  EXPECT_TRUE(tables.ok()) << tables.status().to_string();
  if (!tables.ok()) return out;
  EXPECT_TRUE(db.read([&](Session& s) {
                  for (const TableInfo& t : *tables) {
                    if (t.name == "schema_version") continue;
                    std::vector<std::string> names;
                    for (const Column& c : t.columns) names.push_back(c.name);
                    std::ranges::sort(names);
                    std::string sql = "SELECT ";
                    for (size_t i = 0; i < names.size(); ++i)
                      sql += (i ? ", \"" : "\"") + names[i] + "\"";
                    sql += " FROM \"" + t.name + "\"";
                    auto rows = s.query(sql);
                    if (!rows.ok()) return rows.status();
                    auto& lines = out[t.name];
                    for (const Row& r : *rows) {
                      std::string line;
                      for (size_t i = 0; i < r.size(); ++i) {
                        const Value& v = r.at(i);
                        line += names[i] + "=";
                        if (std::holds_alternative<std::monostate>(v)) line += "null";
                        if (auto* n = std::get_if<int64_t>(&v)) line += "i:" + std::to_string(*n);
                        if (auto* d = std::get_if<double>(&v)) {
                          char buf[40];
                          std::snprintf(buf, sizeof buf, "d:%.17g", *d);
                          line += buf;
                        }
                        if (auto* text = std::get_if<std::string>(&v)) line += "t:" + *text;
                        if (auto* b = std::get_if<Blob>(&v)) {
                          line += "b:";
                          for (unsigned char c : b->bytes) line += std::to_string(c) + ".";
                        }
                        line += ";";
                      }
                      lines.push_back(line);
                    }
                    std::ranges::sort(lines);
                  }
                  return Status::Ok();
                }).ok());
  return out;
}

void fill(Db& db) {
  ASSERT_TRUE(db.write([](Session& s) {
                  for (const char* sql :
                       {"INSERT INTO regions(code, name, level, parent) VALUES "
                        "('11', '北京市', 1, ''), ('1101', '市辖区', 2, '11')",
                        "INSERT INTO units(id, name, kind, region_code, active) VALUES "
                        "(5, '朝阳区人民政府', 'district', '110105', 1)",
                        "UPDATE sla_rules SET dispatch_minutes = dispatch_minutes + 7"}) {
                    SHEGONG_RETURN_IF_ERROR(s.exec(sql).status());
                  }
                  SHEGONG_RETURN_IF_ERROR(
                      s.exec("INSERT INTO users(id, username, role, region_code, password_hash, "
                             "phone_sealed, phone_hash, created_at_ms, unit_id) VALUES "
                             "(3, 'zhang', 'admin', '', 'x', ?, 'h3', 1700000000000, 5), "
                             "(7, 'li', 'dispatcher', '1101', 'y', NULL, NULL, 1700000000001, "
                             "NULL)",
                             {Blob{std::string("\x00\x01\xff\x80 sealed", 10)}})
                          .status());
                  SHEGONG_RETURN_IF_ERROR(
                      s.exec("INSERT INTO cases(id, kind, tracking_no, state, region_code, "
                             "lead_unit_id, subject, content, lat, lng, requester_sealed, "
                             "received_at_ms, attrs) VALUES (9, 'order', 'GD1', 'dispatched', "
                             "'110105', 5, '噪音扰民', '夜间施工 😀', 39.9042, 116.4074, ?, "
                             "1700000000002, '{\"a\":\"乙\"}')",
                             {Blob{"\x01\x02"}})
                          .status());
                  return s
                      .exec(
                          "INSERT INTO audit_log(id, at_ms, actor, action, object, digest, "
                          "prev_hash, hash) VALUES (1, 1700000000003, 'cli', 'x', 'y', 'd', "
                          "'p', 'h')")
                      .status();
                }).ok());
}

std::unique_ptr<Db> migrated_sqlite(const std::string& path) {
  auto db = open_sqlite({path, 2, 512});
  EXPECT_TRUE(db.ok()) << db.status().to_string();
  if (!db.ok()) return nullptr;
  EXPECT_TRUE(migrate(**db, SystemClock::instance()).ok());
  return std::move(db).value();
}

int64_t add_user(Db& db, const std::string& name) {
  int64_t id = 0;
  EXPECT_TRUE(db.write([&](Session& s) {
                  auto r = s.query(
                      "INSERT INTO users(username, role, region_code, password_hash, "
                      "created_at_ms) VALUES (?, 'admin', '', 'z', 1) RETURNING id",
                      {name});
                  if (!r.ok()) return r.status();
                  id = (*r)[0].integer(0);
                  return Status::Ok();
                }).ok());
  return id;
}

TEST(Copy, EveryRowArrivesOnTheOtherEngineAndBackAndNewIdsFollowTheCopiedOnes) {
  TestDb source;
  fill(*source);
  // Enough rows for statements of many rows and a last one of fewer.
  std::vector<Params> villages;
  for (int i = 0; i < 1234; ++i) {
    villages.push_back(
        {"110105" + std::to_string(100000 + i), "村" + std::to_string(i), int64_t{5}, "110105"});
  }
  ASSERT_TRUE(source
                  ->write([&](Session& s) {
                    return s.exec_many(
                        "INSERT INTO regions(code, name, level, parent) VALUES (?, ?, ?, ?)",
                        villages);
                  })
                  .ok());
  const auto original = dump(*source);
  ASSERT_EQ(original.at("users").size(), 2u);
  ASSERT_EQ(original.at("regions").size(), 1236u);

  // To an SQLite file (from PostgreSQL when the tests run there), then back to a fresh database
  // of the engine the tests run on.
  auto file = migrated_sqlite(source.dir() + "/copy.db");
  ASSERT_NE(file, nullptr);
  CopyOptions watched;
  std::vector<std::string> seen;
  watched.on_table = [&](const TableCopied& t) { seen.push_back(t.table); };
  auto there = copy_database(*source, *file, watched);
  ASSERT_TRUE(there.ok()) << there.status().to_string();
  ASSERT_EQ(seen.size(), there->tables.size());
  EXPECT_EQ(seen.back(), there->tables.back().table);
  EXPECT_EQ(dump(*file), original);
  int64_t users = -1, total = 0;
  for (const TableCopied& t : there->tables) {
    if (t.table == "users") users = t.rows;
    total += t.rows;
  }
  EXPECT_EQ(users, 2);
  EXPECT_EQ(total, there->rows);
  // Units come before the users that name them, users before their sessions.
  auto at = [&](const std::string& name) {
    return std::ranges::find_if(there->tables, [&](auto& t) { return t.table == name; }) -
           there->tables.begin();
  };
  EXPECT_LT(at("units"), at("users"));
  EXPECT_LT(at("users"), at("sessions"));

  TestDb back;
  auto again = copy_database(*file, *back);
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ(dump(*back), original);
  EXPECT_EQ(again->rows, there->rows);

  EXPECT_EQ(add_user(*back, "wang"), 8);
  EXPECT_EQ(add_user(*file, "wang"), 8);
}

TEST(Copy, AFailureLeavesTheDestinationAsItWas) {
  TestDb source, destination;
  fill(*source);
  const auto before = dump(*destination);
  CopyOptions stop;
  stop.rows_per_batch = 1;  // rows went in before the failure
  stop.before_commit = [](Session&, const CopyReport&) {
    return Internal("stopped before the commit");
  };
  auto r = copy_database(*source, *destination, stop);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "stopped before the commit");
  EXPECT_EQ(dump(*destination), before);

  CopyOptions refuse;
  refuse.check_destination = [](Session&) { return Conflict("it holds data", "to"); };
  r = copy_database(*source, *destination, refuse);
  EXPECT_EQ(r.status().field(), "to");
  EXPECT_EQ(dump(*destination), before);

  // A destination whose audit chain holds a row cannot be overwritten: the chain is append-only.
  fill(*destination);
  const auto filled = dump(*destination);
  r = copy_database(*source, *destination);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("append-only"), std::string::npos) << r.status().to_string();
  EXPECT_EQ(dump(*destination), filled);
}

TEST(Copy, TextPostgreSQLCannotHoldStopsTheCopyNamingTheTable) {
  TestDb destination;
  auto file = migrated_sqlite(destination.dir() + "/trial.db");
  ASSERT_NE(file, nullptr);
  fill(*file);
  ASSERT_TRUE((*file)
                  .write([](Session& s) {
                    return s
                        .exec("UPDATE cases SET content = ? WHERE id = 9",
                              {std::string("夜间施工\0噪音", 13)})
                        .status();
                  })
                  .ok());
  const auto before = dump(*destination);
  auto r = copy_database(*file, *destination);
  if (!destination.postgres()) {  // SQLite keeps it
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "table cases: text may not contain a NUL character");
  EXPECT_EQ(dump(*destination), before);
}

TEST(Copy, TablesThatDifferAreRefusedBeforeAnythingIsWritten) {
  TestDb source, destination;
  fill(*source);
  ASSERT_TRUE(destination
                  ->write([](Session& s) {
                    return s.exec("ALTER TABLE units ADD COLUMN motto TEXT").status();
                  })
                  .ok());
  const auto before = dump(*destination);
  auto r = copy_database(*source, *destination);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "from");
  EXPECT_NE(r.status().message().find("table units"), std::string::npos) << r.status().to_string();
  EXPECT_EQ(dump(*destination), before);

  ASSERT_TRUE(destination
                  ->write([](Session& s) {
                    return s.exec("CREATE TABLE extra(id INTEGER PRIMARY KEY)").status();
                  })
                  .ok());
  ASSERT_TRUE(source
                  ->write([](Session& s) {
                    return s.exec("ALTER TABLE units ADD COLUMN motto TEXT").status();
                  })
                  .ok());
  r = copy_database(*source, *destination);
  EXPECT_EQ(r.status().field(), "to");
  EXPECT_NE(r.status().message().find("it has a table extra that the source lacks"),
            std::string::npos)
      << r.status().to_string();
}

}  // namespace
}  // namespace shegong::db
