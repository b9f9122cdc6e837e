// The category model of a running server: what is loaded, and putting a retrained model live by
// reading the model file again (the one `serve` started with, by default models/category.model
// beside the database). A file that does not load leaves the current model serving; a reload is
// recorded in the audit chain. Labels the model predicts that the category taxonomy lacks are
// listed: their suggestions cannot be dispatched as they stand (a model trained on data from
// another taxonomy needs `text train --relabel`).
#include "api/app.h"
#include "api/json_io.h"
#include "audit/audit_log.h"
#include "hotline/categories.h"
#include "http/error_response.h"
#include "text/classifier.h"

namespace shegong::api {

namespace {

constexpr auth::RoleSet kAdmin = {auth::Role::kAdmin};

Result<Json> model_json(db::Db& db, const std::string& path, const text::Classifier* model) {
  Json out = {{"path", path}, {"loaded", model != nullptr}};
  if (!model) return out;
  out["labels"] = model->labels();
  out["features"] = model->feature_count();
  out["dictionary_words"] = model->dictionary_size();
  Json outside = Json::array();
  Status st = db.read([&](db::Session& s) {
    for (const auto& label : model->labels()) {
      auto known = hotline::category_exists(s, label);
      if (!known.ok()) return known.status();
      if (!*known) outside.push_back(label);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  out["labels_outside_taxonomy"] = std::move(outside);
  return out;
}

}  // namespace

void add_text_model_routes(App& app) {
  app.add({"GET", "/api/v1/text/model", "The category model the server classifies with", kAdmin},
          [&app](Call&) {
            hotline::CategoryModel* slot = app.text_aids().model;
            auto current = slot ? slot->current() : nullptr;
            auto out = model_json(app.db(), slot ? slot->path() : "", current.get());
            if (!out.ok()) return http::error_response(out.status());
            return json_response(200, *out);
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
            auto described = model_json(app.db(), slot->path(), model.get());
            if (!described.ok()) return http::error_response(described.status());
            Json out = std::move(*described);
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
