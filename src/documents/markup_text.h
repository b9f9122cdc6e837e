// Text as it goes into HTML or XML markup. Shared by the HTML and DOCX renderers so that both
// escape the same way: the five markup characters become references, malformed UTF-8 becomes
// U+FFFD and control characters that XML 1.0 forbids are dropped (a stray one would make Word
// refuse the whole file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shegong::documents {

// & < > " ' → &amp; &lt; &gt; &quot; &#39;. Keeps '\t', '\n' and '\r'; callers decide what a line
// break means in their format.
std::string escape_markup(std::string_view text);

// Splits on "\n", "\r\n" or "\r". An empty text is one empty line.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace shegong::documents
