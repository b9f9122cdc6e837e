#include "hotline/demo_orders.h"

#include <gtest/gtest.h>

#include <fstream>

#include "db/test_db.h"
#include "petitions/demo_petitions.h"
#include "regions/region_import.h"

namespace shegong::hotline {
namespace {

int64_t at(const std::string& date) { return china_start_of_day_ms(*Date::parse(date)); }

// A database holding the given region files (provinces.csv ... villages.csv, header lines added).
struct Regions {
  explicit Regions(const std::string& provinces,
                   const std::string& streets = "110101001,东华门街道\n") {
    std::ofstream(db.dir() + "/provinces.csv") << "code,name\n" << provinces;
    std::ofstream(db.dir() + "/cities.csv") << "code,name\n1101,市辖区\n";
    std::ofstream(db.dir() + "/areas.csv") << "code,name\n110101,东城区\n";
    std::ofstream(db.dir() + "/streets.csv") << "code,name\n" << streets;
    std::ofstream(db.dir() + "/villages.csv") << "code,name\n";
    EXPECT_TRUE(regions::import_regions(*db, SystemClock::instance(), db.dir(), "test").ok());
    tree = *regions::RegionTree::load(*db);
  }
  int64_t count(const std::string& table) {
    int64_t n = -1;
    EXPECT_TRUE(db->read([&](db::Session& s) {
                    auto rows = s.query("SELECT count(*) FROM " + table);
                    if (!rows.ok()) return rows.status();
                    n = (*rows)[0].integer(0);
                    return Status::Ok();
                  }).ok());
    return n;
  }
  db::TestDb db;
  std::shared_ptr<const regions::RegionTree> tree;
  HolidayCalendar calendar =
      *HolidayCalendar::load(std::string(SHEGONG_SOURCE_DIR) + "/data/calendar/holidays.csv");
  crypto::SecretBox box{crypto::Key{}};
};

DemoOptions options(const std::string& month) {
  DemoOptions o;
  o.month = month;
  o.count = 5;
  o.now_ms = at("2025-11-20");
  return o;
}

TEST(DemoOrders, BadOptionsAreRefusedBeforeAnythingIsWritten) {
  Regions w("11,北京市\n");
  for (auto [month, reason] :
       {std::pair{"2099-01", "the month has not begun yet"},
        std::pair{"0000-01", "the year must be 2000 or later"},
        std::pair{"1999-12", "the year must be 2000 or later"}, std::pair{"2025-13", "YYYY-MM"}}) {
    Status checked = check_demo_options(*w.tree, options(month));
    EXPECT_EQ(checked.field(), "month") << month;
    EXPECT_EQ(checked.message(), reason) << month;
    auto report = generate_demo_orders(*w.db, w.box, *w.tree, w.calendar, options(month));
    EXPECT_EQ(report.status().field(), "month") << month;
  }
  EXPECT_EQ(w.count("units"), 0);
  EXPECT_EQ(w.count("dispatch_rules"), 0);
  EXPECT_TRUE(check_demo_options(*w.tree, options("2025-11")).ok());
}

TEST(DemoOrders, ACityWithoutStreetsIsRefusedBeforeAnythingIsWritten) {
  Regions w("11,北京市\n", "");
  auto report = generate_demo_orders(*w.db, w.box, *w.tree, w.calendar, options("2025-11"));
  EXPECT_EQ(report.status().field(), "city");
  EXPECT_NE(report.status().message().find("no streets"), std::string::npos);
  EXPECT_EQ(w.count("units"), 0);
}

TEST(DemoOrders, ACityWhoseProvinceIsNotInTheTreeIsRefused) {
  Regions w("");  // 1101 without 11
  auto report = generate_demo_orders(*w.db, w.box, *w.tree, w.calendar, options("2025-11"));
  EXPECT_EQ(report.status().field(), "city");
  EXPECT_NE(report.status().message().find("not in the region tree"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(w.count("units"), 0);
  petitions::DemoPetitionOptions petitions;
  petitions.now_ms = at("2025-11-20");
  auto petition_report =
      petitions::generate_demo_petitions(*w.db, w.box, *w.tree, w.calendar, petitions);
  EXPECT_EQ(petition_report.status().field(), "city");
  EXPECT_NE(petition_report.status().message().find("not in the region tree"), std::string::npos);
  EXPECT_EQ(w.count("units"), 0);
}

}  // namespace
}  // namespace shegong::hotline
