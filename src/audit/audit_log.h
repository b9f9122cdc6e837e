// The audit chain: every write appends one row (who, when, what action, on which object, a digest
// of the change, the previous row's hash) in the same transaction as the write itself. Each row's
// hash covers its fields and the previous hash, so altering, removing or reordering any row breaks
// the chain from that row on, and `verify` names the first row that does not hold.
#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"
#include "db/db.h"

namespace shegong::audit {

struct Entry {
  std::string actor;   // "user:12", "cli", "system"
  std::string action;  // "user.create", "session.create", "regions.import", ...
  std::string object;  // "user:12", "region:110101"
  std::string change;  // canonical description of the change; only its digest is stored
};

// The hash of the row before the first: 64 zeros.
extern const char* const kGenesisHash;

Status append(db::Session& session, const Clock& clock, const Entry& entry);

struct VerifyReport {
  int64_t rows = 0;
  bool ok = true;
  int64_t first_bad_id = 0;  // 0 when ok
  std::string reason;
};

Result<VerifyReport> verify(db::Db& db);
// The same inside a unit of work, on what it sees (e.g. rows it wrote and has not committed yet).
Result<VerifyReport> verify(db::Session& session);

}  // namespace shegong::audit
