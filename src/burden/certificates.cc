#include "burden/certificates.h"

#include "audit/audit_log.h"
#include "base/text_field.h"
#include "burden/duty_items.h"
#include "cases/tracking_no.h"
#include "hotline/units.h"

namespace shegong::burden {

namespace {

constexpr const char* kColumns =
    "id, unit_id, region_code, certificate, purpose, item_id, outcome, reason, number, "
    "requested_by, at_ms";

CertificateRequest read_row(const db::Row& r) {
  CertificateRequest c;
  c.id = r.integer(0);
  c.unit_id = r.integer(1);
  c.region_code = r.text(2);
  c.certificate = r.text(3);
  c.purpose = r.text(4);
  c.item_id = r.is_null(5) ? 0 : r.integer(5);
  c.outcome = r.text(6);
  c.reason = r.text(7);
  c.number = r.text(8);
  c.requested_by = r.text(9);
  c.at_ms = r.integer(10);
  return c;
}

}  // namespace

Result<CertificateRequest> request_certificate(db::Session& s, const Clock& clock,
                                               const auth::Principal& requester,
                                               std::string certificate, std::string purpose,
                                               int64_t item_id) {
  SHEGONG_RETURN_IF_ERROR(check_text(purpose, "purpose", 2000, false));
  if (item_id == 0) SHEGONG_RETURN_IF_ERROR(check_text(certificate, "certificate", 200, true));
  if (requester.unit_id == 0) {
    return Denied("certificates are issued by a committee; your account belongs to none");
  }
  auto unit = hotline::active_unit(s, requester.unit_id, "unit_id");
  if (!unit.ok()) return unit.status();
  if (unit->kind != "community") {
    return Denied("certificates on this list are issued by residents' and villagers' committees");
  }
  auto listed = items_for(s, unit->region_code, "certificate");
  if (!listed.ok()) return listed.status();
  const DutyItem* match = nullptr;
  for (const DutyItem& d : *listed) {
    if (item_id != 0 ? d.id == item_id : d.name == certificate) match = &d;
  }
  if (item_id != 0 && match == nullptr) {
    return Invalid("item_id", "no certificate of " + unit->name + "'s list has the id " +
                                  std::to_string(item_id));
  }
  CertificateRequest c;
  c.unit_id = unit->id;
  c.region_code = unit->region_code;
  c.certificate = match ? match->name : certificate;
  c.purpose = std::move(purpose);
  c.requested_by = requester.actor();
  c.at_ms = clock.now_ms();
  if (match) {
    auto number = cases::next_tracking_no(s, "ZM", c.at_ms);
    if (!number.ok()) return number.status();
    c.item_id = match->id;
    c.outcome = "issued";
    c.number = *number;
    c.reason = match->basis;
  } else {
    c.outcome = "refused";
    // Said to the resident as it stands, so in the resident's language.
    c.reason = "「" + c.certificate + "」不在" + unit->name +
               "可以出具的证明事项清单内（厅字〔2022〕28号）：应由需要该证明的单位自行核查，或由"
               "居民向有权出具的机关申请。";
  }
  auto rows = s.query(
      "INSERT INTO certificate_requests(unit_id, region_code, certificate, purpose, item_id, "
      "outcome, reason, number, requested_by, at_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {c.unit_id, c.region_code, c.certificate, c.purpose,
       c.item_id == 0 ? db::null() : db::Value(c.item_id), c.outcome, c.reason, c.number,
       c.requested_by, c.at_ms});
  if (!rows.ok()) return rows.status();
  c.id = (*rows)[0].integer(0);
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock,
      {c.requested_by, "certificate." + c.outcome, "certificate_request:" + std::to_string(c.id),
       c.certificate + (c.number.empty() ? "" : "\n" + c.number)}));
  return c;
}

Result<std::vector<CertificateRequest>> certificate_requests(db::Session& s,
                                                             std::string_view region_code,
                                                             int64_t limit) {
  const std::string lo(region_code);
  auto rows = s.query(std::string("SELECT ") + kColumns +
                          " FROM certificate_requests WHERE region_code >= ? AND region_code < ? "
                          "ORDER BY id DESC LIMIT ?",
                      {lo, lo + ":", limit});
  if (!rows.ok()) return rows.status();
  std::vector<CertificateRequest> out;
  for (const db::Row& r : *rows) out.push_back(read_row(r));
  return out;
}

Result<CertificateCounts> certificate_counts(db::Session& s, std::string_view region_code) {
  const std::string lo(region_code);
  auto rows = s.query(
      "SELECT outcome, count(*) FROM certificate_requests WHERE region_code >= ? AND "
      "region_code < ? GROUP BY outcome",
      {lo, lo + ":"});
  if (!rows.ok()) return rows.status();
  CertificateCounts out;
  for (const db::Row& r : *rows) (r.text(0) == "issued" ? out.issued : out.refused) = r.integer(1);
  return out;
}

}  // namespace shegong::burden
