#include "hotline/intake_levels.h"

#include "cases/profile.h"
#include "hotline/calls.h"
#include "hotline/test_world.h"

namespace shegong::hotline {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;

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
  EXPECT_EQ(*p.p90_wait_ms, 16 * kSecond);  // nearest rank: the 9th of 9
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

TEST_F(IntakeLevelsTest, TheWorst24HoursArePastNotTheLastMinutesBeforeNow) {
  // The period runs to tomorrow; now is 09:00 on the 26th. Calls every hour answered since the
  // 25th began, and one abandoned at 08:58: every past window holding it holds a day of answered
  // calls too.
  std::vector<OfferedCall> report;
  for (int h = 0; h < 33; ++h) {
    int64_t t = from + h * kHour;
    report.push_back({"H" + std::to_string(h), t, t + 3 * kSecond});
  }
  report.push_back({"LAST", from + 32 * kHour + 58 * kMinute, 0});
  calls(report);
  to = china_start_of_day_ms(day.plus_days(2));
  PhoneLevel p = levels().phone;
  EXPECT_EQ(p.offered, 34);
  ASSERT_TRUE(p.worst_24h);
  EXPECT_LE(p.worst_24h->to_ms, w.clock.now_ms());
  EXPECT_EQ(p.worst_24h->offered, 25);
  EXPECT_EQ(p.worst_24h->answered, 24);
}

TEST_F(IntakeLevelsTest, ALimitOutsideItsRangeIsAnErrorNamingTheKey) {
  ASSERT_TRUE(w.db->write([](db::Session& s) {
                    return cases::set_profile(s, "11", "hotline.intake.media_response_minutes",
                                              "9999999999999");
                  })
                  .ok());
  Status st = w.db->read([&](db::Session& s) {
    return intake_levels(s, "110101", from, to, w.clock.now_ms()).status();
  });
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "hotline.intake.media_response_minutes");
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
