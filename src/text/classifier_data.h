// Labelled texts from CSV files (header row first), for training and evaluating the classifier.
//
// Each file may name its text differently (a word-list file has "tokens", a message export has
// "subject" and "body"), so the caller lists every text column it accepts: a file contributes the
// listed columns it has, joined with a space in the order listed. A file with none of them, or
// without the label column, is an error naming the file and the columns it does have. Rows whose
// label is empty are skipped and counted (an export may hold unlabelled messages).
//
// Labels can be renamed as rows are read (FROM=TO), so that data labelled in another taxonomy
// trains or is scored under the product's names: the reference messages say 卫生计生 where the
// taxonomy has 卫生健康. Each label is renamed at most once (A=B,B=C does not turn A into C).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/classifier.h"

namespace shegong::text {

// FROM → TO.
using Relabelling = std::map<std::string, std::string>;

// Parses "FROM=TO" specs; errors (field "relabel") for a spec without '=', an empty side, a TO
// that cannot be a label (text/label.h) and a FROM given twice.
Result<Relabelling> parse_relabelling(const std::vector<std::string>& specs);

struct LabelledSource {
  std::vector<std::string> text_columns;
  std::string label_column;
  Relabelling relabel;
};

struct LabelledData {
  std::vector<LabelledText> texts;
  size_t skipped = 0;                     // rows without a label
  std::map<std::string, size_t> renamed;  // per FROM of the relabelling, rows renamed (0 included)
};

// Parses one CSV document; `name` is used in sources ("name:line") and messages.
Result<LabelledData> parse_labelled_csv(std::string_view csv, const std::string& name,
                                        const LabelledSource& source);

// Reads and parses every file, in order, into one set.
Result<LabelledData> read_labelled_csv(const std::vector<std::string>& paths,
                                       const LabelledSource& source);

}  // namespace shegong::text
