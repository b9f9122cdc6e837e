// What the text module adds to intake and dispatch (both optional — without a model the hotline
// works from its dispatch rules alone):
//   - suggestions for the dispatcher: the classifier's three likeliest categories, each with the
//     unit the dispatch rules name for it (else the district government);
//   - the repeat check (重复诉求): the same requester raising the same matter again, found by the
//     near-duplicate index over recent orders, never by exact text alone.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "cases/case_record.h"
#include "db/db.h"
#include "text/classifier.h"
#include "text/near_duplicates.h"

namespace shegong::hotline {

struct CategorySuggestion {
  std::string category;  // a taxonomy code when the label is one, else the model's label
  double confidence = 0;
  bool in_taxonomy = false;
};

struct UnitSuggestion {
  int64_t unit_id = 0;
  std::string name;
  std::string category;  // the suggestion it follows from
  std::string via;       // "rule" or "district"
};

struct DispatchSuggestions {
  std::vector<CategorySuggestion> categories;
  std::vector<UnitSuggestion> units;  // distinct units, in the order of the categories
};

Result<DispatchSuggestions> suggest_dispatch(db::Session& s, const text::Classifier* classifier,
                                             const cases::CaseRecord& order);
// The same from category predictions made earlier (the classifier's top 3), so that the
// classifier can run before the transaction that looks up the rules.
Result<DispatchSuggestions> suggest_dispatch(db::Session& s,
                                             const std::vector<text::Prediction>& predicted,
                                             const cases::CaseRecord& order);

// The near-duplicate index of recent orders behind a lock: any number of readers, one writer.
class RepeatDetector {
 public:
  // The similarity above which a message is the same matter (estimated Jaccard of shingles).
  static constexpr double kSameMatter = 0.5;
  // Other requesters of the same matter are counted up to this many on a repeat.
  static constexpr size_t kOthersCounted = 100;

  // Indexes the orders received since `since_ms` (subject and content).
  Status load(db::Db& db, int64_t since_ms);
  Result<text::RepeatFinding> check(std::string_view requester, std::string_view text) const;
  void add(int64_t id, std::string_view requester, std::string_view text);
  Result<std::vector<text::SimilarMessage>> similar(std::string_view text, size_t k) const;
  size_t size() const;

 private:
  mutable std::shared_mutex mu_;
  text::NearDuplicateIndex index_;
};

// The category model a server runs with, replaceable while it serves, so that a retrained model
// goes live without a restart: a request takes the current model and keeps it until it is done
// with it, and a replacement waits for no request. Empty until a model is put in.
class CategoryModel {
 public:
  // `path`: the file the model comes from and is reloaded from.
  explicit CategoryModel(std::string path = "") : path_(std::move(path)) {}
  std::shared_ptr<const text::Classifier> current() const;
  void replace(std::shared_ptr<const text::Classifier> model);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  mutable std::mutex mu_;
  std::shared_ptr<const text::Classifier> model_;
};

// The text aids a server runs with; either part may be absent.
struct TextAids {
  CategoryModel* model = nullptr;
  RepeatDetector* repeats = nullptr;
};

// The text a repeat check and a classifier read: subject, then content.
std::string order_text(const cases::CaseRecord& order);

}  // namespace shegong::hotline
