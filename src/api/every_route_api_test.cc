// Every route of the running server, read from its own /openapi.json so that a route added later
// is covered too, called by staff of several roles with path parameters that exist and ones that
// do not, with hostile queries and bodies. No response is an internal error, every refusal is in
// the error format (a 400 names a field), the server stays up, and a refused call writes nothing.
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

struct Call {
  std::string method, path, body;
};

// Names of fields the API reads somewhere; a hostile body sets all of them at once.
constexpr const char* kFieldNames[] = {"accused_unit_id",
                                       "active",
                                       "address",
                                       "adopted",
                                       "adoption",
                                       "adoption_reasons",
                                       "amount",
                                       "amount_yuan",
                                       "answer",
                                       "applied_on",
                                       "approve",
                                       "approved_by",
                                       "basis",
                                       "call_ref",
                                       "calls",
                                       "category",
                                       "certificate",
                                       "channel",
                                       "charge",
                                       "closes_on",
                                       "co_unit_ids",
                                       "code",
                                       "collection_id",
                                       "comment",
                                       "competent_unit_id",
                                       "complex",
                                       "confidential",
                                       "contact",
                                       "content",
                                       "conversion",
                                       "court",
                                       "days",
                                       "decision",
                                       "delivered_on",
                                       "description",
                                       "disabled",
                                       "discipline_matter",
                                       "due_on",
                                       "effective_on",
                                       "email",
                                       "existing_tracking_no",
                                       "facts_reasons",
                                       "fee",
                                       "field",
                                       "form",
                                       "form_filling",
                                       "from",
                                       "guidance",
                                       "held_on",
                                       "id_number",
                                       "item_id",
                                       "k",
                                       "kind",
                                       "lat",
                                       "lead_department",
                                       "legal_basis",
                                       "list",
                                       "litigation",
                                       "lng",
                                       "measures",
                                       "mediator",
                                       "method",
                                       "min",
                                       "month",
                                       "name",
                                       "new_facts",
                                       "note",
                                       "opens_on",
                                       "opinion",
                                       "order_ids",
                                       "organ_to_approach",
                                       "outcome",
                                       "parties",
                                       "parties_agree",
                                       "party",
                                       "password",
                                       "petitioner",
                                       "phone",
                                       "procedure",
                                       "proposer",
                                       "proposer_invited",
                                       "purpose",
                                       "rating",
                                       "reason",
                                       "reasons",
                                       "received_at",
                                       "received_on",
                                       "recommendation",
                                       "region",
                                       "region_code",
                                       "reminder_minutes",
                                       "reply",
                                       "report",
                                       "report_due_on",
                                       "request",
                                       "requester",
                                       "results",
                                       "risk",
                                       "role",
                                       "route",
                                       "rules",
                                       "satisfaction",
                                       "scope",
                                       "solved",
                                       "source",
                                       "subject",
                                       "submission_method",
                                       "summary",
                                       "supervision_id",
                                       "supporting_role",
                                       "terms",
                                       "text",
                                       "texts",
                                       "to",
                                       "topic",
                                       "track",
                                       "tracking_no",
                                       "type",
                                       "unit_id",
                                       "unit_ids",
                                       "urgency",
                                       "user_id",
                                       "username",
                                       "within"};

std::vector<std::string> hostile_bodies() {
  std::vector<std::string> out = {"",
                                  "null",
                                  "[]",
                                  "\"text\"",
                                  "{",
                                  "{\"a\":1}garbage",
                                  std::string(4000, '[') + std::string(4000, ']'),
                                  "{\"subject\":\"\xff\xfe\"}",
                                  "{\"\\u0000\":1}"};
  const std::vector<Json> values = {Json::object(),
                                    Json::array(),
                                    Json::array({1, "x", nullptr}),
                                    nullptr,
                                    true,
                                    -1,
                                    0,
                                    INT64_MAX,
                                    1e308,
                                    -1.5,
                                    "",
                                    "   ",
                                    std::string("\0", 1),
                                    std::string(4000, 'x'),
                                    "2025-02-30",
                                    "1'; DROP TABLE cases; --",
                                    "110101001001",
                                    "-1",
                                    "99999999999999999999999"};
  for (const Json& v : values) {
    Json body = Json::object();
    for (const char* name : kFieldNames) body[name] = v;
    out.push_back(body.dump());
  }
  return out;
}

class EveryRoute : public E2eTest {
 protected:
  void SetUp() override {
    E2eTest::SetUp();
    street_ =
        make("/api/v1/units",
             {{"name", "东华门街道办事处"}, {"kind", "street"}, {"region_code", "110101001"}});
    office_ = make(
        "/api/v1/units",
        {{"name", "东城区信访办公室"}, {"kind", "petition_office"}, {"region_code", "110101"}});
    Json order = {{"channel", "phone"},
                  {"type", "投诉"},
                  {"subject", "夜间施工噪音扰民"},
                  {"content", "工地夜间施工噪音很大。"},
                  {"contact", {{"name", "张三"}, {"phone", "13812341234"}}},
                  {"region_code", "110101001001"}};
    order_ = make("/api/v1/orders", order, &order_tracking_no_);
    Json petition = {{"channel", "letter"},
                     {"category", "申诉求决"},
                     {"field", "城乡建设"},
                     {"subject", "老旧小区加装电梯补贴未发放"},
                     {"content", "补贴至今未到位，请求依法发放。"},
                     {"region_code", "110101001001"},
                     {"unit_id", office_},
                     {"petitioner",
                      {{"name", "王小明"},
                       {"id_number", "110101199003074514"},
                       {"phone", "13912345678"},
                       {"address", "北京市东城区多福巷1号"}}}};
    petition_ = make("/api/v1/petitions", petition, &petition_tracking_no_);
    Json suggestion = {{"channel", "letter"},
                       {"subject", "建议增设电动自行车充电棚"},
                       {"reasons", "楼道充电存在火灾隐患。"},
                       {"measures", "在小区空地建设集中充电棚。"},
                       {"region_code", "110101001001"},
                       {"unit_id", office_},
                       {"proposer", {{"name", "李建言"}, {"phone", "13712345678"}}}};
    suggestion_ = make("/api/v1/suggestions", suggestion, &suggestion_tracking_no_);
    Json dispute = {{"track", "people"},
                    {"source", "application"},
                    {"category", "邻里纠纷"},
                    {"subject", "楼上漏水损坏楼下装修"},
                    {"description", "双方就赔偿协商未果。"},
                    {"region_code", "110101001001"},
                    {"unit_id", street_},
                    {"parties",
                     {{{"name", "赵甲"}, {"phone", "13811112222"}, {"role", "applicant"}},
                      {{"name", "钱乙"}, {"role", "respondent"}}}}};
    dispute_ = make("/api/v1/disputes", dispute);
    // The 减负 lists: the district government approves tasks off them, a returned item refuses.
    make("/api/v1/units",
         {{"name", "东城区人民政府"}, {"kind", "district"}, {"region_code", "110101"}});
    item_ = make("/api/v1/duty-items",
                 {{"region_code", "110101"}, {"list", "basic"}, {"name", "组织开展安全隐患排查"}});
    make("/api/v1/duty-items",
         {{"region_code", "110101"}, {"list", "returned"}, {"name", "违法建设的行政处罚"}});
    // Staff of the units that hold things, signed in as browsers (cookie and CSRF token): the
    // office holds the petition, so its actions reach their rules.
    for (auto [name, role, region, unit] :
         {std::tuple{"sweep.office", "department_staff", "110101", office_},
          std::tuple{"sweep.street", "street_staff", "110101001", street_}}) {
      make("/api/v1/users", {{"username", name},
                             {"password", "sweep-pass-1"},
                             {"role", role},
                             {"region_code", region},
                             {"unit_id", unit}});
      sessions_[name] = session_of(name, "sweep-pass-1");
    }
    // A task off the street's lists, waiting for the district government.
    auto task = http().Post("/api/v1/work-tasks", sessions_["sweep.office"],
                            Json{{"unit_id", street_},
                                 {"subject", "报送信访事项统计表"},
                                 {"content", "请街道每周报送。"},
                                 {"form_filling", true}}
                                .dump(),
                            "application/json");
    ASSERT_TRUE(task && task->status == 201) << (task ? task->body : "no response");
    task_ = Json::parse(task->body).value("id", int64_t{0});
    if (on_postgres()) {
      count_committed_changes();
    } else {
      ASSERT_EQ(sqlite3_open_v2(db_.c_str(), &reader_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }
  }

  // PostgreSQL has no counter like SQLite's data_version, so this copy of the database gets one:
  // a trigger on every row written to any table bumps it, in the writing transaction, so that
  // only committed changes count (a unit of work rolled back takes its bumps with it).
  void count_committed_changes() {
    db::postgres_admin(
        db_,
        {"CREATE TABLE sweep_changes(n BIGINT NOT NULL)", "INSERT INTO sweep_changes VALUES(0)",
         "CREATE FUNCTION sweep_bump() RETURNS trigger LANGUAGE plpgsql AS "
         "$$ BEGIN UPDATE sweep_changes SET n = n + 1; RETURN NULL; END $$",
         "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE "
         "schemaname = current_schema() AND tablename <> 'sweep_changes' LOOP EXECUTE "
         "format('CREATE TRIGGER sweep_bump AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH "
         "ROW EXECUTE FUNCTION sweep_bump()', t); END LOOP; END $$"});
    auto watcher = db::open_postgres({db_, 1, 1});
    ASSERT_TRUE(watcher.ok()) << watcher.status().to_string();
    watcher_ = std::move(watcher).value();
  }
  void TearDown() override {
    sqlite3_close(reader_);
    watcher_.reset();
    E2eTest::TearDown();
  }

  int64_t make(const std::string& path, const Json& body, std::string* tracking_no = nullptr) {
    auto r = http().Post(path.c_str(), as("admin"), body.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 201) << path << ": " << (r ? r->body : "no response");
    if (!r || r->status != 201) return 0;
    Json j = Json::parse(r->body);
    if (tracking_no) *tracking_no = j.value("tracking_no", "");
    return j.value("id", int64_t{0});
  }

  // Changes by any other connection since the last call show as a new value (SQLite's
  // data_version, which sees commits of other processes too).
  int64_t data_version() {
    if (watcher_) {
      int64_t n = -1;
      Status st = watcher_->read([&](db::Session& s) {
        auto r = s.query("SELECT n FROM sweep_changes");
        if (!r.ok()) return r.status();
        n = (*r)[0].integer(0);
        return Status::Ok();
      });
      EXPECT_TRUE(st.ok()) << st.to_string();
      return n;
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(reader_, "PRAGMA data_version", -1, &st, nullptr);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
  }

  std::vector<Call> calls() {
    auto doc = http().Get("/openapi.json");
    EXPECT_TRUE(doc && doc->status == 200);
    const std::vector<std::string> ids = {std::to_string(order_),
                                          std::to_string(petition_),
                                          std::to_string(suggestion_),
                                          std::to_string(dispute_),
                                          std::to_string(task_),
                                          std::to_string(item_),
                                          "0",
                                          "abc",
                                          "99999999999999999999",
                                          "%E4%B8%AD"};
    const std::vector<std::pair<std::string, std::vector<std::string>>> values = {
        {"id", ids},
        {"code", {"110101001", "0", "11010100100199", "x%00"}},
        {"tracking_no",
         {order_tracking_no_, petition_tracking_no_, suggestion_tracking_no_, "GD", "%FF"}},
        {"key", {"suggestion.accept_days", "suggestion.office_unit", "nope", "%00"}},
        {"name", {"receipt", "acceptance", "opinion", "nope"}},
        {"username", {"street", "nope"}},
        {"action",
         {"dispatch",
          "accept",
          "dispute",
          "decide_dispute",
          "extend",
          "decide_extension",
          "co_report",
          "reply",
          "callback",
          "close",
          "reopen",
          "route",
          "notify_receipt",
          "object",
          "decide_objection",
          "refer",
          "issue_opinion",
          "deliver",
          "request_review",
          "record_hearing",
          "file_report",
          "assign_handler",
          "declare_interest",
          "supervise",
          "answer_supervision",
          "rate",
          "routing_overdue",
          "transfer",
          "redirect",
          "record_study",
          "evaluate",
          "feedback",
          "reward",
          "acceptance_overdue",
          "record_refusal",
          "record_consent",
          "decline",
          "start",
          "agree",
          "record_confirmation",
          "fail",
          "approve",
          "reject",
          "complete",
          "nope"}}};
    const std::vector<std::string> queries = {
        "", "?page=0&page_size=100000",
        "?q=%E5%99%AA&state=nope&category=%FF&region=x&from=2025-02-30&to=1&period=2025-13",
        "?year=99999&month=0&overdue=maybe&queue=later&format=pdf&k=-1&min=nan"};
    std::vector<Call> out;
    Json spec = Json::parse(doc->body);
    for (auto& [pattern, ops] : spec["paths"].items()) {
      std::vector<std::string> paths = expand_path(pattern, values);
      for (auto& [method, op] : ops.items()) {
        std::string m = method;
        for (auto& ch : m) ch = static_cast<char>(std::toupper(ch));
        for (const auto& p : paths) {
          EXPECT_EQ(p.find('{'), std::string::npos) << "no values for a parameter of " << p;
          if (m == "GET") {
            for (const auto& q : queries) out.push_back({m, p + q, ""});
          } else if (!(m == "DELETE" && p == "/api/v1/session")) {  // stay signed in
            for (const auto& b : hostile_bodies()) out.push_back({m, p, b});
          }
        }
      }
    }
    return out;
  }

  httplib::Result send(const Call& c, const httplib::Headers& h) {
    const char* path = c.path.c_str();
    if (c.method == "GET") return http().Get(path, h);
    if (c.method == "POST") return http().Post(path, h, c.body, "application/json");
    if (c.method == "PUT") return http().Put(path, h, c.body, "application/json");
    if (c.method == "PATCH") return http().Patch(path, h, c.body, "application/json");
    return http().Delete(path, h, c.body, "application/json");
  }

  int64_t street_ = 0, office_ = 0, order_ = 0, petition_ = 0, suggestion_ = 0, dispute_ = 0;
  int64_t task_ = 0, item_ = 0;
  std::string order_tracking_no_, petition_tracking_no_, suggestion_tracking_no_;
  sqlite3* reader_ = nullptr;
  std::unique_ptr<db::Db> watcher_;  // on PostgreSQL, reads the change counter
};

TEST_F(EveryRoute, HostileCallsGetAClearRefusalAndWriteNothing) {
  // The change counter sees a write of the server (a sign-in stores a session and an audit row).
  const int64_t untouched = data_version();
  session_of("sweep.street", "sweep-pass-1");
  ASSERT_NE(data_version(), untouched);
  std::vector<Call> all = calls();
  EXPECT_GT(all.size(), 2000u);
  size_t refused = 0, accepted = 0;
  for (const char* who :
       {"admin", "street", "district", "leader", "sweep.office", "sweep.street"}) {
    const httplib::Headers h = sessions_.contains(who) ? sessions_[who] : as(who);
    for (const Call& c : all) {
      std::string what =
          std::string(who) + " " + c.method + " " + c.path + " " + c.body.substr(0, 120);
      int64_t before = data_version();
      auto r = send(c, h);
      ASSERT_TRUE(r) << "no answer (did the server stop?) to " << what;
      EXPECT_NE(r->status, 500) << what << ": " << r->body;
      if (r->status < 400) {
        ++accepted;
        continue;
      }
      ++refused;
      // A failed sign-in is the one refusal that writes, on purpose: the throttle that slows
      // password guessing and the audit row of the attempt.
      bool failed_sign_in = c.path == "/api/v1/session" && r->status == 401;
      if (!failed_sign_in) {
        EXPECT_EQ(data_version(), before)
            << "a refused call wrote: " << what << " -> " << r->status << " " << r->body;
      }
      Json error = Json::parse(r->body, nullptr, false);
      ASSERT_TRUE(error.is_object() && error["error"].is_object()) << what << ": " << r->body;
      EXPECT_TRUE(error["error"]["code"].is_string()) << what << ": " << r->body;
      EXPECT_FALSE(error["error"].value("message", "").empty()) << what << ": " << r->body;
      if (r->status == 400) {
        EXPECT_FALSE(error["error"].value("field", "").empty()) << what << ": " << r->body;
      }
    }
  }
  EXPECT_GT(refused, accepted);
  RecordProperty("calls", std::to_string(refused + accepted));
  RecordProperty("refused", std::to_string(refused));
  auto health = http().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace shegong::testing
