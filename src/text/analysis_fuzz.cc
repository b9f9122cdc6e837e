// libFuzzer target for the text analyses on arbitrary messages: place extraction, matters, the
// near-duplicate index, hot issues, reply scoring and classifier features never crash, and what
// they return stays in range (valid UTF-8 names, similarities and scores from 0 to 1, members that
// are messages of the input). The input is cut at 0x1E bytes into up to eight messages, each a
// subject line and a body; the byte before each cut sets its requester, time and likes. Built and
// run for a bounded time by bench/fuzz/run.sh (make bench).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "text/features.h"
#include "text/hot_issues.h"
#include "text/hot_matters.h"
#include "text/near_duplicates.h"
#include "text/normalize.h"
#include "text/places.h"
#include "text/reply_quality.h"
#include "text/segmenter.h"

namespace {

using namespace shegong;
using namespace shegong::text;

void check(bool ok) {
  if (!ok) std::abort();
}

bool unit(double x) { return x >= 0 && x <= 1; }

const Segmenter& segmenter() {
  static const Segmenter s(Lexicon{{"小区", "噪音", "施工", "夜间", "公交", "线路", "学校", "扰民"},
                                   {"的", "了", "在", "我们"}});
  return s;
}

void analyse_one(std::string_view text) {
  auto normal = normalize(text);
  if (!normal.ok()) return;
  for (const Place& place : extract_places(*normal)) {
    check(!place.name.empty() && is_valid_utf8(place.name) && is_valid_utf8(place.key));
  }
  check(is_valid_utf8(matter_name(matters_of(*normal))));
  std::vector<uint64_t> keys;
  BlockEnds ends{};
  FeatureExtractor(segmenter(), FeatureOptions{}).extract(*normal, keys, nullptr, &ends);
  check(ends[0] <= ends[1] && ends[1] <= ends[2] && ends[2] == keys.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<CitizenMessage> messages;
  while (!input.empty() && messages.size() < 8) {
    const size_t cut = input.find('\x1e');
    std::string_view part = input.substr(0, cut);
    input = cut == std::string_view::npos ? std::string_view{} : input.substr(cut + 1);
    const uint8_t tag = part.empty() ? 0 : static_cast<uint8_t>(part.back());
    CitizenMessage m;
    m.id = static_cast<int64_t>(messages.size()) + 1;
    if (tag & 0x80) m.requester = "requester " + std::to_string(tag & 3);
    m.time = 1'500'000'000 + int64_t{tag} * 86'400 * 7;
    m.likes = tag & 0x0F;
    const size_t line = part.find('\n');
    m.subject = std::string(part.substr(0, line));
    if (line != std::string_view::npos) m.body = std::string(part.substr(line + 1));
    messages.push_back(std::move(m));
  }
  if (messages.empty()) return 0;

  NearDuplicateIndex index;
  for (const auto& m : messages) {
    const std::string text = m.subject + m.body;
    analyse_one(text);
    auto repeat = index.find_repeat(m.requester, text);
    if (repeat.ok()) {
      for (const auto& earlier : repeat->earlier) check(earlier.id >= 1 && earlier.id < m.id);
    }
    Status added = index.add(m.id, m.requester, text);
    check(added.ok() || added.field() == "text");
    auto similar = index.similar(text, 3, 0.0);
    if (similar.ok()) {
      check(similar->size() <= 3);
      for (const auto& s : *similar) check(unit(s.similarity) && s.id >= 1 && s.id <= m.id);
      for (size_t i = 1; i < similar->size(); ++i)  // most similar first
        check((*similar)[i - 1].similarity >= (*similar)[i].similarity);
    }
  }

  HotIssueOptions options;
  options.top = 3;
  HotIssueReport report = find_hot_issues(messages, options);
  check(report.issues.size() <= 3 && report.messages == messages.size());
  for (const auto& issue : report.issues) {
    check(issue.first_time <= issue.last_time && std::isfinite(issue.heat) && issue.heat >= 0);
    check(is_valid_utf8(issue.title) && is_valid_utf8(issue.place));
    check(issue.members.size() == issue.messages && issue.requesters <= issue.messages);
    int64_t last_time = INT64_MIN;
    for (int64_t id : issue.members) {
      check(id >= 1 && id <= static_cast<int64_t>(messages.size()));
      const int64_t time = messages[static_cast<size_t>(id - 1)].time;
      check(time >= last_time && time >= issue.first_time &&
            time <= issue.last_time);  // oldest first
      last_time = time;
    }
  }
  for (size_t i = 1; i < report.issues.size(); ++i)  // hottest first
    check(report.issues[i - 1].heat >= report.issues[i].heat);

  ReplyScorer scorer;
  for (size_t i = 0; i + 1 < messages.size(); ++i) {
    RepliedMessage r{messages[i].id,   messages[i].subject,
                     messages[i].body, messages[i + 1].subject + messages[i + 1].body,
                     messages[i].time, messages[i].time + messages[i + 1].likes * 86'400};
    auto score = scorer.score(r);
    if (!score.ok()) continue;
    check(unit(score->relevance) && unit(score->completeness) && unit(score->timeliness) &&
          unit(score->overall));
  }
  return 0;
}
