// libFuzzer target: CsvReader on arbitrary bytes never crashes, and what it reads survives a round
// trip: the records written back with append_csv_record read again as the same records. Built and
// run for a bounded time by bench/fuzz/run.sh (make bench).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  shegong::CsvReader reader(input);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  size_t last_line = 0;
  while (reader.next(fields)) {
    if (reader.line() <= last_line) std::abort();  // records start on later and later lines
    last_line = reader.line();
    records.push_back(fields);
  }
  // Only an unclosed quote is an error, and only at the end of the input.
  if (!reader.status().ok() && input.find('"') == std::string_view::npos) std::abort();

  std::string written;
  for (const auto& record : records) {
    shegong::append_csv_record(written,
                               std::vector<std::string_view>(record.begin(), record.end()));
  }
  shegong::CsvReader again(written);
  size_t n = 0;
  while (again.next(fields)) {
    if (n >= records.size() || fields != records[n]) std::abort();
    ++n;
  }
  if (!again.status().ok() || n != records.size()) std::abort();
  return 0;
}
