// A zip archive built in memory. Office Open XML files (.docx, .xlsx) are zip packages of XML
// parts; this writes one without touching the disk.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace shegong::documents {

struct ZipEntry {
  std::string name;  // path inside the archive, '/'-separated, e.g. "word/document.xml"
  std::string data;
};

// The bytes of a deflate-compressed archive holding `entries` in order. Errors from libzip come
// back as Internal.
Result<std::string> zip_archive(const std::vector<ZipEntry>& entries);

}  // namespace shegong::documents
