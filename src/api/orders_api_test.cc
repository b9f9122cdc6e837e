// 接诉即办 over HTTP against the real server: the whole loop moving the month's ranking, bad input
// that writes nothing, and orders and timers surviving a SIGKILL.
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "api/e2e_fixture.h"
#include "base/clock.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class OrdersApi : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    street_unit_ = make_unit("东华门街道办事处", "street", "110101001");
    make_unit("东城区人民政府", "district", "110101");
    department_unit_ = make_unit("东城区城市管理委员会", "department", "110101");
    make_user("op.dispatcher", "dispatcher", "110000000000", 0, kPassword);
    make_user("op.street", "street_staff", "110101001", street_unit_, kPassword);
    make_user("op.department", "department_staff", "110101", department_unit_, kPassword);
    dispatcher_ = session_of("op.dispatcher", kPassword);
    street_ = session_of("op.street", kPassword);
    department_ = session_of("op.department", kPassword);
  }

  static Json demand() {
    return {{"channel", "phone"},
            {"type", "投诉"},
            {"subject", "夜间施工噪音扰民"},
            {"content", "东华门街道某工地连续多日夜间施工，噪音很大。"},
            {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
            {"region_code", "110101001001"},
            {"address", "东华门大街1号"},
            {"lat", 39.914},
            {"lng", 116.404}};
  }
  std::pair<int, Json> post(const std::string& path, const httplib::Headers& who,
                            const Json& body) {
    auto r = http().Post(path.c_str(), who, body.dump(), "application/json");
    EXPECT_TRUE(r);
    return {r ? r->status : -1, r ? Json::parse(r->body, nullptr, false) : Json()};
  }
  std::pair<int, Json> get(const std::string& path, const httplib::Headers& who) {
    auto r = http().Get(path.c_str(), who);
    EXPECT_TRUE(r);
    return {r ? r->status : -1, r ? Json::parse(r->body, nullptr, false) : Json()};
  }
  Json street_row(const std::string& period) {
    auto [status, ranking] =
        get("/api/v1/rankings?period=" + period + "&level=street", dispatcher_);
    EXPECT_EQ(status, 200) << ranking;
    for (const auto& row : ranking["items"]) {
      if (row["unit"]["id"] == street_unit_) return row;
    }
    ADD_FAILURE() << "the street is not in the ranking: " << ranking;
    return {};
  }
  int64_t order_count() {
    return get("/api/v1/orders", dispatcher_).second.value("total", int64_t{-1});
  }
  // Every acknowledged order is stored, none is stored in part (each has its registration event and
  // its audit record), and the audit chain holds.
  void expect_stored_whole(const std::vector<int64_t>& acknowledged) {
    std::set<int64_t> ids;
    for (const auto& row : stored("SELECT id FROM cases WHERE kind = 'order'")) {
      ids.insert(row.integer(0));
    }
    for (int64_t id : acknowledged) {
      EXPECT_TRUE(ids.contains(id)) << "order " << id << " was acknowledged, not stored";
    }
    auto in_part = stored(
        "SELECT count(*) FROM cases c WHERE kind = 'order' AND (NOT EXISTS (SELECT 1 FROM "
        "case_events e WHERE e.case_id = c.id AND e.action = 'register') OR NOT EXISTS (SELECT 1 "
        "FROM audit_log a WHERE a.object = 'case:' || c.id))");
    ASSERT_EQ(in_part.size(), 1u);
    EXPECT_EQ(in_part[0].integer(0), 0);
    auto verified = run_command({kBinary, "audit", "verify", "--db", db_});
    EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  }

  static constexpr const char* kPassword = "order-pass-1";
  int64_t street_unit_ = 0, department_unit_ = 0;
  httplib::Headers dispatcher_, street_, department_;
};

TEST_F(OrdersApi, TheLoopFromDemandToCallbackMovesTheRanking) {
  // Idempotent intake: a retry with the same key replays the answer and creates nothing.
  httplib::Headers keyed = dispatcher_;
  keyed.emplace("Idempotency-Key", "call-20261121-0001");
  auto first = http().Post("/api/v1/orders", keyed, demand().dump(), "application/json");
  auto retry = http().Post("/api/v1/orders", keyed, demand().dump(), "application/json");
  ASSERT_TRUE(first && retry);
  ASSERT_EQ(first->status, 201) << first->body;
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(retry->body, first->body);
  EXPECT_EQ(retry->get_header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(order_count(), 1);
  Json other = demand();
  other["subject"] = "另一件事";
  EXPECT_EQ(post("/api/v1/orders", keyed, other).first, 409);  // same key, different request

  Json order = Json::parse(first->body);
  int64_t id = order["id"];
  std::string base = "/api/v1/orders/" + std::to_string(id);
  EXPECT_EQ(order["state"], "registered");
  EXPECT_EQ(order["contact"]["phone"], "138****1234");
  std::string period = order["received_at"].get<std::string>().substr(0, 7);
  Json before = street_row(period);

  auto [s1, dispatched] = post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}});
  ASSERT_EQ(s1, 200) << dispatched;
  EXPECT_EQ(dispatched["state"], "dispatched");
  EXPECT_FALSE(dispatched["due_at"].is_null());
  auto [s2, accepted] = post(base + "/accept", street_, Json::object());
  ASSERT_EQ(s2, 200) << accepted;
  auto [s3, replied] = post(base + "/reply", street_, {{"reply", "已责令施工方22时后停止作业"}});
  ASSERT_EQ(s3, 200) << replied;
  EXPECT_EQ(replied["state"], "replied");
  auto [s4, closed] =
      post(base + "/callback", dispatcher_, {{"solved", true}, {"satisfaction", "满意"}});
  ASSERT_EQ(s4, 200) << closed;
  EXPECT_EQ(closed["state"], "closed");
  std::vector<std::string> actions;
  for (const auto& e : closed["timeline"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"register", "dispatch", "accept", "reply", "callback"}));

  Json after = street_row(period);
  EXPECT_EQ(after["dispatched"].get<int>() - before["dispatched"].get<int>(), 1);
  EXPECT_EQ(after["responded_in_time"].get<int>() - before["responded_in_time"].get<int>(), 1);
  EXPECT_EQ(after["callbacks"].get<int>() - before["callbacks"].get<int>(), 1);
  EXPECT_EQ(after["solved"].get<int>() - before["solved"].get<int>(), 1);
  EXPECT_EQ(after["satisfied"].get<int>() - before["satisfied"].get<int>(), 1);
  EXPECT_EQ(after["response_rate"], 1.0);
  EXPECT_EQ(after["score"], 100.0);
  EXPECT_EQ(after["rank"], 1);

  // The citizen follows it by number, sees no personal data, and rates the answer.
  std::string no = order["tracking_no"];
  auto [s5, tracked] = get("/api/v1/public/orders/" + no, {});
  ASSERT_EQ(s5, 200) << tracked;
  EXPECT_EQ(tracked["state"], "closed");
  EXPECT_EQ(tracked.dump().find("1381234"), std::string::npos);
  EXPECT_EQ(tracked.dump().find("张三"), std::string::npos);
  EXPECT_EQ(post("/api/v1/public/orders/" + no + "/rating", {}, {{"satisfaction", "满意"}}).first,
            200);
  EXPECT_EQ(get("/api/v1/public/orders/GD000000000000000", {}).first, 404);

  // A department that has nothing to do with the order does not see it.
  EXPECT_EQ(get(base, department_).first, 404);
  EXPECT_EQ(get("/api/v1/orders", department_).second["total"], 0);
}

TEST_F(OrdersApi, BadInputNamesTheFieldOrRuleAndWritesNothing) {
  struct Bad {
    std::function<void(Json&)> spoil;
    const char* field;
  };
  std::vector<Bad> bad = {
      {[](Json& j) { j.erase("content"); }, "content"},
      {[](Json& j) { j["content"] = ""; }, "content"},
      {[](Json& j) { j.erase("contact"); }, "contact"},
      {[](Json& j) { j["contact"].erase("phone"); }, "contact.phone"},
      {[](Json& j) { j["contact"]["phone"] = "12345"; }, "contact.phone"},
      {[](Json& j) { j["region_code"] = "110101999999"; }, "region_code"},
      {[](Json& j) { j["region_code"] = "11x"; }, "region_code"},
      {[](Json& j) { j["lat"] = 91.0; }, "lat"},
      {[](Json& j) { j["lng"] = 200.0; }, "lng"},
      {[](Json& j) { j.erase("lng"); }, "lng"},
      {[](Json& j) { j["type"] = "表扬"; }, "type"},
      {[](Json& j) { j["channel"] = "fax"; }, "channel"},
      {[](Json& j) { j["category"] = "不存在/的/类别"; }, "category"},
      {[](Json& j) { j["confidential"] = "yes"; }, "confidential"},
  };
  for (const auto& b : bad) {
    Json body = demand();
    b.spoil(body);
    auto [status, error] = post("/api/v1/orders", dispatcher_, body);
    EXPECT_EQ(status, 400) << body;
    EXPECT_EQ(error["error"]["field"], b.field) << error;
  }
  EXPECT_EQ(order_count(), 0);

  // Transitions: wrong state, wrong role, wrong unit, missing fields; none writes.
  auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(created, 201);
  std::string base = "/api/v1/orders/" + std::to_string(order["id"].get<int64_t>());
  auto [s1, e1] = post(base + "/accept", street_, Json::object());
  EXPECT_EQ(s1, 409);
  EXPECT_EQ(e1["error"]["field"], "state");
  EXPECT_NE(
      e1["error"]["message"].get<std::string>().find("not allowed while the order is registered"),
      std::string::npos);
  auto [s2, e2] = post(base + "/dispatch", street_, {{"unit_id", street_unit_}});
  EXPECT_EQ(s2, 403) << e2;
  auto leader = post("/api/v1/orders", as("leader"), demand());
  EXPECT_EQ(leader.first, 403);
  auto [s3, e3] = post(base + "/callback", dispatcher_, {{"solved", true}});
  EXPECT_EQ(s3, 409);  // the state check comes before the fields: nothing to call back yet
  auto [s4, e4] = post(base + "/fly", dispatcher_, Json::object());
  EXPECT_EQ(s4, 404);
  auto [s5, e5] = post(base + "/dispatch", dispatcher_, {{"unit_id", 999999}});
  EXPECT_EQ(s5, 400);
  EXPECT_EQ(e5["error"]["field"], "unit_id");
  auto [s6, e6] = post(base + "/triage", dispatcher_, {{"outcome", "answer_now"}});
  EXPECT_EQ(s6, 400);
  EXPECT_EQ(e6["error"]["field"], "answer");
  auto [s8, e8] = post(base + "/triage", dispatcher_,
                       {{"outcome", "answer_now"}, {"answer", std::string("答\0复", 7)}});
  EXPECT_EQ(s8, 400);
  EXPECT_EQ(e8["error"]["field"], "answer");
  auto [s9, e9] =
      post(base + "/dispatch", dispatcher_,
           {{"unit_id", street_unit_}, {"co_unit_ids", {department_unit_, department_unit_}}});
  EXPECT_EQ(s9, 400);
  EXPECT_EQ(e9["error"]["field"], "co_unit_ids");
  auto [s10, e10] =
      post(base + "/dispatch", dispatcher_,
           {{"unit_id", street_unit_}, {"co_unit_ids", std::to_string(department_unit_) + ","}});
  EXPECT_EQ(s10, 400);
  EXPECT_EQ(e10["error"]["field"], "co_unit_ids");
  auto [s11, e11] = post(base + "/dispatch", dispatcher_, {{"unit_id", 18446744073709551615ull}});
  EXPECT_EQ(s11, 400);
  EXPECT_EQ(e11["error"]["field"], "unit_id");
  auto [s7, now] = get(base, dispatcher_);
  EXPECT_EQ(now["state"], "registered");
  EXPECT_EQ(now["timeline"].size(), 1u);
  EXPECT_EQ(now["version"], 1);
  EXPECT_EQ(order_count(), 1);

  // Free text of a handling step is bounded, and a requester rates an answer once.
  ASSERT_EQ(post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}}).first, 200);
  ASSERT_EQ(post(base + "/accept", street_, Json::object()).first, 200);
  auto [s12, e12] = post(base + "/reply", street_, {{"reply", std::string(20'001, 'x')}});
  EXPECT_EQ(s12, 400);
  EXPECT_EQ(e12["error"]["field"], "reply");
  auto [s13, e13] =
      post(base + "/extend", street_, {{"days", 5}, {"reason", std::string(4'001, 'x')}});
  EXPECT_EQ(s13, 400);
  EXPECT_EQ(e13["error"]["field"], "reason");
  ASSERT_EQ(post(base + "/reply", street_, {{"reply", "已处理"}}).first, 200);
  const std::string rating =
      "/api/v1/public/orders/" + order["tracking_no"].get<std::string>() + "/rating";
  EXPECT_EQ(post(rating, {}, {{"satisfaction", "不满意"}}).first, 200);
  auto [s14, e14] = post(rating, {}, {{"satisfaction", "满意"}});
  EXPECT_EQ(s14, 409);
  EXPECT_EQ(e14["error"]["field"], "satisfaction");
  auto [s15, rated] = get(base, dispatcher_);
  size_t rates = 0;
  for (const auto& e : rated["timeline"]) rates += e["action"] == "rate";
  EXPECT_EQ(rates, 1u);
  // Closing without a callback keeps its reason in the history.
  auto [s16, closed] = post(base + "/close", dispatcher_, {{"reason", "多次联系不上诉求人"}});
  ASSERT_EQ(s16, 200) << closed;
  EXPECT_EQ(closed["timeline"].back()["action"], "close");
  EXPECT_EQ(closed["timeline"].back()["data"]["reason"], "多次联系不上诉求人");
  const std::string tracking = "/api/v1/public/orders/" + order["tracking_no"].get<std::string>();
  EXPECT_EQ(get(tracking, {}).second["rating"], "不满意");
  // Reopened and answered again, the order shows no rating and takes one for the new answer.
  ASSERT_EQ(post(base + "/reopen", dispatcher_, {{"reason", "诉求人反映仍未解决"}}).first, 200);
  ASSERT_EQ(post(base + "/accept", street_, Json::object()).first, 200);
  ASSERT_EQ(post(base + "/reply", street_, {{"reply", "已再次处理"}}).first, 200);
  EXPECT_FALSE(get(tracking, {}).second.contains("rating"));
  EXPECT_EQ(post(rating, {}, {{"satisfaction", "满意"}}).first, 200);
  EXPECT_EQ(get(tracking, {}).second["rating"], "满意");
  EXPECT_EQ(post(rating, {}, {{"satisfaction", "不满意"}}).first, 409);
}

// What waits for the 12345 centre reaches its notices: a unit's dispute of a dispatch and its
// extension request (接诉即办条例 Arts. 12, 15), within the dispatcher's jurisdiction only.
TEST_F(OrdersApi, DisputesAndExtensionRequestsReachTheCentresNotices) {
  auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(created, 201) << order;
  std::string base = "/api/v1/orders/" + std::to_string(order["id"].get<int64_t>());
  ASSERT_EQ(post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}}).first, 200);
  EXPECT_EQ(notice_actions(street_), std::vector<std::string>{"dispatch"});
  EXPECT_TRUE(notice_actions(dispatcher_).empty());
  ASSERT_EQ(post(base + "/dispute", street_, {{"reason", "不属于本街道职责"}}).first, 200);
  EXPECT_EQ(notice_actions(dispatcher_), std::vector<std::string>{"dispute"});
  ASSERT_EQ(post(base + "/decide_dispute", dispatcher_, {{"decision", "uphold"}}).first, 200);
  ASSERT_EQ(post(base + "/accept", street_, Json::object()).first, 200);
  ASSERT_EQ(post(base + "/extend", street_, {{"days", 3}, {"reason", "需要产权单位配合"}}).first,
            200);
  EXPECT_EQ(notice_actions(dispatcher_), (std::vector<std::string>{"extend", "dispute"}));
  // A dispatcher of another district sees none of them.
  make_user("op.xicheng", "dispatcher", "110102", 0, kPassword);
  EXPECT_TRUE(notice_actions(session_of("op.xicheng", kPassword)).empty());
}

// 接诉即办条例 Art. 29: a demand that may lead to an emergency is reported to the district's
// government at once; an ordinary one is not.
TEST_F(OrdersApi, APossibleEmergencyIsReportedToTheDistrictGovernment) {
  int64_t government = make_unit("北京市东城区人民政府办公室", "government", "110101");
  make_user("op.government", "department_staff", "110101", government, kPassword);
  httplib::Headers reader = session_of("op.government", kPassword);
  auto notices = [&] {
    auto [status, list] = get("/api/v1/notices", reader);
    EXPECT_EQ(status, 200) << list;
    return list["items"];
  };
  ASSERT_EQ(post("/api/v1/orders", dispatcher_, demand()).first, 201);
  EXPECT_TRUE(notices().empty());
  Json gas = demand();
  gas["subject"] = "小区楼道有燃气泄漏气味";
  gas["urgency"] = "emergency";
  auto [created, order] = post("/api/v1/orders", dispatcher_, gas);
  ASSERT_EQ(created, 201) << order;
  Json items = notices();
  ASSERT_EQ(items.size(), 1u) << items;
  EXPECT_EQ(items[0]["action"], "register");
  EXPECT_EQ(items[0]["case"]["tracking_no"], order["tracking_no"]);
  // A citizen's own submission is not judged by the citizen: the centre raises it when it
  // dispatches, and the report goes then.
  Json from_citizen = gas;
  from_citizen["channel"] = "web";
  auto r = http().Post("/api/v1/public/orders", from_citizen.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(notices().size(), 1u);
  std::string tracking_no = Json::parse(r->body)["tracking_no"];
  auto [listed, list] = get("/api/v1/orders?q=" + tracking_no, dispatcher_);
  ASSERT_EQ(listed, 200) << list;
  ASSERT_EQ(list["items"].size(), 1u) << list;
  EXPECT_EQ(list["items"][0]["urgency"], "general");
  std::string base = "/api/v1/orders/" + std::to_string(list["items"][0]["id"].get<int64_t>());
  ASSERT_EQ(
      post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}, {"urgency", "emergency"}})
          .first,
      200);
  items = notices();
  ASSERT_EQ(items.size(), 2u) << items;
  EXPECT_EQ(items[0]["action"], "dispatch");
}

// A demand made earlier (a letter, a message left overnight) is registered with the time it was
// made; a citizen cannot backdate their own submission.
TEST_F(OrdersApi, StaffRegisterTheTimeADemandWasMade) {
  int64_t now = server_now_ms();
  std::string two_days_ago = shegong::format_utc_iso8601(now - 2 * 86'400'000);
  Json late = demand();
  late["received_at"] = two_days_ago;
  auto [created, order] = post("/api/v1/orders", dispatcher_, late);
  ASSERT_EQ(created, 201) << order;
  EXPECT_EQ(order["received_at"], two_days_ago);
  // The same moment written with the China offset.
  std::string china = shegong::format_utc_iso8601(now - 2 * 86'400'000 + 8 * 3'600'000);
  late["received_at"] = china.substr(0, 19) + "+08:00";
  auto [again, same] = post("/api/v1/orders", dispatcher_, late);
  ASSERT_EQ(again, 201) << same;
  EXPECT_EQ(same["received_at"].get<std::string>().substr(0, 19), two_days_ago.substr(0, 19));

  int64_t before = order_count();
  for (const Json& bad : {Json("yesterday"), Json(12345), Json("2025-10-31T25:00:00Z"),
                          Json(two_days_ago.substr(0, 19)),  // no offset
                          Json(shegong::format_utc_iso8601(now + 3'600'000)),
                          Json(shegong::format_utc_iso8601(now - 400LL * 86'400'000))}) {
    late["received_at"] = bad;
    auto [status, refused] = post("/api/v1/orders", dispatcher_, late);
    EXPECT_EQ(status, 400) << bad << ": " << refused;
    EXPECT_EQ(refused["error"].value("field", ""), "received_at") << bad << ": " << refused;
  }
  EXPECT_EQ(order_count(), before);

  Json citizen = demand();
  citizen["channel"] = "web";
  citizen["received_at"] = two_days_ago;
  auto r = http().Post("/api/v1/public/orders", citizen.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_NE(Json::parse(r->body)["received_at"], two_days_ago);
}

TEST_F(OrdersApi, OrdersAndTimersSurviveSigkillAndADeadlineMissedWhileDownFiresOnce) {
  auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(created, 201);
  int64_t id = order["id"];
  std::string base = "/api/v1/orders/" + std::to_string(id);
  auto [s1, dispatched] = post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}});
  ASSERT_EQ(s1, 200);
  int64_t due = dispatched["due_at_ms"];
  EXPECT_EQ(server_->stop(SIGKILL), 128 + SIGKILL);

  // Back up after the deadline has passed (simulated time), then killed and back again.
  int64_t offset = due - wall_now_ms() + 60'000;
  Env later = {{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(offset)}};
  auto deadline_events = [&] {
    auto [status, o] = get(base, dispatcher_);
    EXPECT_EQ(status, 200) << o;
    int n = 0;
    for (const auto& e : o["timeline"]) n += e["action"] == "deadline_reached";
    return std::make_pair(n, o);
  };
  for (int round = 0; round < 2; ++round) {
    start_server(later);
    dispatcher_ = session_of("op.dispatcher", kPassword);
    int fired = 0;
    Json o;
    for (int i = 0; i < 50 && fired == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::tie(fired, o) = deadline_events();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // more timer rounds
    std::tie(fired, o) = deadline_events();
    EXPECT_EQ(fired, 1) << "round " << round << ": " << o["timeline"];
    EXPECT_EQ(o["overdue"], true);
    EXPECT_EQ(o["state"], "dispatched");
    EXPECT_EQ(server_->stop(SIGKILL), 128 + SIGKILL);
  }
}

// Callers that keep filing orders at once, so that orders share commits, each on a connection of
// its own, until told to stop; what the server answered is kept.
class Callers {
 public:
  Callers(int port, const httplib::Headers& who, const Json& demand, int count) {
    for (int t = 0; t < count; ++t) {
      threads_.emplace_back([this, port, who, demand, t] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(20, 0);
        for (int i = 0; !stopping_; ++i) {
          Json body = demand;
          body["contact"]["phone"] = "139" + std::to_string(10000000 + t * 100000 + i);
          auto r = client.Post("/api/v1/orders", who, body.dump(), "application/json");
          std::lock_guard lock(mu_);
          if (!r) continue;  // the server is gone or the connection broke: only 201s count
          if (r->status == 201) {
            acknowledged_.push_back(Json::parse(r->body)["id"]);
          } else {
            ++statuses_[r->status];
            retry_afters_[r->status].insert(r->get_header_value("Retry-After"));
          }
        }
      });
    }
  }
  ~Callers() { stop(); }
  // Waits until `n` more orders than now have been acknowledged (at most a minute).
  void wait_for(size_t n) {
    size_t target = acknowledged().size() + n;
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (acknowledged().size() < target && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  void stop() {
    stopping_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  std::vector<int64_t> acknowledged() {
    std::lock_guard lock(mu_);
    return acknowledged_;
  }
  std::map<int, int> statuses() {
    std::lock_guard lock(mu_);
    return statuses_;
  }
  // The Retry-After values seen with each status other than 201 ("" for none).
  std::map<int, std::set<std::string>> retry_afters() {
    std::lock_guard lock(mu_);
    return retry_afters_;
  }

 private:
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::vector<int64_t> acknowledged_;
  std::map<int, int> statuses_;  // answers other than 201
  std::map<int, std::set<std::string>> retry_afters_;
  std::vector<std::thread> threads_;
};

TEST_F(OrdersApi, EveryOrderAcknowledgedBeforeASigkillUnderLoadIsStoredWhole) {
  Callers callers(server_->port(), dispatcher_, demand(), 8);
  callers.wait_for(300);
  EXPECT_EQ(server_->stop(SIGKILL), 128 + SIGKILL);
  callers.stop();
  auto acknowledged = callers.acknowledged();
  EXPECT_GE(acknowledged.size(), 300u);
  expect_stored_whole(acknowledged);
}

TEST_F(OrdersApi, PostgresConnectionsLostUnderLoadCostNoAcknowledgedOrderAndServingGoesOn) {
  if (!on_postgres()) GTEST_SKIP() << "an SQLite database has no connections to lose";
  // What a restart or a failover of the database server does to a running shegong: every
  // connection it holds is ended, twice, while callers keep filing.
  const std::string end_all =
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database_ +
      "' AND pid <> pg_backend_pid()";
  Callers callers(server_->port(), dispatcher_, demand(), 8);
  callers.wait_for(100);
  db::postgres_admin(db::test_postgres_server(), {end_all});
  callers.wait_for(100);
  db::postgres_admin(db::test_postgres_server(), {end_all});
  callers.wait_for(200);
  callers.stop();
  auto acknowledged = callers.acknowledged();
  EXPECT_GE(acknowledged.size(), 400u);  // serving went on after each loss
  for (const auto& [status, n] : callers.statuses()) {
    EXPECT_EQ(status, 503) << n << " answers " << status;  // refused as unavailable, never 500
  }
  // A refusal says when to come back: the next request takes a new connection.
  for (const auto& [status, values] : callers.retry_afters()) {
    EXPECT_EQ(values, std::set<std::string>{"1"}) << status;
  }
  expect_stored_whole(acknowledged);
}

TEST_F(OrdersApi, AnOrderDispatchedBeforeTheNextNoticeGetsItsDeadlineOnceLoaded) {
  // Wednesday 28 December 2039, 10:00 in Beijing, on a calendar that ends with 2039: the 7 days of
  // a general order end in 2040, a year whose notice is not loaded.
  const std::string through_2039 = dir_ + "/2039.csv", through_2040 = dir_ + "/2040.csv";
  std::ofstream(through_2039) << "date,kind,name\n2039-01-01,holiday,元旦\n";
  std::ofstream(through_2040)
      << "date,kind,name\n2039-01-01,holiday,元旦\n2040-01-01,holiday,元旦\n";
  auto restart = [&](int64_t simulated_ms, const std::string& calendar) {
    server_.reset();
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(simulated_ms - wall_now_ms())}},
                 {"--calendar", calendar});
    dispatcher_ = session_of("op.dispatcher", kPassword);
    street_ = session_of("op.street", kPassword);
  };
  restart(2208650400000, through_2039);
  auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(created, 201) << order;
  const std::string base = "/api/v1/orders/" + std::to_string(order["id"].get<int64_t>());
  // Dispatched all the same, with no guessed deadline.
  auto [status, dispatched] = post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}});
  ASSERT_EQ(status, 200) << dispatched;
  EXPECT_EQ(dispatched["state"], "dispatched");
  EXPECT_TRUE(dispatched["due_at_ms"].is_null()) << dispatched;
  EXPECT_EQ(dispatched["deadline_pending"]["amount"], 7) << dispatched;
  EXPECT_NE(dispatched["deadline_pending"]["reason"].get<std::string>().find("2040"),
            std::string::npos);
  // The street sees it in its list and takes it on.
  auto [listed, list] = get("/api/v1/orders", street_);
  ASSERT_EQ(listed, 200);
  ASSERT_EQ(list["items"].size(), 1u) << list;
  EXPECT_TRUE(list["items"][0].contains("deadline_pending"));
  EXPECT_EQ(post(base + "/accept", street_, Json::object()).first, 200);

  // The notice is loaded and the server restarted two days later: the deadline is counted from
  // dispatch, 7 days to Wednesday 4 January 2040.
  restart(2208823200000, through_2040);
  auto [read, o] = get(base, dispatcher_);
  ASSERT_EQ(read, 200);
  EXPECT_EQ(o["due_at"], "2040-01-04T15:59:59.999Z") << o;
  EXPECT_FALSE(o.contains("deadline_pending")) << o;
  EXPECT_EQ(o["state"], "accepted");
}

// Once the notice is out, an admin types it in while the server runs: the year is stored, counted
// with at once, and the orders that waited get their deadlines without a restart.
TEST_F(OrdersApi, AnAdminLoadsTheNextNoticeWhileServingAndWaitingDeadlinesAreSetAtOnce) {
  const std::string through_2039 = dir_ + "/2039.csv";
  std::ofstream(through_2039) << "date,kind,name\n2039-01-01,holiday,元旦\n";
  auto restart = [&](const std::string& calendar) {
    server_.reset();
    // Wednesday 28 December 2039, 10:00 in Beijing.
    start_server({{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(2208650400000 - wall_now_ms())}},
                 {"--calendar", calendar});
    dispatcher_ = session_of("op.dispatcher", kPassword);
  };
  restart(through_2039);
  auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(created, 201) << order;
  const std::string base = "/api/v1/orders/" + std::to_string(order["id"].get<int64_t>());
  auto [status, dispatched] = post(base + "/dispatch", dispatcher_, {{"unit_id", street_unit_}});
  ASSERT_EQ(status, 200) << dispatched;
  ASSERT_TRUE(dispatched["due_at_ms"].is_null()) << dispatched;

  const std::string notice = "date,kind,name\n2040-01-01,holiday,元旦\n";
  auto load = [&](const httplib::Headers& who, const Json& body) {
    return post("/api/v1/calendar/years", who, body);
  };
  auto stored_years = [&] { return stored("SELECT count(*) FROM calendar_years")[0].integer(0); };
  EXPECT_EQ(load(dispatcher_, {{"csv", notice}}).first, 403);
  for (const auto& [csv, words] : std::vector<std::pair<std::string, std::string>>{
           {"date,kind,name\n2040-01-01,holiday,元旦\n2040-02-30,holiday,春节\n", "line 3"},
           {"2040-01-01,holiday,元旦\n", "header"},
           {"date,kind,name\n2040-01-01,holiday,元旦\n2041-01-01,holiday,元旦\n", "2040–2041"},
           {"date,kind,name\n2040-01-02,workday,元旦\n", "Monday"},
           {"date,kind,name\n2041-01-01,holiday,元旦\n", "this year (2039) or the next (2040)"}}) {
    auto [refused, error] = load(as("admin"), {{"csv", csv}});
    EXPECT_EQ(refused, 400) << csv << ": " << error;
    EXPECT_EQ(error["error"].value("field", ""), "csv") << error;
    EXPECT_NE(error["error"].value("message", "").find(words), std::string::npos) << error;
  }
  auto [covered, covered_error] =
      load(as("admin"), {{"csv", "date,kind,name\n2039-01-01,holiday,元旦\n"}});
  EXPECT_EQ(covered, 409) << covered_error;
  EXPECT_EQ(covered_error["error"].value("field", ""), "year");

  // A preview reviews the year against the 放假办法 and stores nothing; a year that disagrees
  // with it (here: 元旦 alone) is loaded only when the admin says it is typed as published.
  auto [previewed, preview] = load(as("admin"), {{"csv", notice}, {"preview", true}});
  ASSERT_EQ(previewed, 200) << preview;
  EXPECT_FALSE(preview["stored"].get<bool>());
  EXPECT_EQ(preview["review"]["breaks"].size(), 1u) << preview;
  EXPECT_FALSE(preview["review"]["warnings"].empty()) << preview;
  auto [warned, warning] = load(as("admin"), {{"csv", notice}});
  EXPECT_EQ(warned, 409) << warning;
  EXPECT_EQ(warning["error"].value("field", ""), "accept_warnings") << warning;
  EXPECT_EQ(stored_years(), 0);
  EXPECT_TRUE(get(base, dispatcher_).second["due_at_ms"].is_null());

  auto [loaded, done] = load(as("admin"), {{"csv", notice}, {"accept_warnings", true}});
  ASSERT_EQ(loaded, 201) << done;
  EXPECT_TRUE(done["stored"].get<bool>());
  EXPECT_EQ(done["waiting_deadlines"]["orders"]["set"], 1) << done;
  EXPECT_EQ(done["waiting_deadlines"]["orders"]["still_pending"], 0) << done;
  // Counted from dispatch, 7 days to Wednesday 4 January 2040, as after a restart.
  auto [read, o] = get(base, dispatcher_);
  ASSERT_EQ(read, 200);
  EXPECT_EQ(o["due_at"], "2040-01-04T15:59:59.999Z") << o;
  EXPECT_FALSE(o.contains("deadline_pending")) << o;
  EXPECT_EQ(load(as("admin"), {{"csv", notice}, {"accept_warnings", true}}).first, 409);
  EXPECT_EQ(stored_years(), 1);
  EXPECT_EQ(stored("SELECT count(*) FROM audit_log WHERE action = 'calendar.year.load' AND "
                   "object = 'calendar:2040'")[0]
                .integer(0),
            1);
  auto [next, next_order] = post("/api/v1/orders", dispatcher_, demand());
  ASSERT_EQ(next, 201);
  auto [s2, next_dispatched] =
      post("/api/v1/orders/" + std::to_string(next_order["id"].get<int64_t>()) + "/dispatch",
           dispatcher_, {{"unit_id", street_unit_}});
  ASSERT_EQ(s2, 200) << next_dispatched;
  EXPECT_FALSE(next_dispatched["due_at_ms"].is_null()) << next_dispatched;

  // The year stays loaded across a restart on the same calendar files.
  restart(through_2039);
  auto [info_status, info] = get("/api/v1/calendar", dispatcher_);
  ASSERT_EQ(info_status, 200) << info;
  EXPECT_TRUE(info["years"].get<std::string>().ends_with("2039–2040")) << info;
  EXPECT_EQ(info["last_year"], 2040) << info;
  ASSERT_EQ(info["loaded_here"].size(), 1u) << info;
  EXPECT_EQ(info["loaded_here"][0]["year"], 2040) << info;
  EXPECT_EQ(info["loaded_here"][0]["loaded_at"].get<std::string>().substr(0, 10), "2039-12-28");
  EXPECT_EQ(info["loaded_here"][0]["loaded_by"].get<std::string>().find("user:"), std::string::npos)
      << info;
}

// Several servers on one database: a year loaded through one is taken by the other the next time
// its calendar is asked for (every staff screen asks), with no restart.
TEST_F(OrdersApi, AYearLoadedThroughOneServerIsTakenByAnotherOnTheSameDatabase) {
  const std::string through_2039 = dir_ + "/2039.csv";
  std::ofstream(through_2039) << "date,kind,name\n2039-01-01,holiday,元旦\n";
  // Wednesday 28 December 2039, 10:00 in Beijing, for both.
  const Env at = {{"SHEGONG_CLOCK_OFFSET_MS", std::to_string(2208650400000 - wall_now_ms())}};
  server_.reset();
  start_server(at, {"--calendar", through_2039});
  dispatcher_ = session_of("op.dispatcher", kPassword);
  ServerProcess other(kBinary, db_, dir_ + "/other.log",
                      {"--web-root", source_path("web/public"), "--calendar",
                       source_path("data/calendar/holidays.csv"), "--calendar", through_2039},
                      at);
  httplib::Client to_other("127.0.0.1", other.port());
  to_other.set_read_timeout(20, 0);

  auto dispatch = [&] {
    auto [created, order] = post("/api/v1/orders", dispatcher_, demand());
    EXPECT_EQ(created, 201) << order;
    auto [status, dispatched] =
        post("/api/v1/orders/" + std::to_string(order["id"].get<int64_t>()) + "/dispatch",
             dispatcher_, {{"unit_id", street_unit_}});
    EXPECT_EQ(status, 200) << dispatched;
    return dispatched;
  };
  const Json waiting = dispatch();
  ASSERT_TRUE(waiting["due_at_ms"].is_null()) << waiting;

  const Json notice = {{"csv", "date,kind,name\n2040-01-01,holiday,元旦\n"},
                       {"accept_warnings", true}};
  auto loaded =
      to_other.Post("/api/v1/calendar/years", as("admin"), notice.dump(), "application/json");
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->status, 201) << loaded->body;
  EXPECT_EQ(Json::parse(loaded->body)["waiting_deadlines"]["orders"]["set"], 1) << loaded->body;
  auto [read, o] =
      get("/api/v1/orders/" + std::to_string(waiting["id"].get<int64_t>()), dispatcher_);
  ASSERT_EQ(read, 200);
  EXPECT_EQ(o["due_at"], "2040-01-04T15:59:59.999Z") << o;

  // This server has not counted with 2040 yet; reading the calendar takes it.
  auto [info_status, info] = get("/api/v1/calendar", dispatcher_);
  ASSERT_EQ(info_status, 200) << info;
  EXPECT_EQ(info["last_year"], 2040) << info;
  EXPECT_FALSE(dispatch()["due_at_ms"].is_null());
  auto [again, refused] = post("/api/v1/calendar/years", as("admin"), notice);
  EXPECT_EQ(again, 409) << refused;
  EXPECT_EQ(refused["error"].value("field", ""), "year") << refused;
}

}  // namespace
}  // namespace shegong::testing
