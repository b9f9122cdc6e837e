#include "documents/html_document.h"

#include <string_view>

#include "documents/markup_text.h"

namespace shegong::documents {

namespace {

// Margins are GB/T 9704's: top 37mm, outer 26mm, bottom 35mm, binding side 28mm.
constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)";

constexpr std::string_view kStyle = R"(</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 156mm; padding: 2em 1em;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", serif;
  font-size: 16pt; line-height: 1.75; }
@media print { body { padding: 0; max-width: none; } }
h1 { margin: 0 0 0.75em; text-align: center; font-size: 22pt; font-weight: bold; line-height: 1.5;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimHei", "黑体", "STHeiti", "Songti SC",
  "Noto Serif CJK SC", serif; }
p { margin: 0; }
.number { text-align: center; margin-bottom: 1em; }
.body h2 { margin: 0; text-indent: 2em; font-size: 16pt; font-weight: normal;
  font-family: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif; }
.body p { text-indent: 2em; }
.closing { margin-top: 2em; text-align: right; }
</style>
</head>
<body>
)";

// Escaped text with each line break as <br>.
void append_text(std::string_view text, std::string& out) {
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (!first) out += "<br>";
    out += escape_markup(line);
    first = false;
  }
}

// <title> cannot hold markup, so its line breaks become spaces.
void append_one_line(std::string_view text, std::string& out) {
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (!first) out += ' ';
    out += escape_markup(line);
    first = false;
  }
}

void append_element(std::string_view open, std::string_view text, std::string_view close,
                    std::string& out) {
  if (text.empty()) return;
  out += open;
  append_text(text, out);
  out += close;
  out += '\n';
}

}  // namespace

std::string render_html(const Document& document) {
  std::string out;
  out += kHead;
  append_one_line(document.title, out);
  out += kStyle;
  append_element("<h1>", document.title, "</h1>", out);
  append_element("<p class=\"number\">", document.number, "</p>", out);
  append_element("<p class=\"addressee\">", document.addressee, "</p>", out);
  out += "<div class=\"body\">\n";
  for (const Paragraph& paragraph : document.body) {
    append_element("<h2>", paragraph.heading, "</h2>", out);
    append_element("<p>", paragraph.text, "</p>", out);
  }
  out += "</div>\n";
  if (!document.issuer.empty() || !document.date.empty()) {
    out += "<div class=\"closing\">\n";
    append_element("<p class=\"issuer\">", document.issuer, "</p>", out);
    append_element("<p class=\"date\">", document.date, "</p>", out);
    out += "</div>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace shegong::documents
