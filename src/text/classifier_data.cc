#include "text/classifier_data.h"

#include <algorithm>

#include "base/csv.h"
#include "text/label.h"

namespace shegong::text {

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

size_t column_of(const std::vector<std::string>& header, const std::string& name) {
  return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

}  // namespace

Result<Relabelling> parse_relabelling(const std::vector<std::string>& specs) {
  Relabelling relabel;
  for (const auto& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos) return Invalid("relabel", "\"" + spec + "\" is not FROM=TO");
    std::string from = spec.substr(0, eq), to = spec.substr(eq + 1);
    if (from.empty() || to.empty())
      return Invalid("relabel", "\"" + spec + "\" has an empty label on one side of '='");
    if (const std::string problem = label_problem(to); !problem.empty())
      return Invalid("relabel", "\"" + spec + "\": the new label " + problem);
    if (!relabel.emplace(std::move(from), std::move(to)).second)
      return Invalid("relabel", "\"" + spec.substr(0, eq) + "\" is renamed more than once");
  }
  return relabel;
}

Result<LabelledData> parse_labelled_csv(std::string_view csv, const std::string& name,
                                        const LabelledSource& source) {
  CsvReader reader(csv);
  std::vector<std::string> header;
  if (!reader.next(header)) return Invalid("data", name + ": no header row");
  if (!header.empty() && header[0].starts_with("\xEF\xBB\xBF")) header[0].erase(0, 3);  // BOM
  const size_t label = column_of(header, source.label_column);
  if (label == header.size())
    return Invalid("label-column", name + " has no column \"" + source.label_column +
                                       "\" (it has: " + join(header) + ")");
  std::vector<size_t> text;
  for (const auto& column : source.text_columns)
    if (size_t i = column_of(header, column); i < header.size()) text.push_back(i);
  if (text.empty())
    return Invalid("text-column", name + " has none of the text columns " +
                                      join(source.text_columns) + " (it has: " + join(header) +
                                      ")");
  LabelledData data;
  for (const auto& [from, to] : source.relabel) data.renamed[from] = 0;
  std::vector<std::string> row;
  while (reader.next(row)) {
    if (row.size() == 1 && row[0].empty()) continue;  // blank line
    const std::string where = name + ":" + std::to_string(reader.line());
    if (row.size() != header.size())
      return Invalid("data", where + ": " + std::to_string(row.size()) +
                                 " fields, the header has " + std::to_string(header.size()));
    if (row[label].empty()) {
      ++data.skipped;
      continue;
    }
    LabelledText item{"", row[label], where};
    if (auto renamed = source.relabel.find(item.label); renamed != source.relabel.end()) {
      item.label = renamed->second;
      ++data.renamed[renamed->first];
    }
    for (size_t i : text) {
      if (!item.text.empty() && !row[i].empty()) item.text += ' ';
      item.text += row[i];
    }
    data.texts.push_back(std::move(item));
  }
  if (!reader.status().ok()) return Invalid("data", name + ": " + reader.status().message());
  return data;
}

Result<LabelledData> read_labelled_csv(const std::vector<std::string>& paths,
                                       const LabelledSource& source) {
  LabelledData all;
  for (const auto& path : paths) {
    auto csv = read_file(path);
    if (!csv.ok()) return Status(Code::kNotFound, csv.status().message(), "data");
    auto data = parse_labelled_csv(*csv, path, source);
    if (!data.ok()) return data.status();
    all.skipped += data->skipped;
    for (const auto& [from, rows] : data->renamed) all.renamed[from] += rows;
    for (auto& text : data->texts) all.texts.push_back(std::move(text));
  }
  return all;
}

}  // namespace shegong::text
