// Hot issues (热点问题): messages grouped by matter, place and time, ranked by a heat index.
//
// Two messages are about the same issue when they were sent within `window_days` of each other
// and their texts are similar enough; how similar depends on what else they share. A shared spot
// (estate, school, village: text/places.h) with the same kind of matter (text/hot_matters.h), or
// a shared rare phrase of the subjects (58车贷) with the same kind of matter, needs little textual
// agreement; a shared road or town needs more; two different named places (or districts) need
// near-identical texts, because the same complaint about two estates is two issues. Textual
// agreement is the cosine of idf-weighted character-bigram vectors of subject and body. Groups
// are the connected components of that relation, so an issue that keeps being raised every few
// weeks stays one issue.
//
// Pure and in memory: the caller reads the messages (the CLI reads a CSV export). The heat
// index, the exact rules and the measured top five on the published data: docs/hot-issues.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shegong::text {

struct CitizenMessage {
  int64_t id = 0;
  std::string requester;  // who sent it; empty when unknown
  std::string subject;
  std::string body;
  int64_t time = 0;  // seconds since the epoch
  int64_t likes = 0;
};

struct HotIssueOptions {
  int window_days = 60;
  double matter_similarity = 0.45;  // neither names a place, or only one does
  double place_similarity = 0.25;   // both name the same place
  double distinct_places = 0.75;    // both name places and none is shared
  // Least similarity for two messages that share a spot (estate, school, village) or a rare
  // phrase of their subjects and whose matters the lexicon (text/hot_matters.h) sees as the same.
  double matter_floor = 0.1;
  size_t top = 10;
};

struct HotIssue {
  std::string title;  // the subject of the most central message, personal numbers masked
  std::string place;  // the most named place, with its division (A市A5区 魅力之城小区)
  int64_t first_time = 0;
  int64_t last_time = 0;
  size_t messages = 0;
  size_t requesters = 0;  // distinct; a message with no requester counts as its own
  int64_t likes = 0;
  double heat = 0;
  std::vector<int64_t> members;  // ids, oldest first
};

struct HotIssueReport {
  std::vector<HotIssue> issues;     // hottest first, at most options.top
  size_t messages = 0;              // read
  size_t groups = 0;                // issues found before the cut to `top`
  std::vector<int64_t> unreadable;  // ids left out: invalid UTF-8
};

// The heat of a group: see docs/hot-issues.md. `span_days` is last minus first, >= 0.
double heat_index(size_t messages, size_t requesters, int64_t likes, double span_days);

HotIssueReport find_hot_issues(const std::vector<CitizenMessage>& messages,
                               const HotIssueOptions& options);

}  // namespace shegong::text
