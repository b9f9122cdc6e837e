#include "petitions/registration.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/profile.h"
#include "cases/tracking_no.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"
#include "petitions/deadlines.h"
#include "petitions/levels.h"
#include "petitions/parties.h"
#include "petitions/same_matter.h"
#include "petitions/vocabulary.h"
#include "regions/region_code.h"

namespace shegong::petitions {

namespace {

using hotline::list_of;
using hotline::one_of;
using hotline::Unit;
using Json = nlohmann::json;

Status validate(NewPetition& p, const regions::RegionTree& tree) {
  if (!one_of(p.channel, kChannels)) return Invalid("channel", "one of " + list_of(kChannels));
  if (!one_of(p.category, kCategories)) {
    return Invalid("category", "one of " + list_of(kCategories) + " (Arts. 29–31)");
  }
  if (p.field.empty()) p.field = "其他";
  if (!one_of(p.field, kFields)) return Invalid("field", "one of " + list_of(kFields));
  SHEGONG_RETURN_IF_ERROR(check_text(p.subject, "subject", 200, true));
  SHEGONG_RETURN_IF_ERROR(check_text(p.summary, "summary", 20000, false));
  // Item 7: an oral petition is recorded faithfully in writing (Art. 19).
  if (is_oral(p.channel) && p.summary.empty()) {
    return Invalid("summary", "an oral petition (" + p.channel +
                                  ") cannot be saved without the recorded written summary "
                                  "(信访工作条例 Art. 19)");
  }
  if (p.content.empty()) p.content = p.summary;
  SHEGONG_RETURN_IF_ERROR(check_text(p.content, "content", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(p.address, "address", 500, false));
  SHEGONG_RETURN_IF_ERROR(check_text(p.new_facts, "new_facts", 20000, false));
  SHEGONG_RETURN_IF_ERROR(validate_petitioner(p.petitioner, p.identity_unclear));
  auto region = tree.resolve(p.region_code, "region_code");
  if (!region.ok()) {
    return Invalid("region_code", region.status().code() == Code::kNotFound
                                      ? "no region has the code " + p.region_code
                                      : region.status().message());
  }
  p.region_code = *region;
  if (p.unit_id <= 0) return Invalid("unit_id", "the unit that received the petition");
  if (p.accused_unit_id != 0 && p.category != "检举控告") {
    return Invalid("accused_unit_id", "only an accusation (检举控告) names an accused unit");
  }
  if (p.discipline_matter && p.category != "检举控告") {
    return Invalid("discipline_matter", "a matter for 纪检监察 is an accusation (检举控告)");
  }
  if (p.group_size < 1 || p.group_size > 100000) {
    return Invalid("group_size", "the number of people, from 1");
  }
  if (p.channel == "visit" && p.competent_unit_id <= 0) {
    return Invalid("competent_unit_id",
                   "a visit records the organ with power over the matter, for the 逐级走访 check "
                   "(Art. 20)");
  }
  return Status::Ok();
}

Result<Unit> unit_named(db::Session& s, int64_t id, const char* field) {
  auto u = hotline::find_unit(s, id);
  if (!u.ok()) return u.status();
  if (!*u || !(*u)->active)
    return Invalid(field, "no active unit has the id " + std::to_string(id));
  return **u;
}

// Item 24: at most 5 representatives, or the jurisdiction's own limit (Zhejiang: 3 for a group of
// ten or fewer).
Status check_representatives(db::Session& s, const NewPetition& p) {
  size_t reps = p.petitioner.representatives.size();
  if (p.channel == "visit" && p.group_size > 1 && reps == 0) {
    return Invalid("representatives",
                   "a collective visit chooses representatives (信访工作条例 Art. 20 para 3)");
  }
  if (reps == 0) return Status::Ok();
  auto max = cases::profile_int(s, p.region_code, "petition.max_representatives", 5);
  auto small = cases::profile_int(s, p.region_code, "petition.small_group_size", 0);
  auto small_max =
      cases::profile_int(s, p.region_code, "petition.small_group_max_representatives", 5);
  if (!max.ok()) return max.status();
  if (!small.ok()) return small.status();
  if (!small_max.ok()) return small_max.status();
  int64_t limit = p.group_size <= *small ? *small_max : *max;
  if (static_cast<int64_t>(reps) > limit) {
    return Invalid("representatives",
                   "a collective visit of " + std::to_string(p.group_size) + " may have at most " +
                       std::to_string(limit) +
                       " representatives here (信访工作条例 Art. 20 para 3; profile "
                       "petition.max_representatives)");
  }
  return Status::Ok();
}

// Items 21 and 22: the same petitioner's earlier petitions on the same matter.
Status check_duplicates(db::Session& s, cases::CaseRecord& rec, const Unit& receiving, Json& attrs,
                        const NewPetition& p, const std::vector<PetitionerIdentity>& identities) {
  if (p.identity_unclear && p.petitioner.name.empty()) return Status::Ok();
  auto percent = cases::profile_int(s, rec.region_code, "petition.same_matter_percent", 60);
  if (!percent.ok()) return percent.status();
  std::string any = "?";
  for (size_t i = 1; i < identities.size(); ++i) any += ", ?";
  db::Params params;
  std::string id_hash;  // the new petition's ID number, if given
  for (const PetitionerIdentity& i : identities) {
    params.emplace_back(std::in_place_type<std::string>, i.hash);
    if (i.kind == "id") id_hash = i.hash;
  }
  // Two ID numbers that differ are two people, whatever else they share.
  std::string other_person;
  if (!id_hash.empty()) {
    other_person =
        " AND NOT (EXISTS (SELECT 1 FROM petition_identities x WHERE x.case_id = c.id AND "
        "x.kind = 'id') AND NOT EXISTS (SELECT 1 FROM petition_identities y WHERE y.case_id = "
        "c.id AND y.kind = 'id' AND y.hash = ?))";
    params.emplace_back(std::in_place_type<std::string>, id_hash);
  }
  auto rows = s.query(
      "SELECT c.id, c.tracking_no, c.state, c.subject, c.content, u.region_code FROM cases c "
      "LEFT JOIN units u ON u.id = c.lead_unit_id WHERE c.kind = 'petition' AND c.id IN "
      "(SELECT case_id FROM petition_identities WHERE hash IN (" +
          any + "))" + other_person +
          " AND c.state IN ('final', 'accepted', 'reviewing', 're_reviewing') "
          "ORDER BY c.id DESC LIMIT 200",
      params);
  if (!rows.ok()) return rows.status();
  std::string text = rec.subject + "\n" + rec.content;
  for (const db::Row& r : *rows) {
    double similarity = matter_similarity(text, r.text(3) + "\n" + r.text(4));
    if (similarity * 100 < static_cast<double>(*percent)) continue;
    std::string state = r.text(2), handler_region = r.text(5);
    Json earlier = {{"id", r.integer(0)},
                    {"tracking_no", r.text(1)},
                    {"similarity", std::round(similarity * 100) / 100}};
    if (state == "final") {
      attrs["duplicate"] = {{"rule", "信访工作条例 Art. 36 para 3"},
                            {"reason", "the same facts and reasons after a 复核 opinion"},
                            {"earlier", earlier}};
    } else if (level_of(receiving.region_code) < level_of(handler_region) &&
               regions::is_within(handler_region, receiving.region_code)) {
      attrs["duplicate"] = {{"rule", "信访工作条例 Art. 19 para 3"},
                            {"reason", "the same matter is being handled by a lower organ"},
                            {"earlier", earlier}};
    } else {
      attrs["repeat_of"] = earlier;  // a repeat at the same level: flagged, not refused
      continue;
    }
    if (!p.new_facts.empty()) {
      attrs["duplicate"]["overridden_by_new_facts"] = true;
      attrs["new_facts"] = p.new_facts;
      return Status::Ok();
    }
    rec.state = "not_accepted";
    attrs["documents"].push_back("not_accepted");
    return Status::Ok();
  }
  return Status::Ok();
}

// Item 23: a visit belongs at the competent organ or the level above it.
Status check_visit_level(db::Session& s, cases::CaseRecord& rec, const Unit& receiving, Json& attrs,
                         const NewPetition& p) {
  if (p.channel != "visit") return Status::Ok();
  auto competent = unit_named(s, p.competent_unit_id, "competent_unit_id");
  if (!competent.ok()) return competent.status();
  int received_level = level_of(receiving.region_code);
  int competent_level = level_of(competent->region_code);
  // Counted in levels that have organs: a visit about a Beijing district's organ to the
  // municipality's office is one level up.
  bool step_by_step = rank_of(competent->region_code) - rank_of(receiving.region_code) <= 1;
  attrs["visit"] = {{"received_level", level_name(received_level)},
                    {"competent_level", level_name(competent_level)},
                    {"competent_unit_id", competent->id},
                    {"step_by_step", step_by_step},
                    {"group_size", p.group_size},
                    {"representatives", p.petitioner.representatives.size()}};
  if (!step_by_step && rec.state == "registered") {
    attrs["referral"] = {{"to_unit_id", competent->id},
                         {"to_unit", competent->name},
                         {"reason",
                          "not 逐级走访: received more than one level above the "
                          "competent organ (信访工作条例 Art. 20 para 1)"}};
    attrs["documents"].push_back("visit_referral");
    rec.state = "redirected";
  }
  return Status::Ok();
}

}  // namespace

Result<cases::CaseRecord> register_petition(db::Session& s, cases::Engine& engine,
                                            const HolidayCalendar& calendar,
                                            const crypto::SecretBox& box,
                                            const regions::RegionTree& tree, NewPetition p,
                                            const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(validate(p, tree));
  int64_t now = engine.clock().now_ms();
  if (p.received_at_ms == 0) p.received_at_ms = now;
  if (p.received_at_ms > now + 60'000) {
    return Invalid("received_at", "the time of receipt cannot be in the future");
  }
  auto receiving = unit_named(s, p.unit_id, "unit_id");
  if (!receiving.ok()) return receiving.status();
  if (p.accused_unit_id != 0) {
    auto accused = unit_named(s, p.accused_unit_id, "accused_unit_id");
    if (!accused.ok()) return accused.status();
    if (accused->id == receiving->id) {
      return Conflict(
          "an accusation is not registered by the unit it accuses (Art. 30 para 3); "
          "it goes to the petition office or the 纪检监察 organ",
          "accused_unit_id");
    }
  }
  if (p.about_unit_id != 0) {
    auto about = unit_named(s, p.about_unit_id, "about_unit_id");
    if (!about.ok()) return about.status();
  }
  SHEGONG_RETURN_IF_ERROR(check_representatives(s, p));

  cases::CaseRecord c;
  c.kind = kPetitionKind;
  c.region_code = p.region_code;
  c.lead_unit_id = receiving->id;
  c.channel = p.channel;
  c.type = p.category;
  c.category = p.field;
  c.urgency = p.major ? "major" : "general";
  c.subject = p.subject;
  c.content = p.content;
  c.address = p.address;
  c.confidential = p.category == "检举控告" || p.confidential;
  c.received_at_ms = p.received_at_ms;
  c.requester_sealed = seal_petitioner(box, p.petitioner);
  c.requester_hash = petitioner_hash(box, p.petitioner);
  const std::vector<PetitionerIdentity> identities = petitioner_identities(box, p.petitioner);

  auto created = engine.create_in(
      s, c, actor, [&](db::Session& s, cases::CaseRecord& rec, cases::Registration& reg) -> Status {
        Json a = Json::object();
        a["receiving_unit_id"] = receiving->id;
        a["documents"] = Json::array();
        if (p.litigation) a["litigation"] = true;
        if (p.discipline_matter) a["discipline_matter"] = true;
        if (p.identity_unclear) a["identity_unclear"] = true;
        if (p.confidential) a["confidentiality_requested"] = true;
        if (is_oral(p.channel)) a["oral"] = true;
        bool office = receiving->kind == "petition_office";
        if (office && receiving->region_code.empty()) a["cascade"] = true;
        SHEGONG_RETURN_IF_ERROR(check_duplicates(s, rec, *receiving, a, p, identities));
        SHEGONG_RETURN_IF_ERROR(check_visit_level(s, rec, *receiving, a, p));
        auto tracking_no = cases::next_tracking_no(s, "XF", now);
        if (!tracking_no.ok()) return tracking_no.status();
        rec.tracking_no = *tracking_no;
        if (p.major) {
          // Item 25.
          // The petition office one level up: above a Beijing district, the municipality's.
          std::string parent = administrative_parent(receiving->region_code);
          for (std::string audience :
               {"party_committee:" + receiving->region_code, "government:" + receiving->region_code,
                "conference_office:" + receiving->region_code, "petition_office:" + parent,
                std::string("national_petition_bureau")}) {
            reg.notify.push_back(audience);
          }
          a["major"] = true;
        }
        if (rec.state == "registered") {
          // Item 8 (Art. 22) for a petition office, item 13 (Art. 23) for any other organ.
          int days = 15;
          if (a.value("cascade", false)) {
            auto budget =
                cases::profile_value(s, rec.region_code, "petition.cascade_days", "5,3,3,4");
            if (!budget.ok()) return budget.status();
            days = std::max(1, std::atoi(budget->c_str()));
          }
          const std::string timer = office ? "routing_due" : p.identity_unclear ? "" : "notice_due";
          // An organ that cannot tell whom to notify (identity unclear) has no deadline to keep.
          auto due = timer.empty()
                         ? Result<int64_t>(int64_t{0})
                         : organ_deadline(s, calendar, rec.region_code, rec.received_at_ms, days);
          if (!due.ok() && due.status().field() == "calendar") {
            // Every petition is registered at receipt (item 7, Arts. 17, 19, 21), and a deadline
            // is never guessed (item 6): the petition is registered with its deadline pending,
            // set by set_pending_deadlines once the year's notice is loaded.
            a["deadline_pending"] = {
                {"days", days}, {"timer", timer}, {"reason", due.status().message()}};
          } else if (!due.ok()) {
            return due.status();
          } else if (!timer.empty()) {
            rec.due_at_ms = *due;
            reg.arm.push_back({timer, *due});
          }
        } else {
          reg.notify.push_back("petitioner");
        }
        rec.attrs = a.dump();
        Json event = {{"channel", rec.channel},
                      {"category", rec.type},
                      {"unit_id", receiving->id},
                      {"state", rec.state}};
        if (a.contains("duplicate")) event["duplicate_rule"] = a["duplicate"]["rule"];
        if (a.contains("deadline_pending")) event["deadline_pending"] = true;
        reg.event_data = event.dump();
        return Status::Ok();
      });
  if (!created.ok()) return created.status();
  for (const PetitionerIdentity& i : identities) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO petition_identities(hash, case_id, kind) VALUES(?, ?, ?) "
               "ON CONFLICT DO NOTHING",
               {i.hash, created->id, i.kind})
            .status());
  }
  if (p.accused_unit_id != 0) {
    SHEGONG_RETURN_IF_ERROR(add_party(s, created->id, p.accused_unit_id, "accused"));
    SHEGONG_RETURN_IF_ERROR(add_party(s, created->id, p.accused_unit_id, "about"));
  }
  if (p.about_unit_id != 0)
    SHEGONG_RETURN_IF_ERROR(add_party(s, created->id, p.about_unit_id, "about"));
  return created;
}

}  // namespace shegong::petitions
