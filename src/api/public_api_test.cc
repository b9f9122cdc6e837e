// What citizens do without signing in, against the real server: submit a demand from a phone, get
// a tracking number, follow it; bad submissions and floods are refused.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class PublicApi : public E2eTest {
 protected:
  static Json demand() {
    return {{"channel", "app"},
            {"type", "求助"},
            {"subject", "小区路灯不亮"},
            {"content", "多福巷小区东门路灯已经坏了一周，晚上出行不便。"},
            {"contact", {{"name", "刘女士"}, {"phone", "13512345678"}}},
            {"region_code", "110101001001"}};
  }
  std::pair<int, Json> submit(const Json& body, const httplib::Headers& headers = {}) {
    auto r = http().Post("/api/v1/public/orders", headers, body.dump(), "application/json");
    EXPECT_TRUE(r);
    return {r ? r->status : -1, r ? Json::parse(r->body, nullptr, false) : Json()};
  }
};

TEST_F(PublicApi, TheTrackingPageMasksTheDoorAndTheNameACitizenWroteInTheSubject) {
  Json d = demand();
  d["subject"] = "我叫张三丰，3号楼2单元501室楼道灯不亮";
  auto [status, order] = submit(d);
  ASSERT_EQ(status, 201) << order;
  auto tracked =
      http().Get(("/api/v1/public/orders/" + order["tracking_no"].get<std::string>()).c_str());
  ASSERT_TRUE(tracked && tracked->status == 200);
  EXPECT_EQ(Json::parse(tracked->body)["subject"], "我叫张**，*号楼*单元***室楼道灯不亮");
}

TEST_F(PublicApi, ACitizenSubmitsAndFollowsADemandWithoutSigningIn) {
  auto [status, order] = submit(demand(), {{"Idempotency-Key", "phone-retry-1"}});
  ASSERT_EQ(status, 201) << order;
  std::string no = order["tracking_no"];
  EXPECT_EQ(no.rfind("GD", 0), 0u);
  EXPECT_EQ(order["state"], "registered");
  EXPECT_EQ(order.dump().find("13512345678"), std::string::npos);
  // A retry of the same submission (a phone on a bad network) gets the same order.
  auto [again_status, again] = submit(demand(), {{"Idempotency-Key", "phone-retry-1"}});
  EXPECT_EQ(again_status, 201);
  EXPECT_EQ(again["tracking_no"], no);
  auto tracked = http().Get(("/api/v1/public/orders/" + no).c_str());
  ASSERT_TRUE(tracked && tracked->status == 200);
  EXPECT_EQ(Json::parse(tracked->body)["subject"], "小区路灯不亮");
  // Staff see it in their queue as a web/app demand.
  auto listed = http().Get("/api/v1/orders?q=%E8%B7%AF%E7%81%AF", as("admin"));
  ASSERT_TRUE(listed && listed->status == 200);
  EXPECT_EQ(Json::parse(listed->body)["total"], 1);
}

TEST_F(PublicApi, BadSubmissionsNameTheFieldAndFloodsAreRefused) {
  Json phone_channel = demand();
  phone_channel["channel"] = "phone";  // only staff register calls
  auto [s1, e1] = submit(phone_channel);
  EXPECT_EQ(s1, 400);
  EXPECT_EQ(e1["error"]["field"], "channel");
  Json no_phone = demand();
  no_phone["contact"].erase("phone");
  auto [s2, e2] = submit(no_phone);
  EXPECT_EQ(s2, 400);
  EXPECT_EQ(e2["error"]["field"], "contact.phone");
  auto [s3, kept] = submit(demand(), {{"Idempotency-Key", "flood-retry-1"}});
  ASSERT_EQ(s3, 201) << kept;
  int accepted = 1, refused = 0;
  for (int i = 0; i < 12; ++i) {
    Json d = demand();
    d["subject"] = "路灯不亮 " + std::to_string(i);
    auto r = http().Post("/api/v1/public/orders", d.dump(), "application/json");
    ASSERT_TRUE(r);
    if (r->status == 201) ++accepted;
    if (r->status == 429) {
      ++refused;
      // The first submission of the minute leaves it within 60 s: then the next is admitted.
      const std::string retry_after = r->get_header_value("Retry-After");
      ASSERT_FALSE(retry_after.empty()) << r->body;
      EXPECT_GE(std::stoi(retry_after), 1);
      EXPECT_LE(std::stoi(retry_after), 60);
    }
  }
  EXPECT_EQ(accepted, 10);
  EXPECT_EQ(refused, 3);
  // A retry of a submission already answered still gets its answer once the limit is reached.
  auto retry = http().Post("/api/v1/public/orders", {{"Idempotency-Key", "flood-retry-1"}},
                           demand().dump(), "application/json");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 201) << retry->body;
  EXPECT_EQ(retry->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(Json::parse(retry->body)["tracking_no"], kept["tracking_no"]);
}

}  // namespace
}  // namespace shegong::testing
