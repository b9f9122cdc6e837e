// What the workbench and the portal read besides orders themselves: the queue counts, the xlsx
// ledger of the current list, and the public list of places.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class WorkbenchApi : public E2eTest {};

TEST_F(WorkbenchApi, QueueCountsMatchTheListsAndTheLedgerIsAnXlsx) {
  for (int i = 0; i < 3; ++i) {
    Json demand = {{"channel", "phone"},
                   {"type", "投诉"},
                   {"subject", "噪音扰民 " + std::to_string(i)},
                   {"content", "夜间施工噪音很大。"},
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
  EXPECT_EQ(ledger->body.find("13812341234"), std::string::npos);  // masked, and compressed
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

}  // namespace
}  // namespace shegong::testing
