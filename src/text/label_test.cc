#include "text/label.h"

#include <gtest/gtest.h>

namespace shegong::text {
namespace {

TEST(Label, CategoryNamesAreLabels) {
  for (const char* label : {"城乡建设", "卫生健康", "other", "交通运输/公交"})
    EXPECT_EQ(label_problem(label), "") << label;
}

TEST(Label, EmptyBangControlAndInvalidBytesAreNot) {
  EXPECT_EQ(label_problem(""), "is empty");
  EXPECT_EQ(label_problem("!error"), "may not start with '!'");
  EXPECT_EQ(label_problem("城乡\t建设"), "holds a control character (U+0009)");
  EXPECT_EQ(label_problem("城乡\n"), "holds a control character (U+000A)");
  EXPECT_EQ(label_problem("a\x7f"), "holds a control character (U+007F)");
  EXPECT_EQ(label_problem("城\xff"), "is not valid UTF-8");
}

}  // namespace
}  // namespace shegong::text
