#include "base/csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace shegong {
namespace {

TEST(Csv, QuotesEscapesAndEmbeddedNewlines) {
  CsvReader r("code,name\r\n11,\"北京市\"\n12,\"a \"\"b\"\", c\nd\"\n13,\n");
  std::vector<std::string> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"code", "name"}));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"11", "北京市"}));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"12", "a \"b\", c\nd"}));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.line(), 5u);
  EXPECT_EQ(f, (std::vector<std::string>{"13", ""}));
  EXPECT_FALSE(r.next(f));
  EXPECT_TRUE(r.status().ok());
}

TEST(Csv, UnclosedQuoteIsAnError) {
  CsvReader r("a,\"open\n");
  std::vector<std::string> f;
  EXPECT_FALSE(r.next(f));
  EXPECT_FALSE(r.status().ok());
}

TEST(Csv, WrittenRecordsReadBackAsTheyWere) {
  const std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", ""};
  std::string out;
  append_csv_record(out, {fields.begin(), fields.end()});
  append_csv_record(out, {"x"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\nx\n");
  CsvReader r(out);
  std::vector<std::string> f;
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f, fields);
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"x"}));
}

TEST(Csv, ReplaceFileWritesWholeFilesOrNothing) {
  char tmpl[] = "/tmp/shegong-csv-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string path = dir + "/out.csv";
  ASSERT_TRUE(replace_file(path, "first\n", "out").ok());
  ASSERT_TRUE(replace_file(path, "second\n", "out").ok());
  EXPECT_EQ(*read_file(path), "second\n");
  Status refused = replace_file(dir + "/missing/out.csv", "x", "out");
  EXPECT_EQ(refused.field(), "out");
  EXPECT_NE(refused.message().find("cannot write"), std::string::npos) << refused.message();
  EXPECT_FALSE(std::filesystem::exists(dir + "/missing"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1) << "no partial file";
  std::filesystem::remove_all(dir);
}

TEST(Csv, ReadFileRefusesAFolder) {
  char tmpl[] = "/tmp/shegong-csv-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  auto folder = read_file(dir);
  EXPECT_FALSE(folder.ok());
  EXPECT_NE(folder.status().message().find("a folder, not a file"), std::string::npos);
  EXPECT_FALSE(read_file(dir + "/missing.csv").ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace shegong
