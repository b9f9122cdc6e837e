#include "text/hot_issues.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "text/hot_matters.h"
#include "text/normalize.h"
#include "text/pii.h"
#include "text/places.h"
#include "text/shingles.h"

namespace shegong::text {

namespace {

constexpr int64_t kDay = 86400;
// A bigram in more than this share of messages ("问题", "小区") says nothing about which matter a
// message is about; leaving it out of the pair search keeps the search near-linear.
constexpr double kCommonTermShare = 0.05;
constexpr double kCommonTermFloor = 50;
// A four-character phrase of a subject is an anchor (58车贷, 滨河苑车) when at least two and at
// most this share of subjects (but never fewer than three) use it.
constexpr double kAnchorShare = 0.005;
constexpr size_t kAnchorWidth = 4;
// Place names and their fragments shared by more messages than this are not used to find pairs.
constexpr size_t kLongestPlacePosting = 300;
// Shortest part of a place name (in characters) that still identifies it: 万科魅力之城 is
// 魅力之城, but 之城 is nothing.
constexpr size_t kShortestPlacePart = 3;
// Medoid search looks at this many members of a large group; enough to pick a central subject.
constexpr size_t kMedoidSample = 300;
// Characters of the body read for its matter: the opening states the problem, the rest tells
// the story and mentions everything else.
constexpr size_t kMatterOpening = 80;

struct Prepared {
  size_t message;  // index into the input
  std::string subject;
  TermVector vector;
  std::vector<Place> places;            // specific places for display: subject's, else body's
  std::vector<std::string> place_keys;  // specific places of subject and body, sorted
  std::vector<std::string> point_keys;  // those that are one spot: estate, school, village ...
  bool subject_names_place = false;
  std::vector<std::string> districts;  // 区 / 县 divisions named anywhere, sorted
  std::vector<std::string> cities;     // 市 divisions
  MatterSet matters = 0;
  std::vector<uint64_t> anchors;  // the subject's four-character phrases, then only the rare ones
};

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

template <typename T>
bool shares(const std::vector<T>& a, const std::vector<T>& b) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    *i < *j ? ++i : ++j;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::vector<Place> specific_places(const std::vector<Place>& all) {
  std::vector<Place> out;
  for (const auto& p : all)
    if (p.kind != PlaceKind::kDivision) out.push_back(p);
  return out;
}

// Whole names and their beginnings and ends of at least kShortestPlacePart characters, so that
// 万科魅力之城 and 魅力之城 meet.
std::vector<std::string> place_parts(const std::string& key) {
  std::u32string k = decode_utf8(key);
  std::vector<std::string> parts{key};
  for (size_t n = kShortestPlacePart; n < k.size(); ++n) {
    parts.push_back(to_utf8(k.substr(0, n)));
    parts.push_back(to_utf8(k.substr(k.size() - n)));
  }
  return parts;
}

bool same_place(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    for (const auto& y : b) {
      const auto& shorter = x.size() < y.size() ? x : y;
      const auto& longer = x.size() < y.size() ? y : x;
      if (shorter == longer) return true;
      if (decode_utf8(shorter).size() >= kShortestPlacePart &&
          (longer.compare(0, shorter.size(), shorter) == 0 || ends_with(longer, shorter)))
        return true;
    }
  }
  return false;
}

// Reads what grouping needs from one message; false when its text is not valid UTF-8.
bool prepare(const CitizenMessage& m, size_t index, Prepared& out,
             std::vector<uint64_t>& subject_terms, std::vector<uint64_t>& body_terms) {
  auto subject = normalize(m.subject);
  auto body = normalize(m.body);
  if (!subject.ok() || !body.ok()) return false;
  out.message = index;
  out.subject = *subject;
  std::u32string subject_chars = content_characters(*subject);
  subject_terms = shingle_hashes(subject_chars, 2);
  body_terms = shingle_hashes(content_characters(*body), 2);
  if (subject_chars.size() >= kAnchorWidth)
    out.anchors = shingle_hashes(subject_chars, kAnchorWidth);
  sort_unique(out.anchors);
  std::u32string opening = decode_utf8(*body).substr(0, kMatterOpening);
  out.matters = matters_of(*subject) | matters_of(to_utf8(opening));

  auto in_subject = extract_places(*subject);
  auto in_body = extract_places(*body);
  out.places = specific_places(in_subject);
  out.subject_names_place = !out.places.empty();
  auto body_places = specific_places(in_body);
  if (out.places.empty()) out.places = body_places;
  for (const auto* list : {&out.places, &body_places}) {
    for (const auto& p : *list) {
      out.place_keys.push_back(p.key);
      if (p.kind != PlaceKind::kRoad && p.kind != PlaceKind::kTown && p.kind != PlaceKind::kArea)
        out.point_keys.push_back(p.key);
    }
  }
  for (const auto* list : {&in_subject, &in_body}) {
    for (const auto& d : divisions(*list)) {
      if (ends_with(d, "市"))
        out.cities.push_back(d);
      else if (ends_with(d, "区") || ends_with(d, "县"))
        out.districts.push_back(d);
    }
  }
  sort_unique(out.place_keys);
  sort_unique(out.point_keys);
  sort_unique(out.districts);
  sort_unique(out.cities);
  return true;
}

// Keeps only the anchors that are rare but shared.
void keep_rare_anchors(std::vector<Prepared>& prepared) {
  std::unordered_map<uint64_t, uint32_t> df;
  for (const auto& p : prepared)
    for (uint64_t a : p.anchors) ++df[a];
  const auto most = static_cast<uint32_t>(std::max(3.0, kAnchorShare * prepared.size()));
  for (auto& p : prepared)
    std::erase_if(p.anchors, [&](uint64_t a) { return df[a] < 2 || df[a] > most; });
}

// The grouping rule (docs/hot-issues.md): the bar a pair must reach depends on its places and
// on whether the lexicon sees the same kind of matter in both.
bool same_issue(const Prepared& a, const Prepared& b, double cosine, const HotIssueOptions& o) {
  bool other_district =
      !a.districts.empty() && !b.districts.empty() && !shares(a.districts, b.districts);
  bool same_matter = (a.matters & b.matters) != 0;
  if (!other_district && same_place(a.place_keys, b.place_keys)) {
    if (same_matter && cosine >= o.matter_floor && same_place(a.point_keys, b.point_keys))
      return true;
    return cosine >= o.place_similarity;
  }
  if (other_district || (a.subject_names_place && b.subject_names_place))
    return cosine >= o.distinct_places;
  if (same_matter && cosine >= o.matter_floor && shares(a.anchors, b.anchors)) return true;
  return cosine >= o.matter_similarity;
}

// Messages that may form a pair with a given one: those sharing uncommon bigrams (with the
// partial dot product over them), a place or a part of its name, or an anchor.
class PairFinder {
 public:
  PairFinder(const std::vector<Prepared>& prepared, const DocumentFrequency& df)
      : dot_(prepared.size(), 0.0f), flagged_(prepared.size(), 0) {
    const size_t n = prepared.size();
    const auto common = static_cast<size_t>(std::max(kCommonTermFloor, kCommonTermShare * n));
    for (size_t i = 0; i < n; ++i) {
      auto id = static_cast<uint32_t>(i);
      for (const auto& [term, weight] : prepared[i].vector.entries())
        if (df.frequency(term) <= common) terms_[term].emplace_back(id, weight);
      for (const auto& key : prepared[i].place_keys)
        for (const auto& part : place_parts(key)) places_[part].push_back(id);
      for (uint64_t a : prepared[i].anchors) anchors_[a].push_back(id);
    }
    for (auto& [part, ids] : places_) sort_unique(ids);
  }

  // Calls visit(j, partial_dot, flagged) for each candidate j > i.
  template <typename Visit>
  void for_each_candidate(const Prepared& p, uint32_t i, Visit visit) {
    for (const auto& [term, weight] : p.vector.entries()) {
      auto it = terms_.find(term);
      if (it == terms_.end()) continue;
      for (const auto& [j, w] : it->second)
        if (j > i) dot_[touch(j)] += weight * w;
    }
    for (const auto& key : p.place_keys) {
      for (const auto& part : place_parts(key)) {
        auto it = places_.find(part);
        if (it == places_.end() || it->second.size() > kLongestPlacePosting) continue;
        for (uint32_t j : it->second)
          if (j > i) flagged_[touch(j)] = 1;
      }
    }
    for (uint64_t a : p.anchors)
      for (uint32_t j : anchors_[a])
        if (j > i) flagged_[touch(j)] = 1;
    for (uint32_t j : touched_) {
      visit(j, dot_[j], flagged_[j] != 0);
      dot_[j] = 0.0f;
      flagged_[j] = 0;
      seen_[j] = 0;
    }
    touched_.clear();
  }

 private:
  uint32_t touch(uint32_t j) {
    if (seen_.size() < dot_.size()) seen_.assign(dot_.size(), 0);
    if (!seen_[j]) {
      seen_[j] = 1;
      touched_.push_back(j);
    }
    return j;
  }

  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> terms_;
  std::unordered_map<std::string, std::vector<uint32_t>> places_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> anchors_;
  std::vector<float> dot_;
  std::vector<uint8_t> flagged_, seen_;
  std::vector<uint32_t> touched_;
};

// Links every pair of messages close in time that same_issue() accepts. A pair found only by
// its bigrams is decided on the full cosine once the partial dot product gets half-way to the
// lowest bar.
void link_issues(const std::vector<Prepared>& prepared, const std::vector<CitizenMessage>& messages,
                 const DocumentFrequency& df, const HotIssueOptions& options, DisjointSets& sets) {
  PairFinder finder(prepared, df);
  const int64_t window = int64_t{options.window_days} * kDay;
  const double lowest =
      std::min({options.place_similarity, options.matter_similarity, options.distinct_places});
  for (size_t i = 0; i < prepared.size(); ++i) {
    const auto& a = prepared[i];
    int64_t time = messages[a.message].time;
    finder.for_each_candidate(
        a, static_cast<uint32_t>(i), [&](uint32_t j, float dot, bool flagged) {
          const auto& b = prepared[j];
          if (std::abs(time - messages[b.message].time) > window) return;
          if (!flagged && dot < 0.5 * lowest) return;
          if (same_issue(a, b, TermVector::cosine(a.vector, b.vector), options)) sets.unite(i, j);
        });
  }
}

size_t medoid(const std::vector<size_t>& members, const std::vector<Prepared>& prepared) {
  size_t sample = std::min(members.size(), kMedoidSample);
  size_t best = members.front();
  double best_sum = -1;
  for (size_t a = 0; a < sample; ++a) {
    double sum = 0;
    for (size_t b = 0; b < sample; ++b)
      if (a != b)
        sum += TermVector::cosine(prepared[members[a]].vector, prepared[members[b]].vector);
    if (sum > best_sum) {
      best_sum = sum;
      best = members[a];
    }
  }
  return best;
}

// The value named most often (the first to reach that count on a tie) and its count.
std::pair<std::string, size_t> most_common(const std::vector<std::string>& values) {
  std::map<std::string, size_t> count;
  std::pair<std::string, size_t> best{"", 0};
  for (const auto& v : values)
    if (++count[v] > best.second) best = {v, count[v]};
  return best;
}

// Divisions and the place most members name; a place named by fewer than a fifth of the members
// describes a few of them, not the issue, and is left out.
std::string describe_place(const std::vector<size_t>& members,
                           const std::vector<Prepared>& prepared) {
  std::vector<std::string> keys, cities, districts;
  for (size_t m : members) {
    for (const auto& p : prepared[m].places) keys.push_back(p.key);
    cities.insert(cities.end(), prepared[m].cities.begin(), prepared[m].cities.end());
    districts.insert(districts.end(), prepared[m].districts.begin(), prepared[m].districts.end());
  }
  std::string place = most_common(cities).first + most_common(districts).first;
  auto [key, count] = most_common(keys);
  if (count == 0 || count * 5 < members.size()) return place;
  std::vector<std::string> names;
  for (size_t m : members)
    for (const auto& p : prepared[m].places)
      if (p.key == key) names.push_back(p.name);
  return place + (place.empty() ? "" : " ") + most_common(names).first;
}

// `subject` is normalised (Prepared::subject). The title goes on leaders' screens and into reports,
// so the personal numbers a citizen wrote in it (a mobile, an ID number), the door of an address
// and a name given are masked, as in every text that leaves for analytics.
std::string short_title(const std::string& subject) {
  constexpr size_t kLongest = 40;  // characters
  std::u32string s = decode_utf8(mask_for_export(subject));
  if (s.size() > kLongest) s = s.substr(0, kLongest - 1) + U"…";
  return to_utf8(s);
}

HotIssue summarise(const std::vector<size_t>& members, const std::vector<Prepared>& prepared,
                   const std::vector<CitizenMessage>& messages) {
  HotIssue issue;
  std::unordered_set<std::string> requesters;
  size_t anonymous = 0;
  std::vector<std::pair<int64_t, int64_t>> by_time;
  for (size_t m : members) {
    const auto& msg = messages[prepared[m].message];
    if (msg.requester.empty())
      ++anonymous;
    else
      requesters.insert(msg.requester);
    issue.likes += std::max<int64_t>(msg.likes, 0);
    by_time.emplace_back(msg.time, msg.id);
  }
  std::sort(by_time.begin(), by_time.end());
  for (const auto& [time, id] : by_time) issue.members.push_back(id);
  issue.messages = members.size();
  issue.requesters = requesters.size() + anonymous;
  issue.first_time = by_time.front().first;
  issue.last_time = by_time.back().first;
  issue.heat = heat_index(issue.messages, issue.requesters, issue.likes,
                          static_cast<double>(issue.last_time - issue.first_time) / kDay);
  return issue;
}

}  // namespace

double heat_index(size_t messages, size_t requesters, int64_t likes, double span_days) {
  // Many people raising a matter weighs most; the same person writing again adds less; a like is
  // a one-click agreement and is damped harder; a burst is hotter than the same count over years.
  double volume = 2.0 * std::log1p(static_cast<double>(requesters)) +
                  std::log1p(static_cast<double>(messages)) +
                  0.5 * std::log1p(static_cast<double>(std::max<int64_t>(likes, 0)));
  double spread = std::pow(1.0 + std::max(span_days, 0.0) / 30.0, -0.25);
  return 10.0 * volume * spread;
}

HotIssueReport find_hot_issues(const std::vector<CitizenMessage>& messages,
                               const HotIssueOptions& options) {
  HotIssueReport report;
  report.messages = messages.size();
  std::vector<Prepared> prepared;
  std::vector<std::vector<uint64_t>> subject_terms, body_terms;
  DocumentFrequency df;
  for (size_t i = 0; i < messages.size(); ++i) {
    Prepared p;
    std::vector<uint64_t> s, b;
    if (!prepare(messages[i], i, p, s, b)) {
      report.unreadable.push_back(messages[i].id);
      continue;
    }
    std::vector<uint64_t> all = s;
    all.insert(all.end(), b.begin(), b.end());
    df.add_document(all);
    prepared.push_back(std::move(p));
    subject_terms.push_back(std::move(s));
    body_terms.push_back(std::move(b));
  }
  for (size_t i = 0; i < prepared.size(); ++i) {
    // The subject is the citizen's own summary of the matter: it counts twice.
    prepared[i].vector.add_terms(subject_terms[i], 2.0);
    prepared[i].vector.add_terms(body_terms[i], 1.0);
    prepared[i].vector.finish(&df);
  }
  if (prepared.empty()) return report;

  keep_rare_anchors(prepared);
  DisjointSets sets(prepared.size());
  link_issues(prepared, messages, df, options, sets);
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < prepared.size(); ++i) groups[sets.find(i)].push_back(i);
  report.groups = groups.size();

  std::vector<std::pair<HotIssue, const std::vector<size_t>*>> issues;
  for (const auto& [root, members] : groups)
    issues.emplace_back(summarise(members, prepared, messages), &members);
  std::sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
    return a.first.heat != b.first.heat ? a.first.heat > b.first.heat
                                        : a.first.members.front() < b.first.members.front();
  });
  if (issues.size() > options.top) issues.resize(options.top);
  for (auto& [issue, members] : issues) {
    issue.title = short_title(prepared[medoid(*members, prepared)].subject);
    issue.place = describe_place(*members, prepared);
    report.issues.push_back(std::move(issue));
  }
  return report;
}

}  // namespace shegong::text
