#include "petitions/cadre_report.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/case_record.h"
#include "cases/fields.h"
#include "hotline/units.h"
#include "petitions/parties.h"

namespace shegong::petitions {

namespace {

// Puts `unit_id` on the petition as a reader, unless it already holds or held it.
Status add_reader(cases::TransitionContext& c, int64_t unit_id) {
  if (unit_id == c.before.lead_unit_id) return Status::Ok();
  auto rows = c.session.query("SELECT 1 FROM case_units WHERE case_id = ? AND unit_id = ?",
                              {c.before.id, unit_id});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) return Status::Ok();
  return cases::set_case_unit(c.session, c.before.id, unit_id, "copy");
}

Status not_accused(cases::TransitionContext& c, int64_t unit_id, const char* field) {
  auto accused = is_accused_unit(c.session, c.before.id, unit_id);
  if (!accused.ok()) return accused.status();
  if (*accused) {
    return Conflict(
        "the petition accuses that unit: it may not be told of it (信访工作条例 Art. 30 para 3)",
        field);
  }
  return Status::Ok();
}

}  // namespace

Status inform_organisation(cases::TransitionContext& c) {
  if (c.before.type != "检举控告") {
    return Conflict("only an accusation (检举控告) is reported to the organisation department",
                    "category");
  }
  auto id = cases::int_field(c.input, "unit_id", 1, INT64_MAX);
  if (!id.ok()) return id.status();
  auto unit = hotline::find_unit(c.session, *id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid("unit_id", "no active unit has the id " + std::to_string(*id));
  }
  if ((*unit)->kind != "organisation") {
    return Invalid("unit_id", "an organisation (personnel) department, unit kind organisation");
  }
  auto serious = cases::yes_no(c.input, "serious");
  if (!serious.ok()) return serious.status();
  SHEGONG_RETURN_IF_ERROR(check_text(cases::field(c.input, "note"), "note", 4000, false));
  SHEGONG_RETURN_IF_ERROR(not_accused(c, (*unit)->id, "unit_id"));
  SHEGONG_RETURN_IF_ERROR(add_reader(c, (*unit)->id));
  c.notify.push_back("unit:" + std::to_string((*unit)->id));
  nlohmann::json committees = nlohmann::json::array();
  if (*serious) {
    auto rows = c.session.query(
        "SELECT id FROM units WHERE kind = 'party_committee' AND active = 1 AND region_code = ? "
        "ORDER BY id",
        {(*unit)->region_code});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) {
      return Conflict(
          "a serious matter is reported to the party committee of the department's area "
          "(Art. 30), and no active party_committee unit has the region " +
              ((*unit)->region_code.empty() ? std::string("of the nation") : (*unit)->region_code),
          "serious");
    }
    for (const db::Row& r : *rows) {
      SHEGONG_RETURN_IF_ERROR(not_accused(c, r.integer(0), "serious"));
      SHEGONG_RETURN_IF_ERROR(add_reader(c, r.integer(0)));
      c.notify.push_back("unit:" + std::to_string(r.integer(0)));
      committees.push_back(r.integer(0));
    }
  }
  nlohmann::json report = {{"unit_id", (*unit)->id},
                           {"serious", *serious},
                           {"party_committee_unit_ids", committees},
                           {"at_ms", c.now_ms}};
  if (!cases::field(c.input, "note").empty()) report["note"] = cases::field(c.input, "note");
  nlohmann::json a = cases::attrs_of(c.after);
  a["cadre_reports"].push_back(report);
  cases::store_attrs(c.after, a);
  c.event_unit_id = c.before.lead_unit_id;
  c.event_data = nlohmann::json{{"unit_id", (*unit)->id}, {"serious", *serious}}.dump();
  return Status::Ok();
}

}  // namespace shegong::petitions
