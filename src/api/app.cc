#include "api/app.h"

#include <chrono>

#include "base/log.h"
#include "http/error_response.h"
#include "http/static_files.h"

namespace shegong::api {

namespace {
constexpr const char* kSessionCookie = "sg_session";
}

App::App(AppDeps deps, std::shared_ptr<const regions::RegionTree> regions)
    : deps_(std::move(deps)), credentials_(deps_.db, deps_.clock), regions_(std::move(regions)) {}

App::~App() = default;

void App::add(RouteSpec spec, Handler handler) {
  router_.add(spec.method, spec.pattern);
  specs_.push_back(std::move(spec));
  handlers_.push_back(std::move(handler));
}

void App::seal() {
  std::vector<std::string> labels;
  for (const auto& s : specs_) labels.push_back(s.method + " " + s.pattern);
  labels.push_back("unmatched");
  metrics_ = std::make_unique<http::Metrics>(std::move(labels));
}

bool App::runs_inline(const http::Request& request) const {
  // Reads are quick (memory or a reader connection); anything that writes waits for a durable
  // commit and so runs on the worker pool.
  return request.method == "GET" || request.method == "HEAD";
}

Result<std::optional<auth::Principal>> App::authenticate(const http::Request& request) {
  std::string_view authz = request.header("authorization");
  if (!authz.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authz.substr(0, kBearer.size()) != kBearer) {
      return Status(Code::kUnauthenticated, "Authorization must be 'Bearer <token>'",
                    "authorization");
    }
    return credentials_.from_bearer(authz.substr(kBearer.size()));
  }
  std::string_view cookie = request.cookie(kSessionCookie);
  if (!cookie.empty()) return credentials_.from_session(cookie);
  return std::optional<auth::Principal>();
}

http::Response App::dispatch(http::Request& request, int& route, std::string& actor) {
  if (request.malformed_target) {
    return http::error_response(
        Invalid("target", "the request path or query is not valid percent-encoded UTF-8"));
  }
  http::RouteMatch m = router_.match(request.method, request.path);
  if (m.route < 0) {
    bool api = request.path.rfind("/api/", 0) == 0;
    if (!api && (request.method == "GET" || request.method == "HEAD")) {
      if (auto page = http::serve_static(deps_.web_root, request.path)) return *page;
    }
    if (m.status == 405) {
      auto r = http::error_response(405, "method_not_allowed",
                                    request.method + " is not allowed on " + request.path);
      r.set_header("Allow", m.allow);
      return r;
    }
    return http::error_response(404, "not_found", "no such resource: " + request.path);
  }
  route = m.route;
  request.params = std::move(m.params);
  const RouteSpec& spec = specs_[route];

  std::optional<auth::Principal> principal;
  if (!spec.is_public) {
    auto who = authenticate(request);
    if (!who.ok()) return http::error_response(who.status());
    if (!who->has_value()) {
      auto r = http::error_response(401, "unauthenticated",
                                    "sign in (POST /api/v1/session) or send a bearer token");
      r.set_header("WWW-Authenticate", "Bearer");
      return r;
    }
    principal = std::move(who).value();
    actor = principal->username;
    if (!spec.roles.contains(principal->role)) {
      return http::error_response(403, "permission_denied",
                                  "the role " + std::string(auth::role_name(principal->role)) +
                                      " may not " + spec.method + " " + spec.pattern);
    }
    bool safe = request.method == "GET" || request.method == "HEAD";
    if (principal->via_session && !safe &&
        request.header("x-csrf-token") != principal->csrf_token) {
      return http::error_response(403, "csrf_failed",
                                  "a signed-in browser must send its X-CSRF-Token on writes",
                                  "x-csrf-token");
    }
  }
  Call call{request, principal ? &*principal : nullptr};
  return handlers_[route](call);
}

http::Response App::handle(http::Request& request) {
  auto started = std::chrono::steady_clock::now();
  int route = -1;
  std::string actor = "-";
  http::Response response;
  try {
    response = dispatch(request, route, actor);
  } catch (const std::exception& e) {
    log::error("request {} failed: {}", request.request_id, e.what());
    response = http::error_response(500, "internal", "internal error; see the server log");
  }
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count();
  metrics_->observe(route < 0 ? specs_.size() : static_cast<size_t>(route), response.status,
                    micros);
  if (log::enabled(log::Level::kInfo)) {
    log::info("{} {} {} {} {}us id={} user={}", request.remote_addr, request.method, request.path,
              response.status, micros, request.request_id, actor);
  }
  return response;
}

void add_all_routes(App& app) {
  add_system_routes(app);
  add_calendar_routes(app);
  add_session_routes(app);
  add_region_routes(app);
  add_user_routes(app);
  add_audit_routes(app);
  add_order_routes(app);
  add_public_routes(app);
  add_hotline_admin_routes(app);
  add_ranking_routes(app);
  add_whistle_routes(app);
  add_intake_routes(app);
  add_problem_routes(app);
  add_text_routes(app);
  add_text_model_routes(app);
  add_petition_routes(app);
  add_suggestion_routes(app);
  add_suggestion_collection_routes(app);
  add_setting_routes(app);
  add_dispute_routes(app);
  add_duty_item_routes(app);
  add_work_task_routes(app);
  add_certificate_routes(app);
  add_petition_report_routes(app);
  add_notice_routes(app);
  add_queue_routes(app);
  add_order_count_routes(app);
  app.seal();
}

}  // namespace shegong::api
