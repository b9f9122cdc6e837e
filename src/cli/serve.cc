#include <charconv>
#include <iomanip>
#include <iostream>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "api/app.h"
#include "api/waiting_deadlines.h"
#include "auth/users.h"
#include "base/calendar.h"
#include "base/calendar_gap.h"
#include "base/calendar_review.h"
#include "base/csv.h"
#include "base/log.h"
#include "burden/demo_burden.h"
#include "burden/work_task_kind.h"
#include "cases/engine.h"
#include "cli/commands.h"
#include "disputes/demo_disputes.h"
#include "disputes/dispute_kind.h"
#include "hotline/categories.h"
#include "hotline/demo_orders.h"
#include "hotline/order_kind.h"
#include "hotline/text_aids.h"
#include "petitions/demo_petitions.h"
#include "petitions/petition_kind.h"
#include "regions/region_import.h"
#include "suggestions/demo_suggestions.h"
#include "suggestions/suggestion_kind.h"
#include "text/classifier.h"

namespace shegong::cli {

namespace {

constexpr const char* kDemoPassword = "shegong-demo";

struct DemoUser {
  const char* username;
  const char* role;
  const char* region;
  const char* display_name;
};

// Demo accounts that show the jurisdiction rules at a glance: the whole country, a city, a
// district and one street of it.
constexpr DemoUser kDemoUsers[] = {
    {"admin", "admin", "100000000000", "系统管理员"},
    {"dispatcher", "dispatcher", "110000000000", "北京市12345派单员"},
    {"dongcheng", "leader", "110101000000", "东城区领导"},
    {"donghuamen", "street_staff", "110101001000", "东华门街道工作人员"},
    {"xinfang", "department_staff", "110101000000", "东城区信访办公室工作人员"},
    {"jianyi", "department_staff", "110101000000", "东城区人民建议征集办公室工作人员"},
    {"duofu", "community_staff", "110101001001", "多福巷社区人民调解员"},
    {"chengguan", "department_staff", "110101000000", "东城区城市管理委员会工作人员"},
    {"quzhengfu", "department_staff", "110101000000", "东城区人民政府办公室工作人员"},
};

Result<int64_t> count_rows(db::Db& db, const char* table) {
  int64_t n = 0;
  Status st = db.read([&](db::Session& s) {
    auto r = s.query(std::string("SELECT count(*) FROM ") + table);
    if (!r.ok()) return r.status();
    n = (*r)[0].integer(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Status seed_demo(Store& store, const crypto::SecretBox& box, const ServeOptions& options,
                 const Clock& clock) {
  const std::string& regions_from = options.regions_from;
  auto regions = count_rows(*store.db, "regions");
  if (!regions.ok()) return regions.status();
  if (*regions == 0) {
    std::cout << "demo: importing the national region tree from " << regions_from << " ..."
              << std::endl;
    auto report = regions::import_regions(*store.db, SystemClock::instance(), regions_from, "demo");
    if (!report.ok()) return report.status();
    std::cout << "demo: " << report->total << " regions imported in " << std::fixed
              << std::setprecision(2) << report->seconds << " s\n";
  }
  auto categories = count_rows(*store.db, "categories");
  if (!categories.ok()) return categories.status();
  if (*categories == 0) {
    auto text = read_file(options.categories_from);
    if (!text.ok()) return text.status();
    auto imported = hotline::import_categories(*store.db, SystemClock::instance(), *text, "demo");
    if (!imported.ok()) return imported.status();
  }
  auto orders = count_rows(*store.db, "cases");
  if (!orders.ok()) return orders.status();
  if (*orders == 0) {
    auto tree = regions::RegionTree::load(*store.db);
    if (!tree.ok()) return tree.status();
    auto calendar = load_calendar(options.calendars, *store.db);
    if (!calendar.ok()) return calendar.status();
    hotline::DemoOptions demo;
    demo.now_ms = clock.now_ms();  // the demo's "now" follows a simulated clock too
    demo.month = date_in_china(demo.now_ms).to_string().substr(0, 7);
    std::cout << "demo: a month of orders over the streets of 北京市 ..." << std::endl;
    auto report = hotline::generate_demo_orders(*store.db, box, **tree, *calendar, demo);
    if (!report.ok()) return report.status();
    std::cout << "demo: " << report->orders << " orders (" << report->closed << " closed, "
              << report->in_progress << " in progress), " << report->calls
              << " telephone calls and " << report->units << " units in " << std::fixed
              << std::setprecision(1) << report->seconds << " s\n";
    if (report->deadline_pending)
      std::cout << "demo: " << report->deadline_pending
                << " orders in progress wait for a holiday calendar that is not loaded to get "
                   "their deadline\n";
    petitions::DemoPetitionOptions petition_demo;
    petition_demo.now_ms = demo.now_ms;
    auto petitions =
        petitions::generate_demo_petitions(*store.db, box, **tree, *calendar, petition_demo);
    if (!petitions.ok()) return petitions.status();
    std::cout << "demo: " << petitions->petitions << " petitions (" << petitions->answered
              << " answered, " << petitions->in_progress << " in progress)\n";
    suggestions::DemoSuggestionOptions suggestion_demo;
    suggestion_demo.now_ms = demo.now_ms;
    auto suggestions =
        suggestions::generate_demo_suggestions(*store.db, box, **tree, suggestion_demo);
    if (!suggestions.ok()) return suggestions.status();
    std::cout << "demo: " << suggestions->suggestions << " people's suggestions in "
              << suggestions->collections << " special collections and routine ("
              << suggestions->answered << " answered)\n";
    disputes::DemoDisputeOptions dispute_demo;
    dispute_demo.now_ms = demo.now_ms;
    auto disputes =
        disputes::generate_demo_disputes(*store.db, box, **tree, *calendar, dispute_demo);
    if (!disputes.ok()) return disputes.status();
    std::cout << "demo: " << disputes->disputes << " disputes in mediation ("
              << disputes->agreed << " settled by agreement)\n";
    burden::DemoBurdenOptions burden_demo;
    burden_demo.now_ms = demo.now_ms;
    auto burden = burden::generate_demo_burden(*store.db, burden_demo);
    if (!burden.ok()) return burden.status();
    std::cout << "demo: " << burden->items << " duty list items, " << burden->tasks
              << " work tasks (" << burden->awaiting << " waiting for approval) and "
              << burden->certificates << " certificate requests\n";
  }
  auto users = count_rows(*store.db, "users");
  if (!users.ok()) return users.status();
  if (*users == 0) {
    for (const DemoUser& u : kDemoUsers) {
      auto created = auth::create_user(
          *store.db, SystemClock::instance(), box,
          {u.username, kDemoPassword, u.role, u.region, u.display_name, "", 0}, "demo");
      if (!created.ok()) return created.status();
    }
    // The dispatcher works at the centre, the street worker at 东华门街道办事处.
    return store.db->write([](db::Session& s) {
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE kind = 'centre' AND "
                 "region_code = '11') WHERE username = 'dispatcher'")
              .status());
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE kind = "
                 "'petition_office' AND region_code = '110101') WHERE username = 'xinfang'")
              .status());
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE name = "
                 "'东城区人民建议征集办公室' AND region_code = '110101') WHERE username = 'jianyi'")
              .status());
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE name = "
                 "'东城区城市管理委员会' AND region_code = '110101') WHERE username = 'chengguan'")
              .status());
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE kind = 'district' AND "
                 "region_code = '110101') WHERE username = 'quzhengfu'")
              .status());
      SHEGONG_RETURN_IF_ERROR(
          s.exec("UPDATE users SET unit_id = (SELECT id FROM units WHERE kind = 'community' AND "
                 "region_code = '110101001001') WHERE username = 'duofu'")
              .status());
      return s
          .exec(
              "UPDATE users SET unit_id = (SELECT id FROM units WHERE kind = 'street' AND "
              "region_code = '110101001') WHERE username = 'donghuamen'")
          .status();
    });
  }
  return Status::Ok();
}

Result<std::pair<std::string, uint16_t>> parse_listen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Invalid("listen", "expected HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::string port = listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    return Invalid("listen", "the port must be a number from 0 to 65535");
  }
  return std::make_pair(host, static_cast<uint16_t>(std::stoi(port)));
}

// SHEGONG_CLOCK_OFFSET_MS: a whole number of milliseconds within 100 years either way; 0 when
// unset.
Result<int64_t> clock_offset_ms(const char* env) {
  if (env == nullptr || *env == '\0') return int64_t{0};
  constexpr int64_t kLimit = 100LL * 366 * 86'400'000;
  const std::string_view text(env);
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < -kLimit ||
      value > kLimit) {
    return Invalid("SHEGONG_CLOCK_OFFSET_MS",
                   "'" + std::string(text.substr(0, 40)) +
                       "' is not a whole number of milliseconds within 100 years either way");
  }
  return value;
}

// The database as the start-up line names it: a PostgreSQL URI without its password.
std::string shown_location(const std::string& db_path) {
  if (!is_postgres(db_path)) return db_path;
  size_t scheme = db_path.find("://") + 3;
  size_t at = db_path.find('@', scheme);
  size_t colon = db_path.find(':', scheme);
  std::string shown = db_path;
  if (at != std::string::npos && colon < at) shown.replace(colon, at - colon, ":***");
  size_t query = shown.find('?');
  return query == std::string::npos ? shown : shown.substr(0, query);
}

}  // namespace

int serve(const ServeOptions& options) {
  auto listen = parse_listen(options.listen);
  if (!listen.ok()) return fail(listen.status());
  // Simulated time for drills and tests: the whole server runs this far ahead of the wall clock.
  auto offset = clock_offset_ms(std::getenv("SHEGONG_CLOCK_OFFSET_MS"));
  if (!offset.ok()) return fail(offset.status());
  auto store = open_store(options.db_path);
  if (!store.ok()) return fail(store.status());
  crypto::SecretBox box(store->key);
  OffsetClock clock(SystemClock::instance(), *offset);
  if (options.demo) {
    Status st = seed_demo(*store, box, options, clock);
    if (!st.ok()) return fail(st);
  }
  auto tree = regions::RegionTree::load(*store->db);
  if (!tree.ok()) return fail(tree.status());
  cases::StoredCalendarYears stored_years;
  auto calendar = load_calendar(options.calendars, *store->db, &stored_years);
  if (!calendar.ok())
    return fail(Status(calendar.status().code(), calendar.status().message(), "calendar"));
  for (int year : stored_years.added)
    log::info("holiday calendar for {}: the notice an admin loaded into the database", year);
  for (int year : stored_years.already_covered)
    log::info(
        "holiday calendar for {}: from the calendar files; the copy an admin loaded into "
        "the database is not used",
        year);

  // Text aids: the category model when there is one (POST /api/v1/text/model/reload reads the same
  // file again, or puts one in when there was none at start), and the repeat index of recent
  // orders.
  std::string model = options.model;
  if (model.empty()) {
    // Beside an SQLite file; under var/ for a PostgreSQL database, which has no folder of ours.
    std::filesystem::path folder = is_postgres(options.db_path)
                                       ? std::filesystem::path("var")
                                       : std::filesystem::path(options.db_path).parent_path();
    model = (folder / "models" / "category.model").string();
  }
  hotline::CategoryModel category_model(model);
  std::error_code unreadable;  // a folder it may not look into: as if there were no model
  if (!options.model.empty() || std::filesystem::exists(model, unreadable)) {
    auto loaded = text::Classifier::load(model);
    if (!loaded.ok())
      return fail(Status(loaded.status().code(), loaded.status().message(), "model"));
    category_model.replace(std::make_shared<const text::Classifier>(std::move(loaded).value()));
  }
  hotline::RepeatDetector repeats;
  Status indexed =
      repeats.load(*store->db, clock.now_ms() - int64_t{options.repeat_window_days} * 86'400'000);
  if (!indexed.ok()) return fail(indexed);

  // Orders dispatched and petitions registered while their deadline's year had no calendar get
  // their deadlines now, if the calendar has come.
  auto waiting = api::set_waiting_deadlines(*store->db, *calendar, clock);
  if (!waiting.ok()) return fail(waiting.status());
  api::log_waiting_deadlines(*waiting);

  cases::Engine engine(*store->db, clock);
  engine.add_kind(hotline::order_kind(*calendar));
  engine.add_kind(petitions::petition_kind(*calendar));
  engine.add_kind(suggestions::suggestion_kind());
  engine.add_kind(disputes::dispute_kind(*calendar));
  engine.add_kind(burden::work_task_kind());
  cases::TimerRunner timers(engine);
  timers.start();

  api::App app(
      {*store->db, clock, box, options.web_root, engine, *calendar, {&category_model, &repeats}},
      *tree);
  api::add_all_routes(app);

  http::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.worker_threads = options.workers;
  http::Server server(server_options, app);
  Status st = server.listen();
  if (!st.ok()) return fail(Status(st.code(), st.message(), "listen"));

  std::string host =
      listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  std::cout << "shegong listening on http://" << host << ":" << server.port() << " ("
            << (*tree)->size() - 1 << " regions, database " << shown_location(options.db_path)
            << ", " << repeats.size() << " recent orders indexed, "
            << (category_model.current() ? "category model " + model
                                         : std::string("no category model"))
            << ", holiday calendar " << calendar->years() << ")\n";
  const Date today = date_in_china(clock.now_ms());
  std::vector<std::string> calendar_lines;
  for (const CalendarWarning& w : calendar_warnings(*calendar, today.year()))
    calendar_lines.push_back(w.message);
  if (auto gap = calendar_gap(*calendar, today)) calendar_lines.push_back(describe(*gap, today));
  for (const std::string& line : calendar_lines) {
    std::cout << "warning: " << line << "\n";
    log::warn("{}", line);
  }
  if (options.demo) {
    std::cout << "demo logins (password " << kDemoPassword << "):";
    for (const DemoUser& u : kDemoUsers) std::cout << " " << u.username;
    std::cout << "\n  e.g. curl -s -c jar -H 'Content-Type: application/json' -d "
                 "'{\"username\":\"admin\",\"password\":\"shegong-demo\"}' http://"
              << host << ":" << server.port() << "/api/v1/session\n";
  }
  std::cout << std::flush;
  server.run(/*watch_signals=*/true);
  timers.stop();
  log::info("stopped");
  log::flush();
  return 0;
}

}  // namespace shegong::cli
