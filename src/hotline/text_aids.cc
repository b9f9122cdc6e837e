#include "hotline/text_aids.h"

#include <mutex>

#include "hotline/categories.h"
#include "hotline/units.h"

namespace shegong::hotline {

std::string order_text(const cases::CaseRecord& order) {
  return order.subject + " " + order.content;
}

Result<DispatchSuggestions> suggest_dispatch(db::Session& s, const text::Classifier* classifier,
                                             const cases::CaseRecord& order) {
  std::vector<text::Prediction> predicted;
  if (classifier) {
    auto top = classifier->top_k(order_text(order), 3);
    if (!top.ok()) return top.status();
    predicted = std::move(top).value();
  }
  return suggest_dispatch(s, predicted, order);
}

Result<DispatchSuggestions> suggest_dispatch(db::Session& s,
                                             const std::vector<text::Prediction>& predicted,
                                             const cases::CaseRecord& order) {
  DispatchSuggestions out;
  for (const auto& p : predicted) {
    auto known = category_exists(s, p.label);
    if (!known.ok()) return known.status();
    out.categories.push_back({p.label, p.confidence, *known});
  }
  // A category the dispatcher already chose comes first.
  if (!order.category.empty() &&
      (out.categories.empty() || out.categories[0].category != order.category)) {
    out.categories.insert(out.categories.begin(), {order.category, 1.0, true});
  }
  auto add_unit = [&](int64_t id, const std::string& category, const char* via) -> Status {
    for (const auto& u : out.units) {
      if (u.unit_id == id) return Status::Ok();
    }
    auto unit = find_unit(s, id);
    if (!unit.ok()) return unit.status();
    if (*unit && (*unit)->active) out.units.push_back({id, (*unit)->name, category, via});
    return Status::Ok();
  };
  for (const auto& c : out.categories) {
    auto rule = match_dispatch_rule(s, order.region_code, c.category);
    if (!rule.ok()) return rule.status();
    if (*rule) SHEGONG_RETURN_IF_ERROR(add_unit((*rule)->unit_id, c.category, "rule"));
  }
  auto district = district_government_for(s, order.region_code);
  if (!district.ok()) return district.status();
  if (*district) SHEGONG_RETURN_IF_ERROR(add_unit((*district)->id, "", "district"));
  return out;
}

std::shared_ptr<const text::Classifier> CategoryModel::current() const {
  std::lock_guard lock(mu_);
  return model_;
}

void CategoryModel::replace(std::shared_ptr<const text::Classifier> model) {
  std::lock_guard lock(mu_);
  model_ = std::move(model);
}

Status RepeatDetector::load(db::Db& db, int64_t since_ms) {
  std::unique_lock lock(mu_);
  return db.read([&](db::Session& s) {
    return s.query_each(
        "SELECT id, requester_hash, subject, content FROM cases WHERE kind = 'order' AND "
        "received_at_ms >= ? ORDER BY id",
        {since_ms}, [&](const db::Row& r) {
          // A message with nothing to compare (only punctuation) is simply not indexed.
          (void)index_.add(r.integer(0), r.text(1), r.text(2) + " " + r.text(3));
          return Status::Ok();
        });
  });
}

Result<text::RepeatFinding> RepeatDetector::check(std::string_view requester,
                                                  std::string_view text) const {
  std::shared_lock lock(mu_);
  // Others who raised the matter are only recorded on a repeat, and then up to kOthersCounted:
  // counting them for every new order would score thousands of candidates when a matter is
  // common, inside the transaction that registers the order.
  if (requester.empty())
    return Invalid("requester", "is empty: an anonymous message has no history");
  auto fp = index_.fingerprint(text);
  if (!fp.ok()) return fp.status();
  auto finding = index_.find_repeat(requester, *fp, kSameMatter, 0);
  if (!finding.repeated) return finding;
  return index_.find_repeat(requester, *fp, kSameMatter, kOthersCounted);
}

void RepeatDetector::add(int64_t id, std::string_view requester, std::string_view text) {
  std::unique_lock lock(mu_);
  (void)index_.add(id, requester, text);
}

Result<std::vector<text::SimilarMessage>> RepeatDetector::similar(std::string_view text,
                                                                  size_t k) const {
  std::shared_lock lock(mu_);
  return index_.similar(text, k, 0.3);
}

size_t RepeatDetector::size() const {
  std::shared_lock lock(mu_);
  return index_.size();
}

}  // namespace shegong::hotline
