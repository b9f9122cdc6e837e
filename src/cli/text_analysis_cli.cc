// shegong text hot | replies | similar: the text analyses over a CSV export of messages (the
// columns are found by name in the header row, so extra columns and any order are fine). Reports
// go to stdout; personal data in printed text is masked.
#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <unordered_map>

#include "base/calendar.h"
#include "base/csv.h"
#include "cli/commands.h"
#include "cli/subcommands.h"
#include "text/hot_issues.h"
#include "text/near_duplicates.h"
#include "text/pii.h"
#include "text/reply_quality.h"
#include "text/shingles.h"

namespace shegong::cli {

namespace {

// A CSV file with a header row, read whole; `column` maps a required name to its position.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::unordered_map<std::string, size_t> column;
  const std::string& get(const std::vector<std::string>& row, const std::string& name) const {
    static const std::string kNone;
    size_t at = column.at(name);
    return at < row.size() ? row[at] : kNone;
  }
};

Result<Table> read_table(const std::string& path, const std::vector<std::string>& required) {
  auto text = read_file(path);
  if (!text.ok()) return Status(text.status().code(), text.status().message(), "data");
  CsvReader reader(*text);
  std::vector<std::string> fields;
  if (!reader.next(fields)) return Invalid("data", path + " is empty");
  Table table;
  for (size_t i = 0; i < fields.size(); ++i) table.column[fields[i]] = i;
  for (const auto& name : required)
    if (!table.column.count(name)) return Invalid("data", path + " has no column \"" + name + "\"");
  while (reader.next(fields))
    if (!(fields.size() == 1 && fields[0].empty())) table.rows.push_back(fields);
  if (!reader.status().ok()) return Invalid("data", path + ": " + reader.status().message());
  return table;
}

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a space instead of T too; spaces
// around it ignored), read as written: only differences between times are used.
Result<int64_t> parse_time(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  auto date = Date::parse(text.substr(0, 10));
  if (!date.ok()) return Invalid("time", "\"" + std::string(text) + "\" is not a date");
  int64_t seconds = int64_t{date->days_since_epoch()} * 86400;
  if (text.size() == 10) return seconds;
  int parts[3] = {0, 0, 0};
  size_t at = 11, part = 0;
  if (text[10] != 'T' && text[10] != ' ') return Invalid("time", "\"" + std::string(text) + "\"");
  for (; at < text.size() && part < 3; ++part) {
    size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || end - at > 2) return Invalid("time", "\"" + std::string(text) + "\"");
    parts[part] = std::stoi(std::string(text.substr(at, end - at)));
    at = end + (end < text.size() && text[end] == ':' ? 1 : 0);
    if (end < text.size() && text[end] != ':')
      return Invalid("time", "\"" + std::string(text) + "\"");
  }
  if (at < text.size() || part < 2 || text.back() == ':' || parts[0] > 23 || parts[1] > 59 ||
      parts[2] > 60)
    return Invalid("time", "\"" + std::string(text) + "\"");
  return seconds + parts[0] * 3600 + parts[1] * 60 + parts[2];
}

// A whole number; an empty likes cell counts as 0.
Result<int64_t> parse_number(const std::string& text, const std::string& column) {
  if (text.empty() && column != "id") return int64_t{0};
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return Invalid(column, "\"" + text + "\" is not a whole number");
  return value;
}

// The row's value of a numeric column, or an error naming the row.
Status read_number(const Table& table, const std::vector<std::string>& row,
                   const std::string& column, int64_t& out) {
  auto n = parse_number(table.get(row, column), column);
  if (!n.ok())
    return Invalid("data", "row with id \"" + table.get(row, "id") + "\": " + column + " " +
                               n.status().message());
  out = *n;
  return Status::Ok();
}

std::string day_of(int64_t seconds) {
  return Date::from_days_since_epoch(static_cast<int32_t>(seconds / 86400)).to_string();
}

// The first `characters` characters of `text`, masked, on one line.
std::string excerpt(const std::string& text, size_t characters) {
  std::u32string s = decode_utf8(text::mask_for_export(text));
  for (auto& c : s)
    if (c == U'\n' || c == U'\r' || c == U'\t') c = U' ';
  if (s.size() > characters) s = s.substr(0, characters) + U"…";
  return to_utf8(s);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---- shegong text hot

struct HotArgs {
  std::string data;
  size_t top = 5;
  int window_days = 60;
};

Result<std::vector<text::CitizenMessage>> load_messages(const std::string& path) {
  auto table = read_table(path, {"id", "subject", "time", "body"});
  if (!table.ok()) return table.status();
  bool has_user = table->column.count("user"), has_likes = table->column.count("likes");
  std::vector<text::CitizenMessage> out;
  for (const auto& row : table->rows) {
    text::CitizenMessage m;
    SHEGONG_RETURN_IF_ERROR(read_number(*table, row, "id", m.id));
    if (has_user) m.requester = table->get(row, "user");
    m.subject = table->get(row, "subject");
    m.body = table->get(row, "body");
    auto time = parse_time(table->get(row, "time"));
    if (!time.ok())
      return Invalid("data", "id " + table->get(row, "id") + ": " + time.status().message());
    m.time = *time;
    if (has_likes) SHEGONG_RETURN_IF_ERROR(read_number(*table, row, "likes", m.likes));
    out.push_back(std::move(m));
  }
  return out;
}

int run_hot(const HotArgs& args) {
  auto start = std::chrono::steady_clock::now();
  auto messages = load_messages(args.data);
  if (!messages.ok()) return fail(messages.status());
  text::HotIssueOptions options;
  options.top = args.top;
  options.window_days = args.window_days;
  auto report = text::find_hot_issues(*messages, options);
  double elapsed = seconds_since(start);
  std::printf("%zu messages, %zu issues, %zu unreadable, %.2f s (read, cluster, rank)\n",
              report.messages, report.groups, report.unreadable.size(), elapsed);
  int rank = 0;
  for (const auto& issue : report.issues) {
    std::printf("\n#%d  heat %.1f  %s\n", ++rank, issue.heat,
                issue.title.empty() ? "(no subject)" : issue.title.c_str());
    std::printf("    place: %s\n", issue.place.empty() ? "-" : issue.place.c_str());
    std::printf("    %s .. %s, %zu messages, %zu requesters, %lld likes\n",
                day_of(issue.first_time).c_str(), day_of(issue.last_time).c_str(), issue.messages,
                issue.requesters, static_cast<long long>(issue.likes));
    std::string ids;
    for (int64_t id : issue.members) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    std::printf("    members: %s\n", ids.c_str());
  }
  return 0;
}

// ---- shegong text replies

struct RepliesArgs {
  std::string data;
  size_t weakest = 10;
};

Result<std::vector<text::RepliedMessage>> load_replies(const std::string& path) {
  auto table = read_table(path, {"id", "subject", "time", "body", "reply", "reply_time"});
  if (!table.ok()) return table.status();
  std::vector<text::RepliedMessage> out;
  for (const auto& row : table->rows) {
    text::RepliedMessage m;
    SHEGONG_RETURN_IF_ERROR(read_number(*table, row, "id", m.id));
    m.subject = table->get(row, "subject");
    m.body = table->get(row, "body");
    m.reply = table->get(row, "reply");
    auto time = parse_time(table->get(row, "time"));
    auto reply_time = parse_time(table->get(row, "reply_time"));
    if (!time.ok() || !reply_time.ok())
      return Invalid("data", "id " + table->get(row, "id") + ": bad time or reply_time");
    m.time = *time;
    m.reply_time = *reply_time;
    out.push_back(std::move(m));
  }
  return out;
}

void print_quantiles(const char* name, const text::Quantiles& q) {
  std::printf("  %-14s %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, q.mean, q.p10, q.p25, q.median,
              q.p75, q.p90);
}

int run_replies(const RepliesArgs& args) {
  auto start = std::chrono::steady_clock::now();
  auto messages = load_replies(args.data);
  if (!messages.ok()) return fail(messages.status());
  auto report = text::score_replies(*messages);
  std::printf("%zu replies scored, %zu not scored, %.2f s\n\n", report.scores.size(),
              report.unscored.size(), seconds_since(start));
  for (const auto& [id, reason] : report.unscored)
    std::printf("  not scored: id %lld: %s\n", static_cast<long long>(id), reason.c_str());
  std::printf("  %-14s %6s %6s %6s %6s %6s %6s\n", "", "mean", "p10", "p25", "median", "p75",
              "p90");
  print_quantiles("relevance", report.relevance);
  print_quantiles("completeness", report.completeness);
  print_quantiles("timeliness", report.timeliness);
  print_quantiles("overall", report.overall);
  print_quantiles("delay (days)", report.delay_days);
  std::printf("\noverall score, replies per tenth:\n");
  for (size_t bin = 0; bin < report.histogram.size(); ++bin)
    std::printf("  %.1f-%.1f %5zu\n", bin / 10.0, (bin + 1) / 10.0, report.histogram[bin]);
  std::printf("\nweaknesses (replies showing each):\n");
  for (const auto& [what, count] : report.weaknesses)
    std::printf("  %-26s %5zu\n", what.c_str(), count);

  std::vector<const text::ReplyScore*> order;
  for (const auto& s : report.scores) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) {
    return a->overall != b->overall ? a->overall < b->overall : a->id < b->id;
  });
  std::unordered_map<int64_t, const text::RepliedMessage*> by_id;
  for (const auto& m : *messages) by_id.emplace(m.id, &m);
  std::printf("\nweakest %zu:\n", std::min(args.weakest, order.size()));
  for (size_t i = 0; i < order.size() && i < args.weakest; ++i) {
    const auto& s = *order[i];
    std::string why;
    for (const auto& w : s.weaknesses) why += (why.empty() ? "" : "; ") + w;
    std::printf(
        "\n  id %lld  overall %.2f  relevance %.2f  completeness %.2f (answer %.1f, basis "
        "%.1f, next step %.1f)  timeliness %.2f (%.0f days)\n    %s\n",
        static_cast<long long>(s.id), s.overall, s.relevance, s.completeness, s.answer, s.basis,
        s.next_step, s.timeliness, s.delay_days, why.c_str());
    const auto* m = by_id[s.id];
    std::printf("    subject: %s\n    reply:   %s\n", excerpt(m->subject, 60).c_str(),
                excerpt(m->reply, 80).c_str());
  }
  return 0;
}

// ---- shegong text similar

struct SimilarArgs {
  std::string data;
  std::string text;
  std::string requester;
  size_t top = 5;
  double min_similarity = 0.5;
};

int run_similar(const SimilarArgs& args) {
  auto start = std::chrono::steady_clock::now();
  auto messages = load_messages(args.data);
  if (!messages.ok()) return fail(messages.status());
  std::sort(messages->begin(), messages->end(),
            [](const auto& a, const auto& b) { return a.time < b.time; });
  text::NearDuplicateIndex index;
  std::unordered_map<int64_t, const text::CitizenMessage*> by_id;
  size_t repeats = 0, shared = 0, skipped = 0;
  std::vector<std::string> examples;
  for (const auto& m : *messages) {
    by_id.emplace(m.id, &m);
    auto fp = index.fingerprint(m.subject + "\n" + m.body);
    if (!fp.ok()) {
      ++skipped;
      continue;
    }
    // In time order, each message is checked against those before it, as at intake.
    auto found = index.find_repeat(m.requester, *fp, args.min_similarity);
    if (found.repeated && ++repeats <= 10)
      examples.push_back(std::to_string(m.id) + " repeats " + std::to_string(found.earlier[0].id) +
                         " (" + m.requester + ", similarity " +
                         std::to_string(found.earlier[0].similarity).substr(0, 4) + ")");
    if (found.other_requesters > 0) ++shared;
    (void)index.add(m.id, m.requester, *fp);
  }
  std::printf("%zu messages indexed (%zu left out: empty or not UTF-8), %.2f s, index %.1f MiB\n",
              index.size(), skipped, seconds_since(start), index.memory_bytes() / 1048576.0);
  if (args.text.empty()) {
    std::printf("repeat demands (same requester, similarity >= %.2f): %zu\n", args.min_similarity,
                repeats);
    for (const auto& e : examples) std::printf("  %s\n", e.c_str());
    std::printf("messages whose matter others raised before: %zu\n", shared);
    return 0;
  }
  auto similar = index.similar(args.text, args.top, args.min_similarity);
  if (!similar.ok()) return fail(similar.status());
  std::printf("messages at least %.2f similar: %zu\n", args.min_similarity, similar->size());
  for (const auto& s : *similar) {
    const auto* m = by_id[s.id];
    std::printf("  %lld  %.2f  %s\n", static_cast<long long>(s.id), s.similarity,
                excerpt(m ? m->subject : "", 50).c_str());
  }
  if (!args.requester.empty()) {
    auto found = index.find_repeat(args.requester, args.text, args.min_similarity);
    if (!found.ok()) return fail(found.status());
    std::printf("repeat by %s: %s; others who raised it: %zu\n", args.requester.c_str(),
                found->repeated ? ("yes, " + std::to_string(found->earlier[0].id)).c_str() : "no",
                found->other_requesters);
  }
  return 0;
}

// The most rows a listing option asks for: more than any report needs, far from overflowing.
constexpr int kMostListed = 1'000'000;

// A number from 0 to 1. CLI::Range lets "nan" through, as every comparison with it is false.
const CLI::Validator kShare(
    [](std::string& value) -> std::string {
      double number = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error != std::errc() || end != value.data() + value.size() || !(number >= 0) ||
          !(number <= 1))
        return "\"" + value + "\" is not a number from 0 to 1";
      return "";
    },
    "FROM 0 TO 1");

}  // namespace

void add_text_analysis_commands(CLI::App& text, CommandRunner* chosen) {
  auto hot = std::make_shared<HotArgs>();
  auto* hot_cmd =
      text.add_subcommand("hot", "Hot issues: messages grouped by matter, place and time");
  hot_cmd->add_option("--data", hot->data, "CSV with id,user,subject,time,body[,likes]")
      ->required();
  hot_cmd->add_option("--top", hot->top, "How many issues to list")
      ->check(CLI::Range(1, kMostListed))
      ->capture_default_str();
  hot_cmd->add_option("--window-days", hot->window_days, "Longest gap between two linked messages")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  hot_cmd->callback([hot, chosen] { *chosen = [hot] { return run_hot(*hot); }; });

  auto replies = std::make_shared<RepliesArgs>();
  auto* replies_cmd =
      text.add_subcommand("replies", "Reply quality: relevance, completeness, timeliness");
  replies_cmd->add_option("--data", replies->data, "CSV with id,subject,time,body,reply,reply_time")
      ->required();
  replies_cmd
      ->add_option("--weakest", replies->weakest,
                   "How many of the weakest replies to list; 0: the distribution only")
      ->check(CLI::Range(0, kMostListed))
      ->capture_default_str();
  replies_cmd->callback(
      [replies, chosen] { *chosen = [replies] { return run_replies(*replies); }; });

  auto similar = std::make_shared<SimilarArgs>();
  auto* similar_cmd = text.add_subcommand(
      "similar", "Near-duplicates: repeat demands in a file, or the messages most like --text");
  similar_cmd->add_option("--data", similar->data, "CSV with id,user,subject,time,body")
      ->required();
  auto* text_opt =
      similar_cmd->add_option("--text", similar->text, "Find the messages most like this text");
  similar_cmd
      ->add_option("--requester", similar->requester, "With --text: check a repeat by this user")
      ->needs(text_opt);
  similar_cmd->add_option("--top", similar->top, "How many similar messages")
      ->check(CLI::Range(1, kMostListed))
      ->capture_default_str();
  similar_cmd->add_option("--min", similar->min_similarity, "Least similarity (0 to 1)")
      ->check(kShare)
      ->capture_default_str();
  similar_cmd->callback(
      [similar, chosen] { *chosen = [similar] { return run_similar(*similar); }; });
}

}  // namespace shegong::cli
