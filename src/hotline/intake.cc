#include "hotline/intake.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "auth/users.h"
#include "base/calendar.h"
#include "base/text_field.h"
#include "cases/profile.h"
#include "cases/tracking_no.h"
#include "hotline/categories.h"
#include "hotline/order_kind.h"
#include "hotline/requester.h"
#include "hotline/sla.h"
#include "hotline/vocabulary.h"

namespace shegong::hotline {

Status validate_new_order(NewOrder& o, const regions::RegionTree& tree) {
  if (!one_of(o.channel, kChannels)) return Invalid("channel", "one of " + list_of(kChannels));
  if (!one_of(o.type, kDemandTypes)) return Invalid("type", "one of " + list_of(kDemandTypes));
  SHEGONG_RETURN_IF_ERROR(check_text(o.subject, "subject", 200, true));
  SHEGONG_RETURN_IF_ERROR(check_text(o.content, "content", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(o.contact_name, "contact.name", 100, true));
  if (o.contact_phone.empty()) return Invalid("contact.phone", "is required");
  SHEGONG_RETURN_IF_ERROR(auth::validate_phone(o.contact_phone, "contact.phone"));
  SHEGONG_RETURN_IF_ERROR(check_text(o.address, "address", 500, false));
  SHEGONG_RETURN_IF_ERROR(check_text(o.category, "category", 400, false));
  if (!one_of(o.urgency, kUrgencies)) return Invalid("urgency", "one of " + list_of(kUrgencies));
  if (o.lat.has_value() != o.lng.has_value()) {
    return Invalid(o.lat ? "lng" : "lat", "give both lat and lng, or neither");
  }
  // Mainland China and its islands lie within these bounds; anything else is a typo or a swap.
  if (o.lat && (!std::isfinite(*o.lat) || *o.lat < 3 || *o.lat > 54)) {
    return Invalid("lat", "a latitude in China lies between 3 and 54");
  }
  if (o.lng && (!std::isfinite(*o.lng) || *o.lng < 73 || *o.lng > 136)) {
    return Invalid("lng", "a longitude in China lies between 73 and 136");
  }
  auto region = tree.resolve(o.region_code, "region_code");
  if (!region.ok()) {
    return Invalid("region_code", region.status().code() == Code::kNotFound
                                      ? "no region has the code " + o.region_code
                                      : region.status().message());
  }
  o.region_code = *region;
  return Status::Ok();
}

Result<PreparedOrder> prepare_order(const cases::Engine& engine, const crypto::SecretBox& box,
                                    const regions::RegionTree& tree, NewOrder o,
                                    const TextAids& aids) {
  SHEGONG_RETURN_IF_ERROR(validate_new_order(o, tree));
  int64_t now = engine.clock().now_ms();
  if (o.received_at_ms == 0) o.received_at_ms = now;
  if (o.received_at_ms > now + 60'000) {
    return Invalid("received_at", "the time the demand was made cannot be in the future");
  }
  cases::CaseRecord c;
  c.kind = kOrderKind;
  c.region_code = o.region_code;
  c.channel = o.channel;
  c.type = o.type;
  c.category = o.category;
  c.urgency = o.urgency;
  c.subject = o.subject;
  c.content = o.content;
  c.address = o.address;
  c.lat = o.lat;
  c.lng = o.lng;
  c.confidential = o.confidential;
  c.received_at_ms = o.received_at_ms;
  c.requester_sealed = seal_requester(box, {o.contact_name, o.contact_phone});
  c.requester_hash = box.lookup_hash(o.contact_phone);
  PreparedOrder prepared{std::move(c), {}, std::nullopt};
  std::string text = order_text(prepared.record);
  if (auto classifier = aids.model ? aids.model->current() : nullptr) {
    auto top = classifier->top_k(text, 3);
    if (!top.ok()) return top.status();
    prepared.predicted = std::move(top).value();
  }
  if (aids.repeats) {
    auto repeat = aids.repeats->check(prepared.record.requester_hash, text);
    if (repeat.ok()) prepared.repeat = std::move(repeat).value();
  }
  return prepared;
}

Result<cases::CaseRecord> register_order(db::Session& s, cases::Engine& engine,
                                         PreparedOrder prepared, const std::string& actor) {
  int64_t now = engine.clock().now_ms();
  auto created = engine.create_in(
      s, prepared.record, actor,
      [&](db::Session& s, cases::CaseRecord& rec, cases::Registration& reg) -> Status {
        if (!rec.category.empty()) {
          auto known = category_exists(s, rec.category);
          if (!known.ok()) return known.status();
          if (!*known) return Invalid("category", "not in the category taxonomy: " + rec.category);
        }
        // Item 42: repeat callers are flagged, never blocked.
        auto window = cases::profile_int(s, rec.region_code, "hotline.repeat_window_days", 30);
        auto threshold = cases::profile_int(s, rec.region_code, "hotline.repeat_threshold", 5);
        if (!window.ok()) return window.status();
        if (!threshold.ok()) return threshold.status();
        auto earlier = s.query(
            "SELECT count(*) FROM cases WHERE kind = 'order' AND requester_hash = ? AND "
            "received_at_ms >= ?",
            {rec.requester_hash, now - *window * 86'400'000});
        if (!earlier.ok()) return earlier.status();
        int64_t previous = (*earlier)[0].integer(0);
        nlohmann::json attrs = nlohmann::json::object();
        if (previous >= *threshold) attrs["repeat_caller"] = {{"previous_orders", previous}};
        if (const auto& repeat = prepared.repeat; repeat && repeat->repeated) {
          nlohmann::json earlier = nlohmann::json::array();
          for (const auto& e : repeat->earlier) earlier.push_back(e.id);
          attrs["repeat_of"] = {{"orders", earlier},
                                {"other_requesters", repeat->other_requesters}};
        }
        if (!prepared.predicted.empty()) {
          auto suggested = suggest_dispatch(s, prepared.predicted, rec);
          if (!suggested.ok()) return suggested.status();
          nlohmann::json cats = nlohmann::json::array(), units = nlohmann::json::array();
          for (const auto& x : suggested->categories) {
            cats.push_back({{"category", x.category},
                            {"confidence", x.confidence},
                            {"in_taxonomy", x.in_taxonomy}});
          }
          for (const auto& u : suggested->units) {
            units.push_back({{"unit_id", u.unit_id},
                             {"name", u.name},
                             {"category", u.category},
                             {"via", u.via}});
          }
          // The classifier's own answer, apart from a category the call-taker already chose:
          // what a dispatcher's choice is compared with when corrections are exported.
          nlohmann::json predicted = nlohmann::json::array();
          for (const auto& p : prepared.predicted)
            predicted.push_back({{"label", p.label}, {"confidence", p.confidence}});
          attrs["suggestions"] = {{"categories", cats}, {"units", units}, {"predicted", predicted}};
        }
        rec.attrs = attrs.dump();
        auto tracking_no = cases::next_tracking_no(s, "GD", now);
        if (!tracking_no.ok()) return tracking_no.status();
        rec.tracking_no = *tracking_no;
        // Dispatch limit from the SLA table (item 40).
        auto rule = find_sla_rule(s, rec.urgency, rec.category);
        if (!rule.ok()) return rule.status();
        if (*rule)
          reg.arm.push_back(
              {"dispatch_limit", rec.received_at_ms + (*rule)->dispatch_minutes * 60'000});
        reg.event_data = nlohmann::json{{"channel", rec.channel},
                                        {"type", rec.type},
                                        {"repeat_caller", previous >= *threshold}}
                             .dump();
        // 接诉即办条例 Art. 29: a demand that may lead to an emergency is reported to the
        // government at once: the district's (its `district` or `government` unit) reads it
        // among its notices.
        if (rec.urgency == "emergency" && rec.region_code.size() >= 6) {
          reg.notify.push_back("government:" + rec.region_code.substr(0, 6));
        }
        return Status::Ok();
      });
  return created;
}

void index_order(const TextAids& aids, const cases::CaseRecord& order) {
  if (aids.repeats) aids.repeats->add(order.id, order.requester_hash, order_text(order));
}

Result<cases::CaseRecord> register_order(db::Session& s, cases::Engine& engine,
                                         const crypto::SecretBox& box,
                                         const regions::RegionTree& tree, NewOrder o,
                                         const std::string& actor, const TextAids& aids) {
  auto prepared = prepare_order(engine, box, tree, std::move(o), aids);
  if (!prepared.ok()) return prepared.status();
  auto created = register_order(s, engine, std::move(prepared).value(), actor);
  if (created.ok()) index_order(aids, *created);
  return created;
}

}  // namespace shegong::hotline
