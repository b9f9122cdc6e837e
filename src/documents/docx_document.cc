#include "documents/docx_document.h"

#include <string_view>

#include "documents/markup_text.h"
#include "documents/zip_archive.h"

namespace shegong::documents {

namespace {

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

constexpr std::string_view kContentTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kPackageRelationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kDocumentRelationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

// Defaults for every run: 三号 (16pt, w:sz counts half-points) 仿宋, Chinese language tag.
constexpr std::string_view kStyles =
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr>)"
    R"(<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/>)"
    R"(<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>)"
    R"(</w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault>)"
    R"(</w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
    R"(</w:styles>)";

constexpr std::string_view kDocumentOpen =
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";

// A4 (twentieths of a point) with GB/T 9704 margins: top 37mm, bottom 35mm, left 28mm, right 26mm.
constexpr std::string_view kDocumentClose =
    R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>)"
    R"(<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>)"
    R"(</w:sectPr></w:body></w:document>)";

// Paragraph properties (w:pPr content) and run properties (w:rPr content) for each kind of block.
constexpr std::string_view kCentred = R"(<w:jc w:val="center"/>)";
constexpr std::string_view kRight = R"(<w:jc w:val="right"/>)";
constexpr std::string_view kIndented = R"(<w:ind w:firstLineChars="200" w:firstLine="640"/>)";
constexpr std::string_view kTitleParagraph =
    R"(<w:spacing w:after="320" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>)";
constexpr std::string_view kTitleRun =
    R"(<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/>)"
    R"(<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/>)";
constexpr std::string_view kBodyRun =
    R"(<w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/><w:szCs w:val="32"/>)";
constexpr std::string_view kHeadingRun =
    R"(<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/><w:szCs w:val="32"/>)";

// One w:p whose text lines are joined by w:br. Nothing is written for an empty text.
void append_paragraph(std::string_view paragraph_properties, std::string_view run_properties,
                      std::string_view text, std::string& out) {
  if (text.empty()) return;
  out += "<w:p><w:pPr>";
  out += paragraph_properties;
  out += "<w:rPr>";
  out += run_properties;
  out += "</w:rPr></w:pPr><w:r><w:rPr>";
  out += run_properties;
  out += "</w:rPr>";
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (!first) out += "<w:br/>";
    out += "<w:t xml:space=\"preserve\">";
    out += escape_markup(line);
    out += "</w:t>";
    first = false;
  }
  out += "</w:r></w:p>";
}

void append_blank_line(std::string& out) { out += "<w:p/>"; }

std::string document_xml(const Document& document) {
  std::string out(kXmlDeclaration);
  out += kDocumentOpen;
  append_paragraph(kTitleParagraph, kTitleRun, document.title, out);
  append_paragraph(kCentred, kBodyRun, document.number, out);
  if (!document.number.empty()) append_blank_line(out);
  append_paragraph("", kBodyRun, document.addressee, out);
  for (const Paragraph& paragraph : document.body) {
    append_paragraph(kIndented, kHeadingRun, paragraph.heading, out);
    append_paragraph(kIndented, kBodyRun, paragraph.text, out);
  }
  if (!document.issuer.empty() || !document.date.empty()) {
    append_blank_line(out);
    append_blank_line(out);
  }
  append_paragraph(kRight, kBodyRun, document.issuer, out);
  append_paragraph(kRight, kBodyRun, document.date, out);
  out += kDocumentClose;
  return out;
}

std::string with_declaration(std::string_view part) {
  std::string out(kXmlDeclaration);
  out += part;
  return out;
}

}  // namespace

Result<std::string> render_docx(const Document& document) {
  // [Content_Types].xml first: some readers sniff the package type from the first entry.
  return zip_archive({
      {"[Content_Types].xml", with_declaration(kContentTypes)},
      {"_rels/.rels", with_declaration(kPackageRelationships)},
      {"word/document.xml", document_xml(document)},
      {"word/_rels/document.xml.rels", with_declaration(kDocumentRelationships)},
      {"word/styles.xml", with_declaration(kStyles)},
  });
}

}  // namespace shegong::documents
