// Special collections (专项征集): a collecting organ asks the public for suggestions on one topic,
// publishing the topic, how to submit and the collection period (上海市人民建议征集若干规定 Art.
// 8; DOMAIN.md item 67). A suggestion sent after the closing date is kept and marked late; one
// sent before the opening date is refused. The results are published collectively, which is the
// feedback to every suggestion of the collection that has been evaluated (Art. 12; item 66).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/clock.h"
#include "cases/engine.h"
#include "db/db.h"

namespace shegong::suggestions {

struct Collection {
  int64_t id = 0;
  std::string region_code;  // the collecting unit's area
  int64_t unit_id = 0;      // the collecting unit, which holds the suggestions sent to it
  std::string topic;
  std::string description;        // what is asked, and why
  std::string submission_method;  // how to submit, as published
  Date opens_on, closes_on;       // China dates, both included
  std::string results;            // the collective publication; "" until made
  int64_t results_published_at_ms = 0;
  std::string created_by;
  int64_t created_at_ms = 0;
};

struct NewCollection {
  int64_t unit_id = 0;
  std::string topic, description, submission_method;
  std::optional<Date> opens_on;  // today when absent
  std::optional<Date> closes_on;
};

// Stores a collection of `unit_id`, which must be an active unit; errors name the field. Audited.
Result<Collection> create_collection(db::Session& s, const Clock& clock, const NewCollection& c,
                                     const std::string& actor);
Result<std::optional<Collection>> find_collection(db::Session& s, int64_t id);
struct CollectionQuery {
  std::string region;     // the collections of the areas within it ("" for all) ...
  bool covering = false;  // ... and of the areas above it (what a citizen of that place may answer)
  std::optional<Date> open_on;    // only those open on that day
  std::optional<Date> opened_by;  // only those that opened by that day (published)
  int limit = 200;
};
// The latest closing first.
Result<std::vector<Collection>> list_collections(db::Session& s, const CollectionQuery& q);

// Where a suggestion received on `day` stands against the collection's period.
enum class Timing { kNotOpen, kOpen, kLate };
Timing timing(const Collection& c, Date day);

// How many suggestions a collection holds, and how many of those came late.
struct Submissions {
  int64_t total = 0;
  int64_t late = 0;
};
Result<Submissions> submissions(db::Session& s, int64_t collection_id);

// Publishes the results of a closed collection once (a 409 naming "results" otherwise) and
// answers every suggestion of it that waits for feedback (state evaluated) with the publication,
// as `actor` of the collecting unit. Returns how many suggestions it answered.
Result<int64_t> publish_results(db::Session& s, cases::Engine& engine, int64_t collection_id,
                                const std::string& results, const auth::Principal& actor);

}  // namespace shegong::suggestions
