// shegong copy: a whole database into a new one on either engine. The trial that started on the
// embedded SQLite file moves to PostgreSQL for production with its users, orders, petitions and
// audit chain; a PostgreSQL database goes into one SQLite file to be examined elsewhere.
//
// The copy is only useful if it opens: the personal data stays sealed with the source's key, so
// the command checks that the key it finds (SHEGONG_KEY, else the source's shegong.key) opens the
// source's sealed values before it writes anything, and gives an SQLite copy that key beside it.
// The destination must be new (an SQLite file that does not exist, or a PostgreSQL database with
// no audit record), is migrated to this build's schema and receives every row in one transaction,
// with one more audit record for the copy; the whole chain is verified in that transaction, before
// the commit. An SQLite copy gets its name only once it is whole.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "cli/commands.h"
#include "cli/subcommands.h"
#include "db/catalog.h"
#include "db/copy.h"
#include "db/migrations.h"

namespace shegong::cli {

namespace {

namespace fs = std::filesystem;

struct CopyArgs {
  std::string from = "var/shegong.db";
  std::string to;
};

Status about(const Status& st, const std::string& field) {
  return Status(st.code(), st.message(), field);
}

// The source, opened as it is; it must be at this build's schema version, like the destination
// will be.
Result<ExistingDb> open_source(const std::string& from) {
  auto source = open_existing(from);
  if (!source.ok()) return about(source.status(), "from");
  const int found = source->schema_version, expected = expected_schema_version();
  if (found < expected) {
    return Invalid("from", "it is at schema version " + std::to_string(found) +
                               ", this shegong at " + std::to_string(expected) +
                               "; upgrade it first with `shegong migrate --db " + from + "`");
  }
  if (found > expected) {
    return Invalid("from", "it is at schema version " + std::to_string(found) +
                               ", newer than this shegong's " + std::to_string(expected) +
                               "; copy it with the shegong that wrote it");
  }
  return source;
}

std::string key_origin(const std::string& from) {
  return key_in_environment() ? "SHEGONG_KEY" : key_file_of(from);
}

// The key the source's personal data is sealed with, checked on one sealed value of every column
// that holds them (their names end in _sealed).
Result<crypto::Key> source_key(const std::string& from, db::Db& source) {
  auto key = crypto::load_key(is_postgres(from) ? std::string() : key_file_of(from));
  if (!key.ok() && key.status().field() == "SHEGONG_KEY") return key.status();
  if (!key.ok()) return about(key.status(), "from");
  if (!key->has_value()) {
    return Invalid("from", is_postgres(from)
                               ? "a PostgreSQL database's data key comes from SHEGONG_KEY; set it "
                                 "to the key the database is served with"
                               : "its key file " + key_file_of(from) +
                                     " is missing and SHEGONG_KEY is unset: without the key the "
                                     "copy's personal data could not be read");
  }
  auto tables = db::read_catalog(source);
  if (!tables.ok()) return about(tables.status(), "from");
  const crypto::SecretBox box(**key);
  Status st = source.read([&](db::Session& s) -> Status {
    for (const db::TableInfo& t : *tables) {
      for (const db::Column& c : t.columns) {
        if (!c.name.ends_with("_sealed")) continue;
        auto one = s.query("SELECT \"" + c.name + "\" FROM \"" + t.name + "\" WHERE \"" + c.name +
                           "\" IS NOT NULL LIMIT 1");
        if (!one.ok()) return one.status();
        if (one->empty()) continue;
        const auto* sealed = std::get_if<db::Blob>(&(*one)[0].at(0));
        if (sealed != nullptr && box.open(sealed->bytes).ok()) continue;
        return Invalid("from", "the data key from " + key_origin(from) +
                                   " does not open its personal data (" + t.name + "." + c.name +
                                   "): name the key it is served with (SHEGONG_KEY, or "
                                   "shegong.key beside an SQLite file)");
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return about(st, st.field().empty() ? "from" : st.field());
  return **key;
}

// A destination that has an audit record was used, and is not overwritten: the chain is
// append-only, and the copy brings the source's chain from its first row on. Even `shegong migrate`
// or a server's start records the schema it made.
Status must_be_unused(db::Session& s) {
  auto rows = s.query(
      "SELECT count(*), coalesce(sum(CASE WHEN action = 'schema.migrate' THEN 1 ELSE 0 END), 0) "
      "FROM audit_log");
  if (!rows.ok()) return rows.status();
  const int64_t held = (*rows)[0].integer(0), schema = (*rows)[0].integer(1);
  if (held == 0) return Status::Ok();
  if (held == schema) {
    return Conflict("it was set up by `shegong migrate` or a server's start (" +
                        std::to_string(held) +
                        " audit records of its schema), and an audit chain cannot be emptied: "
                        "copy into a new, empty database (createdb); the copy makes the schema",
                    "to");
  }
  return Conflict("it holds data of its own (" + std::to_string(held) +
                      " audit records); copy into a new database",
                  "to");
}

// The destination's checks that need no connection, and the key it will be served with. An SQLite
// file gets the source's key in shegong.key beside it (written when missing, which `written_key`
// reports), so that it opens wherever it is taken, with SHEGONG_KEY or without.
Status prepare_destination(const CopyArgs& args, const crypto::Key& key, bool& written_key) {
  written_key = false;
  if (is_postgres(args.to)) {
    if (args.to == args.from) return Invalid("to", "is the source database");
    if (key_origin(args.from) != "SHEGONG_KEY") {
      return Invalid("to",
                     "a PostgreSQL database takes its data key from SHEGONG_KEY: set it to the "
                     "key in " +
                         key_file_of(args.from) + " (SHEGONG_KEY=$(cat " + key_file_of(args.from) +
                         ")), and serve the copy with it");
    }
    return Status::Ok();
  }
  SHEGONG_RETURN_IF_ERROR(check_new_database_file(args.from, args.to, "copy"));
  const std::string key_file = key_file_of(args.to);
  auto existing = crypto::read_key_file(key_file);
  if (!existing.ok()) return about(existing.status(), "to");
  if (existing->has_value()) {
    if (**existing != key) {
      return Invalid("to",
                     key_file + " holds the key of another database; copy into another folder");
    }
    return Status::Ok();
  }
  SHEGONG_RETURN_IF_ERROR(about(crypto::write_key_file(key_file, key), "to"));
  written_key = true;
  return Status::Ok();
}

// Where the rows are written: a PostgreSQL destination itself; for an SQLite file a name of its
// own beside it, moved to the destination's name once the copy is whole, so that a copy cut short
// (a crash, a kill) never leaves a file that could be taken for the copy.
std::string working_name(const CopyArgs& args) {
  return is_postgres(args.to) ? args.to : args.to + ".partial-" + std::to_string(::getpid());
}

void remove_sqlite_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

// A destination that holds no shegong schema must hold nothing: migrating a database of another
// application would mix shegong's tables and functions into it.
Status must_be_empty_or_shegong(db::Db& to) {
  auto version = db::schema_version(to);
  if (!version.ok()) return about(version.status(), "to");
  if (*version > 0) return Status::Ok();
  auto tables = db::read_catalog(to);
  if (!tables.ok()) return about(tables.status(), "to");
  if (tables->empty()) return Status::Ok();
  std::string names;
  for (size_t i = 0; i < tables->size() && i < 5; ++i) names += (i ? ", " : "") + (*tables)[i].name;
  if (tables->size() > 5) names += ", ...";
  return Invalid("to", "it holds tables that are not shegong's (" + names +
                           "); copy into a new, empty database (createdb)");
}

Result<db::CopyReport> copy_into(const CopyArgs& args, const std::string& into, db::Db& source,
                                 int schema) {
  auto destination = open_engine(into, 2);
  if (!destination.ok()) return about(destination.status(), "to");
  db::Db& to = **destination;
  SHEGONG_RETURN_IF_ERROR(must_be_empty_or_shegong(to));
  if (auto has_log = db::has_table(to, "audit_log"); !has_log.ok()) {
    return about(has_log.status(), "to");
  } else if (*has_log) {
    SHEGONG_RETURN_IF_ERROR(to.read(must_be_unused));
  }
  auto migrated = db::migrate(to, SystemClock::instance());
  if (!migrated.ok()) return about(migrated.status(), "to");
  db::CopyOptions options;
  options.check_destination = must_be_unused;
  // The chain is checked as copied, with the copy's own record, before the commit: a source whose
  // chain does not hold gives no copy at all.
  options.before_commit = [&](db::Session& s, const db::CopyReport& r) -> Status {
    SHEGONG_RETURN_IF_ERROR(audit::append(
        s, SystemClock::instance(),
        {"cli", "db.copy", "db",
         "from=" + source.engine() + ";schema=" + std::to_string(schema) +
             ";tables=" + std::to_string(r.tables.size()) + ";rows=" + std::to_string(r.rows)}));
    auto chain = audit::verify(s);
    if (!chain.ok()) return about(chain.status(), "to");
    if (chain->ok) return Status::Ok();
    return Conflict("its audit chain does not hold at row " + std::to_string(chain->first_bad_id) +
                        " (" + chain->reason + "), so nothing was copied; `shegong audit verify " +
                        "--db " + args.from + "` shows it",
                    "from");
  };
  options.on_table = [](const db::TableCopied& t) {
    std::cout << std::left << std::setw(28) << t.table << std::right << std::setw(12) << t.rows
              << std::endl;  // as it goes: a large copy takes minutes
  };
  return db::copy_database(source, to, options);
}

// Gives the finished file the destination's name; link(2) refuses to replace a file another
// process made there meanwhile. The database was closed, so its write-ahead log is folded in.
Status put_in_place(const std::string& partial, const std::string& to) {
  std::error_code ec;
  if (fs::exists(partial + "-wal", ec)) {
    return Status(Code::kInternal, "the copy's write-ahead log was not folded into " + partial,
                  "to");
  }
  if (::link(partial.c_str(), to.c_str()) != 0) {
    return Invalid("to", "cannot name the copy " + to + ": " + std::strerror(errno));
  }
  fs::remove(partial, ec);
  return Status::Ok();
}

int run_copy(const CopyArgs& args) {
  if (args.to.empty()) return fail(Invalid("to", "is empty; name the new database"));
  auto source = open_source(args.from);
  if (!source.ok()) return fail(source.status());
  auto key = source_key(args.from, *source->db);
  if (!key.ok()) return fail(key.status());
  bool written_key = false;
  Status prepared = prepare_destination(args, *key, written_key);
  if (!prepared.ok()) return fail(prepared);
  const std::string into = working_name(args);
  auto report = copy_into(args, into, *source->db, source->schema_version);
  Status placed = report.ok() && into != args.to ? put_in_place(into, args.to) : Status::Ok();
  if (!report.ok() || !placed.ok()) {
    if (into != args.to) remove_sqlite_files(into);
    std::error_code ec;
    if (written_key) fs::remove(key_file_of(args.to), ec);
    return fail(report.ok() ? placed : report.status());
  }
  std::cout << "copied " << report->rows << " rows of " << report->tables.size() << " tables in "
            << std::fixed << std::setprecision(1) << report->seconds << " s; audit chain intact\n";
  if (is_postgres(args.to)) {
    std::cout << "serve it with the same SHEGONG_KEY\n";
  } else if (written_key) {
    std::cout << "data key: " << key_file_of(args.to) << " (the source's key)\n";
  }
  return 0;
}

}  // namespace

void add_copy_command(CLI::App& app, CommandRunner* chosen) {
  auto args = std::make_shared<CopyArgs>();
  auto* copy = app.add_subcommand(
      "copy",
      "Copy a whole database into a new one, on either engine (SQLite file or postgresql://...)");
  copy->add_option("--from", args->from, "The database to copy (it is only read)")
      ->capture_default_str();
  copy->add_option("--to", args->to,
                   "A new SQLite file, or a PostgreSQL database without shegong data")
      ->required();
  copy->callback([args, chosen] { *chosen = [args] { return run_copy(*args); }; });
}

}  // namespace shegong::cli
