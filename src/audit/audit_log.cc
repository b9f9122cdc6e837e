#include "audit/audit_log.h"

#include "base/crypto.h"

namespace shegong::audit {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {

// Fields are length-prefixed so that no two different rows serialise to the same bytes.
std::string row_hash(std::string_view prev_hash, int64_t id, int64_t at_ms, std::string_view actor,
                     std::string_view action, std::string_view object, std::string_view digest) {
  std::string buf;
  const std::string id_text = std::to_string(id), at_text = std::to_string(at_ms);
  for (std::string_view part : {prev_hash, std::string_view(id_text), std::string_view(at_text),
                                actor, action, object, digest}) {
    buf += std::to_string(part.size());
    buf += ':';
    buf += part;
  }
  return crypto::digest_hex(buf);
}

// The first column of a verified row (id, at_ms, actor, action, object, digest, prev_hash, hash)
// whose value is not of its declared type, or "" when all are.
std::string wrong_type_column(const db::Row& r) {
  static constexpr const char* kNames[] = {"id",     "at_ms",  "actor",     "action",
                                           "object", "digest", "prev_hash", "hash"};
  for (size_t i = 0; i < std::size(kNames); ++i) {
    const bool integer = i < 2;
    const bool right = integer ? std::holds_alternative<int64_t>(r.at(i))
                               : std::holds_alternative<std::string>(r.at(i));
    if (!right) return kNames[i];
  }
  return "";
}

}  // namespace

Status append(db::Session& s, const Clock& clock, const Entry& e) {
  auto last = s.query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!last.ok()) return last.status();
  if (!last->empty() && !std::holds_alternative<std::string>((*last)[0].at(1))) {
    return Internal(
        "the last audit_log row's hash column has the wrong type; run shegong audit "
        "verify");
  }
  int64_t id = last->empty() ? 1 : (*last)[0].integer(0) + 1;
  std::string prev = last->empty() ? kGenesisHash : (*last)[0].text(1);
  int64_t at = clock.now_ms();
  std::string digest = crypto::digest_hex(e.change);
  std::string hash = row_hash(prev, id, at, e.actor, e.action, e.object, digest);
  return s
      .exec(
          "INSERT INTO audit_log(id, at_ms, actor, action, object, digest, prev_hash, hash) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
          {id, at, e.actor, e.action, e.object, digest, prev, hash})
      .status();
}

namespace {

// Where a check of the chain has got to.
struct ChainWalk {
  VerifyReport report;
  std::string prev = kGenesisHash;
  int64_t expected_id = 1;
  bool more = true;
};

// Checks the next page of rows in id order, so that a chain of millions of rows is checked in
// bounded memory.
Status verify_page(db::Session& s, ChainWalk& walk) {
  constexpr int64_t kPage = 10000;
  auto rows = s.query(
      "SELECT id, at_ms, actor, action, object, digest, prev_hash, hash FROM audit_log "
      "WHERE id >= ? ORDER BY id LIMIT ?",
      {walk.expected_id, kPage});
  if (!rows.ok()) return rows.status();
  walk.more = static_cast<int64_t>(rows->size()) == kPage;
  VerifyReport& report = walk.report;
  for (const db::Row& r : *rows) {
    ++report.rows;
    // The id is the table's rowid, always an integer; the other columns may hold anything a
    // hand-edited file put there.
    int64_t id = r.integer(0);
    auto fail = [&](std::string reason) {
      report.ok = false;
      report.first_bad_id = id;
      report.reason = std::move(reason);
    };
    if (std::string column = wrong_type_column(r); !column.empty()) {
      fail("column " + column + " has the wrong type");
    } else if (id != walk.expected_id) {
      fail("row ids jump from " + std::to_string(walk.expected_id - 1) + " to " +
           std::to_string(id) + ": rows were removed");
    } else if (r.text(6) != walk.prev) {
      fail("prev_hash does not match the hash of the row before");
    } else if (row_hash(walk.prev, id, r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5)) !=
               r.text(7)) {
      fail("the row's contents do not match its hash: the row was altered");
    }
    if (!report.ok) return Status::Ok();
    walk.prev = r.text(7);
    ++walk.expected_id;
  }
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> verify(db::Db& db) {
  ChainWalk walk;
  Status st;
  while (st.ok() && walk.report.ok && walk.more) {
    st = db.read([&](db::Session& s) { return verify_page(s, walk); });
  }
  if (!st.ok()) return st;
  return walk.report;
}

Result<VerifyReport> verify(db::Session& session) {
  ChainWalk walk;
  while (walk.report.ok && walk.more) SHEGONG_RETURN_IF_ERROR(verify_page(session, walk));
  return walk.report;
}

}  // namespace shegong::audit
