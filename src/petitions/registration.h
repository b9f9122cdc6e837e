// Registering a petition at receipt (信访工作条例 Arts. 17, 19, 21, 22, 23), from any channel, by
// the unit that received it: a petition office, which then routes it within 15 days, or another
// organ, which then gives the written receipt notice within 15 days.
//
// Registration always writes the record (item 7); some petitions end there:
//   * not_accepted — the same petitioner raises the same matter after a 复核 (Art. 36 para 3) or
//     with a superior of the organ still handling it (Art. 19 para 3), unless new facts or reasons
//     are recorded (`new_facts`);
//   * redirected — a visit received more than one level above the competent organ (Art. 20), with
//     a referral to the proper level.
// A major or urgent petition notifies the same-level party committee and government, the
// conference office, the next higher petition office and the 国家信访局 (Art. 25).
#pragma once

#include <optional>
#include <string>

#include "base/calendar.h"
#include "base/crypto.h"
#include "cases/engine.h"
#include "petitions/petitioner.h"
#include "regions/region_tree.h"

namespace shegong::petitions {

struct NewPetition {
  std::string channel;   // online, letter, phone, fax, visit
  std::string category;  // 建议意见, 检举控告, 申诉求决
  std::string field;     // 涉及领域, for the annual report
  std::string subject;
  std::string content;  // the request, facts and reasons as written
  std::string summary;  // the recorded written summary of an oral petition (Art. 19)
  std::string region_code;
  std::string address;
  Petitioner petitioner;
  bool identity_unclear = false;   // name or address unclear: no receipt notice is due (Art. 23)
  int64_t unit_id = 0;             // the receiving unit
  int64_t received_at_ms = 0;      // 0 = now
  bool litigation = false;         // 涉法涉诉
  bool discipline_matter = false;  // within 纪检监察 authority
  int64_t accused_unit_id = 0;     // 检举控告 only
  int64_t about_unit_id = 0;       // the organ complained about
  bool major = false;              // major or urgent (Art. 25)
  // The petitioner asked that their name and private matters be kept confidential (北京市信访条例
  // Arts. 16, 22): the units the petition is about never see who filed it.
  bool confidential = false;
  int64_t group_size = 1;         // people in a collective visit
  int64_t competent_unit_id = 0;  // visits: the organ with power over the matter
  std::string new_facts;          // overrides the duplicate flags
};

Result<cases::CaseRecord> register_petition(db::Session& s, cases::Engine& engine,
                                            const HolidayCalendar& calendar,
                                            const crypto::SecretBox& box,
                                            const regions::RegionTree& tree, NewPetition p,
                                            const std::string& actor);

}  // namespace shegong::petitions
