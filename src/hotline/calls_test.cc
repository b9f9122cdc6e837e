#include "hotline/calls.h"

#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

constexpr int64_t kSecond = 1000;

struct Calls : ::testing::Test {
  TestWorld w;
  int64_t t0 = TestWorld::at("2025-09-26", 8);

  Result<CallsRecorded> record(const std::vector<OfferedCall>& calls,
                               const std::string& region = "1101") {
    Result<CallsRecorded> out = Internal("not run");
    Status st = w.db->write([&](db::Session& s) {
      out = record_calls(s, w.clock, w.dispatcher, region, calls);
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  int64_t stored() { return w.count("SELECT count(*) FROM hotline_calls"); }
};

TEST_F(Calls, AReportIsStoredWholeAndInTheAuditChain) {
  auto r = record({{"C-1", t0, t0 + 5 * kSecond}, {"C-2", t0 + kSecond, 0}});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(stored(), 2);
  EXPECT_EQ(w.count("SELECT count(*) FROM hotline_calls WHERE answered_at_ms IS NULL"), 1);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'hotline.calls.record'"), 1);
}

TEST_F(Calls, AReportSentTwiceCountsOnceAndOtherTimesForACallAreAConflict) {
  ASSERT_TRUE(record({{"C-1", t0, t0 + 5 * kSecond}}).ok());
  auto again = record({{"C-1", t0, t0 + 5 * kSecond}, {"C-2", t0 + kSecond, 0}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 1);
  EXPECT_EQ(again->already_stored, 1);
  EXPECT_EQ(stored(), 2);
  // The same id with another answer: refused, and the new call of the report is not kept either.
  auto other = record({{"C-3", t0, 0}, {"C-1", t0, t0 + 9 * kSecond}});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kConflict);
  EXPECT_EQ(other.status().field(), "calls[1].call_ref");
  EXPECT_EQ(stored(), 2);
  // The same id at another hotline is another call.
  EXPECT_EQ(record({{"C-1", t0, 0}}, "1201")->added, 1);
}

TEST_F(Calls, EveryCallIsCheckedBeforeAnythingIsWrittenAndTheErrorNamesIt) {
  const int64_t now = w.clock.now_ms();
  struct Case {
    OfferedCall bad;
    const char* field;
  } cases[] = {
      {{"", t0, 0}, "calls[1].call_ref"},
      {{"C\t9", t0, 0}, "calls[1].call_ref"},
      {{std::string(101, 'x'), t0, 0}, "calls[1].call_ref"},
      {{"\xff\xfe", t0, 0}, "calls[1].call_ref"},
      {{"C-9", now + 5 * 60 * kSecond, 0}, "calls[1].offered_at"},
      {{"C-9", now - 367LL * 86'400 * kSecond, 0}, "calls[1].offered_at"},
      {{"C-9", t0, t0 - kSecond}, "calls[1].answered_at"},
      {{"C-9", t0, t0 + 86'401 * kSecond}, "calls[1].answered_at"},
      {{"C-1", t0, 0}, "calls[1].call_ref"},  // twice in one report
  };
  for (const Case& c : cases) {
    auto r = record({{"C-1", t0, t0 + kSecond}, c.bad});
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().to_string();
  }
  EXPECT_EQ(record({}).status().field(), "calls");
  EXPECT_EQ(record(std::vector<OfferedCall>(kMaxCallsPerReport + 1, {"C", t0, 0})).status().field(),
            "calls");
  EXPECT_EQ(stored(), 0);
  EXPECT_EQ(w.count("SELECT count(*) FROM audit_log WHERE action = 'hotline.calls.record'"), 0);
}

}  // namespace
}  // namespace shegong::hotline
