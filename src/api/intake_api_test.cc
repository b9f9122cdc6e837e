// The intake service levels over HTTP: the telephone system reports its calls, staff read the
// levels of a period. The server's clock stands at Tuesday 10 March 2026, 10:00 in Beijing.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class IntakeApi : public E2eTest {
 protected:
  static Json call(const std::string& ref, const std::string& offered, const Json& answered) {
    return {{"call_ref", ref}, {"offered_at", offered}, {"answered_at", answered}};
  }
  Json yesterday_calls() {
    return {call("T-1", "2026-03-09T09:00:00+08:00", "2026-03-09T09:00:07+08:00"),
            call("T-2", "2026-03-09T09:10:00+08:00", "2026-03-09T09:10:20.500+08:00"),
            call("T-3", "2026-03-09T01:10:00Z", nullptr)};
  }
};

TEST_F(IntakeApi, TheTelephoneSystemReportsCallsAndLeadersReadTheLevels) {
  auto [status, added] =
      post("/api/v1/hotline/calls", "district_admin", {{"calls", yesterday_calls()}});
  ASSERT_EQ(status, 200) << added;
  EXPECT_EQ(added["region"], "110101000000");
  EXPECT_EQ(added["added"], 3);
  // Sent again, nothing is counted twice.
  auto again = post("/api/v1/hotline/calls", "district_admin", {{"calls", yesterday_calls()}});
  EXPECT_EQ(again.second["already_stored"], 3) << again.second;

  auto [read, levels] =
      get("/api/v1/hotline/intake-levels?from=2026-03-09&to=2026-03-09", "leader");
  ASSERT_EQ(read, 200) << levels;
  EXPECT_EQ(levels["from"], "2026-03-09");
  EXPECT_EQ(levels["limits"]["answer_seconds"], 15);
  const Json& phone = levels["phone"];
  EXPECT_EQ(phone["offered"], 3);
  EXPECT_EQ(phone["answered"], 2);
  EXPECT_EQ(phone["abandoned"], 1);
  EXPECT_EQ(phone["answered_in_time"], 1);
  EXPECT_DOUBLE_EQ(phone["completion_rate"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(phone["p90_wait_seconds"].get<double>(), 20.5);  // nearest rank: 2nd of 2
  EXPECT_EQ(phone["worst_24h"]["from"], "2026-03-08T16:00:00.000Z");
  EXPECT_EQ(phone["meets_completion_target"], false);
  // Today has no calls yet.
  auto today = get("/api/v1/hotline/intake-levels", "leader").second;
  EXPECT_EQ(today["from"], "2026-03-01");
  EXPECT_EQ(today["to"], "2026-03-10");
  EXPECT_EQ(today["phone"]["offered"], 3);
  // A national account reads the whole country; a neighbouring district has no hotline of its own
  // and these calls are not of the city's hotline that serves it.
  EXPECT_EQ(get("/api/v1/hotline/intake-levels", "admin").second["phone"]["offered"], 3);
  EXPECT_EQ(get("/api/v1/hotline/intake-levels", "xicheng").second["phone"]["offered"], 0);
}

TEST_F(IntakeApi, AMessageRegisteredFromAnSmsCountsAsAnsweredWhenStaffRegisteredIt) {
  Json order = {{"channel", "sms"},
                {"type", "求助"},
                {"subject", "小区停水"},
                {"content", "多福巷小区从早上起停水，请尽快处理。"},
                {"contact", {{"name", "李四"}, {"phone", "13912345678"}}},
                {"region_code", "110101001001"},
                {"received_at", "2026-03-10T09:58:30+08:00"}};
  auto [status, created] = post("/api/v1/orders", "street", order);
  ASSERT_EQ(status, 201) << created;
  auto levels = get("/api/v1/hotline/intake-levels?from=2026-03-10&to=2026-03-10", "leader").second;
  bool found = false;
  for (const Json& c : levels["channels"]) {
    if (c["channel"] != "sms") continue;
    found = true;
    EXPECT_EQ(c["orders"], 1);
    EXPECT_EQ(c["in_time"], 1);
    EXPECT_EQ(c["limit_minutes"], 3);
  }
  EXPECT_TRUE(found) << levels;
}

TEST_F(IntakeApi, BadReportsAndPeriodsAreRefusedNamingTheFieldAndStoreNothing) {
  Json calls = yesterday_calls();
  calls[1]["offered_at"] = "yesterday";
  auto bad = post("/api/v1/hotline/calls", "district_admin", {{"calls", calls}});
  EXPECT_EQ(bad.first, 400);
  EXPECT_EQ(bad.second["error"]["field"], "calls[1].offered_at") << bad.second;
  calls = yesterday_calls();
  calls[2]["answered_at"] = "2026-03-09T01:09:59Z";  // before the offer
  EXPECT_EQ(
      post("/api/v1/hotline/calls", "district_admin", {{"calls", calls}}).second["error"]["field"],
      "calls[2].answered_at");
  EXPECT_EQ(
      post("/api/v1/hotline/calls", "district_admin", {{"calls", "T-1"}}).second["error"]["field"],
      "calls");
  EXPECT_EQ(stored("SELECT count(*) FROM hotline_calls")[0].integer(0), 0);
  // Whose hotline: a national admin names it, nobody reports for a region outside their own,
  // and leaders and street staff do not report calls.
  EXPECT_EQ(post("/api/v1/hotline/calls", "admin", {{"calls", yesterday_calls()}})
                .second["error"]["field"],
            "region");
  EXPECT_EQ(post("/api/v1/hotline/calls", "district_admin",
                 {{"region", "110102"}, {"calls", yesterday_calls()}})
                .first,
            403);
  EXPECT_EQ(post("/api/v1/hotline/calls", "leader", {{"calls", yesterday_calls()}}).first, 403);
  EXPECT_EQ(
      post("/api/v1/hotline/calls", "admin", {{"region", "1101"}, {"calls", yesterday_calls()}})
          .second["added"],
      3);
  for (auto [query, field] :
       {std::pair{"from=2026-03-10&to=2026-03-09", "to"}, std::pair{"from=2026-02-30", "from"},
        std::pair{"from=2025-01-01&to=2026-03-09", "to"}}) {
    auto r = get(std::string("/api/v1/hotline/intake-levels?") + query, "leader");
    EXPECT_EQ(r.first, 400) << query;
    EXPECT_EQ(r.second["error"]["field"], field) << query << r.second;
  }
  auto unknown = get("/api/v1/hotline/intake-levels?region=99", "leader");
  EXPECT_EQ(unknown.first, 404);
  EXPECT_EQ(unknown.second["error"]["field"], "region") << unknown.second;
  EXPECT_EQ(get("/api/v1/hotline/intake-levels?region=110102", "leader").first, 403);
}

}  // namespace
}  // namespace shegong::testing
