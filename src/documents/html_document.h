// A Document as one self-contained HTML5 page, laid out for A4 print after GB/T 9704 (党政机关公文
// 格式): title centred in a bold 小标宋/黑体 face, body in 仿宋 with two-character first-line
// indents, the issuing organ and date right-aligned at the end. No external resources, so the page
// can be saved, mailed or printed from any browser. Every text is escaped; '\n' becomes <br>.
#pragma once

#include <string>

#include "documents/document.h"

namespace shegong::documents {

std::string render_html(const Document& document);

}  // namespace shegong::documents
