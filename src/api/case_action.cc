#include "api/case_action.h"

#include "api/json_io.h"
#include "http/error_response.h"

namespace shegong::api {

http::Response apply_case_action(App& app, Call& call, const CaseActionHooks& hooks) {
  auto id = id_param(call.request, "id");
  if (!id.ok()) return http::error_response(id.status());
  auto fields = transition_fields(call.request);
  if (!fields.ok()) return http::error_response(fields.status());
  std::string action(call.request.param("action"));
  const auth::Principal& who = *call.principal;
  http::Response out;
  Status st = app.db().write([&](db::Session& s) {
    SHEGONG_RETURN_IF_ERROR(hooks.check_readable(s, who, *id));
    auto c = app.engine().apply_in(s, *id, action, &who, *fields);
    if (!c.ok()) return c.status();
    auto body = hooks.render(s, who, *c);
    if (!body.ok()) return body.status();
    out = http::Response::json(200, std::move(*body));
    return Status::Ok();
  });
  return st.ok() ? out : http::error_response(st);
}

}  // namespace shegong::api
