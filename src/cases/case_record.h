// One case as stored in the `cases` table, and the reads and writes of that row. Personal data
// stays sealed here (requester_sealed); only callers holding the SecretBox open it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"

namespace shegong::cases {

struct CaseRecord {
  int64_t id = 0;
  std::string kind;
  std::string tracking_no;
  std::string state;
  std::string region_code;  // short code
  int64_t lead_unit_id = 0;
  std::string channel, type, category, urgency;
  std::string subject, content, address;
  std::optional<double> lat, lng;
  std::string requester_sealed;  // sealed personal data (see hotline/requester.h)
  std::string requester_hash;
  bool confidential = false;
  int64_t received_at_ms = 0;
  int64_t due_at_ms = 0;  // 0: no deadline yet
  int64_t closed_at_ms = 0;
  bool overdue = false;
  std::string attrs = "{}";  // JSON object text
  int64_t version = 1;
};

struct CaseUnit {
  int64_t unit_id;
  std::string role;  // lead, co, copy
};

Result<std::optional<CaseRecord>> load_case(db::Session& s, int64_t id);
Result<std::optional<CaseRecord>> load_case_by_tracking_no(db::Session& s, std::string_view no);
// Inserts a new case (id assigned) and returns its id.
Result<int64_t> insert_case(db::Session& s, const CaseRecord& c);
// Writes back every mutable column; fails with a conflict when the version moved.
Status update_case(db::Session& s, const CaseRecord& c);
// The lead unit first, then co-handlers and copied units.
Result<std::vector<CaseUnit>> case_units(db::Session& s, const CaseRecord& c);
Status set_case_unit(db::Session& s, int64_t case_id, int64_t unit_id, const std::string& role);

// Column list shared by readers that build CaseRecords from rows (see read_case_row).
extern const char* const kCaseColumns;
CaseRecord read_case_row(const db::Row& r);
CaseRecord read_case_row(db::Row&& r);  // moves the row's text out

}  // namespace shegong::cases
