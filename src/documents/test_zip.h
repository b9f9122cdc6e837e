// For tests: reading back the zip packages (.docx, .xlsx) the product writes.
#pragma once

#include <zip.h>

#include <optional>
#include <string>

namespace shegong::documents {

// The bytes of one entry of an in-memory zip archive, or nothing if the archive does not open or
// lacks the entry.
inline std::optional<std::string> zip_entry(const std::string& archive_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(archive_bytes.data(), archive_bytes.size(), 0, &error);
  if (source == nullptr) return std::nullopt;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  std::optional<std::string> data;
  zip_stat_t stat;
  zip_file_t* file = nullptr;
  if (zip_stat(archive, name, 0, &stat) == 0 && (file = zip_fopen(archive, name, 0)) != nullptr) {
    std::string bytes(stat.size, '\0');
    if (zip_fread(file, bytes.data(), bytes.size()) == static_cast<zip_int64_t>(stat.size)) {
      data = std::move(bytes);
    }
    zip_fclose(file);
  }
  zip_discard(archive);  // read-only: closing would write nothing; discard also frees the source
  return data;
}

}  // namespace shegong::documents
