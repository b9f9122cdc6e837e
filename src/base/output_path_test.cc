#include "base/output_path.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace shegong {
namespace {

namespace fs = std::filesystem;

class OutputPath : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shegong-out-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(OutputPath, ANewFileOrAnOldExportMayBeWritten) {
  EXPECT_TRUE(check_output_path(dir_ + "/new.csv", {dir_ + "/in.csv"}, "out").ok());
  std::ofstream(dir_ + "/old.csv") << "subject,body,category\n";
  EXPECT_TRUE(check_output_path(dir_ + "/old.csv", {dir_ + "/in.csv"}, "out").ok());
}

TEST_F(OutputPath, AnInputUnderAnyNameIsRefused) {
  std::ofstream(dir_ + "/train.csv") << "subject,body,category\n";
  fs::create_directory(dir_ + "/sub");
  fs::create_symlink(dir_ + "/train.csv", dir_ + "/link.csv");
  for (const std::string& out : {dir_ + "/train.csv", dir_ + "/sub/../train.csv",
                                 dir_ + "/link.csv", dir_ + "/./not-yet.db-wal"}) {
    Status refused = check_output_path(
        out, {dir_ + "/other.csv", dir_ + "/train.csv", dir_ + "/not-yet.db-wal"}, "out");
    EXPECT_EQ(refused.field(), "out") << out;
    EXPECT_NE(refused.message().find("also read by this command"), std::string::npos)
        << refused.message();
  }
}

TEST_F(OutputPath, TheFilesOfADatabaseAreRefusedByNameBeforeTheyExist) {
  const std::string db = dir_ + "/shegong.db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    Status refused = check_output_path(dir_ + "/./shegong.db" + suffix, database_files(db), "out");
    EXPECT_EQ(refused.field(), "out") << suffix;
  }
  EXPECT_TRUE(check_output_path(dir_ + "/shegong.db.csv", database_files(db), "out").ok());
}

TEST_F(OutputPath, ADatabaseAndItsLogAreRefusedWhateverTheirName) {
  const std::string db = dir_ + "/shegong.db";
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(handle, "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  // While the connection is open the write-ahead log holds the insert.
  ASSERT_TRUE(fs::exists(db + "-wal"));
  fs::copy_file(db, dir_ + "/model.bin");
  for (const std::string& out : {db, db + "-wal", dir_ + "/model.bin"}) {
    Status refused = check_output_path(out, {}, "out");
    EXPECT_EQ(refused.field(), "out") << out;
    EXPECT_NE(refused.message().find("SQLite database"), std::string::npos) << refused.message();
  }
  sqlite3_close(handle);
}

TEST_F(OutputPath, AFolderIsRefused) {
  Status refused = check_output_path(dir_, {}, "out");
  EXPECT_EQ(refused.field(), "out");
  EXPECT_NE(refused.message().find("folder"), std::string::npos) << refused.message();
  EXPECT_EQ(check_output_path("", {}, "out").field(), "out");
}

}  // namespace
}  // namespace shegong
