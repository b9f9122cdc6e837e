#include "suggestions/collections.h"

#include "audit/audit_log.h"
#include "base/text_field.h"
#include "hotline/units.h"
#include "suggestions/vocabulary.h"

namespace shegong::suggestions {

namespace {

constexpr const char* kColumns =
    "id, region_code, unit_id, topic, description, submission_method, opens_on, closes_on, "
    "results, results_published_at_ms, created_by, created_at_ms";

Collection read_row(const db::Row& r) {
  Collection c;
  c.id = r.integer(0);
  c.region_code = r.text(1);
  c.unit_id = r.integer(2);
  c.topic = r.text(3);
  c.description = r.text(4);
  c.submission_method = r.text(5);
  // Stored by create_collection from parsed dates.
  auto opens = Date::parse(r.text(6));
  auto closes = Date::parse(r.text(7));
  if (opens.ok()) c.opens_on = *opens;
  if (closes.ok()) c.closes_on = *closes;
  if (!r.is_null(8)) c.results = r.text(8);
  if (!r.is_null(9)) c.results_published_at_ms = r.integer(9);
  c.created_by = r.text(10);
  c.created_at_ms = r.integer(11);
  return c;
}

}  // namespace

Result<Collection> create_collection(db::Session& s, const Clock& clock, const NewCollection& n,
                                     const std::string& actor) {
  SHEGONG_RETURN_IF_ERROR(check_text(n.topic, "topic", 200, true));
  SHEGONG_RETURN_IF_ERROR(check_text(n.description, "description", 20000, true));
  SHEGONG_RETURN_IF_ERROR(check_text(n.submission_method, "submission_method", 2000, true));
  const Date today = date_in_china(clock.now_ms());
  const Date opens = n.opens_on.value_or(today);
  if (!n.closes_on) {
    return Invalid("closes_on", "is required: a special collection publishes its period (Art. 8)");
  }
  if (*n.closes_on < opens) return Invalid("closes_on", "cannot lie before opens_on");
  if (*n.closes_on < today) return Invalid("closes_on", "cannot lie in the past");
  if (n.closes_on->days_since_epoch() - opens.days_since_epoch() > 366) {
    return Invalid("closes_on", "a collection runs for at most a year");
  }
  auto unit = hotline::find_unit(s, n.unit_id);
  if (!unit.ok()) return unit.status();
  if (!*unit || !(*unit)->active) {
    return Invalid("unit_id", "no active unit has the id " + std::to_string(n.unit_id));
  }
  Collection c;
  c.region_code = (*unit)->region_code;
  c.unit_id = n.unit_id;
  c.topic = n.topic;
  c.description = n.description;
  c.submission_method = n.submission_method;
  c.opens_on = opens;
  c.closes_on = *n.closes_on;
  c.created_by = actor;
  c.created_at_ms = clock.now_ms();
  auto rows = s.query(
      "INSERT INTO suggestion_collections(region_code, unit_id, topic, description, "
      "submission_method, opens_on, closes_on, created_by, created_at_ms) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.region_code, c.unit_id, c.topic, c.description, c.submission_method,
       c.opens_on.to_string(), c.closes_on.to_string(), c.created_by, c.created_at_ms});
  if (!rows.ok()) return rows.status();
  c.id = (*rows)[0].integer(0);
  SHEGONG_RETURN_IF_ERROR(audit::append(
      s, clock,
      {actor, "suggestion.collection.create", "suggestion_collection:" + std::to_string(c.id),
       c.topic + "\n" + c.opens_on.to_string() + "/" + c.closes_on.to_string()}));
  return c;
}

Result<std::optional<Collection>> find_collection(db::Session& s, int64_t id) {
  auto rows = s.query(
      std::string("SELECT ") + kColumns + " FROM suggestion_collections WHERE id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Collection>();
  return std::optional<Collection>(read_row((*rows)[0]));
}

Result<std::vector<Collection>> list_collections(db::Session& s, const CollectionQuery& q) {
  // An absent bound matches every period: from the first day there is to the last.
  const std::string opened = q.open_on     ? q.open_on->to_string()
                             : q.opened_by ? q.opened_by->to_string()
                                           : "9999-12-31";
  const std::string still = q.open_on ? q.open_on->to_string() : "0000-01-01";
  const std::string sql =
      std::string("SELECT ") + kColumns +
      " FROM suggestion_collections WHERE ((region_code >= ? AND region_code < ?) OR (? = 1 AND "
      "substr(?, 1, length(region_code)) = region_code)) AND opens_on <= ? AND closes_on >= ? "
      "ORDER BY closes_on DESC, id DESC LIMIT ?";
  const db::Params params = {q.region, q.region + ":", int64_t{q.covering}, q.region,
                             opened,   still,          int64_t{q.limit}};
  auto rows = s.query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<Collection> out;
  for (const db::Row& r : *rows) out.push_back(read_row(r));
  return out;
}

Timing timing(const Collection& c, Date day) {
  if (day < c.opens_on) return Timing::kNotOpen;
  return day > c.closes_on ? Timing::kLate : Timing::kOpen;
}

Result<Submissions> submissions(db::Session& s, int64_t collection_id) {
  auto rows = s.query(
      "SELECT count(*), coalesce(sum(late), 0) FROM suggestion_submissions WHERE collection_id = ?",
      {collection_id});
  if (!rows.ok()) return rows.status();
  return Submissions{(*rows)[0].integer(0), (*rows)[0].integer(1)};
}

Result<int64_t> publish_results(db::Session& s, cases::Engine& engine, int64_t collection_id,
                                const std::string& results, const auth::Principal& actor) {
  SHEGONG_RETURN_IF_ERROR(check_text(results, "results", 20000, true));
  auto c = find_collection(s, collection_id);
  if (!c.ok()) return c.status();
  if (!*c) return NotFound("no suggestion collection has the id " + std::to_string(collection_id));
  if (actor.unit_id == 0 || actor.unit_id != (*c)->unit_id) {
    return Denied("the unit that ran the collection publishes its results");
  }
  const int64_t now = engine.clock().now_ms();
  if (date_in_china(now) <= (*c)->closes_on) {
    return Conflict("the collection is open until " + (*c)->closes_on.to_string() +
                        "; its results are published after it closes",
                    "results");
  }
  if (!(*c)->results.empty()) {
    return Conflict("the results of this collection were published already", "results");
  }
  SHEGONG_RETURN_IF_ERROR(
      s.exec("UPDATE suggestion_collections SET results = ?, results_published_at_ms = ? "
             "WHERE id = ?",
             {results, now, collection_id})
          .status());
  // Every suggestion of the collection that the collecting unit evaluated and has not answered.
  auto waiting = s.query(
      "SELECT c.id FROM suggestion_submissions ss JOIN cases c ON c.id = ss.case_id "
      "WHERE ss.collection_id = ? AND c.state = 'evaluated' AND c.lead_unit_id = ? ORDER BY c.id",
      {collection_id, (*c)->unit_id});
  if (!waiting.ok()) return waiting.status();
  int64_t answered = 0;
  for (const db::Row& r : *waiting) {
    auto done = engine.apply_in(s, r.integer(0), "feedback", &actor,
                                {{"method", "publication"}, {"text", results}});
    if (!done.ok()) return done.status();
    ++answered;
  }
  SHEGONG_RETURN_IF_ERROR(audit::append(s, engine.clock(),
                                        {actor.actor(), "suggestion.collection.publish_results",
                                         "suggestion_collection:" + std::to_string(collection_id),
                                         std::to_string(answered) + " answered"}));
  return answered;
}

}  // namespace shegong::suggestions
