// A formal document (公文) as plain data: the text of a notice, decision or reply letter before it
// is laid out. Renderers (html_document.h, docx_document.h) turn it into a printable file; they own
// the layout, so callers fill in words only. All strings are UTF-8.
#pragma once

#include <string>
#include <vector>

namespace shegong::documents {

// One block of the body. `heading` (may be empty) is a section heading such as "一、受理事项";
// `text` may hold '\n' for line breaks within the block.
struct Paragraph {
  std::string heading;
  std::string text;
};

struct Document {
  std::string title;      // e.g. 信访事项受理告知书
  std::string number;     // 文号: document number, e.g. 东信受〔2025〕12号; may be empty
  std::string addressee;  // 主送: e.g. 张三：; may be empty
  std::vector<Paragraph> body;
  std::string issuer;  // 落款: the issuing organ, e.g. 东城区信访办公室
  std::string date;    // e.g. 2025年10月9日
};

}  // namespace shegong::documents
