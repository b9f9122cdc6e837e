#include "base/one_line.h"

#include <gtest/gtest.h>

namespace shegong {
namespace {

TEST(OneLine, NamesWhatIsWrong) {
  EXPECT_EQ(one_line_fault("东华门街道", 200), "");
  EXPECT_EQ(one_line_fault("", 200), "");
  EXPECT_EQ(one_line_fault(std::string(200, 'a'), 200), "");
  EXPECT_EQ(one_line_fault(std::string(201, 'a'), 200), "is longer than 200 bytes");
  EXPECT_EQ(one_line_fault("a\nb", 200), "holds a control character (U+000A)");
  EXPECT_EQ(one_line_fault("a\tb", 200), "holds a control character (U+0009)");
  EXPECT_EQ(one_line_fault(std::string("a\0b", 3), 200), "holds a control character (U+0000)");
  EXPECT_EQ(one_line_fault("a\x7f", 200), "holds a control character (U+007F)");
  EXPECT_EQ(one_line_fault("a\xc2\x85", 200), "holds a control character (U+0085)");
  EXPECT_EQ(one_line_fault("a\xff", 200), "is not valid UTF-8");
}

}  // namespace
}  // namespace shegong
