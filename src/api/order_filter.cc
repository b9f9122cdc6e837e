#include "api/order_filter.h"

#include <charconv>

namespace shegong::api {

namespace {

bool is_centre(const auth::Principal& p) {
  return p.role == auth::Role::kDispatcher || p.role == auth::Role::kAdmin;
}

}  // namespace

Status add_queue(OrderFilter& f, const auth::Principal& p, std::string_view queue, int64_t now_ms) {
  const std::string open = " AND state IN ('registered', 'dispatched', 'accepted')";
  if (queue == "new") {
    if (is_centre(p) || p.unit_id == 0) {
      f.where += " AND state = 'registered'";
    } else {
      f.where += " AND state = 'dispatched' AND lead_unit_id = ?";
      f.params.emplace_back(p.unit_id);
    }
  } else if (queue == "due_soon") {
    f.where += open + " AND overdue = 0 AND due_at_ms > ? AND due_at_ms <= ?";
    f.params.emplace_back(now_ms);
    f.params.emplace_back(now_ms + 24 * 3'600'000LL);
  } else if (queue == "overdue") {
    f.where += open + " AND overdue = 1";
  } else {
    return Invalid("queue", "new, due_soon or overdue");
  }
  return Status::Ok();
}

Result<OrderFilter> order_filter(App& app, const auth::Principal& p, const http::Request& r) {
  OrderFilter f;
  if (p.role == auth::Role::kDepartmentStaff) {
    f.where =
        "kind = 'order' AND (lead_unit_id = ? OR id IN (SELECT case_id FROM case_units WHERE "
        "unit_id = ?))";
    f.params = {p.unit_id, p.unit_id};
  } else {
    f.where = "kind = 'order' AND region_code >= ? AND region_code < ?";
    f.params = {p.jurisdiction, p.jurisdiction + ":"};
  }
  if (r.has_query_param("region")) {
    auto region = app.regions()->resolve(r.query_param("region"), "region");
    if (!region.ok()) return region.status();
    if (!p.covers(*region) && p.role != auth::Role::kDepartmentStaff) {
      return Status(Code::kPermissionDenied, "that region is outside your jurisdiction", "region");
    }
    f.where += " AND region_code >= ? AND region_code < ?";
    f.params.emplace_back(*region);
    f.params.emplace_back(*region + ":");
  }
  if (r.has_query_param("state")) {
    f.where += " AND state = ?";
    f.params.emplace_back(std::in_place_type<std::string>, r.query_param("state"));
  }
  if (r.has_query_param("unit")) {
    int64_t unit = 0;
    std::string_view raw = r.query_param("unit");
    auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), unit);
    if (ec != std::errc() || end != raw.data() + raw.size()) return Invalid("unit", "a unit id");
    f.where += " AND lead_unit_id = ?";
    f.params.emplace_back(unit);
  }
  if (r.has_query_param("overdue")) {
    std::string_view v = r.query_param("overdue");
    if (v != "true" && v != "false") return Invalid("overdue", "true or false");
    f.where += " AND overdue = ?";
    f.params.emplace_back(int64_t{v == "true"});
  }
  if (r.has_query_param("q")) {
    std::string q(r.query_param("q"));
    if (q.empty() || q.size() > 100) return Invalid("q", "1 to 100 bytes");
    f.where += " AND (instr(subject, ?) > 0 OR instr(content, ?) > 0 OR tracking_no = ?)";
    f.params.emplace_back(q);
    f.params.emplace_back(q);
    f.params.emplace_back(q);
  }
  if (r.has_query_param("queue")) {
    SHEGONG_RETURN_IF_ERROR(add_queue(f, p, r.query_param("queue"), app.clock().now_ms()));
  }
  return f;
}

}  // namespace shegong::api
