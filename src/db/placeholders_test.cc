#include "db/placeholders.h"

#include <gtest/gtest.h>

namespace shegong::db {
namespace {

TEST(Placeholders, QuestionMarksAreNumberedInOrder) {
  PortableSql p = translate_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?) LIMIT ?");
  EXPECT_EQ(p.sql, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3) LIMIT $4");
  EXPECT_EQ(p.parameters, 4);
}

TEST(Placeholders, LiteralsIdentifiersAndCommentsKeepTheirQuestionMarks) {
  PortableSql p = translate_placeholders(
      "SELECT '?', 'it''s ?', \"odd?name\" -- why?\nFROM t /* ? */ WHERE x = ?");
  EXPECT_EQ(p.sql, "SELECT '?', 'it''s ?', \"odd?name\" -- why?\nFROM t /* ? */ WHERE x = $1");
  EXPECT_EQ(p.parameters, 1);
}

TEST(Placeholders, AnUnterminatedLiteralOrCommentEndsTheText) {
  EXPECT_EQ(translate_placeholders("SELECT 'open ?").parameters, 0);
  EXPECT_EQ(translate_placeholders("SELECT 1 /* ?").sql, "SELECT 1 /* ?");
  EXPECT_EQ(translate_placeholders("SELECT ? -- ?").sql, "SELECT $1 -- ?");
}

}  // namespace
}  // namespace shegong::db
