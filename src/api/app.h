// The application as the HTTP server sees it: routes with the roles they admit, and the middleware
// every request passes through — target decoding, routing (404/405), authentication (bearer token
// or session cookie; 401 without one), the route's role check (403), CSRF for cookie sessions on
// writes, the handler, metrics and an access log line. A route admits nobody unless it lists roles
// or is marked public.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "auth/credentials.h"
#include "auth/principal.h"
#include "auth/role.h"
#include "base/calendar.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "cases/engine.h"
#include "db/db.h"
#include "hotline/text_aids.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "regions/region_tree.h"

namespace shegong::api {

struct Call {
  http::Request& request;
  const auth::Principal* principal;  // null on public routes
};

using Handler = std::function<http::Response(Call&)>;

struct RouteSpec {
  std::string method;
  std::string pattern;
  std::string summary;  // for /openapi.json
  auth::RoleSet roles;
  bool is_public = false;
};

struct AppDeps {
  db::Db& db;
  const Clock& clock;
  const crypto::SecretBox& box;
  std::string web_root;  // built UI; empty to serve none
  cases::Engine& engine;
  HolidayCalendar& calendar;         // an admin may add a year's notice while serving
  hotline::TextAids text_aids = {};  // optional category model and repeat index
};

class App final : public http::Dispatcher {
 public:
  App(AppDeps deps, std::shared_ptr<const regions::RegionTree> regions);
  ~App() override;

  void add(RouteSpec spec, Handler handler);
  // Call once after the last add().
  void seal();

  bool runs_inline(const http::Request& request) const override;
  http::Response handle(http::Request& request) override;

  db::Db& db() { return deps_.db; }
  const Clock& clock() const { return deps_.clock; }
  const crypto::SecretBox& box() const { return deps_.box; }
  auth::Credentials& credentials() { return credentials_; }
  cases::Engine& engine() { return deps_.engine; }
  const HolidayCalendar& calendar() const { return deps_.calendar; }
  HolidayCalendar& calendar_to_extend() { return deps_.calendar; }
  const hotline::TextAids& text_aids() const { return deps_.text_aids; }
  std::shared_ptr<const regions::RegionTree> regions() const { return std::atomic_load(&regions_); }
  void set_regions(std::shared_ptr<const regions::RegionTree> tree) {
    std::atomic_store(&regions_, std::move(tree));
  }
  const std::vector<RouteSpec>& routes() const { return specs_; }
  std::string render_metrics() const { return metrics_->render(); }

 private:
  http::Response dispatch(http::Request& request, int& route, std::string& actor);
  Result<std::optional<auth::Principal>> authenticate(const http::Request& request);

  AppDeps deps_;
  auth::Credentials credentials_;
  std::shared_ptr<const regions::RegionTree> regions_;
  http::Router router_;
  std::vector<RouteSpec> specs_;
  std::vector<Handler> handlers_;
  std::unique_ptr<http::Metrics> metrics_;
};

// All routes of the product, registered on `app` (then sealed).
void add_all_routes(App& app);

// Route groups, one file each.
void add_system_routes(App& app);
void add_calendar_routes(App& app);
void add_session_routes(App& app);
void add_region_routes(App& app);
void add_user_routes(App& app);
void add_audit_routes(App& app);
void add_order_routes(App& app);
void add_public_routes(App& app);
class SubmissionLimiter;
void add_public_suggestion_routes(App& app, std::shared_ptr<SubmissionLimiter> limiter);
void add_suggestion_routes(App& app);
void add_suggestion_collection_routes(App& app);
void add_setting_routes(App& app);
void add_dispute_routes(App& app);
void add_duty_item_routes(App& app);
void add_work_task_routes(App& app);
void add_certificate_routes(App& app);
void add_hotline_admin_routes(App& app);
void add_ranking_routes(App& app);
void add_whistle_routes(App& app);
void add_intake_routes(App& app);
void add_problem_routes(App& app);
void add_text_routes(App& app);
void add_text_model_routes(App& app);
void add_petition_routes(App& app);
void add_petition_report_routes(App& app);
void add_notice_routes(App& app);
void add_queue_routes(App& app);
void add_order_count_routes(App& app);

// Staff who may change things: everyone but leaders (read-only) and volunteers.
constexpr auth::RoleSet kWriters = {auth::Role::kAdmin,           auth::Role::kDispatcher,
                                    auth::Role::kDepartmentStaff, auth::Role::kStreetStaff,
                                    auth::Role::kCommunityStaff,  auth::Role::kGridWorker};
constexpr auth::RoleSet kCentreRoles = {auth::Role::kAdmin, auth::Role::kDispatcher};

}  // namespace shegong::api
