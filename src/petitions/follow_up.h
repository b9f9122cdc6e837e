// What follows a 信访处理意见书 (信访工作条例 Art. 32): a request found lawful is supported and the
// organ urges the organs or units concerned to carry the decision out; a reasonable request
// without legal basis is explained to the petitioner; one not supported calls for guidance and
// education (疏导教育). Refusing to carry out a supported decision is a listed fault (Art. 42), and
// petition offices supervise it (Art. 40).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cases/case_kind.h"

namespace shegong::petitions {

// The decision in force: that of the last written opinion issued (复核, else 复查, else the
// 信访处理意见书), one of support, explain, not_support; empty before any.
std::string decision_in_force(const nlohmann::json& attrs);

// The organ that must see a supported decision carried out: the one that handled the matter and
// issued the 信访处理意见书, whichever organ above upheld or reversed it. 0 without an opinion.
int64_t implementing_unit(const nlohmann::json& attrs);

// True while the decision in force supports the request and its carrying out is not recorded as
// complete.
bool implementation_pending(const nlohmann::json& attrs);

// Keeps the petition's row in petition_implementations (the decisions waiting to be carried out)
// in step with its attributes: present while implementation_pending, absent otherwise. Called by
// every step that issues a written decision or records its carrying out.
Status track_implementation(db::Session& s, const cases::CaseRecord& petition);

// The `record_implementation` step, by staff of an organ that answered the petition in writing:
// `measures` (what was done), `carried_out_by` (optional: the organ or unit that did it, when not
// the organ itself), `complete` (yes: the decision is carried out in full) and `done_on` (a date,
// today when absent; not in the future, not before the decision). Only under a supporting
// decision (409, field `decision`); once complete, nothing more (409, field `complete`). Kept in
// attrs `implementation`; the petitioner is told.
Status record_implementation(cases::TransitionContext& c);

// The `record_guidance` step, by staff of an organ that answered the petition in writing, under a
// decision that explains or does not support (409, field `decision`): `note` (what the petitioner
// was told, and how) and `done_on` (as above). Kept in attrs `guidance`, each entry named
// `explanation` (解释) or `education` (疏导教育) after the decision it followed.
Status record_guidance(cases::TransitionContext& c);

}  // namespace shegong::petitions
