// Which orders a list shows: the caller's scope (a department's own orders; everyone else's
// jurisdiction) narrowed by the query parameters ?region=&state=&unit=&overdue=&q=&queue=. The
// list, its xlsx ledger and the queue counts share it, so they always agree.
//
// Queues, for the workbench: `new` — waiting for the caller (registered orders for the centre,
// dispatched and not yet accepted for a unit); `due_soon` — open orders whose deadline falls within
// 24 hours; `overdue` — open orders past their deadline.
#pragma once

#include <string>

#include "api/app.h"

namespace shegong::api {

struct OrderFilter {
  std::string where;  // over `cases`
  db::Params params;
};

Result<OrderFilter> order_filter(App& app, const auth::Principal& p, const http::Request& r);
// The SQL condition of one queue for the caller, appended to `f`; 400 naming "queue" otherwise.
Status add_queue(OrderFilter& f, const auth::Principal& p, std::string_view queue, int64_t now_ms);

}  // namespace shegong::api
