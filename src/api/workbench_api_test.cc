// What the workbench and the portal read besides orders themselves: the queue counts, the xlsx
// ledger of the current list, and the public list of places.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"
#include "documents/test_zip.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class WorkbenchApi : public E2eTest {};

TEST_F(WorkbenchApi, QueueCountsMatchTheListsAndTheLedgerIsAnXlsx) {
  for (int i = 0; i < 3; ++i) {
    Json demand = {{"channel", "phone"},
                   {"type", "投诉"},
                   {"subject", "噪音扰民 " + std::to_string(i) + " 回电13812341234"},
                   {"content", "夜间施工噪音很大。"},
                   {"address", "东华门大街1号 卡号6222021234567890123"},
                   {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
                   {"region_code", "110101001001"}};
    auto r = http().Post("/api/v1/orders", as("admin"), demand.dump(), "application/json");
    ASSERT_TRUE(r && r->status == 201) << (r ? r->body : "");
  }
  auto queue = http().Get("/api/v1/queue", as("admin"));
  ASSERT_TRUE(queue && queue->status == 200);
  Json counts = Json::parse(queue->body);
  EXPECT_EQ(counts["new"], 3);
  EXPECT_EQ(counts["due_soon"], 0);
  EXPECT_EQ(counts["overdue"], 0);
  auto listed = http().Get("/api/v1/orders?queue=new", as("admin"));
  ASSERT_TRUE(listed && listed->status == 200);
  EXPECT_EQ(Json::parse(listed->body)["total"], 3);
  auto bad = http().Get("/api/v1/orders?queue=later", as("admin"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json::parse(bad->body)["error"]["field"], "queue");
  // Another district's user sees none of them, in the counts as in the list.
  auto other = http().Get("/api/v1/queue", as("xicheng"));
  ASSERT_TRUE(other && other->status == 200);
  EXPECT_EQ(Json::parse(other->body)["new"], 0);
  auto ledger = http().Get("/api/v1/order-ledger?q=%E5%99%AA%E9%9F%B3", as("admin"));
  ASSERT_TRUE(ledger && ledger->status == 200);
  EXPECT_EQ(ledger->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(ledger->body.substr(0, 2), "PK");
  // An export leaves the system: personal numbers in the requester and in free text are masked
  // (DOMAIN.md item 43), house numbers stay.
  std::optional<std::string> cells = documents::zip_entry(ledger->body, "xl/sharedStrings.xml");
  ASSERT_TRUE(cells);
  EXPECT_NE(cells->find("噪音扰民 0"), std::string::npos) << *cells;
  EXPECT_NE(cells->find("东华门大街1号"), std::string::npos) << *cells;
  EXPECT_NE(cells->find("138****1234"), std::string::npos) << *cells;
  for (const char* number : {"13812341234", "6222021234567890123", "张三"}) {
    EXPECT_EQ(cells->find(number), std::string::npos) << number;
  }
}

TEST_F(WorkbenchApi, ThePortalReadsPlacesWithoutSigningIn) {
  auto provinces = http().Get("/api/v1/public/regions/0/children");
  ASSERT_TRUE(provinces && provinces->status == 200);
  EXPECT_EQ(Json::parse(provinces->body)["items"].size(), 31u);
  auto streets = http().Get("/api/v1/public/regions/110101/children");
  ASSERT_TRUE(streets && streets->status == 200);
  bool found = false;
  Json street_list = Json::parse(streets->body);
  for (const auto& s : street_list["items"]) {
    if (s["name"] == "东华门街道") found = s["has_children"].get<bool>();
  }
  EXPECT_TRUE(found);
  auto unknown = http().Get("/api/v1/public/regions/999999/children");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(WorkbenchApi, TheSessionSaysWhoAndWhereAndTimelinesNameTheActors) {
  auto unit = http().Post(
      "/api/v1/units", as("admin"),
      Json{{"name", "东华门街道办事处"}, {"kind", "street"}, {"region_code", "110101001"}}.dump(),
      "application/json");
  ASSERT_TRUE(unit && unit->status == 201);
  int64_t unit_id = Json::parse(unit->body)["id"];
  Json user = {
      {"username", "wb.street"},    {"password", "workbench-pass-1"},    {"role", "street_staff"},
      {"region_code", "110101001"}, {"display_name", "东华门街道 李四"}, {"unit_id", unit_id}};
  auto created = http().Post("/api/v1/users", as("admin"), user.dump(), "application/json");
  ASSERT_TRUE(created && created->status == 201) << (created ? created->body : "");
  int64_t user_id = Json::parse(created->body)["id"];
  httplib::Headers session = session_of("wb.street", "workbench-pass-1");
  auto me = http().Get("/api/v1/session", session);
  ASSERT_TRUE(me && me->status == 200);
  Json who = Json::parse(me->body);
  EXPECT_EQ(who["display_name"], "东华门街道 李四");
  EXPECT_EQ(who["unit"]["id"], unit_id);
  EXPECT_EQ(who["unit"]["name"], "东华门街道办事处");
  EXPECT_EQ(who["csrf_token"], session.find("X-CSRF-Token")->second);
  // A bearer token has no CSRF token to give.
  auto admin = http().Get("/api/v1/session", as("admin"));
  ASSERT_TRUE(admin && admin->status == 200);
  EXPECT_FALSE(Json::parse(admin->body).contains("csrf_token"));

  // The timeline names people.
  Json demand = {{"channel", "phone"},
                 {"type", "求助"},
                 {"subject", "路灯不亮"},
                 {"content", "东门路灯坏了。"},
                 {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
                 {"region_code", "110101001001"}};
  auto order = http().Post("/api/v1/orders", session, demand.dump(), "application/json");
  ASSERT_TRUE(order && order->status == 201) << (order ? order->body : "");
  auto full =
      http().Get(("/api/v1/orders/" + Json::parse(order->body)["id"].dump()).c_str(), session);
  ASSERT_TRUE(full && full->status == 200);
  EXPECT_EQ(Json::parse(full->body)["timeline"][0]["actor_name"], "东华门街道 李四");

  // An admin changes the user; a disabled user's session ends.
  auto bad = http().Put(("/api/v1/users/" + std::to_string(user_id)).c_str(), as("admin"),
                        Json{{"role", "emperor"}}.dump(), "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json::parse(bad->body)["error"]["field"], "role");
  auto outside =
      http().Put(("/api/v1/users/" + std::to_string(user_id)).c_str(), as("district_admin"),
                 Json{{"region_code", "110102"}}.dump(), "application/json");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 403);
  auto changed =
      http().Put(("/api/v1/users/" + std::to_string(user_id)).c_str(), as("admin"),
                 Json{{"display_name", "李四"}, {"disabled", true}}.dump(), "application/json");
  ASSERT_TRUE(changed && changed->status == 200) << (changed ? changed->body : "");
  EXPECT_EQ(Json::parse(changed->body)["disabled"], true);
  auto after = http().Get("/api/v1/session", session);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(WorkbenchApi, CategoriesAndOrderCountsPerPlace) {
  auto imported = run_command({kBinary, "import", "categories", "--db", db_, "--from",
                               source_path("assets/categories.csv")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto top = http().Get("/api/v1/categories?parent=", as("street"));
  ASSERT_TRUE(top && top->status == 200);
  Json categories = Json::parse(top->body)["items"];
  ASSERT_FALSE(categories.empty());
  EXPECT_EQ(categories[0]["level"], 1);
  for (const char* region : {"110101001001", "110101002001", "110101002001"}) {
    Json demand = {{"channel", "phone"},
                   {"type", "求助"},
                   {"subject", "路灯不亮"},
                   {"content", "路灯坏了。"},
                   {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
                   {"region_code", region}};
    auto r = http().Post("/api/v1/orders", as("admin"), demand.dump(), "application/json");
    ASSERT_TRUE(r && r->status == 201);
  }
  auto counts = http().Get("/api/v1/order-counts?region=110101", as("admin"));
  ASSERT_TRUE(counts && counts->status == 200);
  Json c = Json::parse(counts->body);
  EXPECT_EQ(c["total"], 3);
  ASSERT_EQ(c["items"].size(), 2u);
  EXPECT_EQ(c["items"][0]["name"], "景山街道");
  EXPECT_EQ(c["items"][0]["orders"], 2);
  EXPECT_EQ(c["items"][0]["open"], 2);
  auto street = http().Get("/api/v1/order-counts", as("street"));  // 东华门街道's own communities
  ASSERT_TRUE(street && street->status == 200);
  Json mine = Json::parse(street->body);
  EXPECT_EQ(mine["total"], 1);
  auto foreign = http().Get("/api/v1/order-counts?region=110102", as("street"));
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  auto bad = http().Get("/api/v1/order-counts?period=2026-13", as("admin"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

}  // namespace
}  // namespace shegong::testing
