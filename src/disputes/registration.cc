#include "disputes/registration.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/tracking_no.h"
#include "disputes/dispute_kind.h"
#include "disputes/vocabulary.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"
#include "regions/region_code.h"

namespace shegong::disputes {

namespace {

using hotline::list_of;
using hotline::one_of;
using Json = nlohmann::json;

Status validate(const NewDispute& d) {
  if (!one_of(d.track, kTracks)) return Invalid("track", "one of " + list_of(kTracks));
  if (!one_of(d.source, kSources)) return Invalid("source", "one of " + list_of(kSources));
  if (!one_of(d.category, kCategories)) {
    return Invalid("category", "one of " + list_of(kCategories));
  }
  if (!one_of(d.risk, kRiskLevels)) return Invalid("risk", "one of " + list_of(kRiskLevels));
  SHEGONG_RETURN_IF_ERROR(check_text(d.subject, "subject", 400, true));
  SHEGONG_RETURN_IF_ERROR(check_text(d.description, "description", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(d.address, "address", 500, false));
  if (d.complex && d.track != "administrative") {
    return Invalid("complex",
                   "only an administrative organ's acceptance period is longer when "
                   "the dispute is complex");
  }
  return validate_parties(d.parties);
}

}  // namespace

Result<cases::CaseRecord> register_dispute(db::Session& s, cases::Engine& engine,
                                           const HolidayCalendar& calendar,
                                           const crypto::SecretBox& box,
                                           const regions::RegionTree& tree, NewDispute d,
                                           const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(validate(d));
  const int64_t now = engine.clock().now_ms();
  if (d.received_at_ms == 0) d.received_at_ms = now;
  if (d.received_at_ms > now + 60'000) {
    return Invalid("received_at", "the time of receipt cannot be in the future");
  }
  auto region = tree.resolve(d.region_code, "region_code");
  if (!region.ok()) {
    return Invalid("region_code", region.status().code() == Code::kNotFound
                                      ? "no region has the code " + d.region_code
                                      : region.status().message());
  }
  auto unit = hotline::active_unit(s, d.unit_id, "unit_id");
  if (!unit.ok()) return unit.status();
  SHEGONG_RETURN_IF_ERROR(check_mediating_unit(*unit, d.track));
  // A committee mediates the disputes of its own area, an organ those within its remit's area.
  if (!regions::is_within(*region, unit->region_code)) {
    return Invalid("region_code", "the dispute lies outside the area of the unit that takes it");
  }

  cases::CaseRecord c;
  c.kind = std::string(kDisputeKind);
  c.region_code = *region;
  c.lead_unit_id = unit->id;
  c.channel = d.source;
  c.type = d.track;
  c.category = d.category;
  c.urgency = d.risk;
  c.subject = d.subject;
  c.content = d.description;
  c.address = d.address;
  c.received_at_ms = d.received_at_ms;
  c.requester_sealed = seal_parties(box, d.parties);
  c.requester_hash = parties_hash(box, d.parties);
  return engine.create_in(
      s, c, actor, [&](db::Session& s, cases::CaseRecord& rec, cases::Registration& reg) -> Status {
        Json a = {{"party_count", d.parties.size()}};
        if (d.complex) a["complex"] = true;
        auto tracking_no = cases::next_tracking_no(s, "TJ", now);
        if (!tracking_no.ok()) return tracking_no.status();
        rec.tracking_no = *tracking_no;
        if (d.track == "administrative") {
          const char* key = d.complex ? "dispute.complex_acceptance_working_days"
                                      : "dispute.acceptance_working_days";
          auto due = working_days_after(s, calendar, rec.region_code, key, rec.received_at_ms);
          if (!due.ok() && due.status().field() == "calendar") {
            // Registered all the same (a dispute is recorded when it comes), and the deadline is
            // never guessed: it is set when the year's notice is loaded.
            a["deadline_pending"] = {{"key", key},
                                     {"timer", "acceptance_due"},
                                     {"reason", due.status().message()}};
          } else if (!due.ok()) {
            return due.status();
          } else {
            rec.due_at_ms = *due;
            reg.arm.push_back({"acceptance_due", *due});
          }
        }
        if (d.risk == "high") reg.notify.push_back("supervision:" + rec.region_code);
        reg.notify.push_back("unit:" + std::to_string(d.unit_id));
        rec.attrs = a.dump();
        Json event = {{"track", d.track}, {"source", d.source}, {"risk", d.risk}};
        if (a.contains("deadline_pending")) event["deadline_pending"] = true;
        reg.event_data = event.dump();
        return Status::Ok();
      });
}

}  // namespace shegong::disputes
