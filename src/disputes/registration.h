// Registering a dispute found in screening (排查), brought by a party, or referred by another
// organ, with the unit that takes it: a residents' committee or street for people's mediation, an
// organ of the area for administrative mediation. A high-risk dispute is told to its area's
// supervisors. An administrative organ's acceptance decision is due within 5 working days (10 when
// complex); while that day's year has no holiday calendar the dispute is registered with the
// deadline pending, and set_pending_deadlines (pending_deadlines.h) sets it once the calendar
// comes.
#pragma once

#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/crypto.h"
#include "cases/engine.h"
#include "disputes/parties.h"
#include "regions/region_tree.h"

namespace shegong::disputes {

struct NewDispute {
  std::string track;     // people, administrative
  std::string source;    // application, initiative, referral
  std::string category;  // kCategories
  std::string risk = "low";
  std::string subject;
  std::string description;
  std::string region_code;
  std::string address;
  std::vector<Party> parties;
  bool complex = false;        // administrative: the 10-working-day acceptance period
  int64_t unit_id = 0;         // the unit that takes it
  int64_t received_at_ms = 0;  // 0 = now
};

Result<cases::CaseRecord> register_dispute(db::Session& s, cases::Engine& engine,
                                           const HolidayCalendar& calendar,
                                           const crypto::SecretBox& box,
                                           const regions::RegionTree& tree, NewDispute d,
                                           const std::string& actor);

}  // namespace shegong::disputes
