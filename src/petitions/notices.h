// The written notices of a petition (DOMAIN.md §1.11), generated from its record with the content
// the 信访工作条例 requires, as documents::Document (rendered to HTML or DOCX by the caller):
//
//   receipt        信访事项告知书      received directly: received + route, onward destination, or
//                                      the organ to approach (Art. 23 para 2)
//   acceptance     信访事项受理告知书  a transferred/assigned petition accepted (Art. 23 para 3)
//   extension      延期办理告知书      the reason for extending the 60 days (Art. 34)
//   agreement      调解协议书 or       the parties, the disputed matter, the terms agreed (Art. 33)
//                  和解协议书
//   opinion        信访处理意见书      request, facts and reasons, decision, legal basis (Art. 32)
//   review         复查意见书          (Art. 35)
//   re_review      复核意见书          (Art. 36)
//   referral       告知书              the legal procedure the matter leaves for (Art. 31)
//   visit_referral 引导逐级走访告知书  the proper level for a visit (Art. 20)
//   not_accepted   不予受理告知书      the duplicate rule that applies (Arts. 19, 36)
//
// A notice is addressed to the petitioner by name: opening one is a read of protected data, and
// the caller audits it.
#pragma once

#include <string>
#include <vector>

#include "base/crypto.h"
#include "cases/case_record.h"
#include "db/db.h"
#include "documents/document.h"

namespace shegong::petitions {

// The notices this petition has, in the order they were produced.
std::vector<std::string> notices_of(const cases::CaseRecord& petition);

// NotFound when the petition has no such notice.
Result<documents::Document> notice_document(db::Session& s, const crypto::SecretBox& box,
                                            const cases::CaseRecord& petition,
                                            const std::string& name);

}  // namespace shegong::petitions
