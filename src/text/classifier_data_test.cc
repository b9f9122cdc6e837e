#include "text/classifier_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace shegong::text {
namespace {

const LabelledSource kSource{{"tokens", "subject", "body"}, "category", {}};

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

TEST(LabelledCsv, LabelsAreRenamedOnceAsReadAndEveryRenameIsCounted) {
  auto relabel = parse_relabelling({"卫生计生=卫生健康", "甲=乙", "乙=丙", "无此类=民政"});
  ASSERT_TRUE(relabel.ok()) << relabel.status().to_string();
  LabelledSource source = kSource;
  source.relabel = *relabel;
  auto data = parse_labelled_csv(
      "subject,category\n医院挂号难,卫生计生\n药价,卫生计生\nx,甲\ny,乙\nz,环境保护\n", "r.csv",
      source);
  ASSERT_TRUE(data.ok()) << data.status().to_string();
  ASSERT_EQ(data->texts.size(), 5u);
  EXPECT_EQ(data->texts[0].label, "卫生健康");
  EXPECT_EQ(data->texts[1].label, "卫生健康");
  EXPECT_EQ(data->texts[2].label, "乙");  // renamed once: not on to 丙
  EXPECT_EQ(data->texts[3].label, "丙");
  EXPECT_EQ(data->texts[4].label, "环境保护");
  EXPECT_EQ(data->renamed.at("卫生计生"), 2u);
  EXPECT_EQ(data->renamed.at("甲"), 1u);
  EXPECT_EQ(data->renamed.at("无此类"), 0u);  // listed, so that a mistyped FROM shows
}

TEST(LabelledCsv, BadRelabellingsAreErrorsNamingTheSpec) {
  for (const char* spec : {"卫生计生", "=卫生健康", "卫生计生=", "=", "甲=!乙"}) {
    auto bad = parse_relabelling({spec});
    ASSERT_FALSE(bad.ok()) << spec;
    EXPECT_EQ(bad.status().field(), "relabel");
    EXPECT_NE(bad.status().message().find(spec), std::string::npos) << bad.status().message();
  }
  auto twice = parse_relabelling({"甲=乙", "甲=丙"});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("甲"), std::string::npos);
  auto keeps_equals = parse_relabelling({"甲=乙=丙"});  // the first '=' splits
  ASSERT_TRUE(keeps_equals.ok());
  EXPECT_EQ(keeps_equals->at("甲"), "乙=丙");
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
