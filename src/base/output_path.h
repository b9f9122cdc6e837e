// The file a command writes must not be one it reads or one that holds stored data: `--out` given
// the database or a `--data` file by mistake would replace it whole. Checked before any work, so
// that a refused command changes nothing.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace shegong {

// The database file and the journals SQLite keeps beside it (-wal, -shm, -journal).
std::vector<std::string> database_files(const std::string& db_path);

// True when `a` and `b` name the same file: the same path once ".", ".." and links are resolved,
// whether it exists or not, or one existing file under two names.
bool same_file(const std::string& a, const std::string& b);

// Ok when `out` may be written (created or replaced). Refused, with errors naming `field`: a
// folder; one of `inputs`, by name (whether it exists or not) or as the same file under another
// name; an existing SQLite database or write-ahead log, whatever it is called.
Status check_output_path(const std::string& out, const std::vector<std::string>& inputs,
                         const std::string& field);

}  // namespace shegong
