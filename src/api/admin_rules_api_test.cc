// The centre's rules and the people of its units, set over HTTP: deadlines, dispatch rules and a
// user's unit refuse values that would break dispatching later, units of another area and
// categories the taxonomy lacks, and change nothing when they do.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class AdminRules : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    auto imported = run_command({kBinary, "import", "categories", "--db", db_, "--from",
                                 source_path("assets/categories.csv")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    street_ = make_unit("东华门街道办事处", "street", "110101001");
    retired_ = make_unit("东城区原市容办", "department", "110101");
    xicheng_ = make_unit("西城区城市管理委员会", "department", "110102");
    centre_ = make_unit("12345市民服务热线", "centre", "11");
    auto [status, off] =
        send("PUT", "/api/v1/units/" + std::to_string(retired_), "admin", {{"active", false}});
    ASSERT_EQ(status, 200) << off;
  }
  int64_t make_unit(const std::string& name, const std::string& kind, const std::string& region) {
    auto [status, unit] = send("POST", "/api/v1/units", "admin",
                               {{"name", name}, {"kind", kind}, {"region_code", region}});
    EXPECT_EQ(status, 201) << unit;
    return unit.value("id", int64_t{0});
  }
  std::pair<int, Json> send(const std::string& method, const std::string& path,
                            const std::string& user, const Json& body) {
    return send_raw(method, path, user, body.dump());
  }
  std::pair<int, Json> send_raw(const std::string& method, const std::string& path,
                                const std::string& user, const std::string& body) {
    auto r = method == "PUT" ? http().Put(path.c_str(), as(user), body, "application/json")
                             : http().Post(path.c_str(), as(user), body, "application/json");
    EXPECT_TRUE(r);
    return {r ? r->status : -1, r ? Json::parse(r->body, nullptr, false) : Json()};
  }
  size_t count(const std::string& path) {
    auto r = http().Get(path.c_str(), as("admin"));
    return r ? Json::parse(r->body)["items"].size() : 0;
  }
  static void expect_refused(const std::pair<int, Json>& answer, const char* field,
                             const std::string& reason = "") {
    EXPECT_EQ(answer.first, 400) << answer.second;
    EXPECT_EQ(answer.second["error"]["field"], field) << answer.second;
    if (!reason.empty()) {
      EXPECT_NE(answer.second["error"]["message"].get<std::string>().find(reason),
                std::string::npos)
          << answer.second;
    }
  }
  int64_t street_ = 0, retired_ = 0, xicheng_ = 0, centre_ = 0;
};

TEST_F(AdminRules, DeadlinesRefuseAReminderBeyondAYearAndACategoryTheTaxonomyLacks) {
  const size_t before = count("/api/v1/sla-rules");
  Json rule = {{"urgency", "complex"},     {"category", "城乡建设"},  {"handling_unit", "days"},
               {"dispatch_minutes", 1440}, {"response_minutes", 120}, {"handling_amount", 15},
               {"reminder_minutes", 60}};
  for (int64_t reminder : {INT64_MAX, int64_t{60 * 24 * 365 + 1}, int64_t{-1}}) {
    Json bad = rule;
    bad["reminder_minutes"] = reminder;
    expect_refused(send("PUT", "/api/v1/sla-rules", "admin", bad), "reminder_minutes");
  }
  Json misspelt = rule;
  misspelt["category"] = "城乡建设/无此类";
  expect_refused(send("PUT", "/api/v1/sla-rules", "admin", misspelt), "category",
                 "not in the category taxonomy");
  EXPECT_EQ(count("/api/v1/sla-rules"), before);
  auto [status, saved] = send("PUT", "/api/v1/sla-rules", "admin", rule);
  EXPECT_EQ(status, 200) << saved;
  EXPECT_EQ(count("/api/v1/sla-rules"), before + 1);
}

TEST_F(AdminRules, ADispatchRuleNamesAnActiveUnitOfItsArea) {
  auto rule = [](int64_t unit) {
    return Json{{"region_code", "110101001"}, {"category", "城乡建设"}, {"unit_id", unit}};
  };
  // A unit of another district is not the district admin's to see, nor the rule's to name.
  expect_refused(send("POST", "/api/v1/dispatch-rules", "district_admin", rule(xicheng_)),
                 "unit_id", "no unit has the id");
  expect_refused(send("POST", "/api/v1/dispatch-rules", "admin", rule(xicheng_)), "unit_id",
                 "answers for another area");
  expect_refused(send("POST", "/api/v1/dispatch-rules", "admin", rule(retired_)), "unit_id",
                 "no active unit");
  expect_refused(send("POST", "/api/v1/dispatch-rules", "admin", rule(centre_)), "unit_id",
                 "centre dispatches");
  Json misspelt = rule(street_);
  misspelt["category"] = "城建";
  expect_refused(send("POST", "/api/v1/dispatch-rules", "district_admin", misspelt), "category");
  EXPECT_EQ(count("/api/v1/dispatch-rules"), 0u);
  auto [status, made] = send("POST", "/api/v1/dispatch-rules", "district_admin", rule(street_));
  EXPECT_EQ(status, 201) << made;
  EXPECT_EQ(count("/api/v1/dispatch-rules"), 1u);
}

TEST_F(AdminRules, AUserIsPutOnlyInAnActiveUnitOfTheAdminsJurisdiction) {
  Json user = {{"username", "rules.staff"},
               {"password", "rules-pass-1"},
               {"role", "department_staff"},
               {"region_code", "110101"},
               {"unit_id", xicheng_}};
  expect_refused(send("POST", "/api/v1/users", "district_admin", user), "unit_id",
                 "no unit in your jurisdiction");
  user["unit_id"] = retired_;
  expect_refused(send("POST", "/api/v1/users", "district_admin", user), "unit_id",
                 "no active unit");
  user["unit_id"] = street_;
  auto [status, made] = send("POST", "/api/v1/users", "district_admin", user);
  ASSERT_EQ(status, 201) << made;
  const std::string path = "/api/v1/users/" + std::to_string(made["id"].get<int64_t>());
  expect_refused(send("PUT", path, "district_admin", {{"unit_id", xicheng_}}), "unit_id",
                 "no unit in your jurisdiction");
  expect_refused(send("PUT", path, "district_admin", {{"unit_id", retired_}}), "unit_id",
                 "no active unit");
  auto [s2, now] = send("PUT", path, "district_admin", {{"display_name", "王五"}});
  ASSERT_EQ(s2, 200) << now;
  EXPECT_EQ(now["unit_id"], street_);
}

TEST_F(AdminRules, WholeNumbersBeyondSixtyFourBitsAndNulCharactersAreRefused) {
  expect_refused(send_raw("POST", "/api/v1/dispatch-rules", "admin",
                          R"({"region_code":"110101001","unit_id":18446744073709551615})"),
                 "unit_id", "larger than 9223372036854775807");
  expect_refused(send_raw("POST", "/api/v1/users", "admin",
                          R"({"username":"x","extra":{"deep":[1,[9223372036854775808]]}})"),
                 "extra");
  expect_refused(send("POST", "/api/v1/units", "admin",
                      {{"name", std::string("街道\0办", 10)},
                       {"kind", "street"},
                       {"region_code", "110101001"}}),
                 "name", "NUL");
  EXPECT_EQ(count("/api/v1/dispatch-rules"), 0u);
}

// A unit's name is shown on one line in lists, ledgers and the notices that name it.
TEST_F(AdminRules, UnitNamesAreOneLineAndNotBlank) {
  for (const std::string& name : {std::string("   "), std::string("\u3000"),
                                  std::string("东华门\n街道"), std::string("街道\t办")}) {
    auto [status, refused] =
        send("POST", "/api/v1/units", "admin",
             {{"name", name}, {"kind", "street"}, {"region_code", "110101002"}});
    EXPECT_EQ(status, 400) << name << ": " << refused;
    EXPECT_EQ(refused["error"].value("field", ""), "name") << refused;
  }
  const std::string path = "/api/v1/units/" + std::to_string(street_);
  for (const char* name : {"  ", "东华门\r\n街道"}) {
    auto [status, refused] = send("PUT", path, "admin", {{"name", name}});
    EXPECT_EQ(status, 400) << name << ": " << refused;
    EXPECT_EQ(refused["error"].value("field", ""), "name") << refused;
  }
  auto [status, renamed] = send("PUT", path, "admin", {{"name", "东华门街道办事处（新）"}});
  EXPECT_EQ(status, 200) << renamed;
}

}  // namespace
}  // namespace shegong::testing
