// The SQLite schema, one migration per step. Never edit a migration that has shipped; add one.
#include "db/migrations.h"

namespace shegong::db {

namespace {

constexpr Migration kMigrations[] = {
    {1, "regions", R"sql(
-- The national region tree. `code` is the statistical code without its trailing zero groups
-- (2, 4, 6, 9 or 12 digits), so that a jurisdiction is a prefix of every code below it.
CREATE TABLE regions(
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  level  INTEGER NOT NULL,   -- 1 province, 2 city, 3 district, 4 street/township, 5 community/village
  parent TEXT NOT NULL       -- '' for provinces (the parent is the whole country)
) WITHOUT ROWID;
CREATE INDEX regions_parent ON regions(parent, code);
)sql"},
    {2, "users_sessions_tokens", R"sql(
CREATE TABLE users(
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL,
  region_code   TEXT NOT NULL,   -- short code; '' is the whole country
  password_hash TEXT NOT NULL,
  phone_sealed  BLOB,            -- personal data: encrypted (base/crypto.h SecretBox)
  phone_hash    TEXT,            -- keyed hash of the phone number, for exact lookup
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL
);
CREATE INDEX users_region ON users(region_code);
CREATE INDEX users_phone_hash ON users(phone_hash);

-- Browser sessions. Only a digest of the cookie value is stored.
CREATE TABLE sessions(
  id_hash       TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  csrf_token    TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Bearer tokens for integrations. Only a digest of the token is stored.
CREATE TABLE api_tokens(
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  label         TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0
);

-- Failed logins per user name (known or not, so that probing names teaches nothing).
CREATE TABLE login_throttle(
  username        TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  locked_until_ms INTEGER NOT NULL
);
)sql"},
    {3, "audit_log", R"sql(
-- Append-only, hash-chained record of every write: hash = digest(prev_hash, the row's fields).
CREATE TABLE audit_log(
  id        INTEGER PRIMARY KEY,
  at_ms     INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL,
  digest    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql"},
    {4, "cases", R"sql(
-- Organisations that handle cases: streets, district governments, line departments,
-- communities, utilities, the hotline centre. region_code is the area the unit answers for.
CREATE TABLE units(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,   -- street, district, department, community, utility, centre
  region_code TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1,
  UNIQUE(region_code, name)
);
CREATE INDEX units_kind_region ON units(kind, region_code);
ALTER TABLE users ADD COLUMN unit_id INTEGER REFERENCES units(id);

-- One row per case of any kind (hotline order, petition, ...). Kind-specific fields that are
-- never filtered on live in attrs (JSON).
CREATE TABLE cases(
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  tracking_no     TEXT NOT NULL UNIQUE,
  state           TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  lead_unit_id    INTEGER REFERENCES units(id),
  channel         TEXT NOT NULL DEFAULT '',
  type            TEXT NOT NULL DEFAULT '',
  category        TEXT NOT NULL DEFAULT '',
  urgency         TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL,
  content         TEXT NOT NULL,
  address         TEXT NOT NULL DEFAULT '',
  lat             REAL,
  lng             REAL,
  requester_sealed BLOB,           -- personal data: name and phone, sealed together
  requester_hash  TEXT,            -- keyed hash of the phone, to find repeat callers
  confidential    INTEGER NOT NULL DEFAULT 0,
  received_at_ms  INTEGER NOT NULL,
  due_at_ms       INTEGER,         -- the current handling deadline
  closed_at_ms    INTEGER,
  overdue         INTEGER NOT NULL DEFAULT 0,
  attrs           TEXT NOT NULL DEFAULT '{}',
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_kind_region ON cases(kind, region_code);
CREATE INDEX cases_kind_state_due ON cases(kind, state, due_at_ms);
CREATE INDEX cases_lead_unit ON cases(lead_unit_id, state);
CREATE INDEX cases_requester ON cases(requester_hash);

-- Units on a case besides the lead: co-handlers and supervisors copied in.
CREATE TABLE case_units(
  case_id INTEGER NOT NULL REFERENCES cases(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  role    TEXT NOT NULL,   -- co, copy
  PRIMARY KEY(case_id, unit_id)
);
CREATE INDEX case_units_unit ON case_units(unit_id);

-- The timeline: one event per transition, written with the state change.
CREATE TABLE case_events(
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  at_ms      INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  unit_id    INTEGER,
  data       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events(case_id, id);

-- Timers are rows, so they survive restarts; a timer fires once (pending -> fired).
CREATE TABLE case_timers(
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  kind        TEXT NOT NULL,
  due_at_ms   INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending',   -- pending, fired, cancelled
  fired_at_ms INTEGER
);
CREATE INDEX case_timers_pending ON case_timers(state, due_at_ms);
CREATE INDEX case_timers_case ON case_timers(case_id, kind);

-- Notices a transition produces (to the requester, the centre, a supervising district...).
-- Recorded here for the timeline and the UI; a sender delivers them and sets sent_at_ms.
CREATE TABLE case_notices(
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  event_id      INTEGER NOT NULL REFERENCES case_events(id),
  audience      TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  sent_at_ms    INTEGER
);
CREATE INDEX case_notices_case ON case_notices(case_id);

-- Per-jurisdiction settings that override the national defaults (e.g. at most 3 petition
-- representatives in Zhejiang): the longest region_code prefix of a case's region wins.
CREATE TABLE profiles(
  region_code TEXT NOT NULL,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY(key, region_code)
);

-- Named counters, e.g. the daily sequence inside tracking numbers.
CREATE TABLE sequences(
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

-- Responses to writes sent with an Idempotency-Key, replayed for a retry of the same request.
CREATE TABLE idempotency_keys(
  actor          TEXT NOT NULL,
  key            TEXT NOT NULL,
  request_digest TEXT NOT NULL,
  status         INTEGER NOT NULL,
  body           TEXT NOT NULL,
  created_at_ms  INTEGER NOT NULL,
  PRIMARY KEY(actor, key)
);
)sql"},
    {5, "hotline", R"sql(
-- The 3-level category taxonomy of demands (e.g. 城乡建设 > 住房保障 > 物业管理).
CREATE TABLE categories(
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  parent TEXT NOT NULL DEFAULT '',
  level  INTEGER NOT NULL
);
CREATE INDEX categories_parent ON categories(parent);

-- Dispatch rules as data: (region prefix, category prefix) -> unit. The most specific rule wins.
CREATE TABLE dispatch_rules(
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL,
  category    TEXT NOT NULL,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  UNIQUE(region_code, category)
);

-- Deadlines by urgency and category prefix ('' = any). handling_unit: hours, days (calendar days,
-- rolled past rest days) or working_days.
CREATE TABLE sla_rules(
  id                INTEGER PRIMARY KEY,
  urgency           TEXT NOT NULL,
  category          TEXT NOT NULL DEFAULT '',
  dispatch_minutes  INTEGER NOT NULL,
  response_minutes  INTEGER NOT NULL,
  handling_amount   INTEGER NOT NULL,
  handling_unit     TEXT NOT NULL,
  reminder_minutes  INTEGER NOT NULL,
  UNIQUE(urgency, category)
);

-- What a residents'/villagers' committee may be given: its own duties, or matters where it only
-- assists the government (and so can never lead).
CREATE TABLE community_duties(
  category TEXT PRIMARY KEY,
  role     TEXT NOT NULL   -- own, assist
);

-- Callback tasks (回访): created when a unit replies or when the handling deadline arrives.
CREATE TABLE callbacks(
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  created_at_ms INTEGER NOT NULL,
  reason        TEXT NOT NULL,   -- replied, deadline
  done_at_ms    INTEGER,
  solved        INTEGER,
  satisfaction  TEXT,
  channel       TEXT
);
CREATE INDEX callbacks_open ON callbacks(case_id, done_at_ms);

-- Incremental aggregates behind the three rates (三率), per unit and month.
CREATE TABLE unit_month_counters(
  unit_id             INTEGER NOT NULL REFERENCES units(id),
  period              TEXT NOT NULL,   -- YYYY-MM (China time)
  dispatched          INTEGER NOT NULL DEFAULT 0,
  responded_in_time   INTEGER NOT NULL DEFAULT 0,
  callbacks           INTEGER NOT NULL DEFAULT 0,
  solved              INTEGER NOT NULL DEFAULT 0,
  satisfied           INTEGER NOT NULL DEFAULT 0,
  basically_satisfied INTEGER NOT NULL DEFAULT 0,
  unsatisfied         INTEGER NOT NULL DEFAULT 0,
  overdue             INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(period, unit_id)
);

-- 街乡吹哨、部门报到: a street summons departments; each arrival is recorded.
CREATE TABLE whistles(
  id             INTEGER PRIMARY KEY,
  street_unit_id INTEGER NOT NULL REFERENCES units(id),
  case_id        INTEGER REFERENCES cases(id),
  kind           TEXT NOT NULL,     -- routine 日常, tough 攻坚, emergency 应急
  note           TEXT NOT NULL,
  blown_at_ms    INTEGER NOT NULL,
  arrive_within_minutes INTEGER NOT NULL
);
CREATE TABLE whistle_calls(
  whistle_id    INTEGER NOT NULL REFERENCES whistles(id),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  arrived_at_ms INTEGER,
  PRIMARY KEY(whistle_id, unit_id)
);

-- 主动治理 / 每月一题: problems that group many orders, with a lead unit and monthly progress.
CREATE TABLE problems(
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  description   TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  lead_unit_id  INTEGER NOT NULL REFERENCES units(id),
  month         TEXT NOT NULL,   -- the month it is tackled in (YYYY-MM)
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE problem_orders(
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  PRIMARY KEY(problem_id, case_id)
);
-- Default deadlines (DOMAIN.md items 40-41; configurable through /api/v1/sla-rules).
INSERT INTO sla_rules(urgency, category, dispatch_minutes, response_minutes, handling_amount,
                      handling_unit, reminder_minutes) VALUES
  ('emergency', '', 60, 30, 2, 'hours', 30),
  ('utilities', '', 120, 60, 24, 'hours', 120),
  ('general', '', 1440, 120, 7, 'days', 1440),
  ('complex', '', 1440, 120, 15, 'days', 2880);

CREATE TABLE problem_progress(
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  month      TEXT NOT NULL,
  percent    INTEGER NOT NULL,
  note       TEXT NOT NULL,
  PRIMARY KEY(problem_id, month)
);
)sql"},
    {6, "petitions", R"sql(
-- Units a petition names (信访工作条例 Arts. 30, 41): the accused of an accusation, who must never
-- see it, and the organs a petition complains about, for the annual report. Kept apart from
-- case_units, which grants reading.
CREATE TABLE petition_parties(
  case_id INTEGER NOT NULL REFERENCES cases(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  role    TEXT NOT NULL,   -- accused, about
  PRIMARY KEY(case_id, unit_id, role)
);
CREATE INDEX petition_parties_unit ON petition_parties(unit_id, role);

-- Declared interests (Art. 28 para 3): the user may not handle the petition, or any petition of
-- the petitioner (petitioner_hash).
CREATE TABLE petition_recusals(
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL,
  case_id         INTEGER REFERENCES cases(id),
  petitioner_hash TEXT,
  reason          TEXT NOT NULL,
  declared_at_ms  INTEGER NOT NULL
);
CREATE INDEX petition_recusals_user ON petition_recusals(user_id);

-- Supervision notices of a petition office and the organ's written answer (Art. 40).
CREATE TABLE petition_supervisions(
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  office_unit_id INTEGER NOT NULL REFERENCES units(id),
  unit_id        INTEGER NOT NULL REFERENCES units(id),
  recommendation TEXT NOT NULL,
  issued_at_ms   INTEGER NOT NULL,
  answered_at_ms INTEGER,
  adopted        INTEGER,
  answer         TEXT
);
CREATE INDEX petition_supervisions_case ON petition_supervisions(case_id);
CREATE INDEX petition_supervisions_issued ON petition_supervisions(issued_at_ms);
CREATE INDEX case_events_action_at ON case_events(action, at_ms);
)sql"},
    {7, "queue_index", R"sql(
-- The workbench's queues count open orders by state within a jurisdiction, and overdue or due
-- soon among them: answered from this index alone (200 ms -> 5 ms at 100,000 orders).
CREATE INDEX cases_kind_state_region ON cases(kind, state, region_code, overdue, due_at_ms);
)sql"},
    {8, "notice_inbox", R"sql(
-- A unit's notices, newest first (GET /api/v1/notices), from this index instead of a scan of every
-- notice: at 1,000,000 orders (3.56 million notices) a unit's older pages took 0.5 s.
CREATE INDEX case_notices_audience ON case_notices(audience, created_at_ms, id);
)sql"},
    {9, "petition_identities", R"sql(
-- Every identifier of a petitioner as a keyed hash, with its kind (id: the ID number, phone,
-- name: with the address, stored: the hash the petition was stored with, of unknown kind): the
-- duplicate checks of Arts. 19 and 36 match a new petition on any of them, unless both carry ID
-- numbers and they differ. Petitions registered before keep the one hash they were stored with.
CREATE TABLE petition_identities(
  hash    TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind    TEXT NOT NULL,
  PRIMARY KEY(hash, case_id)
) WITHOUT ROWID;
CREATE INDEX petition_identities_case ON petition_identities(case_id, kind, hash);
INSERT INTO petition_identities(hash, case_id, kind)
  SELECT requester_hash, id, 'stored' FROM cases
  WHERE kind = 'petition' AND requester_hash IS NOT NULL;
)sql"},
    {10, "petition_implementations", R"sql(
-- The petitions whose decision in force supports the request and whose carrying out is not yet
-- recorded as complete (信访工作条例 Art. 32), with the organ that must carry it out and when the
-- decision was issued. The list of decisions waiting (GET /api/v1/petitions?implementation=pending)
-- reads this table instead of every answered petition's attributes.
CREATE TABLE petition_implementations(
  case_id       INTEGER PRIMARY KEY REFERENCES cases(id),
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  decided_at_ms INTEGER NOT NULL
);
CREATE INDEX petition_implementations_unit ON petition_implementations(unit_id);
INSERT INTO petition_implementations(case_id, unit_id, decided_at_ms)
  SELECT id, json_extract(attrs, '$.opinion.unit_id'),
         coalesce(json_extract(attrs, '$.re_review.issued_at_ms'),
                  json_extract(attrs, '$.review.issued_at_ms'),
                  json_extract(attrs, '$.opinion.issued_at_ms'))
  FROM cases
  WHERE kind = 'petition' AND json_extract(attrs, '$.opinion.unit_id') IS NOT NULL
    AND coalesce(json_extract(attrs, '$.re_review.decision'),
                 json_extract(attrs, '$.review.decision'),
                 json_extract(attrs, '$.opinion.decision')) = 'support'
    AND coalesce(json_extract(attrs, '$.implementation.complete'), 0) = 0;
)sql"},
    {11, "repeat_callers", R"sql(
-- Repeat callers (item 42) are counted over a window of days: the index leads with the caller and
-- then the day the order came in, so the count reads only that caller's orders in the window, and
-- the plan does not depend on the statistics of a table that is still filling up.
DROP INDEX cases_requester;
CREATE INDEX cases_requester ON cases(requester_hash, received_at_ms);
)sql"},
    {12, "calendar_years", R"sql(
-- Holiday notices an admin loaded while the server ran (POST /api/v1/calendar/years): a year's rows
-- in the calendar file's form. At start the calendar files come first; a year they lack is taken
-- from here.
CREATE TABLE calendar_years(
  year         INTEGER PRIMARY KEY,
  csv          TEXT NOT NULL,
  loaded_at_ms INTEGER NOT NULL,
  loaded_by    TEXT NOT NULL
);
)sql"},
    {13, "hotline_calls", R"sql(
-- The calls the hotline's telephone system (ACD) offered to its seats, reported to the platform
-- for the intake service levels (GB/T 33358-2016: answered within 15 s, 95 % of calls completed
-- over any 24 hours). call_ref is the telephone system's own id, so a report sent twice counts once.
CREATE TABLE hotline_calls(
  id             INTEGER PRIMARY KEY,
  region_code    TEXT NOT NULL,   -- the area of the hotline that took the call
  call_ref       TEXT NOT NULL,
  offered_at_ms  INTEGER NOT NULL,   -- the call reached the queue
  answered_at_ms INTEGER,            -- a person answered; NULL: the caller hung up first
  recorded_at_ms INTEGER NOT NULL,
  UNIQUE(region_code, call_ref)
);
-- A month's levels read the month's calls in time order; the index holds every column they read.
CREATE INDEX hotline_calls_offered ON hotline_calls(offered_at_ms, region_code, answered_at_ms);
)sql"},
    {14, "suggestions", R"sql(
-- 人民建议征集: special collections (专项征集) publish a topic, how to submit and the period
-- (上海市人民建议征集若干规定 Art. 8); their results are published collectively (Art. 12).
CREATE TABLE suggestion_collections(
  id                      INTEGER PRIMARY KEY,
  region_code             TEXT NOT NULL,
  unit_id                 INTEGER NOT NULL REFERENCES units(id),
  topic                   TEXT NOT NULL,
  description             TEXT NOT NULL,
  submission_method       TEXT NOT NULL,
  opens_on                TEXT NOT NULL,   -- China dates, both included
  closes_on               TEXT NOT NULL,
  results                 TEXT,            -- the collective publication, once made
  results_published_at_ms INTEGER,
  created_by              TEXT NOT NULL,
  created_at_ms           INTEGER NOT NULL
);
CREATE INDEX suggestion_collections_region ON suggestion_collections(region_code, closes_on);
-- The suggestions sent to a collection; late: received after its closing date (item 67).
CREATE TABLE suggestion_submissions(
  case_id       INTEGER PRIMARY KEY REFERENCES cases(id),
  collection_id INTEGER NOT NULL REFERENCES suggestion_collections(id),
  late          INTEGER NOT NULL
);
CREATE INDEX suggestion_submissions_collection ON suggestion_submissions(collection_id);
)sql"},
    {15, "duty_lists", R"sql(
-- 减负: the lists that say what streets and residents' committees take on (DOMAIN.md §6.1–6.2,
-- items 61–64). A street's 基本履职 (basic), 配合履职 (cooperating, with the lead department and
-- the street's supporting role) and 上级部门收回 (returned) items; a committee's assistance list
-- (协助清单) and the certificates it may issue. An item published for an area holds for every
-- street or committee within it; a district may add its own to the city's.
CREATE TABLE duty_items(
  id              INTEGER PRIMARY KEY,
  region_code     TEXT NOT NULL,
  list            TEXT NOT NULL,   -- basic, cooperating, returned, assistance, certificate
  name            TEXT NOT NULL,
  basis           TEXT NOT NULL,   -- the law or document it rests on
  lead_department TEXT NOT NULL,   -- cooperating: the department that leads
  supporting_role TEXT NOT NULL,   -- cooperating: what the street does
  active          INTEGER NOT NULL,
  created_by      TEXT NOT NULL,
  created_at_ms   INTEGER NOT NULL,
  updated_at_ms   INTEGER NOT NULL
);
CREATE INDEX duty_items_region ON duty_items(region_code, list);
-- Certificates asked of a residents' or villagers' committee, issued or refused with the reason.
CREATE TABLE certificate_requests(
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  region_code   TEXT NOT NULL,
  certificate   TEXT NOT NULL,
  purpose       TEXT NOT NULL,
  item_id       INTEGER REFERENCES duty_items(id),   -- the list item it was issued under
  outcome       TEXT NOT NULL,   -- issued, refused
  reason        TEXT NOT NULL,   -- refused: why; issued: the list item's basis
  number        TEXT NOT NULL,   -- issued: the certificate's number
  requested_by  TEXT NOT NULL,
  at_ms         INTEGER NOT NULL
);
CREATE INDEX certificate_requests_unit ON certificate_requests(unit_id, at_ms);
)sql"},
};

}  // namespace

std::span<const Migration> sqlite_migrations() { return kMigrations; }

}  // namespace shegong::db
