#include "hotline/rates.h"

#include <algorithm>

#include "base/calendar.h"
#include "cases/profile.h"

namespace shegong::hotline {

namespace {

constexpr std::string_view kCounters[] = {"dispatched", "responded_in_time", "callbacks",
                                          "solved",     "satisfied",         "basically_satisfied",
                                          "unsatisfied", "overdue"};

}  // namespace

std::string period_of(int64_t utc_ms) { return date_in_china(utc_ms).to_string().substr(0, 7); }

bool valid_period(std::string_view p) {
  if (p.size() != 7 || p[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (p[i] < '0' || p[i] > '9') return false;
  }
  int month = (p[5] - '0') * 10 + (p[6] - '0');
  return month >= 1 && month <= 12;
}

Status bump_counter(db::Session& s, int64_t unit_id, const std::string& period,
                    std::string_view column, int64_t delta) {
  if (std::find(std::begin(kCounters), std::end(kCounters), column) == std::end(kCounters)) {
    return Internal("no counter named " + std::string(column));
  }
  std::string c(column);
  return s
      .exec("INSERT INTO unit_month_counters(unit_id, period, " + c + ") VALUES(?, ?, ?) " +
                "ON CONFLICT(period, unit_id) DO UPDATE SET " + c + " = unit_month_counters." + c +
                " + excluded." + c,
            {unit_id, period, delta})
      .status();
}

Result<RateConfig> load_rate_config(db::Session& s) {
  RateConfig c;
  struct Key {
    const char* name;
    double* target;
    double scale;
  };
  for (const Key& k : {Key{"rates.weight.response", &c.weight_response, 1},
                       Key{"rates.weight.resolution", &c.weight_resolution, 1},
                       Key{"rates.weight.satisfaction", &c.weight_satisfaction, 1},
                       Key{"rates.basically_satisfied_credit", &c.basically_satisfied_credit, 0.01}}) {
    auto v = cases::profile_int(s, "", k.name, static_cast<int64_t>(*k.target / k.scale));
    if (!v.ok()) return v.status();
    *k.target = static_cast<double>(*v) * k.scale;
  }
  return c;
}

Result<std::vector<UnitRates>> ranking(db::Session& s, const std::string& period,
                                       std::string_view unit_kind, std::string_view within,
                                       const RateConfig& config) {
  std::string lo(within);
  auto rows = s.query(
      "SELECT u.id, u.name, u.kind, u.region_code, u.active, c.dispatched, c.responded_in_time, "
      "c.callbacks, c.solved, c.satisfied, c.basically_satisfied, c.unsatisfied, c.overdue "
      "FROM units u LEFT JOIN unit_month_counters c ON c.unit_id = u.id AND c.period = ? "
      "WHERE u.kind = ? AND u.region_code >= ? AND u.region_code < ?",
      {period, std::string(unit_kind), lo, lo + ":"});
  if (!rows.ok()) return rows.status();
  std::vector<UnitRates> out;
  for (const db::Row& r : *rows) {
    UnitRates u;
    u.unit = {r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4) != 0};
    u.dispatched = r.integer(5);
    u.responded_in_time = r.integer(6);
    u.callbacks = r.integer(7);
    u.solved = r.integer(8);
    u.satisfied = r.integer(9);
    u.basically_satisfied = r.integer(10);
    u.unsatisfied = r.integer(11);
    u.overdue = r.integer(12);
    double weighted = 0, weights = 0;
    if (u.dispatched > 0) {
      u.response_rate = static_cast<double>(u.responded_in_time) / u.dispatched;
      weighted += config.weight_response * *u.response_rate;
      weights += config.weight_response;
    }
    if (u.callbacks > 0) {
      u.resolution_rate = static_cast<double>(u.solved) / u.callbacks;
      u.satisfaction_rate =
          (u.satisfied + config.basically_satisfied_credit * u.basically_satisfied) / u.callbacks;
      weighted += config.weight_resolution * *u.resolution_rate +
                  config.weight_satisfaction * *u.satisfaction_rate;
      weights += config.weight_resolution + config.weight_satisfaction;
    }
    if (weights > 0) u.score = 100.0 * weighted / weights;
    out.push_back(std::move(u));
  }
  std::stable_sort(out.begin(), out.end(), [](const UnitRates& a, const UnitRates& b) {
    if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
    if (a.score && *a.score != *b.score) return *a.score > *b.score;
    return a.unit.id < b.unit.id;
  });
  int rank = 0;
  for (auto& u : out) {
    if (u.score) u.rank = ++rank;
  }
  return out;
}

}  // namespace shegong::hotline
