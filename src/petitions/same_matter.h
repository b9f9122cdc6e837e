// "The same matter" (同一事项) for the duplicate checks of Arts. 19 and 36: two petitions whose
// normalised texts share most of their character shingles (text/shingles.h), so that a re-filed
// petition with a greeting added or sentences reordered is still recognised. The threshold is the
// profile value `petition.same_matter_percent` (default 60: a Jaccard similarity of 0.6).
#pragma once

#include <string_view>

namespace shegong::petitions {

// Jaccard similarity of the 3-character shingle sets of the two normalised texts, 0 to 1.
double matter_similarity(std::string_view a, std::string_view b);

}  // namespace shegong::petitions
