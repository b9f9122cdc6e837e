// Demo petitions for a newcomer's first look: the petition offices, 政法 and 纪检监察 organs of a
// city's districts and of the city, and petitions of the last months that went through the real
// engine in simulated time — routed, accepted, answered, some reviewed, some overdue, an accusation
// kept from the street it accuses. Run after the hotline demo (it uses its departments and street
// offices). Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>

#include "base/calendar.h"
#include "base/crypto.h"
#include "db/db.h"
#include "regions/region_tree.h"

namespace shegong::petitions {

struct DemoPetitionOptions {
  std::string city = "1101";
  int64_t count = 60;
  uint64_t seed = 2022;
  int64_t now_ms = 0;  // petitions arrive over the 75 days before; later steps are left undone
};

struct DemoPetitionReport {
  int64_t petitions = 0, answered = 0, in_progress = 0;
};

Result<DemoPetitionReport> generate_demo_petitions(db::Db& db, const crypto::SecretBox& box,
                                                   const regions::RegionTree& tree,
                                                   const HolidayCalendar& calendar,
                                                   const DemoPetitionOptions& options);

}  // namespace shegong::petitions
