#include "documents/zip_archive.h"

#include <zip.h>

#include <memory>

namespace shegong::documents {

namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

Status zip_failure(const std::string& what, zip_error_t* error) {
  return Internal("zip: " + what + ": " + zip_error_strerror(error));
}

// Adds every entry; on failure the archive is left open for the caller to discard.
Status add_entries(zip_t* archive, const std::vector<ZipEntry>& entries) {
  for (const ZipEntry& entry : entries) {
    // The entry's bytes stay alive until zip_close, so libzip may borrow them (freep = 0).
    zip_source_t* part = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    if (part == nullptr) return zip_failure("buffer for " + entry.name, zip_get_error(archive));
    if (zip_file_add(archive, entry.name.c_str(), part, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(part);
      return zip_failure("add " + entry.name, zip_get_error(archive));
    }
  }
  return Status::Ok();
}

Result<std::string> read_all(zip_source_t* source) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(source, &stat) < 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    return zip_failure("size of archive", zip_source_error(source));
  }
  std::string bytes(stat.size, '\0');
  if (zip_source_open(source) < 0) return zip_failure("reopen archive", zip_source_error(source));
  zip_int64_t read = zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return zip_failure("read archive", zip_source_error(source));
  }
  return bytes;
}

}  // namespace

Result<std::string> zip_archive(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr source(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (source == nullptr) {
    Status status = zip_failure("create buffer", &error);
    zip_error_fini(&error);
    return status;
  }
  zip_t* archive = zip_open_from_source(source.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status status = zip_failure("open buffer", &error);
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  // The archive takes ownership of the source and would free it on close; keep it to read back.
  zip_source_keep(source.get());
  Status added = add_entries(archive, entries);
  if (!added.ok()) {
    zip_discard(archive);
    return added;
  }
  if (zip_close(archive) < 0) {
    Status status = zip_failure("close", zip_get_error(archive));
    zip_discard(archive);
    return status;
  }
  return read_all(source.get());
}

}  // namespace shegong::documents
