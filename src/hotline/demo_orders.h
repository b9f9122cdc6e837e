// Demo data that makes the first screen alive: the units of one city (district governments, street
// offices, departments, utilities, the hotline centre), dispatch rules, and a month of orders over
// its real streets that went through the real engine in simulated time — dispatched, accepted,
// replied, called back, some late and some overdue — and the telephone log of the hotline's calls. Deterministic for a given seed. An order
// dispatched when its deadline would fall in a year whose holiday calendar is not loaded goes to
// its unit with the deadline pending, as the server does for a dispatcher
// (hotline/pending_deadlines.h), and the report counts it.
#pragma once

#include <cstdint>
#include <string>

#include "base/calendar.h"
#include "base/crypto.h"
#include "db/db.h"
#include "regions/region_tree.h"

namespace shegong::hotline {

struct DemoOptions {
  std::string city = "1101";  // a city (4 digits): its districts and streets are used
  std::string month;          // YYYY-MM; orders are spread over it up to `now_ms`
  int64_t count = 3000;
  uint64_t seed = 20231;
  int64_t now_ms = 0;  // steps after this moment are left undone (orders in progress)
  int orders_per_commit = 250;
  // The street of the demo's street login: every 40th order is there, so that its queue and
  // notices are never empty, whatever the random draw (a city has hundreds of streets).
  std::string demo_street = "110101001";
};

struct DemoReport {
  int64_t units = 0;
  int64_t orders = 0;
  int64_t closed = 0;
  int64_t in_progress = 0;
  // Of those in progress: dispatched with their deadline pending, its year's calendar not loaded.
  int64_t deadline_pending = 0;
  int64_t calls = 0;  // the telephone log of the month (hotline/demo_calls.h)
  double seconds = 0;
};

// What generate_demo_orders checks before it writes anything, for callers that write other things
// first (the category taxonomy): the month (YYYY-MM, from 2000 on, begun by `now_ms`), the count,
// and the city (a city of the tree, whose province is in the tree too, with at least one street).
Status check_demo_options(const regions::RegionTree& tree, const DemoOptions& options);

Result<DemoReport> generate_demo_orders(db::Db& db, const crypto::SecretBox& box,
                                        const regions::RegionTree& tree,
                                        const HolidayCalendar& calendar,
                                        const DemoOptions& options);

}  // namespace shegong::hotline
