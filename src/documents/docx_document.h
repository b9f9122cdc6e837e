// A Document as a .docx (Office Open XML WordprocessingML) file, for staff who must edit or stamp
// the notice in Word or WPS before it goes out. Layout follows GB/T 9704 (党政机关公文格式): A4
// with its margins; title centred, bold, 22pt (二号) in 小标宋 falling back to 黑体; document
// number centred under it; body 16pt (三号) 仿宋 with a two-character first-line indent, headings
// in 黑体; issuing organ and date right-aligned at the end. '\n' in a text becomes a line break.
#pragma once

#include <string>

#include "base/status.h"
#include "documents/document.h"

namespace shegong::documents {

// The bytes of the .docx package. Fails (Internal) only if the zip library does.
Result<std::string> render_docx(const Document& document);

}  // namespace shegong::documents
