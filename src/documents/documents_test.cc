#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "documents/docx_document.h"
#include "documents/html_document.h"
#include "documents/markup_text.h"
#include "documents/test_zip.h"
#include "documents/xlsx_workbook.h"

namespace shegong::documents {
namespace {

Document sample_notice() {
  Document d;
  d.title = "信访事项受理告知书";
  d.number = "东信受〔2025〕12号";
  d.addressee = "张三：";
  d.body = {{"", "你于2025年10月1日提出的信访事项，本机关已依法受理。"},
            {"一、办理期限", "自受理之日起60日内办结。\n如需延长，另行告知。"},
            {"", "附：A & B <script>alert('x')</script> \"引号\""}};
  d.issuer = "东城区信访办公室";
  d.date = "2025年10月9日";
  return d;
}

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(Documents, MarkupEscapesAllFiveCharactersAndDropsControls) {
  EXPECT_EQ(escape_markup("a&b<c>d\"e'f\x01g\t仿宋"), "a&amp;b&lt;c&gt;d&quot;e&#39;fg\t仿宋");
  EXPECT_EQ(escape_markup("\xff"), "\xEF\xBF\xBD");  // malformed UTF-8 → U+FFFD
  EXPECT_EQ(split_lines("a\r\nb\rc\nd"), (std::vector<std::string_view>{"a", "b", "c", "d"}));
  EXPECT_EQ(split_lines(""), (std::vector<std::string_view>{""}));
}

TEST(Documents, HtmlEscapesMarkupAndKeepsChinese) {
  std::string html = render_html(sample_notice());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("A &amp; B"), std::string::npos);
  EXPECT_NE(html.find("&quot;引号&quot;"), std::string::npos);
  EXPECT_NE(html.find("<h1>信访事项受理告知书</h1>"), std::string::npos);
  EXPECT_NE(html.find("<title>信访事项受理告知书</title>"), std::string::npos);
  EXPECT_NE(html.find("东信受〔2025〕12号"), std::string::npos);
  EXPECT_NE(html.find("自受理之日起60日内办结。<br>如需延长，另行告知。"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(html.find("FangSong"), std::string::npos);
  // The closing comes after the body, issuer before date.
  size_t body = html.find("本机关已依法受理");
  size_t issuer = html.find("<p class=\"issuer\">东城区信访办公室</p>");
  size_t date = html.find("<p class=\"date\">2025年10月9日</p>");
  ASSERT_NE(issuer, std::string::npos);
  ASSERT_NE(date, std::string::npos);
  EXPECT_LT(body, issuer);
  EXPECT_LT(issuer, date);
}

TEST(Documents, HtmlLeavesOutEmptyParts) {
  Document d;
  d.title = "通知";
  d.body = {{"", "正文"}};
  std::string html = render_html(d);
  EXPECT_EQ(html.find("class=\"number\""), std::string::npos);
  EXPECT_EQ(html.find("class=\"addressee\""), std::string::npos);
  EXPECT_EQ(html.find("<h2>"), std::string::npos);
  EXPECT_EQ(html.find("class=\"closing\""), std::string::npos);
}

TEST(Documents, DocxIsAWordPackageWithEscapedChineseText) {
  Result<std::string> docx = render_docx(sample_notice());
  ASSERT_TRUE(docx.ok()) << docx.status().to_string();
  ASSERT_EQ(docx->substr(0, 2), "PK");

  std::optional<std::string> types = zip_entry(*docx, "[Content_Types].xml");
  ASSERT_TRUE(types.has_value());
  EXPECT_NE(types->find("wordprocessingml.document.main+xml"), std::string::npos);
  std::optional<std::string> rels = zip_entry(*docx, "_rels/.rels");
  ASSERT_TRUE(rels.has_value());
  EXPECT_NE(rels->find("Target=\"word/document.xml\""), std::string::npos);
  EXPECT_TRUE(zip_entry(*docx, "word/styles.xml").has_value());
  EXPECT_TRUE(zip_entry(*docx, "word/_rels/document.xml.rels").has_value());

  std::optional<std::string> xml = zip_entry(*docx, "word/document.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_NE(xml->find(">信访事项受理告知书</w:t>"), std::string::npos);
  EXPECT_NE(xml->find("A &amp; B &lt;script&gt;"), std::string::npos);
  EXPECT_EQ(xml->find("<script>"), std::string::npos);
  EXPECT_EQ(xml->find("A & B"), std::string::npos);
  // Title: centred, bold, 22pt; body 16pt 仿宋; issuer and date right-aligned.
  size_t title = xml->find("信访事项受理告知书");
  size_t title_paragraph = xml->rfind("<w:p>", title);
  std::string title_xml = xml->substr(title_paragraph, title - title_paragraph);
  EXPECT_NE(title_xml.find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(title_xml.find("<w:b/>"), std::string::npos);
  EXPECT_NE(title_xml.find("<w:sz w:val=\"44\"/>"), std::string::npos);
  EXPECT_NE(xml->find("w:eastAsia=\"仿宋\"/><w:sz w:val=\"32\"/>"), std::string::npos);
  EXPECT_NE(xml->find("<w:jc w:val=\"right\"/><w:rPr><w:rFonts w:eastAsia=\"仿宋\"/><w:sz "
                      "w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts "
                      "w:eastAsia=\"仿宋\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t "
                      "xml:space=\"preserve\">东城区信访办公室</w:t>"),
            std::string::npos);
  EXPECT_EQ(count(*xml, "<w:jc w:val=\"right\"/>"), 2u);
  // A line break inside a paragraph is a w:br between two texts.
  EXPECT_NE(xml->find("内办结。</w:t><w:br/><w:t xml:space=\"preserve\">如需延长"),
            std::string::npos);
  EXPECT_NE(xml->find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);  // A4
}

Sheet sample_sheet() {
  return {"信访统计",
          {"区", "事项", "件数"},
          {{std::string("东城区"), std::string("来访 & 来信"), 12.0},
           {std::string("西城区"), std::string("网上信访"), 3.5}}};
}

TEST(Documents, XlsxIsAWorkbookWithChineseStrings) {
  Sheet second{"Cases", {"id"}, {{std::string("110101199003077777")}}};
  Result<std::string> xlsx = render_xlsx({sample_sheet(), second});
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().to_string();
  std::optional<std::string> workbook = zip_entry(*xlsx, "xl/workbook.xml");
  ASSERT_TRUE(workbook.has_value());
  EXPECT_NE(workbook->find("name=\"信访统计\""), std::string::npos);
  EXPECT_NE(workbook->find("name=\"Cases\""), std::string::npos);
  std::optional<std::string> strings = zip_entry(*xlsx, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings.has_value());
  EXPECT_NE(strings->find("东城区"), std::string::npos);
  EXPECT_NE(strings->find("来访 &amp; 来信"), std::string::npos);
  EXPECT_NE(strings->find("110101199003077777"), std::string::npos);  // an ID stays text
  std::optional<std::string> sheet = zip_entry(*xlsx, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.has_value());
  EXPECT_NE(sheet->find("<v>3.5</v>"), std::string::npos);  // a number stays a number
  EXPECT_NE(sheet->find("<col "), std::string::npos);       // widths are set
  std::optional<std::string> styles = zip_entry(*xlsx, "xl/styles.xml");
  ASSERT_TRUE(styles.has_value());
  EXPECT_NE(styles->find("<b/>"), std::string::npos);  // the header format is bold
}

TEST(Documents, XlsxLeavesNoTemporaryFiles) {
  // A temporary directory of this test's own, so that tests running beside it cannot interfere.
  std::string tmpl = (std::filesystem::temp_directory_path() / "shegong-xlsx-test-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const char* saved = std::getenv("TMPDIR");
  std::string previous = saved ? saved : "";
  setenv("TMPDIR", tmpl.c_str(), 1);
  ASSERT_EQ(std::filesystem::temp_directory_path(), std::filesystem::path(tmpl));
  EXPECT_TRUE(render_xlsx({sample_sheet()}).ok());
  Sheet bad = sample_sheet();
  bad.rows.push_back({Cell(std::nan(""))});
  EXPECT_FALSE(render_xlsx({bad}).ok());
  if (saved) {
    setenv("TMPDIR", previous.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_TRUE(std::filesystem::is_empty(tmpl));
  std::filesystem::remove_all(tmpl);
}

TEST(Documents, XlsxRejectsBadSheetNames) {
  for (std::string bad : {"", "a/b", "统计[1]", "问:答", "'quoted'", "History"}) {
    Sheet sheet = sample_sheet();
    sheet.name = bad;
    Result<std::string> xlsx = render_xlsx({sheet});
    ASSERT_FALSE(xlsx.ok()) << bad;
    EXPECT_EQ(xlsx.status().code(), Code::kInvalidArgument) << bad;
    EXPECT_EQ(xlsx.status().field(), "sheet") << bad;
  }
  Sheet upper = sample_sheet();
  upper.name = "CASES";
  Sheet lower = sample_sheet();
  lower.name = "cases";
  EXPECT_EQ(render_xlsx({upper, lower}).status().field(), "sheet");
  EXPECT_EQ(render_xlsx({}).status().field(), "sheet");
  // The limit counts characters, not bytes: 31 Chinese characters fit, 32 do not.
  Sheet longest = sample_sheet();
  longest.name.clear();
  for (int i = 0; i < 31; ++i) longest.name += "表";
  EXPECT_TRUE(render_xlsx({longest}).ok());
  longest.name += "表";
  EXPECT_EQ(render_xlsx({longest}).status().field(), "sheet");
}

TEST(Documents, XlsxRejectsBadCells) {
  Sheet sheet = sample_sheet();
  sheet.rows.push_back({std::string("南城区"), std::string("x"), std::nan("")});
  EXPECT_EQ(render_xlsx({sheet}).status().field(), "cell");
  sheet = sample_sheet();
  sheet.rows.push_back({std::string("\xff")});
  EXPECT_EQ(render_xlsx({sheet}).status().field(), "cell");
}

}  // namespace
}  // namespace shegong::documents
