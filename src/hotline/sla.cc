#include "hotline/sla.h"

#include "hotline/categories.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

namespace {

constexpr std::string_view kHandlingUnits[] = {"hours", "days", "working_days"};
constexpr const char* kSlaColumns =
    "SELECT id, urgency, category, dispatch_minutes, response_minutes, handling_amount, "
    "handling_unit, reminder_minutes FROM sla_rules ";

SlaRule read_rule(const db::Row& r) {
  return {r.integer(0), r.text(1),    r.text(2), r.integer(3),
          r.integer(4), r.integer(5), r.text(6), r.integer(7)};
}

}  // namespace

Status validate_sla_rule(const SlaRule& r) {
  if (!one_of(r.urgency, kUrgencies)) return Invalid("urgency", "one of " + list_of(kUrgencies));
  if (!one_of(r.handling_unit, kHandlingUnits)) {
    return Invalid("handling_unit", "one of " + list_of(kHandlingUnits));
  }
  if (r.dispatch_minutes <= 0 || r.dispatch_minutes > 60 * 24 * 30) {
    return Invalid("dispatch_minutes", "from 1 minute to 30 days");
  }
  if (r.response_minutes <= 0 || r.response_minutes > 60 * 24 * 30) {
    return Invalid("response_minutes", "from 1 minute to 30 days");
  }
  if (r.handling_amount <= 0 || r.handling_amount > 365) {
    return Invalid("handling_amount", "from 1 to 365");
  }
  // A reminder at most a year before the deadline: the longest handling period is 365 days.
  if (r.reminder_minutes < 0 || r.reminder_minutes > 60 * 24 * 365) {
    return Invalid("reminder_minutes",
                   "a whole number of minutes from 0 (no reminder) to 525600 (365 days)");
  }
  return Status::Ok();
}

Result<SlaRule> upsert_sla_rule(db::Session& s, SlaRule r) {
  SHEGONG_RETURN_IF_ERROR(validate_sla_rule(r));
  SHEGONG_RETURN_IF_ERROR(check_rule_category(s, r.category));
  auto rows = s.query(
      "INSERT INTO sla_rules(urgency, category, dispatch_minutes, response_minutes, "
      "handling_amount, handling_unit, reminder_minutes) VALUES(?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(urgency, category) DO UPDATE SET dispatch_minutes = excluded.dispatch_minutes, "
      "response_minutes = excluded.response_minutes, handling_amount = excluded.handling_amount, "
      "handling_unit = excluded.handling_unit, reminder_minutes = excluded.reminder_minutes "
      "RETURNING id",
      {r.urgency, r.category, r.dispatch_minutes, r.response_minutes, r.handling_amount,
       r.handling_unit, r.reminder_minutes});
  if (!rows.ok()) return rows.status();
  r.id = (*rows)[0].integer(0);
  return r;
}

Result<std::vector<SlaRule>> list_sla_rules(db::Session& s) {
  auto rows = s.query(std::string(kSlaColumns) + "ORDER BY urgency, category");
  if (!rows.ok()) return rows.status();
  std::vector<SlaRule> out;
  for (const db::Row& r : *rows) out.push_back(read_rule(r));
  return out;
}

Result<std::optional<SlaRule>> find_sla_rule(db::Session& s, std::string_view urgency,
                                             std::string_view category) {
  auto rows = s.query(std::string(kSlaColumns) + "WHERE urgency = ? AND " + kCategoryCovers +
                          " ORDER BY length(category) DESC LIMIT 1",
                      {std::string(urgency), std::string(category), std::string(category)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<SlaRule>();
  return std::optional<SlaRule>(read_rule((*rows)[0]));
}

Result<int64_t> deadline_after(const HolidayCalendar& calendar, int64_t from_ms, int64_t amount,
                               std::string_view unit, bool roll) {
  if (unit == "hours") return from_ms + amount * 3'600'000;
  Date start = date_in_china(from_ms);
  if (unit == "working_days") {
    auto end = calendar.add_working_days(start, static_cast<int>(amount));
    if (!end.ok()) return end.status();
    return china_end_of_day_ms(*end);
  }
  if (unit == "days") {
    if (!roll) return china_end_of_day_ms(start.plus_days(static_cast<int>(amount)));
    auto end = calendar.add_days_roll(start, static_cast<int>(amount));
    if (!end.ok()) return end.status();
    return china_end_of_day_ms(*end);
  }
  return Invalid("handling_unit", "one of hours, days, working_days");
}

}  // namespace shegong::hotline
