#include "base/csv.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace shegong
