#include "petitions/notices.h"

#include <algorithm>

#include "base/calendar.h"
#include "cases/fields.h"
#include "hotline/units.h"
#include "petitions/petitioner.h"

namespace shegong::petitions {

namespace {

using documents::Paragraph;
using Json = nlohmann::json;

std::string chinese_date(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}
std::string chinese_date(int64_t ms) { return chinese_date(date_in_china(ms)); }

std::string channel_name(const std::string& channel) {
  if (channel == "online") return "网上信访";
  if (channel == "letter") return "来信";
  if (channel == "phone") return "来电";
  if (channel == "fax") return "传真";
  if (channel == "visit") return "来访";
  return channel;
}

std::string decision_name(const std::string& d) {
  if (d == "support") return "支持";
  if (d == "explain") return "解释说明（诉求有一定合理性但缺乏法律依据）";
  if (d == "not_support") return "不予支持";
  return d;
}

std::string track_text(const std::string& track) {
  if (track == "opinion") {
    return "本机关将听取您的事实和理由，进行调查核实，并自受理之日起60日内出具信访处理意见书；"
           "情况复杂的，经本机关负责人批准可适当延长，延长期限不超过30日，并告知延期理由"
           "（《信访工作条例》第三十一条第六项、第三十四条）。";
  }
  if (track == "duty") {
    return "该事项属于本机关法定职责，本机关将依法履行职责，并将处理结果答复您"
           "（《信访工作条例》第三十一条第五项）。";
  }
  if (track == "suggestion") {
    return "本机关将对您的意见建议进行研究论证，并将采纳情况答复您（《信访工作条例》第二十九条）。";
  }
  if (track == "accusation") {
    return "本机关将依规依纪依法接收、受理、办理和反馈，对检举控告人及检举控告材料严格保密"
           "（《信访工作条例》第三十条）。";
  }
  return "本机关将依法办理。";
}

std::string procedure_name(const std::string& p) {
  if (p == "litigation") return "诉讼、行政复议、检察或公安机关法定程序";
  if (p == "arbitration") return "仲裁";
  if (p == "party_appeal") return "党员申诉、申请复审等程序";
  if (p == "administrative") return "行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序";
  if (p == "duty") return "有关机关履行法定职责";
  return p;
}

Result<std::string> unit_name(db::Session& s, int64_t id) {
  auto u = hotline::find_unit(s, id);
  if (!u.ok()) return u.status();
  return *u ? (*u)->name : std::string("（单位）");
}

}  // namespace

std::vector<std::string> notices_of(const cases::CaseRecord& c) {
  std::vector<std::string> out;
  Json a = cases::attrs_of(c);
  if (!a.contains("documents") || !a["documents"].is_array()) return out;
  for (const auto& d : a["documents"]) {
    if (d.is_string() && std::find(out.begin(), out.end(), d.get<std::string>()) == out.end()) {
      out.push_back(d.get<std::string>());
    }
  }
  return out;
}

Result<documents::Document> notice_document(db::Session& s, const crypto::SecretBox& box,
                                            const cases::CaseRecord& c, const std::string& name) {
  auto names = notices_of(c);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    return NotFound("this petition has no notice named " + name);
  }
  Json a = cases::attrs_of(c);
  auto who = open_petitioner(box, c.requester_sealed);
  if (!who.ok()) return who.status();
  documents::Document d;
  d.addressee = (who->name.empty() ? std::string("信访人") : who->name) + "：";
  d.number =
      "〔" + std::to_string(date_in_china(c.received_at_ms).year()) + "〕" + c.tracking_no + "号";
  std::string received = "您于" + chinese_date(c.received_at_ms) + "以" + channel_name(c.channel) +
                         "形式反映的“" + c.subject + "”信访事项";
  int64_t issuer = c.lead_unit_id;
  int64_t at = c.received_at_ms;
  std::string query =
      "您可凭查询码 " + c.tracking_no + " 查询办理进展和结果，并对办理情况进行评价。";

  if (name == "receipt") {
    Json n = a["receipt_notice"];
    at = n.value("at_ms", at);
    d.title = "信访事项告知书";
    std::string outcome = n.value("outcome", "");
    std::string text = received + "，本机关已收到。";
    if (outcome == "within_powers")
      text += "该事项属于本机关职权范围，本机关依法受理。" + track_text(a.value("track", ""));
    if (outcome == "sent_to_lower")
      text += "该事项已转送" + n.value("sent_to", std::string()) + "办理，请留意其答复。";
    if (outcome == "outside_system") {
      text += "该事项不属于本系统职权范围，请您向" + n.value("organ_to_approach", std::string()) +
              "提出。";
    }
    d.body = {{"", text}, {"", query}};
    issuer = a.value("receiving_unit_id", issuer);
  } else if (name == "acceptance") {
    at = a.value("accepted_at_ms", at);
    d.title = "信访事项受理告知书";
    d.body = {
        {"", received + "，经转送（交办）至本机关，本机关已于" + chinese_date(at) + "依法受理。"},
        {"办理途径和程序", track_text(a.value("track", ""))},
        {"", query}};
    issuer = a.value("handler_unit_id", issuer);
  } else if (name == "extension") {
    Json last = a["extensions"].back();
    at = last.value("at_ms", at);
    d.title = "信访事项延期办理告知书";
    d.body = {{"", received + "，因情况复杂，经本机关负责人批准，办理期限延长" +
                       std::to_string(a.value("extension_days", 0)) + "日，至" +
                       chinese_date(c.due_at_ms) + "前办结。"},
              {"延期理由", last.value("reason", "")},
              {"", "依据：《信访工作条例》第三十四条。"}};
    issuer = a.value("handler_unit_id", issuer);
  } else if (name == "opinion") {
    Json o = a["opinion"];
    at = o.value("issued_at_ms", at);
    issuer = o.value("unit_id", issuer);
    d.title = "信访处理意见书";
    d.body = {{"一、信访人的请求", o.value("request", "")},
              {"二、事实和理由", o.value("facts_reasons", "")},
              {"三、处理意见", decision_name(o.value("decision", ""))},
              {"四、依据", o.value("legal_basis", "")},
              {"五、复查权利",
               "如不服本处理意见，可自收到本意见书之日起30日内，向本机关的上一级机关请求复查"
               "（《信访工作条例》第三十五条）。"}};
  } else if (name == "review" || name == "re_review") {
    Json o = a[name];
    at = o.value("issued_at_ms", at);
    issuer = o.value("unit_id", issuer);
    bool re = name == "re_review";
    d.title = re ? "信访事项复核意见书" : "信访事项复查意见书";
    d.body = {{"一、复查（复核）请求", "您对" + std::string(re ? "复查意见" : "信访处理意见") +
                                           "不服，于" + o.value("requested_on", "") + "提出" +
                                           (re ? "复核" : "复查") + "请求。"},
              {"二、意见", o.value("opinion", "")},
              {"三、结论", decision_name(o.value("decision", ""))},
              {re ? "四、终结" : "四、复核权利",
               re ? "本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出投诉请求的，"
                    "各级信访工作机构和其他机关、单位不再受理（《信访工作条例》第三十六条）。"
                  : "如不服本复查意见，可自收到本意见书之日起30日内，向复查机关的上一级机关请求复核"
                    "（《信访工作条例》第三十六条）。"}};
  } else if (name == "agreement") {
    Json g = a["agreement"];
    at = g.value("recorded_at_ms", at);
    issuer = g.value("unit_id", issuer);
    bool mediation = g.value("form", "") == "mediation";
    auto signed_on = Date::parse(g.value("signed_on", ""));
    d.title = mediation ? "调解协议书" : "和解协议书";
    d.body = {{"当事人", "信访人：" + (who->name.empty() ? std::string("（未具名）") : who->name) +
                             "；另一方当事人：" + g.value("other_party", "")},
              {"", received + "，" +
                       (mediation ? "经本机关主持调解，双方当事人同意，达成如下协议。"
                                  : "经本机关引导，双方当事人自愿和解，达成如下协议。")},
              {"一、争议事项", g.value("matter", "")},
              {"二、协议内容", g.value("terms", "")},
              {"三、签订日期", signed_on.ok() ? chinese_date(*signed_on) : std::string()},
              {"", "依据：《信访工作条例》第三十三条。"}};
  } else if (name == "referral") {
    Json r = a["referral"];
    at = r.value("at_ms", at);
    d.title = "信访事项告知书";
    d.body = {{"", received + "，依照《信访工作条例》第三十一条的规定，应当通过" +
                       procedure_name(r.value("procedure", "")) + "解决，请您依法向有关机关提出。"},
              {"说明", r.value("note", "")}};
  } else if (name == "visit_referral") {
    Json r = a["referral"];
    d.title = "引导逐级走访告知书";
    d.body = {
        {"", received + "。依照《信访工作条例》第二十条，走访应当向依法有权处理的本级或者上一级"
                        "机关设立或者指定的接待场所提出。"},
        {"请您前往", r.value("to_unit", std::string())}};
    issuer = a.value("receiving_unit_id", issuer);
  } else {  // not_accepted
    Json dup = a["duplicate"];
    d.title = "不予受理告知书";
    d.body = {
        {"",
         received + "，经查，" +
             (dup.value("rule", "") == "信访工作条例 Art. 36 para 3"
                  ? std::string("该事项已经复核终结，您以同一事实和理由再次提出，"
                                "依照《信访工作条例》第三十六条第三款，不再受理。")
                  : std::string("该事项正在有关机关受理或办理期间，您向其上级机关再次提出同一事项，"
                                "依照《信访工作条例》第十九条第三款，上级机关不予受理。"))},
        {"", "原信访事项查询码：" + dup["earlier"].value("tracking_no", std::string())}};
    issuer = a.value("receiving_unit_id", issuer);
  }
  auto issuer_name = unit_name(s, issuer);
  if (!issuer_name.ok()) return issuer_name.status();
  d.issuer = *issuer_name;
  d.date = chinese_date(at);
  return d;
}

}  // namespace shegong::petitions
