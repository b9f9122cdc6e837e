// The holiday calendar's coming gap, as the server tells operators at start and the screens on
// GET /api/v1/calendar. Years far past any published notice are used, so that the test does not
// change meaning when the calendar package gains a year.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

constexpr int64_t k2039Dec04NoonChina = 2206584000000;  // 2039-12-04T04:00:00Z

class CalendarApi : public E2eTest {
 protected:
  void restart_on(const std::string& calendar_csv) {
    const std::string local = dir_ + "/local.csv";
    std::ofstream(local) << calendar_csv;
    server_.reset();
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(k2039Dec04NoonChina - wall_now_ms())}},
                 {"--calendar", local});
  }
  Json calendar(const std::string& user) {
    auto r = http().Get("/api/v1/calendar", as(user));
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return r ? Json::parse(r->body, nullptr, false) : Json();
  }
};

TEST_F(CalendarApi, TheMissingNextYearIsAnnouncedWithTheDayEachLimitStartsToFail) {
  restart_on("date,kind,name\n2039-01-01,holiday,元旦\n2039-10-01,holiday,国庆节\n");
  Json c = calendar("street");
  EXPECT_EQ(c["today"], "2039-12-04");
  EXPECT_EQ(c["last_year"], 2039);
  ASSERT_TRUE(c["gap"].is_object()) << c;
  EXPECT_EQ(c["gap"]["year"], 2040);
  EXPECT_EQ(c["gap"]["last_covered"], "2039-12-31");
  EXPECT_EQ(c["gap"]["refused_from"]["7"], "2039-12-25");
  EXPECT_EQ(c["gap"]["refused_from"]["15"], "2039-12-17");
  EXPECT_EQ(c["gap"]["refused_from"]["60"], "2039-11-02");
  const std::string message = c["gap"]["message"];
  EXPECT_NE(message.find("the holiday calendar for 2040 is not loaded"), std::string::npos);
  // The operator is told at start.
  EXPECT_NE(slurp(dir_ + "/server.log").find("the holiday calendar for 2040 is not loaded"),
            std::string::npos);
  EXPECT_EQ(calendar("leader")["gap"]["year"], 2040);
  // A year of two rows disagrees with the 放假办法: festivals and days off are missing.
  ASSERT_TRUE(c["warnings"].is_array()) << c;
  const std::string spring = "the holiday calendar for 2039: no day off is named for 春节";
  ASSERT_FALSE(c["warnings"].empty());
  EXPECT_TRUE(std::any_of(c["warnings"].begin(), c["warnings"].end(), [&](const Json& w) {
    return w["year"] == 2039 && w["message"].get<std::string>().starts_with(spring);
  })) << c["warnings"];
  EXPECT_NE(slurp(dir_ + "/server.log").find(spring), std::string::npos);

  // With the next year's notice loaded the gap is gone.
  restart_on(
      "date,kind,name\n2039-01-01,holiday,元旦\n2039-10-01,holiday,国庆节\n2040-01-01,holiday,"
      "元旦\n");
  Json loaded = calendar("street");
  EXPECT_EQ(loaded["last_year"], 2040);
  EXPECT_TRUE(loaded["gap"].is_null()) << loaded;
  // 2039 is still short of days off; 2040 is judged too once loaded.
  EXPECT_TRUE(std::any_of(loaded["warnings"].begin(), loaded["warnings"].end(), [](const Json& w) {
    return w["year"] == 2040;
  })) << loaded["warnings"];
  EXPECT_EQ(slurp(dir_ + "/server.log").find("is not loaded"), std::string::npos);

  EXPECT_EQ(http().Get("/api/v1/calendar")->status, 401);
}

// DOMAIN.md item 5: the days off for some groups only are shown with the group they are for, and
// stay working days for everyone else's counts.
TEST_F(CalendarApi, PartialHolidaysAreShownWithTheirGroupAndStayWorkingDays) {
  restart_on(
      "date,kind,name\n2039-01-01,holiday,元旦\n2039-10-01,holiday,国庆节\n2040-01-01,holiday,"
      "元旦\n");
  Json c = calendar("street");
  ASSERT_TRUE(c["partial_holidays"].is_array()) << c;
  ASSERT_EQ(c["partial_holidays"].size(), 4u) << c["partial_holidays"];
  Json first = c["partial_holidays"][0];
  EXPECT_EQ(first["date"], "2040-03-08");
  EXPECT_EQ(first["name"], "妇女节");
  EXPECT_EQ(first["group"], "妇女");
  EXPECT_EQ(first["days"], 0.5);
  EXPECT_EQ(first["working_day"], true);  // a Thursday: a working day for every count
  Json children = c["partial_holidays"][2];
  EXPECT_EQ(children["date"], "2040-06-01");
  EXPECT_EQ(children["group"], "不满14周岁的少年儿童");
  EXPECT_EQ(children["days"], 1);
  EXPECT_EQ(children["working_day"], true);  // a Friday
  EXPECT_EQ(c["partial_holidays"][1]["date"], "2040-05-04");
  EXPECT_EQ(c["partial_holidays"][3]["date"], "2040-08-01");
  EXPECT_EQ(c["partial_holidays"][3]["working_day"], true);  // a Wednesday
}

}  // namespace
}  // namespace shegong::testing
