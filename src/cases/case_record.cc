#include "cases/case_record.h"

namespace shegong::cases {

const char* const kCaseColumns =
    "id, kind, tracking_no, state, region_code, lead_unit_id, channel, type, category, urgency, "
    "subject, content, address, lat, lng, requester_sealed, requester_hash, confidential, "
    "received_at_ms, due_at_ms, closed_at_ms, overdue, attrs, version";

namespace {

db::Value optional_real(const std::optional<double>& v) { return v ? db::Value(*v) : db::null(); }
db::Value id_or_null(int64_t id) { return id == 0 ? db::null() : db::Value(id); }
db::Value ms_or_null(int64_t ms) { return ms == 0 ? db::null() : db::Value(ms); }

Result<std::optional<CaseRecord>> load_where(db::Session& s, const std::string& sql,
                                             db::Value key) {
  auto rows = s.query(sql, {std::move(key)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<CaseRecord>();
  return std::optional<CaseRecord>(read_case_row(std::move((*rows)[0])));
}

// Text columns copied from a row that stays, moved out of one that goes.
template <typename R>
CaseRecord case_from_row(R&& r) {
  constexpr bool kMoves = !std::is_const_v<std::remove_reference_t<R>>;
  auto text = [&r](size_t i) -> std::string {
    if constexpr (kMoves) {
      return r.take_text(i);
    } else {
      return r.text(i);
    }
  };
  CaseRecord c;
  c.id = r.integer(0);
  c.kind = text(1);
  c.tracking_no = text(2);
  c.state = text(3);
  c.region_code = text(4);
  c.lead_unit_id = r.integer(5);
  c.channel = text(6);
  c.type = text(7);
  c.category = text(8);
  c.urgency = text(9);
  c.subject = text(10);
  c.content = text(11);
  c.address = text(12);
  if (!r.is_null(13)) c.lat = r.real(13);
  if (!r.is_null(14)) c.lng = r.real(14);
  if constexpr (kMoves) {
    c.requester_sealed = r.take_blob(15);
  } else {
    c.requester_sealed = r.blob(15);
  }
  c.requester_hash = text(16);
  c.confidential = r.integer(17) != 0;
  c.received_at_ms = r.integer(18);
  c.due_at_ms = r.integer(19);
  c.closed_at_ms = r.integer(20);
  c.overdue = r.integer(21) != 0;
  c.attrs = text(22);
  c.version = r.integer(23);
  return c;
}

}  // namespace

CaseRecord read_case_row(const db::Row& r) { return case_from_row(r); }
CaseRecord read_case_row(db::Row&& r) { return case_from_row(r); }

Result<std::optional<CaseRecord>> load_case(db::Session& s, int64_t id) {
  static const std::string sql = std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?";
  return load_where(s, sql, id);
}

Result<std::optional<CaseRecord>> load_case_by_tracking_no(db::Session& s, std::string_view no) {
  static const std::string sql =
      std::string("SELECT ") + kCaseColumns + " FROM cases WHERE tracking_no = ?";
  return load_where(s, sql, std::string(no));
}

Result<int64_t> insert_case(db::Session& s, const CaseRecord& c) {
  auto rows = s.query(
      "INSERT INTO cases(kind, tracking_no, state, region_code, lead_unit_id, channel, type, "
      "category, urgency, subject, content, address, lat, lng, requester_sealed, requester_hash, "
      "confidential, received_at_ms, due_at_ms, closed_at_ms, overdue, attrs, version) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {c.kind,
       c.tracking_no,
       c.state,
       c.region_code,
       id_or_null(c.lead_unit_id),
       c.channel,
       c.type,
       c.category,
       c.urgency,
       c.subject,
       c.content,
       c.address,
       optional_real(c.lat),
       optional_real(c.lng),
       c.requester_sealed.empty() ? db::null() : db::Value(db::Blob{c.requester_sealed}),
       c.requester_hash.empty() ? db::null() : db::Value(c.requester_hash),
       int64_t{c.confidential},
       c.received_at_ms,
       ms_or_null(c.due_at_ms),
       ms_or_null(c.closed_at_ms),
       int64_t{c.overdue},
       c.attrs});
  if (!rows.ok()) return rows.status();
  return (*rows)[0].integer(0);
}

Status update_case(db::Session& s, const CaseRecord& c) {
  auto changed = s.exec(
      "UPDATE cases SET state = ?, region_code = ?, lead_unit_id = ?, category = ?, urgency = ?, "
      "due_at_ms = ?, closed_at_ms = ?, overdue = ?, attrs = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {c.state, c.region_code, id_or_null(c.lead_unit_id), c.category, c.urgency,
       ms_or_null(c.due_at_ms), ms_or_null(c.closed_at_ms), int64_t{c.overdue}, c.attrs, c.id,
       c.version});
  if (!changed.ok()) return changed.status();
  if (*changed != 1) return Conflict("the case changed meanwhile; reload and try again", "version");
  return Status::Ok();
}

Result<std::vector<CaseUnit>> case_units(db::Session& s, const CaseRecord& c) {
  std::vector<CaseUnit> out;
  if (c.lead_unit_id != 0) out.push_back({c.lead_unit_id, "lead"});
  auto rows = s.query(
      "SELECT unit_id, role FROM case_units WHERE case_id = ? ORDER BY role, unit_id", {c.id});
  if (!rows.ok()) return rows.status();
  for (const db::Row& r : *rows) {
    if (r.integer(0) != c.lead_unit_id) out.push_back({r.integer(0), r.text(1)});
  }
  return out;
}

Status set_case_unit(db::Session& s, int64_t case_id, int64_t unit_id, const std::string& role) {
  return s
      .exec(
          "INSERT INTO case_units(case_id, unit_id, role) VALUES(?, ?, ?) "
          "ON CONFLICT(case_id, unit_id) DO UPDATE SET role = excluded.role",
          {case_id, unit_id, role})
      .status();
}

}  // namespace shegong::cases
