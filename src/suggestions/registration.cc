#include "suggestions/registration.h"

#include <nlohmann/json.hpp>

#include "base/text_field.h"
#include "cases/profile.h"
#include "cases/tracking_no.h"
#include "hotline/units.h"
#include "hotline/vocabulary.h"
#include "regions/region_code.h"
#include "suggestions/collections.h"
#include "suggestions/redirect_hint.h"
#include "suggestions/suggestion_kind.h"
#include "suggestions/vocabulary.h"

namespace shegong::suggestions {

namespace {

using Json = nlohmann::json;

Status validate(NewSuggestion& n) {
  if (!hotline::one_of(n.channel, kChannels)) {
    return Invalid("channel", "one of " + hotline::list_of(kChannels));
  }
  // Item 65: subject, reasons, measures and the proposer, each required.
  SHEGONG_RETURN_IF_ERROR(check_text(n.subject, "subject", 400, true));
  SHEGONG_RETURN_IF_ERROR(check_text(n.reasons, "reasons", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(n.measures, "measures", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(n.field, "field", 40, false));
  return validate_proposer(n.proposer);
}

}  // namespace

Result<int64_t> collecting_office(db::Session& s, const std::string& region_code) {
  auto id = cases::profile_int(s, region_code, "suggestion.office_unit", 0);
  if (!id.ok()) return id.status();
  auto none = Conflict(
      "no suggestion-collecting office is configured for this area (profile "
      "suggestion.office_unit)",
      "region_code");
  if (*id <= 0) return none;
  auto unit = hotline::find_unit(s, *id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) return none;
  return *id;
}

Result<cases::CaseRecord> register_suggestion(db::Session& s, cases::Engine& engine,
                                              const crypto::SecretBox& box,
                                              const regions::RegionTree& tree, NewSuggestion n,
                                              const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(validate(n));
  const int64_t now = engine.clock().now_ms();
  if (n.received_at_ms == 0) n.received_at_ms = now;
  if (n.received_at_ms > now + 60'000) {
    return Invalid("received_at", "the time of receipt cannot be in the future");
  }
  std::optional<Collection> collection;
  bool late = false;
  if (n.collection_id != 0) {
    auto found = find_collection(s, n.collection_id);
    if (!found.ok()) return found.status();
    if (!*found) {
      return Invalid("collection_id",
                     "no suggestion collection has the id " + std::to_string(n.collection_id));
    }
    collection = std::move(**found);
    Timing t = timing(*collection, date_in_china(n.received_at_ms));
    if (t == Timing::kNotOpen) {
      return Conflict("the collection opens on " + collection->opens_on.to_string(),
                      "collection_id");
    }
    late = t == Timing::kLate;  // item 67: kept, and marked late
    if (n.region_code.empty()) n.region_code = collection->region_code;
  }
  if (n.region_code.empty()) return Invalid("region_code", "is required");
  auto region = tree.resolve(n.region_code, "region_code");
  if (!region.ok()) {
    return Invalid("region_code", region.status().code() == Code::kNotFound
                                      ? "no region has the code " + n.region_code
                                      : region.status().message());
  }
  n.region_code = *region;
  if (n.unit_id == 0 && !collection) {
    return Invalid("unit_id",
                   "is required: the unit that received the suggestion (the caller belongs to "
                   "none)");
  }
  Result<hotline::Unit> receiving = n.unit_id != 0
                                        ? hotline::active_unit(s, n.unit_id, "unit_id")
                                        : hotline::active_unit(s, collection->unit_id,
                                                               "collection_id");
  if (!receiving.ok()) return receiving.status();
  const int64_t lead = collection ? collection->unit_id : receiving->id;
  // An organ studies suggestions about its own area; a collection asks about the collecting
  // unit's.
  const std::string& area = collection ? collection->region_code : receiving->region_code;
  if (!regions::is_within(n.region_code, area)) {
    return Invalid("region_code",
                   collection ? "the suggestion is about a place outside the collection's area"
                              : "the suggestion is about a place outside the area of the unit "
                                "that received it");
  }

  cases::CaseRecord c;
  c.kind = std::string(kSuggestionKind);
  c.region_code = n.region_code;
  c.lead_unit_id = lead;
  c.channel = n.channel;
  c.type = collection ? "special" : "routine";
  c.category = n.field;
  c.urgency = "general";
  c.subject = n.subject;
  c.content = n.reasons;
  c.received_at_ms = n.received_at_ms;
  c.requester_sealed = seal_proposer(box, n.proposer);
  c.requester_hash = proposer_hash(box, n.proposer);

  auto created = engine.create_in(
      s, c, actor, [&](db::Session& s, cases::CaseRecord& rec, cases::Registration& reg) -> Status {
        Json a = {{"measures", n.measures},
                  {"receiving_unit_id", receiving->id},
                  {"proposer_kind", n.proposer.kind}};
        if (collection) {
          a["collection_id"] = collection->id;
          if (late) a["late_submission"] = true;
        }
        if (auto hint = redirect_hint(n.subject + "\n" + n.reasons + "\n" + n.measures)) {
          a["redirect_hint"] = {{"reason", hint->reason}, {"cue", hint->cue}};
        }
        auto tracking_no = cases::next_tracking_no(s, "JY", now);
        if (!tracking_no.ok()) return tracking_no.status();
        rec.tracking_no = *tracking_no;
        auto due =
            suggestion_deadline(s, rec.region_code, "suggestion.accept_days", rec.received_at_ms);
        if (!due.ok()) return due.status();
        rec.due_at_ms = *due;
        reg.arm.push_back({"accept_due", *due});
        reg.notify.push_back("unit:" + std::to_string(lead));
        rec.attrs = a.dump();
        Json event = {{"channel", rec.channel}, {"unit_id", receiving->id}, {"type", rec.type}};
        if (collection) event["collection_id"] = collection->id;
        if (late) event["late_submission"] = true;
        reg.event_data = event.dump();
        return Status::Ok();
      });
  if (!created.ok()) return created.status();
  if (collection) {
    SHEGONG_RETURN_IF_ERROR(
        s.exec("INSERT INTO suggestion_submissions(case_id, collection_id, late) VALUES(?, ?, ?)",
               {created->id, collection->id, int64_t{late}})
            .status());
  }
  if (receiving->id != lead) {
    SHEGONG_RETURN_IF_ERROR(cases::set_case_unit(s, created->id, receiving->id, "held"));
  }
  return created;
}

}  // namespace shegong::suggestions
