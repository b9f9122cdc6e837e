#include "hotline/calls.h"

#include <map>

#include "audit/audit_log.h"
#include "base/utf8.h"

namespace shegong::hotline {

namespace {

constexpr int64_t kDay = 86'400'000;

Status check_call(const OfferedCall& c, size_t i, int64_t now) {
  bool printable = !c.call_ref.empty() && c.call_ref.size() <= 100 && is_valid_utf8(c.call_ref);
  for (unsigned char ch : c.call_ref) printable = printable && ch >= 0x20 && ch != 0x7f;
  if (!printable) {
    return Invalid(call_field(i, "call_ref"),
                   "the telephone system's id of the call: 1 to 100 bytes, no control characters");
  }
  if (c.offered_at_ms > now + 60'000) {
    return Invalid(call_field(i, "offered_at"), "a call cannot be offered in the future");
  }
  if (c.offered_at_ms < now - 366 * kDay) {
    return Invalid(call_field(i, "offered_at"), "lies more than a year back; check the year");
  }
  if (c.answered_at_ms != 0 &&
      (c.answered_at_ms < c.offered_at_ms || c.answered_at_ms > c.offered_at_ms + kDay)) {
    return Invalid(call_field(i, "answered_at"),
                   "a call is answered after it was offered, and within a day of it");
  }
  if (c.answered_at_ms > now + 60'000) {
    return Invalid(call_field(i, "answered_at"), "a call cannot be answered in the future");
  }
  return Status::Ok();
}

}  // namespace

std::string call_field(size_t i, const char* name) {
  return "calls[" + std::to_string(i) + "]." + name;
}

Result<CallsRecorded> record_calls(db::Session& s, const Clock& clock, const auth::Principal& who,
                                   const std::string& region_code,
                                   const std::vector<OfferedCall>& calls) {
  if (calls.empty() || calls.size() > kMaxCallsPerReport) {
    return Invalid("calls",
                   "from 1 to " + std::to_string(kMaxCallsPerReport) + " calls in one report");
  }
  const int64_t now = clock.now_ms();
  std::map<std::string_view, size_t> seen;
  for (size_t i = 0; i < calls.size(); ++i) {
    SHEGONG_RETURN_IF_ERROR(check_call(calls[i], i, now));
    auto [it, fresh] = seen.emplace(calls[i].call_ref, i);
    if (!fresh) {
      return Invalid(call_field(i, "call_ref"), "the report holds this call twice (also calls[" +
                                                    std::to_string(it->second) + "])");
    }
  }
  CallsRecorded out;
  for (size_t i = 0; i < calls.size(); ++i) {
    const OfferedCall& c = calls[i];
    db::Value answered = c.answered_at_ms == 0 ? db::null() : db::Value(c.answered_at_ms);
    auto added = s.query(
        "INSERT INTO hotline_calls(region_code, call_ref, offered_at_ms, answered_at_ms, "
        "recorded_at_ms) VALUES(?, ?, ?, ?, ?) ON CONFLICT(region_code, call_ref) DO NOTHING "
        "RETURNING id",
        {region_code, c.call_ref, c.offered_at_ms, answered, now});
    if (!added.ok()) return added.status();
    if (!added->empty()) {
      ++out.added;
      continue;
    }
    auto stored = s.query(
        "SELECT offered_at_ms, coalesce(answered_at_ms, 0) FROM hotline_calls "
        "WHERE region_code = ? AND call_ref = ?",
        {region_code, c.call_ref});
    if (!stored.ok()) return stored.status();
    if (stored->empty()) return Internal("a call that conflicted is not stored");
    if ((*stored)[0].integer(0) != c.offered_at_ms || (*stored)[0].integer(1) != c.answered_at_ms) {
      return Conflict("this call was reported before with other times; nothing was stored",
                      call_field(i, "call_ref"));
    }
    ++out.already_stored;
  }
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock,
      {who.actor(), "hotline.calls.record", "region:" + region_code,
       "added=" + std::to_string(out.added) + " already=" + std::to_string(out.already_stored)}));
  return out;
}

}  // namespace shegong::hotline
