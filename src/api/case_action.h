// POST /api/v1/<cases>/{id}/{action} for any case kind: the id and the transition's input from the
// request, then in one write transaction the kind's read check, the engine's transition and the
// kind's view of the result (200). Nothing is written when any step fails.
#pragma once

#include <functional>

#include "api/app.h"

namespace shegong::api {

struct CaseActionHooks {
  // NotFound (or another error) when the caller may not see the case.
  std::function<Status(db::Session&, const auth::Principal&, int64_t id)> check_readable;
  // The response body for the case after the transition.
  std::function<Result<std::string>(db::Session&, const auth::Principal&, const cases::CaseRecord&)>
      render;
};

http::Response apply_case_action(App& app, Call& call, const CaseActionHooks& hooks);

}  // namespace shegong::api
