// 减负 over HTTP against the real server: an admin publishes the district's lists (a cooperating
// item without its lead department is refused); a department's task on the street's list is
// admitted, one on a returned item is refused with nothing stored, one off the lists waits for the
// district government, which approves it with reasons, and the street completes it; a committee
// issues a listed certificate with a number and refuses another with the reason.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kPassword = "burden-pass-1";

class BurdenApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    street_ = make_unit("东华门街道办事处", "street", "110101001");
    community_ = make_unit("多福巷社区居委会", "community", "110101001001");
    government_ = make_unit("东城区人民政府", "district", "110101");
    department_ = make_unit("东城区城市管理委员会", "department", "110101");
    make_user("bd.department", "department_staff", "110101", department_, kPassword);
    make_user("bd.government", "leader", "110101", government_, kPassword);
    make_user("bd.street", "street_staff", "110101001", street_, kPassword);
    make_user("bd.committee", "community_staff", "110101001001", community_, kPassword);
  }
  int64_t publish(const Json& item) {
    auto [status, made] = post("/api/v1/duty-items", "admin", item);
    EXPECT_EQ(status, 201) << made;
    return made.value("id", int64_t{0});
  }
  Json task(int64_t item = 0) const {
    Json t = {{"unit_id", street_},
              {"subject", "开展楼道堆物排查"},
              {"content", "请于月底前完成辖区楼道堆物排查并建立台账。"},
              {"due_on", "2026-04-30"}};
    if (item) t["item_id"] = item;
    return t;
  }
  int64_t tasks() {
    return stored("SELECT count(*) FROM cases WHERE kind = 'work_task'")[0].integer(0);
  }

  int64_t street_ = 0, community_ = 0, government_ = 0, department_ = 0;
};

TEST_F(BurdenApi, ATaskIsAdmittedOnTheListsApprovedOffThemAndNeverSentOnAReturnedItem) {
  auto [refused, why] =
      post("/api/v1/duty-items", "admin",
           {{"region_code", "110101"}, {"list", "cooperating"}, {"name", "燃气安全检查"}});
  EXPECT_EQ(refused, 400);
  EXPECT_EQ(why["error"]["field"], "lead_department");
  EXPECT_EQ(post("/api/v1/duty-items", "bd.department",
                 {{"region_code", "110101"}, {"list", "basic"}, {"name", "x"}})
                .first,
            403);  // admins publish
  const int64_t basic = publish({{"region_code", "110101"},
                                 {"list", "basic"},
                                 {"name", "组织开展辖区安全隐患排查"},
                                 {"basis", "北京市街道办事处条例"}});
  const int64_t returned =
      publish({{"region_code", "110101"}, {"list", "returned"}, {"name", "违法建设的行政处罚"}});
  publish({{"region_code", "110101"},
           {"list", "cooperating"},
           {"name", "燃气安全检查"},
           {"lead_department", "城市管理委员会"},
           {"supporting_role", "组织入户宣传"}});
  // The street reads what holds for it, each with the area it comes from.
  auto [read, lists] = get("/api/v1/duty-items", "bd.street");
  ASSERT_EQ(read, 200) << lists;
  EXPECT_EQ(lists["items"].size(), 3u);
  EXPECT_EQ(lists["items"][0]["region_name"], "东城区");
  EXPECT_EQ(get("/api/v1/duty-items?list=nope", "bd.street").second["error"]["field"], "list");

  auto [admitted, on_list] = post("/api/v1/work-tasks", "bd.department", task(basic));
  ASSERT_EQ(admitted, 201) << on_list;
  EXPECT_EQ(on_list["state"], "admitted");
  EXPECT_EQ(on_list["target_unit"]["id"], street_);
  EXPECT_EQ(on_list["item"]["name"], "组织开展辖区安全隐患排查");
  EXPECT_EQ(on_list["item"]["region_code"], "110101000000");

  const int64_t before = tasks();
  auto [back, returned_why] = post("/api/v1/work-tasks", "bd.department", task(returned));
  EXPECT_EQ(back, 409);
  EXPECT_EQ(returned_why["error"]["field"], "item_id");
  EXPECT_EQ(tasks(), before);
  EXPECT_EQ(
      post("/api/v1/work-tasks", "bd.department", {{"unit_id", street_}}).second["error"]["field"],
      "subject");

  auto [waiting, off] = post("/api/v1/work-tasks", "bd.department", task());
  ASSERT_EQ(waiting, 201) << off;
  EXPECT_EQ(off["state"], "awaiting_approval");
  EXPECT_EQ(off["lead_unit"]["id"], government_);
  const std::string id = std::to_string(off["id"].get<int64_t>());
  EXPECT_EQ(post("/api/v1/work-tasks/" + id + "/approve", "bd.government", Json::object())
                .second["error"]["field"],
            "reasons");
  auto [approved, ok] = post("/api/v1/work-tasks/" + id + "/approve", "bd.government",
                             {{"reasons", "同意，作为汛期专项任务。"}});
  ASSERT_EQ(approved, 200) << ok;
  EXPECT_EQ(ok["state"], "admitted");
  EXPECT_EQ(ok["approval"]["decision"], "approved");
  EXPECT_EQ(ok["approval"]["by_name"], "bd.government");  // who decided, as a person reads it
  EXPECT_EQ(ok["lead_unit"]["id"], street_);
  auto [done, finished] =
      post("/api/v1/work-tasks/" + id + "/complete", "bd.street", {{"note", "已完成。"}});
  ASSERT_EQ(done, 200) << finished;
  EXPECT_EQ(finished["state"], "done");
  ASSERT_EQ(finished["timeline"].size(), 3u);  // register, approve, complete
  EXPECT_EQ(finished["timeline"][1]["data"]["reasons"], "同意，作为汛期专项任务。");
  // The sender still reads it; the list filters by state and form filling.
  EXPECT_EQ(get("/api/v1/work-tasks/" + id, "bd.department").first, 200);
  EXPECT_EQ(get("/api/v1/work-tasks?state=done", "bd.department").second["total"], 1);
  EXPECT_EQ(get("/api/v1/work-tasks?form_filling=maybe", "bd.department").second["error"]["field"],
            "form_filling");

  // What the lists did for the street this month: one task on them, one off them and approved.
  auto [counted, indicators] = get("/api/v1/work-task-indicators", "leader");
  ASSERT_EQ(counted, 200) << indicators;
  ASSERT_EQ(indicators["items"].size(), 1u);
  const Json& row = indicators["items"][0];
  EXPECT_EQ(row["region_name"], "东华门街道");
  EXPECT_EQ(row["sent"], 2);
  EXPECT_EQ(row["on_lists"], 1);
  EXPECT_EQ(row["off_lists"], 1);
  EXPECT_EQ(row["approved"], 1);
  EXPECT_EQ(row["done"], 1);
  EXPECT_EQ(row["awaiting"], 0);
  EXPECT_EQ(get("/api/v1/work-task-indicators?from=2026-13-01", "leader").second["error"]["field"],
            "from");
}

TEST_F(BurdenApi, ACommitteeIssuesListedCertificatesAndRefusesOthersWithTheReason) {
  const int64_t living = publish({{"region_code", "110101"},
                                  {"list", "certificate"},
                                  {"name", "居民居住情况证明"},
                                  {"basis", "社区可以出具的证明事项清单"}});
  auto [made, issued] = post("/api/v1/certificate-requests", "bd.committee",
                             {{"item_id", living}, {"purpose", "子女入学"}});
  ASSERT_EQ(made, 201) << issued;
  EXPECT_EQ(issued["outcome"], "issued");
  EXPECT_EQ(issued["number"].get<std::string>().substr(0, 2), "ZM");
  EXPECT_EQ(issued["basis"], "社区可以出具的证明事项清单");
  EXPECT_TRUE(issued["reason"].is_null());
  auto [asked, refused] = post("/api/v1/certificate-requests", "bd.committee",
                               {{"certificate", "亲属关系证明"}, {"purpose", "继承公证"}});
  ASSERT_EQ(asked, 201) << refused;
  EXPECT_EQ(refused["outcome"], "refused");
  EXPECT_TRUE(refused["number"].is_null());
  EXPECT_NE(refused["reason"].get<std::string>().find("亲属关系证明"), std::string::npos);
  EXPECT_EQ(post("/api/v1/certificate-requests", "bd.street", {{"certificate", "x"}}).first, 403);
  auto [read, ledger] = get("/api/v1/certificate-requests", "bd.street");
  ASSERT_EQ(read, 200) << ledger;
  EXPECT_EQ(ledger["issued"], 1);
  EXPECT_EQ(ledger["refused"], 1);
  EXPECT_EQ(ledger["items"].size(), 2u);
  // Retired, the item is no longer issued.
  auto [changed, retired] =
      request("PUT", "/api/v1/duty-items/" + std::to_string(living), "admin", {{"active", false}});
  ASSERT_EQ(changed, 200) << retired;
  EXPECT_EQ(
      post("/api/v1/certificate-requests", "bd.committee", {{"certificate", "居民居住情况证明"}})
          .second["outcome"],
      "refused");
}

}  // namespace
}  // namespace shegong::testing
