// Certificates asked of a residents' or villagers' committee (证明事项; DOMAIN.md item 64,
// 厅字〔2022〕28号): a certificate on the committee's list (published for its area or an area above
// it) is issued with a number; any other is refused with the reason, so the person knows where to
// turn. Both are recorded: the ledger shows what the list spared the committee.
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/clock.h"
#include "db/db.h"

namespace shegong::burden {

struct CertificateRequest {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string region_code;
  std::string certificate;  // what is asked for, in the asker's words or the list's
  std::string purpose;
  int64_t item_id = 0;  // issued: the list item
  std::string outcome;  // issued, refused
  std::string reason;   // refused: why, to tell the resident; issued: the list item's basis
  std::string number;  // issued: ZM + date + sequence
  std::string requested_by;
  int64_t at_ms = 0;
};

// Records a request to `requester`'s committee and its answer, audited. `item_id` names the list
// item asked for, or 0 to match `certificate` against the list's names; 400 naming the field for
// a malformed request.
Result<CertificateRequest> request_certificate(db::Session& s, const Clock& clock,
                                               const auth::Principal& requester,
                                               std::string certificate, std::string purpose,
                                               int64_t item_id);
// The requests of the committees within `region_code`, newest first.
Result<std::vector<CertificateRequest>> certificate_requests(db::Session& s,
                                                             std::string_view region_code,
                                                             int64_t limit);
// How many requests to the committees within `region_code` were issued and refused.
struct CertificateCounts {
  int64_t issued = 0, refused = 0;
};
Result<CertificateCounts> certificate_counts(db::Session& s, std::string_view region_code);

}  // namespace shegong::burden
