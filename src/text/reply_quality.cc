#include "text/reply_quality.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "text/normalize.h"
#include "text/places.h"

namespace shegong::text {

namespace {

constexpr double kDay = 86400;

template <size_t N>
bool any_of(std::string_view text, const std::string_view (&cues)[N]) {
  return std::any_of(std::begin(cues), std::end(cues), [&](std::string_view cue) {
    return text.find(cue) != std::string_view::npos;
  });
}

// What was looked into (经调查), what was done or ruled (已责令), and where it stands or will
// go (预计).
constexpr std::string_view kInquiry[] = {"经调查",   "经核实", "经了解",   "经查",
                                         "核查",     "核实",   "现场查看", "实地",
                                         "调查了解", "经研究", "走访",     "经现场"};
// An action taken, or for a question about a rule the ruling itself (可以, 不符合, 属于).
constexpr std::string_view kAction[] = {
    "已经",   "已于",   "已对",   "已将",   "已安排", "已责令", "已督促", "已要求",
    "已组织", "已协调", "已完成", "已处理", "已解决", "已整改", "责令",   "督促",
    "约谈",   "查处",   "处罚",   "立案",   "拆除",   "清理",   "维修",   "修复",
    "整改",   "协调",   "安排",   "落实",   "升级",   "改造",   "可以",   "可享受",
    "可申请", "符合",   "不符合", "属于",   "不属于", "应当",   "无法"};
constexpr std::string_view kOutcome[] = {"目前", "现已", "预计", "计划", "将于", "将在", "下一步",
                                         "完工", "完成", "恢复", "解决", "办结", "正在", "已办理"};

// A rule cited by name or article is a basis; "根据…规定" is one too; a bare "按政策" is weak.
constexpr std::string_view kBasisLead[] = {"根据", "依据", "按照", "依照", "参照", "遵照", "符合"};
constexpr std::string_view kRuleWords[] = {"法",   "条例", "办法", "规定", "意见",
                                           "通知", "决定", "标准", "细则", "规划",
                                           "方案", "政策", "规范", "文件", "精神"};
constexpr std::string_view kBareRules[] = {"政策", "规定", "法律", "法规", "条例"};

constexpr std::string_view kContact[] = {"联系电话", "咨询电话", "电话", "联系人", "热线",
                                         "公众号",   "网址",     "地址", "邮箱",   "窗口"};
constexpr std::string_view kNextStep[] = {
    "如有疑问", "如有问题", "如有异议", "可到",   "可至",   "可前往", "可向",   "可咨询",
    "可联系",   "可拨打",   "可通过",   "可以向", "请向",   "请到",   "请与",   "请拨打",
    "请致电",   "致电",     "请携带",   "携带",   "办理",   "申请",   "下一步", "后续",
    "将继续",   "跟踪",     "请您",     "请你",   "建议您", "建议你", "复查"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A telephone number: seven or more digits, maybe with an area code and a dash, or 12345.
bool has_phone_number(std::string_view t) {
  size_t run = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (is_digit(t[i])) {
      if (++run >= 7) return true;
    } else if (!(t[i] == '-' && run >= 3 && run <= 4 && i + 1 < t.size() && is_digit(t[i + 1]))) {
      run = 0;
    }
  }
  return t.find("12345") != std::string_view::npos;
}

// 第十二条, 第3条.
bool cites_article(std::string_view t) {
  for (size_t at = t.find("第"); at != std::string_view::npos; at = t.find("第", at + 1)) {
    std::u32string rest = decode_utf8(t.substr(at + 3, 24));
    size_t n = 0;
    while (n < rest.size() &&
           (std::u32string_view(U"0123456789一二三四五六七八九十百零").find(rest[n]) !=
            std::u32string_view::npos))
      ++n;
    if (n > 0 && n < rest.size() && rest[n] == U'条') return true;
  }
  return false;
}

bool names_a_rule(std::string_view t) {
  for (size_t open = t.find("《"); open != std::string_view::npos; open = t.find("《", open + 1)) {
    size_t close = t.find("》", open);
    if (close == std::string_view::npos) break;
    if (any_of(t.substr(open, close - open), kRuleWords)) return true;
  }
  return cites_article(t);
}

double basis_score(std::string_view t) {
  if (names_a_rule(t)) return 1.0;
  constexpr size_t kReach =
      60;  // bytes after 根据 in which the rule word must come (~20 characters)
  for (auto lead : kBasisLead)
    for (size_t at = t.find(lead); at != std::string_view::npos; at = t.find(lead, at + 1))
      if (any_of(t.substr(at + lead.size(), kReach), kRuleWords)) return 0.7;
  return any_of(t, kBareRules) ? 0.3 : 0.0;
}

double answer_score(std::string_view t, size_t characters) {
  double s = (any_of(t, kInquiry) ? 0.3 : 0.0) + (any_of(t, kAction) ? 0.4 : 0.0) +
             (any_of(t, kOutcome) ? 0.3 : 0.0);
  // Cue words in a one-line reply ("已转相关部门处理") are not an answer.
  if (characters < 30) return s * 0.3;
  if (characters < 80) return s * 0.7;
  return s;
}

double next_step_score(std::string_view t) {
  bool contact = has_phone_number(t) || any_of(t, kContact);
  bool step = any_of(t, kNextStep);
  return contact ? (step ? 1.0 : 0.8) : (step ? 0.6 : 0.0);
}

double timeliness_score(double days, const ReplyScoringOptions& o) {
  if (days <= o.prompt_days) return 1.0;
  if (days <= o.limit_days)
    return 1.0 - 0.5 * (days - o.prompt_days) / (o.limit_days - o.prompt_days);
  double end = 3 * o.limit_days;
  if (days <= end) return 0.5 * (end - days) / (end - o.limit_days);
  return 0.0;
}

TermVector vector_of(std::string_view normalized, double scale, const DocumentFrequency* df) {
  TermVector v;
  v.add_terms(reply_terms(normalized), scale);
  v.finish(df);
  return v;
}

void note_weaknesses(ReplyScore& s, size_t characters) {
  if (characters < 30) s.weaknesses.push_back("very short");
  if (s.relevance < 0.3) s.weaknesses.push_back("off the matter");
  if (s.answer < 0.4) s.weaknesses.push_back("no finding or action");
  if (s.basis == 0) s.weaknesses.push_back("no basis cited");
  if (s.next_step == 0) s.weaknesses.push_back("no next step or contact");
  if (s.timeliness < 0.5)
    s.weaknesses.push_back("late: " + std::to_string(std::llround(s.delay_days)) + " days");
}

}  // namespace

std::vector<uint64_t> reply_terms(std::string_view text) {
  return shingle_hashes(content_characters(text), 2);
}

ReplyScorer::ReplyScorer(const DocumentFrequency* df, ReplyScoringOptions options)
    : df_(df), options_(options) {}

double ReplyScorer::relevance(const std::string& subject, const std::string& body,
                              const std::string& reply) const {
  TermVector message;
  message.add_terms(reply_terms(subject), 2.0);
  message.add_terms(reply_terms(body), 1.0);
  message.finish(df_);
  TermVector answer = vector_of(reply, 1.0, df_);
  // Replies are longer than messages and carry their own vocabulary: over the published replies a
  // cosine of 0.2 and a subject coverage of 0.6 are already the upper quartile, so they count full.
  double cosine = std::min(1.0, TermVector::cosine(message, answer) / 0.2);
  double covered = std::min(1.0, TermVector::coverage(vector_of(subject, 1.0, df_), answer) / 0.6);

  std::vector<Place> places;
  for (const auto& p : extract_places(subject + " " + body))
    if (p.kind != PlaceKind::kDivision) places.push_back(p);
  if (places.empty()) return 0.55 * cosine + 0.45 * covered;
  double named = 0;
  for (const auto& p : places) named += reply.find(p.key) != std::string::npos;
  return 0.45 * cosine + 0.35 * covered + 0.2 * named / places.size();
}

Result<ReplyScore> ReplyScorer::score(const RepliedMessage& m) const {
  auto subject = normalize(m.subject);
  if (!subject.ok()) return Invalid("subject", subject.status().message());
  auto body = normalize(m.body);
  if (!body.ok()) return Invalid("body", body.status().message());
  auto reply = normalize(m.reply);
  if (!reply.ok()) return Invalid("reply", reply.status().message());
  if (m.reply_time < m.time) return Invalid("reply_time", "is before the message was sent");

  ReplyScore s;
  s.id = m.id;
  s.delay_days = static_cast<double>(m.reply_time - m.time) / kDay;
  s.timeliness = timeliness_score(s.delay_days, options_);
  size_t characters = content_characters(*reply).size();
  if (characters == 0) {
    s.weaknesses.push_back("no reply");
    s.overall = 0.2 * s.timeliness;
    return s;
  }
  s.relevance = relevance(*subject, *body, *reply);
  s.answer = answer_score(*reply, characters);
  s.basis = basis_score(*reply);
  s.next_step = next_step_score(*reply);
  s.completeness = 0.5 * s.answer + 0.25 * s.basis + 0.25 * s.next_step;
  s.overall = 0.3 * s.relevance + 0.5 * s.completeness + 0.2 * s.timeliness;
  note_weaknesses(s, characters);
  return s;
}

Quantiles quantiles(std::vector<double> values) {
  Quantiles q;
  if (values.empty()) return q;
  std::sort(values.begin(), values.end());
  auto at = [&](double p) {
    return values[std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5))];
  };
  double sum = 0;
  for (double v : values) sum += v;
  q.mean = sum / values.size();
  q.p10 = at(0.10);
  q.p25 = at(0.25);
  q.median = at(0.50);
  q.p75 = at(0.75);
  q.p90 = at(0.90);
  return q;
}

ReplyReport score_replies(const std::vector<RepliedMessage>& messages,
                          ReplyScoringOptions options) {
  ReplyReport report;
  DocumentFrequency df;
  for (const auto& m : messages) {
    auto text = normalize(m.subject + " " + m.body);
    auto reply = normalize(m.reply);
    if (text.ok()) df.add_document(reply_terms(*text));
    if (reply.ok()) df.add_document(reply_terms(*reply));
  }
  ReplyScorer scorer(&df, options);
  std::vector<double> rel, comp, time, overall, delay;
  std::map<std::string, size_t> weakness_count;
  report.histogram.assign(10, 0);
  for (const auto& m : messages) {
    auto s = scorer.score(m);
    if (!s.ok()) {
      report.unscored.emplace_back(m.id, s.status().field() + ": " + s.status().message());
      continue;
    }
    rel.push_back(s->relevance);
    comp.push_back(s->completeness);
    time.push_back(s->timeliness);
    overall.push_back(s->overall);
    delay.push_back(s->delay_days);
    ++report.histogram[std::min<size_t>(9, static_cast<size_t>(s->overall * 10))];
    for (const auto& w : s->weaknesses) ++weakness_count[w.rfind("late", 0) == 0 ? "late" : w];
    report.scores.push_back(std::move(s).value());
  }
  report.relevance = quantiles(rel);
  report.completeness = quantiles(comp);
  report.timeliness = quantiles(time);
  report.overall = quantiles(overall);
  report.delay_days = quantiles(delay);
  report.weaknesses.assign(weakness_count.begin(), weakness_count.end());
  std::sort(report.weaknesses.begin(), report.weaknesses.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return report;
}

}  // namespace shegong::text
