#include "text/classifier_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace shegong::text {
namespace {

const LabelledSource kSource{{"tokens", "subject", "body"}, "category"};

TEST(LabelledCsv, UsesTheListedTextColumnsAFileHasInTheOrderListed) {
  auto raw = parse_labelled_csv(
      "id,body,subject,category\n7,\"噪音\n很大\",夜间施工,环境保护\n8,,只有标题,城乡建设\n",
      "raw.csv", kSource);
  ASSERT_TRUE(raw.ok()) << raw.status().to_string();
  ASSERT_EQ(raw->texts.size(), 2u);
  EXPECT_EQ(raw->texts[0].text, "夜间施工 噪音\n很大");  // subject before body, as listed
  EXPECT_EQ(raw->texts[0].label, "环境保护");
  EXPECT_EQ(raw->texts[0].source, "raw.csv:2");
  EXPECT_EQ(raw->texts[1].text, "只有标题");
  EXPECT_EQ(raw->texts[1].source, "raw.csv:4");  // the quoted newline moved it down a line

  auto tokens =
      parse_labelled_csv("row,tokens,category\n1,夜间 施工 噪音,环境保护\n", "t.csv", kSource);
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(tokens->texts[0].text, "夜间 施工 噪音");
}

TEST(LabelledCsv, RowsWithoutALabelAreSkippedAndCounted) {
  auto data = parse_labelled_csv("subject,category\n甲,\n乙,城乡建设\n\n", "c.csv", kSource);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->texts.size(), 1u);
  EXPECT_EQ(data->skipped, 1u);
}

TEST(LabelledCsv, MissingColumnsAndRaggedRowsAreErrorsNamingTheFile) {
  auto no_text = parse_labelled_csv("id,title,category\n1,x,y\n", "a.csv", kSource);
  ASSERT_FALSE(no_text.ok());
  EXPECT_EQ(no_text.status().field(), "text-column");
  EXPECT_NE(no_text.status().message().find("a.csv"), std::string::npos);
  EXPECT_NE(no_text.status().message().find("id, title, category"), std::string::npos);

  auto no_label = parse_labelled_csv("subject,kind\n1,x\n", "b.csv", kSource);
  EXPECT_EQ(no_label.status().field(), "label-column");

  auto ragged = parse_labelled_csv("subject,category\n1,x,extra\n", "c.csv", kSource);
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.status().message().find("c.csv:2"), std::string::npos);

  EXPECT_FALSE(parse_labelled_csv("subject,category\n\"open,x\n", "d.csv", kSource).ok());
  EXPECT_FALSE(parse_labelled_csv("", "e.csv", kSource).ok());
}

TEST(LabelledCsv, SeveralFilesAreReadInOrderAndAMissingFileIsAnError) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  const std::string first = dir + "/shegong-labelled-" + std::to_string(::getpid()) + "-1.csv";
  const std::string second = dir + "/shegong-labelled-" + std::to_string(::getpid()) + "-2.csv";
  std::ofstream(first) << "row,tokens,category\n1,施工 噪音,环境保护\n";
  std::ofstream(second) << "id,subject,body,category\n9,工资,拖欠,劳动和社会保障\n10,x,y,\n";
  auto both = read_labelled_csv({first, second}, kSource);
  ASSERT_TRUE(both.ok()) << both.status().to_string();
  ASSERT_EQ(both->texts.size(), 2u);
  EXPECT_EQ(both->texts[0].text, "施工 噪音");
  EXPECT_EQ(both->texts[1].text, "工资 拖欠");
  EXPECT_EQ(both->skipped, 1u);

  auto missing = read_labelled_csv({first, "/nonexistent/x.csv"}, kSource);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "data");
  std::filesystem::remove(first);
  std::filesystem::remove(second);
}

}  // namespace
}  // namespace shegong::text
