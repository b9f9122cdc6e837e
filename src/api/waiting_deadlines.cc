#include "api/waiting_deadlines.h"

#include "base/log.h"
#include "disputes/pending_deadlines.h"
#include "hotline/pending_deadlines.h"
#include "petitions/pending_deadlines.h"

namespace shegong::api {

Result<WaitingDeadlines> set_waiting_deadlines(db::Db& db, const HolidayCalendar& calendar,
                                               const Clock& clock) {
  WaitingDeadlines out;
  auto orders = hotline::set_pending_deadlines(db, calendar, clock);
  if (!orders.ok()) return orders.status();
  out.orders = *orders;
  auto petitions = petitions::set_pending_deadlines(db, calendar, clock);
  if (!petitions.ok()) return petitions.status();
  out.petitions = *petitions;
  auto disputes = disputes::set_pending_deadlines(db, calendar, clock);
  if (!disputes.ok()) return disputes.status();
  out.disputes = *disputes;
  return out;
}

void log_waiting_deadlines(const WaitingDeadlines& done) {
  for (const auto& [what, pending] :
       {std::pair{"order", &done.orders}, std::pair{"petition", &done.petitions},
        std::pair{"dispute", &done.disputes}}) {
    if (pending->set)
      log::info("{} {} deadlines set that waited for the holiday calendar", pending->set, what);
    if (pending->still_pending)
      log::warn("{} {}s still wait for the holiday calendar to get a deadline",
                pending->still_pending, what);
    if (pending->failed)
      log::error(
          "{} {}s kept their pending deadline after an error (logged above); the next "
          "start or notice loaded tries again",
          pending->failed, what);
  }
}

}  // namespace shegong::api
