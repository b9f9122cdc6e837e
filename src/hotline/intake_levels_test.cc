#include "hotline/intake_levels.h"

#include <random>

#include "cases/profile.h"
#include "hotline/calls.h"
#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;

TEST(WorstWindow, FindsTheWindowWhoseCallsWereLeastAnsweredEvenBetweenCalls) {
  // Answered at 0:00, unanswered at 23:30, answered at 24:12: the 24 hours from just after midnight
  // hold only the unanswered call.
  std::vector<CallTimes> calls = {{0, 5 * kSecond},
                                  {23 * kHour + 30 * kMinute, 0},
                                  {24 * kHour + 12 * kMinute, 24 * kHour + 12 * kMinute + 1}};
  auto w = worst_window(calls, 0, 48 * kHour, 24 * kHour);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->from_ms, 1);
  EXPECT_EQ(w->to_ms, 24 * kHour + 1);
  EXPECT_EQ(w->offered, 1);
  EXPECT_EQ(w->answered, 0);
  // A period shorter than the window, or without calls, has none.
  EXPECT_FALSE(worst_window(calls, 0, 24 * kHour - 1, 24 * kHour));
  EXPECT_FALSE(worst_window({}, 0, 48 * kHour, 24 * kHour));
  // A period of exactly one window has that window.
  auto day = worst_window(calls, 0, 24 * kHour, 24 * kHour);
  ASSERT_TRUE(day);
  EXPECT_EQ(day->from_ms, 0);
  EXPECT_EQ(day->offered, 2);
  EXPECT_EQ(day->answered, 1);
}

TEST(WorstWindow, AgreesWithTryingEveryStart) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200; ++round) {
    const int64_t from = 0, to = 60 + static_cast<int64_t>(rng() % 60), length = 10 + rng() % 20;
    std::vector<CallTimes> calls;
    for (int64_t n = static_cast<int64_t>(rng() % 12), i = 0; i < n; ++i) {
      int64_t t = static_cast<int64_t>(rng() % static_cast<uint64_t>(to));
      calls.push_back({t, rng() % 3 == 0 ? 0 : t + 1});
    }
    std::sort(calls.begin(), calls.end(), [](const CallTimes& a, const CallTimes& b) {
      return a.offered_at_ms < b.offered_at_ms;
    });
    std::optional<CallWindow> expected;
    for (int64_t start = from; start + length <= to; ++start) {
      CallWindow w{start, start + length, 0, 0};
      for (const CallTimes& c : calls) {
        if (c.offered_at_ms >= start && c.offered_at_ms < start + length) {
          ++w.offered;
          w.answered += c.answered_at_ms != 0;
        }
      }
      if (w.offered > 0 &&
          (!expected || w.answered * expected->offered < expected->answered * w.offered)) {
        expected = w;
      }
    }
    auto got = worst_window(calls, from, to, length);
    ASSERT_EQ(got.has_value(), expected.has_value()) << round;
    if (!got) continue;
    EXPECT_EQ(got->from_ms, expected->from_ms) << round;
    EXPECT_EQ(got->offered, expected->offered) << round;
    EXPECT_EQ(got->answered, expected->answered) << round;
  }
}

struct IntakeLevelsTest : ::testing::Test {
  TestWorld w;
  Date day = *Date::parse("2025-09-25");
  int64_t from = china_start_of_day_ms(day), to = china_start_of_day_ms(day.plus_days(1));

  void calls(const std::vector<OfferedCall>& report, const std::string& region = "1101") {
    ASSERT_TRUE(w.db->write([&](db::Session& s) {
                      return record_calls(s, w.clock, w.dispatcher, region, report).status();
                    })
                    .ok());
  }
  IntakeLevels levels(const std::string& region = "11") {
    IntakeLevels out;
    Status st = w.db->read([&](db::Session& s) {
      auto l = intake_levels(s, region, from, to, w.clock.now_ms());
      if (!l.ok()) return l.status();
      out = *l;
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return out;
  }
  // An order of `channel` made at `made`, registered by `actor` then.
  int64_t order_at(int64_t made, const std::string& channel, const std::string& actor = "public") {
    w.clock.set_ms(made);
    NewOrder o = w.order();
    o.channel = channel;
    int64_t id = 0;
    EXPECT_TRUE(w.db->write([&](db::Session& s) {
                      auto c = register_order(s, w.engine, w.box, *w.tree, o, actor);
                      if (!c.ok()) return c.status();
                      id = c->id;
                      return Status::Ok();
                    })
                    .ok());
    return id;
  }
  void dispatch_at(int64_t id, int64_t when) {
    w.clock.set_ms(when);
    w.acted(id, "dispatch", w.dispatcher, {{"unit_id", std::to_string(w.street.id)}});
  }
};

TEST_F(IntakeLevelsTest, CallsAnsweredInFifteenSecondsAndCompletedOverTheWorst24Hours) {
  const int64_t nine = from + 9 * kHour;
  std::vector<OfferedCall> report;
  for (int i = 0; i < 7; ++i) report.push_back({"A" + std::to_string(i), nine, nine + 8 * kSecond});
  report.push_back({"B", nine, nine + 15 * kSecond});  // exactly at the limit: in time
  report.push_back({"C", nine, nine + 16 * kSecond});
  report.push_back({"D", nine, 0});
  report.push_back({"E", to, to + kSecond});  // the next day: outside the period
  calls(report);
  PhoneLevel p = levels().phone;
  EXPECT_EQ(p.offered, 10);
  EXPECT_EQ(p.answered, 9);
  EXPECT_EQ(p.abandoned, 1);
  EXPECT_EQ(p.answered_in_time, 8);
  EXPECT_DOUBLE_EQ(*p.answered_in_time_rate, 0.8);
  EXPECT_DOUBLE_EQ(*p.completion_rate, 0.9);
  EXPECT_EQ(*p.median_wait_ms, 8 * kSecond);
  EXPECT_EQ(*p.p90_wait_ms, 15 * kSecond);
  ASSERT_TRUE(p.worst_24h);
  EXPECT_EQ(p.worst_24h->from_ms, from);
  EXPECT_EQ(p.worst_24h->offered, 10);
  EXPECT_EQ(p.worst_24h->answered, 9);

  // A district's figures hold the calls of the city's hotline that serves it; another city's
  // hotline is not counted.
  calls({{"TJ-1", nine, 0}}, "1201");
  EXPECT_EQ(levels("110101").phone.offered, 10);
  EXPECT_EQ(levels("11").phone.offered, 10);
  EXPECT_EQ(levels("12").phone.offered, 1);
  EXPECT_EQ(levels("").phone.offered, 11);
  // The limit is the region's configuration.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "11", "hotline.intake.answer_seconds", "20");
                  })
                  .ok());
  EXPECT_EQ(levels().limits.answer_seconds, 20);
  EXPECT_EQ(levels().phone.answered_in_time, 9);
  EXPECT_DOUBLE_EQ(*levels("1201").phone.completion_rate, 0.0);
  EXPECT_FALSE(levels("13").phone.completion_rate);  // no calls: no rate
  EXPECT_FALSE(levels("13").phone.worst_24h);
}

TEST_F(IntakeLevelsTest, TextMediaAreAnsweredInThreeMinutesAndMailboxesInADay) {
  const int64_t ten = from + 10 * kHour;
  dispatch_at(order_at(ten, "web"), ten + 2 * kMinute);         // in time
  dispatch_at(order_at(ten, "app"), ten + 3 * kMinute);         // at the limit: in time
  dispatch_at(order_at(ten, "wechat"), ten + 3 * kMinute + 1);  // late
  order_at(ten + 30 * kMinute, "sms", "user:1");                // registered by staff: at once
  dispatch_at(order_at(ten, "mailbox"), ten + 23 * kHour);      // in time for a mailbox
  order_at(ten, "board");                                       // nobody acted yet
  order_at(ten, "phone");                                       // measured on the calls
  w.clock.set_ms(ten + 23 * kHour);
  auto by_channel = [&](const IntakeLevels& l, const std::string& channel) {
    for (const ChannelLevel& c : l.channels) {
      if (c.channel == channel) return c;
    }
    ADD_FAILURE() << channel;
    return ChannelLevel{};
  };
  IntakeLevels l = levels();
  EXPECT_EQ(l.channels.size(), 6u);
  EXPECT_EQ(by_channel(l, "web").in_time, 1);
  EXPECT_EQ(by_channel(l, "web").limit_minutes, 3);
  EXPECT_EQ(*by_channel(l, "web").median_response_ms, 2 * kMinute);
  EXPECT_EQ(by_channel(l, "app").in_time, 1);
  EXPECT_EQ(by_channel(l, "wechat").late, 1);
  EXPECT_DOUBLE_EQ(*by_channel(l, "wechat").in_time_rate, 0.0);
  EXPECT_EQ(by_channel(l, "sms").in_time, 1);
  EXPECT_EQ(*by_channel(l, "sms").median_response_ms, 0);
  EXPECT_EQ(by_channel(l, "mailbox").in_time, 1);
  EXPECT_EQ(by_channel(l, "mailbox").limit_minutes, 24 * 60);
  // Not acted on: waiting while its day runs, late after.
  EXPECT_EQ(by_channel(l, "board").waiting, 1);
  EXPECT_FALSE(by_channel(l, "board").in_time_rate);
  w.clock.set_ms(ten + 24 * kHour + 1);
  EXPECT_EQ(by_channel(levels(), "board").late, 1);
  // The media limit is configurable too.
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "11", "hotline.intake.media_response_minutes",
                                              "5");
                  })
                  .ok());
  EXPECT_EQ(by_channel(levels(), "wechat").in_time, 1);
}

}  // namespace
}  // namespace shegong::hotline
