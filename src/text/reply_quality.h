// Quality of a department's reply (答复) to a citizen's message, on three axes, each 0 to 1:
//
//   relevance     does the reply speak of the matter raised: idf-weighted bigram cosine of
//                 message and reply, the share of the subject's bigrams the reply covers, and the
//                 named places it mentions again;
//   completeness  does it answer (what was found, what was done or will be done), give its basis
//                 (a law, regulation or policy, 《...》, 第…条) and the next step or a contact
//                 (what to do, where to go, a telephone number) — found by cue phrases;
//   timeliness    how long the citizen waited, against the 15-day and 60-day limits of the
//                 信访工作条例 (to say whether a matter is taken up, and to handle it).
//
// The overall score weighs them 0.3 / 0.5 / 0.2: a fast, on-topic reply that answers nothing is
// still a weak reply. The exact rules and the distribution over the published replies:
// docs/reply-quality.md. Cue phrases are rules, not a model; they reward what a good reply
// contains, and a reply can game them, so the score ranks replies for human review, it does not
// grade departments on its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/shingles.h"

namespace shegong::text {

struct RepliedMessage {
  int64_t id = 0;
  std::string subject;
  std::string body;
  std::string reply;
  int64_t time = 0;        // message sent, seconds since the epoch
  int64_t reply_time = 0;  // reply sent, same clock
};

struct ReplyScore {
  int64_t id = 0;
  double relevance = 0;
  double answer = 0;     // findings, actions, outcome or plan
  double basis = 0;      // laws, regulations, policies cited
  double next_step = 0;  // what the citizen can do next, or whom to contact
  double completeness = 0;
  double timeliness = 0;
  double delay_days = 0;
  double overall = 0;
  std::vector<std::string> weaknesses;  // short reasons, e.g. "no basis cited"
};

struct ReplyScoringOptions {
  double prompt_days = 15;  // full timeliness up to here
  double limit_days = 60;   // timeliness 0.5 here, falling to 0 at 3 * limit_days
};

class ReplyScorer {
 public:
  // `df`: document frequencies of the collection the replies come from (messages and replies),
  // so that boilerplate every reply shares ("您好", "感谢您") weighs little. May be null.
  explicit ReplyScorer(const DocumentFrequency* df = nullptr, ReplyScoringOptions options = {});

  // Errors (field "body", "subject" or "reply"): invalid UTF-8. An empty reply scores 0 with
  // the weakness "no reply"; a reply dated before its message is an error (field "reply_time").
  Result<ReplyScore> score(const RepliedMessage& message) const;

 private:
  double relevance(const std::string& subject, const std::string& body,
                   const std::string& reply) const;
  const DocumentFrequency* df_;
  ReplyScoringOptions options_;
};

// Bigrams of normalised text, for building the DocumentFrequency a ReplyScorer reads.
std::vector<uint64_t> reply_terms(std::string_view text);

struct Quantiles {
  double mean = 0, p10 = 0, p25 = 0, median = 0, p75 = 0, p90 = 0;
};
Quantiles quantiles(std::vector<double> values);

struct ReplyReport {
  std::vector<ReplyScore> scores;                         // in input order
  std::vector<std::pair<int64_t, std::string>> unscored;  // id and reason
  Quantiles relevance, completeness, timeliness, overall, delay_days;
  std::vector<size_t> histogram;  // overall score in ten bins: [0, 0.1), ..., [0.9, 1]
  std::vector<std::pair<std::string, size_t>> weaknesses;  // how many replies show each, most first
};

// Scores every reply with document frequencies learnt from the same collection.
ReplyReport score_replies(const std::vector<RepliedMessage>& messages,
                          ReplyScoringOptions options = {});

}  // namespace shegong::text
