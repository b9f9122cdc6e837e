// The category model of a running server: what is loaded, and putting a retrained model live by
// reading the model file again (the one `serve` started with, by default models/category.model
// beside the database). A file that does not load leaves the current model serving; a reload is
// recorded in the audit chain.
#include "api/app.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "http/error_response.h"
#include "text/classifier.h"

namespace shegong::api {

namespace {

constexpr auth::RoleSet kAdmin = {auth::Role::kAdmin};

Json model_json(const std::string& path, const text::Classifier* model) {
  Json out = {{"path", path}, {"loaded", model != nullptr}};
  if (model) {
    out["labels"] = model->labels();
    out["features"] = model->feature_count();
    out["dictionary_words"] = model->dictionary_size();
  }
  return out;
}

}  // namespace

void add_text_model_routes(App& app) {
  app.add({"GET", "/api/v1/text/model", "The category model the server classifies with", kAdmin},
          [&app](Call&) {
            hotline::CategoryModel* slot = app.text_aids().model;
            if (!slot) return json_response(200, model_json("", nullptr));
            return json_response(200, model_json(slot->path(), slot->current().get()));
          });

  app.add({"POST", "/api/v1/text/model/reload",
           "Read the category model file again and classify with it from now on", kAdmin},
          [&app](Call& call) {
            hotline::CategoryModel* slot = app.text_aids().model;
            if (!slot || slot->path().empty())
              return http::error_response(503, "unavailable", "this server has no model file");
            auto loaded = text::Classifier::load(slot->path());
            if (!loaded.ok()) {
              return http::error_response(
                  Status(loaded.status().code(), loaded.status().message(), "model"));
            }
            auto model = std::make_shared<const text::Classifier>(std::move(loaded).value());
            Json out = model_json(slot->path(), model.get());
            Status st = app.db().write([&](db::Session& s) {
              return audit::append(s, app.clock(),
                                   {call.principal->actor(), "text.model.reload",
                                    "file:" + slot->path(), out.dump()});
            });
            if (!st.ok()) return http::error_response(st);
            slot->replace(std::move(model));
            return json_response(200, out);
          });
}

}  // namespace shegong::api
