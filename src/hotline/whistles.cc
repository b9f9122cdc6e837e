#include "hotline/whistles.h"

#include <map>

#include "audit/audit_log.h"
#include "base/calendar.h"
#include "base/utf8.h"
#include "cases/profile.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

Result<Whistle> load_whistle(db::Session& s, int64_t id) {
  auto rows = s.query(
      "SELECT street_unit_id, case_id, kind, note, blown_at_ms, arrive_within_minutes "
      "FROM whistles WHERE id = ?",
      {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("no whistle has the id " + std::to_string(id));
  const db::Row& r = (*rows)[0];
  Whistle w;
  w.id = id;
  w.input = {r.integer(0), r.integer(1), r.text(2), r.text(3), {}};
  w.blown_at_ms = r.integer(4);
  w.arrive_within_minutes = r.integer(5);
  auto calls = s.query(
      "SELECT unit_id, arrived_at_ms FROM whistle_calls WHERE whistle_id = ? ORDER BY unit_id",
      {id});
  if (!calls.ok()) return calls.status();
  int64_t limit = w.blown_at_ms + w.arrive_within_minutes * 60'000;
  for (const db::Row& c : *calls) {
    int64_t arrived = c.integer(1);
    w.input.unit_ids.push_back(c.integer(0));
    w.calls.push_back({c.integer(0), arrived, arrived != 0 && arrived <= limit});
  }
  return w;
}

Result<Whistle> blow_whistle(db::Session& s, const Clock& clock, const auth::Principal& who,
                             WhistleInput in) {
  if (!one_of(in.kind, kWhistleKinds)) return Invalid("kind", "one of " + list_of(kWhistleKinds));
  if (in.note.empty() || in.note.size() > 2000 || !is_valid_utf8(in.note)) {
    return Invalid("note", "what the departments are summoned for (at most 2000 bytes)");
  }
  if (in.unit_ids.empty()) return Invalid("unit_ids", "summon at least one department");
  auto street = find_unit(s, in.street_unit_id);
  if (!street.ok()) return street.status();
  if (!*street || (*street)->kind != "street") {
    return Invalid("street_unit_id", "a whistle is blown by a street or township office");
  }
  if (who.role != auth::Role::kAdmin && who.unit_id != in.street_unit_id) {
    return Denied("only the street office itself blows its whistle");
  }
  for (int64_t id : in.unit_ids) {
    auto unit = find_unit(s, id);
    if (!unit.ok()) return unit.status();
    if (!*unit || id == in.street_unit_id) {
      return Invalid("unit_ids", "no other unit has the id " + std::to_string(id));
    }
  }
  if (in.case_id != 0) {
    auto order = s.query("SELECT 1 FROM cases WHERE id = ? AND kind = 'order'", {in.case_id});
    if (!order.ok()) return order.status();
    if (order->empty())
      return Invalid("order_id", "no order has the id " + std::to_string(in.case_id));
  }
  auto minutes =
      cases::profile_int(s, (*street)->region_code, "hotline.whistle_arrival_minutes", 30);
  if (!minutes.ok()) return minutes.status();
  int64_t now = clock.now_ms();
  auto rows = s.query(
      "INSERT INTO whistles(street_unit_id, case_id, kind, note, blown_at_ms, "
      "arrive_within_minutes) VALUES(?, ?, ?, ?, ?, ?) RETURNING id",
      {in.street_unit_id, in.case_id == 0 ? db::null() : db::Value(in.case_id), in.kind, in.note,
       now, *minutes});
  if (!rows.ok()) return rows.status();
  int64_t id = (*rows)[0].integer(0);
  for (int64_t unit : in.unit_ids) {
    SHEGONG_RETURN_IF_ERROR(s.exec("INSERT INTO whistle_calls(whistle_id, unit_id) VALUES(?, ?) "
                                   "ON CONFLICT DO NOTHING",
                                   {id, unit})
                                .status());
  }
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock, {who.actor(), "whistle.blow", "whistle:" + std::to_string(id), in.note}));
  return load_whistle(s, id);
}

Result<Whistle> record_arrival(db::Session& s, const Clock& clock, const auth::Principal& who,
                               int64_t whistle_id, int64_t unit_id) {
  if (who.role != auth::Role::kAdmin && who.unit_id != unit_id) {
    return Denied("a unit reports its own arrival");
  }
  auto changed = s.exec(
      "UPDATE whistle_calls SET arrived_at_ms = ? "
      "WHERE whistle_id = ? AND unit_id = ? AND arrived_at_ms IS NULL",
      {clock.now_ms(), whistle_id, unit_id});
  if (!changed.ok()) return changed.status();
  if (*changed == 0) {
    auto w = load_whistle(s, whistle_id);
    if (!w.ok()) return w.status();
    return Conflict("that unit was not summoned by this whistle or has already arrived", "unit_id");
  }
  SHEGONG_RETURN_IF_ERROR(
      audit::append(s, clock,
                    {who.actor(), "whistle.arrive", "whistle:" + std::to_string(whistle_id),
                     "unit=" + std::to_string(unit_id)}));
  return load_whistle(s, whistle_id);
}

Result<std::vector<WhistleScore>> whistle_scores(db::Session& s, const std::string& period,
                                                 std::string_view within) {
  Date first = *Date::parse(period + "-01");
  Date next = first.month() == 12 ? Date::from_ymd(first.year() + 1, 1, 1)
                                  : Date::from_ymd(first.year(), first.month() + 1, 1);
  int64_t from = china_start_of_day_ms(first), to = china_start_of_day_ms(next);
  auto rows = s.query(
      "SELECT w.street_unit_id, c.unit_id, c.arrived_at_ms, "
      "w.blown_at_ms + w.arrive_within_minutes * 60000 "
      "FROM whistles w JOIN whistle_calls c ON c.whistle_id = w.id "
      "WHERE w.blown_at_ms >= ? AND w.blown_at_ms < ?",
      {from, to});
  if (!rows.ok()) return rows.status();
  std::map<std::pair<std::string, int64_t>, WhistleScore> scores;
  for (const db::Row& r : *rows) {
    int64_t arrived = r.integer(2), limit = r.integer(3);
    for (auto [side, unit] : {std::pair<std::string, int64_t>{"street", r.integer(0)},
                              std::pair<std::string, int64_t>{"department", r.integer(1)}}) {
      WhistleScore& sc = scores[{side, unit}];
      sc.unit_id = unit;
      sc.side = side;
      ++sc.calls;
      if (arrived == 0) {
        ++sc.missing;
      } else if (arrived <= limit) {
        ++sc.in_time;
      } else {
        ++sc.late;
      }
    }
  }
  std::vector<WhistleScore> out;
  for (auto& [key, sc] : scores) {
    auto unit = find_unit(s, sc.unit_id);
    if (!unit.ok()) return unit.status();
    if (!*unit || (*unit)->region_code.substr(0, within.size()) != within) continue;
    sc.unit_name = (*unit)->name;
    sc.rate = static_cast<double>(sc.in_time) / static_cast<double>(sc.calls);
    out.push_back(sc);
  }
  return out;
}

}  // namespace shegong::hotline
