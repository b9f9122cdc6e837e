#include "hotline/demo_orders.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <random>

#include "cases/demo_people.h"
#include "cases/engine.h"
#include "hotline/demo_calls.h"
#include "hotline/demo_text_bank.h"
#include "hotline/intake.h"
#include "hotline/order_kind.h"
#include "hotline/rates.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;

struct City {
  std::vector<std::string> streets;                                  // street codes
  std::map<std::string, int64_t> street_unit;                        // street code -> unit
  std::map<std::string, std::map<std::string, int64_t>> department;  // district -> key -> unit
};

// The first moment of the month, and the end of the span its orders are spread over.
std::pair<int64_t, int64_t> month_span(const DemoOptions& o) {
  int64_t from = china_start_of_day_ms(*Date::parse(o.month + "-01"));
  return {from, std::min(o.now_ms, from + 30 * 24 * kHour)};
}

// Checked by check_demo_options before it is called.
Result<City> ensure_units(db::Db& db, const regions::RegionTree& tree, const std::string& city,
                          int64_t& created) {
  City out;
  const std::string province(regions::parent_of(city));
  const std::string province_name(tree.find(province)->name);
  Status st = db.write([&](db::Session& s) {
    auto centre = ensure_unit(s, province, province_name + "12345市民服务热线", "centre", &created);
    if (!centre.ok()) return centre.status();
    for (const auto& district : tree.children(city)) {
      std::string d(district.code), dname(district.name);
      auto gov = ensure_unit(s, d, dname + "人民政府", "district", &created);
      if (!gov.ok()) return gov.status();
      for (const auto& dept : demo_departments()) {
        bool utility =
            dept.key == "water" || dept.key == "power" || dept.key == "gas" || dept.key == "heat";
        auto u = ensure_unit(s, d, dname + std::string(dept.name_suffix),
                             utility ? "utility" : "department", &created);
        if (!u.ok()) return u.status();
        out.department[d][std::string(dept.key)] = *u;
      }
      for (const auto& street : tree.children(district.code)) {
        std::string code(street.code);
        auto u = ensure_unit(s, code, std::string(street.name) + "办事处", "street", &created);
        if (!u.ok()) return u.status();
        out.street_unit[code] = *u;
        out.streets.push_back(code);
      }
      // Dispatch rules: each scenario's category goes to the district's department for it.
      for (const auto& sc : demo_scenarios()) {
        if (sc.department.empty()) continue;
        auto r = upsert_dispatch_rule(
            s, {0, d, std::string(sc.category), out.department[d][std::string(sc.department)]});
        if (!r.ok()) return r.status();
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

std::string fill(std::string_view pattern, std::string_view place, std::string_view road) {
  std::string out(pattern);
  for (auto [slot, value] : {std::pair{std::string_view("{place}"), place},
                             std::pair{std::string_view("{road}"), road}}) {
    for (size_t at; (at = out.find(slot)) != std::string::npos;)
      out.replace(at, slot.size(), value);
  }
  return out;
}

template <typename T>
const T& pick(std::mt19937_64& rng, std::span<const T> items) {
  return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

}  // namespace

Status check_demo_options(const regions::RegionTree& tree, const DemoOptions& o) {
  if (!valid_period(o.month)) return Invalid("month", "YYYY-MM");
  if (o.month < "2000-01") return Invalid("month", "the year must be 2000 or later");
  if (o.count < 0 || o.count > 20'000'000) return Invalid("count", "from 0 to 20,000,000");
  if (auto [from, until] = month_span(o); until <= from) {
    return Invalid("month", "the month has not begun yet");
  }
  auto root = tree.find(o.city);
  if (!root || root->level != regions::Level::kCity) {
    return Invalid("city", "no city has the code " + o.city);
  }
  const std::string province(regions::parent_of(o.city));
  if (!tree.find(province)) {
    return Invalid("city", "the province " + province + " of the city " + o.city +
                               " is not in the region tree");
  }
  bool has_streets = false;
  for (const auto& district : tree.children(o.city))
    has_streets = has_streets || tree.child_count(district.code) > 0;
  if (!has_streets) return Invalid("city", "the city has no streets in the region tree");
  return Status::Ok();
}

Result<DemoReport> generate_demo_orders(db::Db& db, const crypto::SecretBox& box,
                                        const regions::RegionTree& tree,
                                        const HolidayCalendar& calendar, const DemoOptions& o) {
  auto started = std::chrono::steady_clock::now();
  SHEGONG_RETURN_IF_ERROR(check_demo_options(tree, o));
  DemoReport report;
  auto city = ensure_units(db, tree, o.city, report.units);
  if (!city.ok()) return city.status();

  ManualClock clock(0);
  cases::Engine engine(db, clock);
  engine.add_kind(order_kind(calendar));
  auth::Principal dispatcher{0, "demo", auth::Role::kDispatcher, "", false, {}, 0};

  const std::pair<int64_t, int64_t> span = month_span(o);
  const int64_t from = span.first, until = span.second;
  std::mt19937_64 rng(o.seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  auto minutes = [&](int lo, int hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng) * kMinute;
  };
  // A person at the centre answers a message of the text media within minutes (GB/T 33358-2016:
  // 3), mostly in time. Drawn apart, so the orders' own draws stay as they were.
  std::mt19937_64 media_rng(o.seed ^ 0x6d656469614cULL);
  auto media_response = [&] {
    bool in_time = std::uniform_real_distribution<double>(0, 1)(media_rng) < 0.92;
    return in_time ? std::uniform_int_distribution<int64_t>(20, 170)(media_rng) * 1000
                   : std::uniform_int_distribution<int64_t>(4, 40)(media_rng) * kMinute;
  };

  for (int64_t done = 0; done < o.count;) {
    int64_t batch = std::min<int64_t>(o.orders_per_commit, o.count - done);
    Status st = db.write([&](db::Session& s) {
      for (int64_t i = 0; i < batch; ++i) {
        const DemoScenario& sc = pick(rng, demo_scenarios());
        std::string street = pick(rng, std::span<const std::string>(city->streets));
        if ((done + i) % 40 == 0 && std::ranges::count(city->streets, o.demo_street))
          street = o.demo_street;
        auto communities = tree.children(street);
        std::string region =
            communities.empty()
                ? street
                : std::string(pick(rng, std::span<const regions::RegionRef>(communities)).code);
        std::string_view place = pick(rng, demo_estates()), road = pick(rng, demo_roads());
        // Demands arrive through the day, most between 8:00 and 22:00.
        int64_t day = std::uniform_int_distribution<int64_t>(0, (until - from) / (24 * kHour))(rng);
        int64_t at = from + day * 24 * kHour +
                     (chance(0.9) ? minutes(8 * 60, 22 * 60) : minutes(0, 24 * 60));
        if (at >= until) at = until - minutes(1, 120);
        clock.set_ms(at);
        NewOrder n;
        n.channel = std::array<const char*, 6>{
            "phone", "phone", "phone", "web", "app", "wechat"}[rng() % 6];
        n.type = std::string(sc.type);
        n.urgency = std::string(sc.urgency);
        n.category = std::string(sc.category);
        n.subject = fill(sc.subject, place, road);
        n.content = fill(sc.content, place, road);
        n.contact_name = cases::demo_person_name(rng);
        n.contact_phone = cases::demo_mobile(rng);
        n.region_code = region;
        n.address = std::string(place);
        n.confidential = sc.type == "举报" && chance(0.5);
        auto c = register_order(s, engine, box, tree, n, "demo");
        if (!c.ok()) return c.status();
        ++report.orders;
        bool pending = false;  // the order's deadline waits for the holiday calendar
        auto step = [&](int64_t when, const char* action, const auth::Principal& who,
                        cases::Fields in) -> Result<bool> {
          if (when >= o.now_ms) return false;  // not yet: the order stays in progress
          clock.set_ms(when);
          auto r = engine.apply_in(s, c->id, action, &who, in);
          if (!r.ok()) return r.status();
          pending = r->attrs.find("\"deadline_pending\"") != std::string::npos;
          return true;
        };
        int64_t t = at;
        const bool text_media = one_of(n.channel, kTextMediaChannels);
        if (sc.type == "咨询" && chance(0.5)) {
          int64_t answer_after = minutes(2, 20);
          if (text_media) answer_after = media_response();
          auto ok = step(t + answer_after, "triage", dispatcher,
                         {{"outcome", "answer_now"}, {"answer", std::string(sc.reply)}});
          if (!ok.ok()) return ok.status();
          report.closed += *ok;
          report.in_progress += !*ok;
          continue;
        }
        std::string district = street.substr(0, 6);
        int64_t unit = sc.department.empty()
                           ? city->street_unit[street]
                           : city->department[district][std::string(sc.department)];
        auth::Principal handler{
            0,
            "demo",
            sc.department.empty() ? auth::Role::kStreetStaff : auth::Role::kDepartmentStaff,
            "",
            false,
            {},
            unit};
        int64_t dispatch_after = sc.urgency == "emergency" ? minutes(3, 40) : minutes(10, 600);
        t += text_media ? media_response() : dispatch_after;
        auto dispatched = step(t, "dispatch", dispatcher, {{"unit_id", std::to_string(unit)}});
        if (!dispatched.ok()) return dispatched.status();
        bool progressing = *dispatched;
        // 85% accept within the response limit; the rest late.
        t += chance(0.85) ? minutes(5, 100) : minutes(150, 900);
        if (progressing) {
          auto r = step(t, "accept", handler, {});
          if (!r.ok()) return r.status();
          progressing = *r;
        }
        // A tenth are never answered in time: the server's timers mark them overdue.
        if (progressing && chance(0.9)) {
          t += sc.urgency == "emergency" ? minutes(20, 110) : minutes(60, 5 * 24 * 60);
          auto r = step(t, "reply", handler, {{"reply", std::string(sc.reply)}});
          if (!r.ok()) return r.status();
          progressing = *r;
          if (progressing) {
            t += minutes(60, 48 * 60);
            bool solved = chance(0.88);
            double roll = std::uniform_real_distribution<double>(0, 1)(rng);
            const char* satisfaction = !solved       ? (roll < 0.8 ? "不满意" : "基本满意")
                                       : roll < 0.8  ? "满意"
                                       : roll < 0.96 ? "基本满意"
                                                     : "不满意";
            auto cb = step(t, "callback", dispatcher,
                           {{"solved", solved ? "yes" : "no"}, {"satisfaction", satisfaction}});
            if (!cb.ok()) return cb.status();
            if (*cb && solved) {
              ++report.closed;
              continue;
            }
          }
        }
        ++report.in_progress;
        report.deadline_pending += pending;
      }
      return Status::Ok();
    });
    if (!st.ok()) return st;
    done += batch;
  }
  // Let the timers that fell due in the simulated month fire now, as a running server would have
  // done, so the database starts in a steady state.
  clock.set_ms(o.now_ms);
  for (;;) {
    auto fired = engine.fire_due_timers(o.now_ms, 10'000);
    if (!fired.ok()) return fired.status();
    if (*fired == 0) break;
  }
  auto calls = generate_demo_calls(
      db, {o.city, from, until, std::clamp<int64_t>(o.count / 30, 20, 2000), o.seed});
  if (!calls.ok()) return calls.status();
  report.calls = *calls;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace shegong::hotline
