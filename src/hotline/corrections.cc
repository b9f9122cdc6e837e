#include "hotline/corrections.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "text/normalize.h"
#include "text/pii.h"

namespace shegong::hotline {

namespace {

// The classifier's first suggestion stored with the order at intake, if any.
struct Suggested {
  std::string label;
  double confidence = 0;
};

Suggested suggested_of(const std::string& attrs) {
  auto a = nlohmann::json::parse(attrs, nullptr, false);
  if (!a.is_object() || !a.contains("suggestions")) return {};
  const auto& s = a["suggestions"];
  if (!s.is_object() || !s.contains("predicted") || !s["predicted"].is_array() ||
      s["predicted"].empty())
    return {};
  const auto& top = s["predicted"][0];
  if (!top.is_object() || !top.contains("label") || !top["label"].is_string()) return {};
  return {top["label"].get<std::string>(), top.value("confidence", 0.0)};
}

// Text as it may leave the system: normalised where it can be (so that full-width digits are
// found too), with personal numbers, the doors of addresses and names given masked.
std::string exported(const std::string& text) {
  auto normal = text::normalize(text);
  return text::mask_for_export(normal.ok() ? *normal : text);
}

}  // namespace

std::string category_at_level(std::string_view code, int level) {
  size_t end = 0;
  for (int i = 0; i < level; ++i) {
    end = code.find('/', i == 0 ? 0 : end + 1);
    if (end == std::string_view::npos) return std::string(code);
  }
  return std::string(code.substr(0, end));
}

Result<CorrectionsReport> export_corrections(db::Session& s, const CorrectionsQuery& query,
                                             std::string& csv) {
  if (query.level < 1 || query.level > kMaxCategoryLevel)
    return Invalid("level", "must be 1 to " + std::to_string(kMaxCategoryLevel));
  if (query.from_ms >= query.to_ms) return Invalid("to", "is before from");
  CorrectionsReport report;
  append_csv_record(csv, {"tracking_no", "subject", "body", "category", "suggested", "confidence"});
  Status st = s.query_each(
      "SELECT tracking_no, subject, content, category, attrs, confidential FROM cases "
      "WHERE kind = 'order' AND category <> '' AND received_at_ms >= ? AND received_at_ms < ? "
      "AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND "
      "e.action = 'dispatch') ORDER BY received_at_ms, id",
      {query.from_ms, query.to_ms}, [&](const db::Row& r) {
        if (r.integer(5) != 0) {
          ++report.confidential;
          return Status::Ok();
        }
        ++report.dispatched;
        const std::string category = category_at_level(r.text(3), query.level);
        Suggested suggested = suggested_of(r.text(4));
        std::string suggested_label;
        if (!suggested.label.empty()) {
          ++report.suggested;
          suggested_label = category_at_level(suggested.label, query.level);
        }
        const bool corrected = !suggested_label.empty() && suggested_label != category;
        if (corrected) ++report.corrections;
        if (query.corrections_only && !corrected) return Status::Ok();
        char confidence[16] = "";
        if (!suggested_label.empty())
          std::snprintf(confidence, sizeof confidence, "%.4f", suggested.confidence);
        const std::string subject = exported(r.text(1)), body = exported(r.text(2));
        append_csv_record(csv, {r.text(0), subject, body, category, suggested_label, confidence});
        ++report.written;
        return Status::Ok();
      });
  if (!st.ok()) return st;
  return report;
}

}  // namespace shegong::hotline
