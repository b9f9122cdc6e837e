// For tests of the hotline: a migrated database with a few real regions of 东城区, the real
// holiday calendar, units of every kind, an engine with the order kind, and a clock that moves only
// when told. Times are set in China time with at().
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "base/calendar.h"
#include "cases/engine.h"
#include "db/test_db.h"
#include "base/csv.h"
#include "hotline/categories.h"
#include "hotline/intake.h"
#include "hotline/order_kind.h"
#include "hotline/units.h"
#include "regions/region_import.h"
#include "regions/region_tree.h"

namespace shegong::hotline {

class TestWorld {
 public:
  TestWorld()
      : clock(at("2025-09-26", 9)),
        calendar(*HolidayCalendar::load(std::string(SHEGONG_SOURCE_DIR) + "/data/calendar/holidays.csv")),
        box(key()),
        engine(*db, clock) {
    engine.add_kind(order_kind(calendar));
    write_regions(db.dir());
    EXPECT_TRUE(regions::import_regions(*db, clock, db.dir(), "test").ok());
    tree = *regions::RegionTree::load(*db);
    auto taxonomy = read_file(std::string(SHEGONG_SOURCE_DIR) + "/assets/categories.csv");
    EXPECT_TRUE(taxonomy.ok() && import_categories(*db, clock, *taxonomy, "test").ok());
    EXPECT_TRUE(db->write([&](db::Session& s) {
                    centre = *create_unit(s, {0, "北京市12345市民服务热线", "centre", "11", true});
                    district = *create_unit(s, {0, "东城区人民政府", "district", "110101", true});
                    street = *create_unit(s, {0, "东华门街道办事处", "street", "110101001", true});
                    other_street = *create_unit(s, {0, "景山街道办事处", "street", "110101002", true});
                    department = *create_unit(s, {0, "东城区城市管理委员会", "department", "110101", true});
                    department2 = *create_unit(s, {0, "东城区住房和城乡建设委员会", "department", "110101", true});
                    community = *create_unit(s, {0, "多福巷社区居委会", "community", "110101001001", true});
                    return Status::Ok();
                  }).ok());
    dispatcher = {1, "dispatcher", auth::Role::kDispatcher, "11", false, {}, centre.id};
    street_staff = {2, "street", auth::Role::kStreetStaff, "110101001", false, {}, street.id};
    other_street_staff = {3, "jingshan", auth::Role::kStreetStaff, "110101002", false, {}, other_street.id};
    department_staff = {4, "cgw", auth::Role::kDepartmentStaff, "110101", false, {}, department.id};
    department2_staff = {5, "zjw", auth::Role::kDepartmentStaff, "110101", false, {}, department2.id};
    community_staff = {6, "duofu", auth::Role::kCommunityStaff, "110101001001", false, {}, community.id};
  }

  // Milliseconds of a China-time moment: at("2025-09-26", 9) is 09:00 in Beijing.
  static int64_t at(const std::string& date, int hour, int minute = 0) {
    return china_start_of_day_ms(*Date::parse(date)) + (hour * 60 + minute) * 60'000LL;
  }
  std::string today() const { return date_in_china(clock.now_ms()).to_string(); }

  NewOrder order(const std::string& type = "投诉", const std::string& phone = "13812341234") {
    NewOrder o;
    o.channel = "phone";
    o.type = type;
    o.subject = "夜间施工噪音扰民";
    o.content = "东华门街道某工地连续多日夜间施工，噪音很大，影响休息。";
    o.contact_name = "张三";
    o.contact_phone = phone;
    o.region_code = "110101001001";
    o.urgency = "general";
    return o;
  }

  Result<cases::CaseRecord> create(NewOrder o) {
    Result<cases::CaseRecord> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = register_order(s, engine, box, *tree, o, "test");
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  cases::CaseRecord created(NewOrder o) {
    auto c = create(std::move(o));
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
  Result<cases::CaseRecord> act(int64_t id, const std::string& action, const auth::Principal& who,
                                const cases::Fields& input = {}) {
    return engine.apply(id, action, &who, input);
  }
  cases::CaseRecord acted(int64_t id, const std::string& action, const auth::Principal& who,
                          const cases::Fields& input = {}) {
    auto c = act(id, action, who, input);
    EXPECT_TRUE(c.ok()) << action << ": " << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
  // How many rows of `table` hold one of `needles` in one of `columns` (text or bytes). Counted
  // here rather than in SQL, so that the check reads the same on every engine and on sealed bytes.
  int64_t rows_holding(const std::string& table, const std::vector<std::string>& columns,
                       const std::vector<std::string>& needles) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    int64_t n = 0;
    Status st = db->read([&](db::Session& s) {
      auto rows = s.query(sql + " FROM " + table);
      if (!rows.ok()) return rows.status();
      for (const db::Row& row : *rows) {
        bool holds = false;
        for (size_t c = 0; c < row.size(); ++c) {
          const db::Value& v = row.at(c);
          const std::string* bytes = std::get_if<std::string>(&v);
          if (const auto* blob = std::get_if<db::Blob>(&v)) bytes = &blob->bytes;
          for (const std::string& needle : needles) {
            holds = holds || (bytes && bytes->find(needle) != std::string::npos);
          }
        }
        n += holds;
      }
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return n;
  }
  int64_t count(const std::string& sql, const db::Params& params = {}) {
    int64_t n = -1;
    Status st = db->read([&](db::Session& s) {
      auto r = s.query(sql, params);
      if (!r.ok()) return r.status();
      n = (*r)[0].integer(0);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return n;
  }
  // Each case of `kind`, oldest first, as "state:overdue:subject": what a demo made, to compare.
  std::vector<std::string> case_states(const std::string& kind) {
    std::vector<std::string> out;
    Status st = db->read([&](db::Session& s) {
      auto rows = s.query(
          "SELECT state || ':' || overdue || ':' || subject FROM cases WHERE kind = ? ORDER BY id",
          {kind});
      if (!rows.ok()) return rows.status();
      for (const db::Row& r : *rows) out.push_back(r.text(0));
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return out;
  }
  int fire_timers() { return *engine.fire_due_timers(clock.now_ms(), 1000); }
  // The case as stored now.
  cases::CaseRecord load(int64_t id) {
    cases::CaseRecord out;
    EXPECT_TRUE(db->read([&](db::Session& s) {
                    auto c = cases::load_case(s, id);
                    if (!c.ok()) return c.status();
                    if (*c) out = **c;
                    return Status::Ok();
                  }).ok());
    return out;
  }

  db::TestDb db;
  ManualClock clock;
  HolidayCalendar calendar;
  crypto::SecretBox box;
  cases::Engine engine;
  std::shared_ptr<const regions::RegionTree> tree;
  Unit centre, district, street, other_street, department, department2, community;
  auth::Principal dispatcher, street_staff, other_street_staff, department_staff, department2_staff,
      community_staff;

 private:
  static crypto::Key key() {
    crypto::Key k{};
    k.fill(9);
    return k;
  }
  static void write_regions(const std::string& dir) {
    std::ofstream(dir + "/provinces.csv") << "code,name\n11,\"北京市\"\n";
    std::ofstream(dir + "/cities.csv") << "code,name,provinceCode\n1101,\"市辖区\",11\n";
    std::ofstream(dir + "/areas.csv") << "code,name,cityCode,provinceCode\n110101,\"东城区\",1101,11\n";
    std::ofstream(dir + "/streets.csv")
        << "code,name,areaCode,provinceCode,cityCode\n110101001,\"东华门街道\",110101,11,1101\n"
           "110101002,\"景山街道\",110101,11,1101\n";
    std::ofstream(dir + "/villages.csv")
        << "code,name,streetCode,provinceCode,cityCode,areaCode\n"
           "110101001001,\"多福巷社区居委会\",110101001,11,1101,110101\n"
           "110101002001,\"景山东街社区居委会\",110101002,11,1101,110101\n";
  }
};

}  // namespace shegong::hotline
