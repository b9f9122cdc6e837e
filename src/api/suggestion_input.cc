#include "api/suggestion_input.h"

namespace shegong::api {

Result<suggestions::NewSuggestion> new_suggestion_from(const Json& b) {
  suggestions::NewSuggestion n;
  struct Text {
    const char* name;
    std::string* target;
    bool required;
    size_t max;
  };
  for (const Text& t :
       {Text{"channel", &n.channel, true, 20}, Text{"subject", &n.subject, true, 400},
        Text{"reasons", &n.reasons, true, 20000}, Text{"measures", &n.measures, true, 20000},
        Text{"field", &n.field, false, 40}, Text{"region_code", &n.region_code, false, 20}}) {
    auto v = string_field(b, t.name, t.required, t.max);
    if (!v.ok()) return v.status();
    if (*v) *t.target = **v;
  }
  auto collection = int_member(b, "collection_id", 0, 1, INT64_MAX);
  if (!collection.ok()) return collection.status();
  n.collection_id = *collection;
  auto person = b.find("proposer");
  if (person == b.end() || person->is_null()) {
    return Invalid("proposer",
                   "is required: the proposer's basic information (上海市人民建议征集若干规定 "
                   "Art. 10)");
  }
  if (!person->is_object()) return Invalid("proposer", "{kind, name, phone, email, address}");
  struct Part {
    const char* name;
    std::string* target;
  };
  for (const Part& part : {Part{"kind", &n.proposer.kind}, Part{"name", &n.proposer.name},
                           Part{"phone", &n.proposer.phone}, Part{"email", &n.proposer.email},
                           Part{"address", &n.proposer.address}}) {
    auto v = string_field(*person, part.name, false, 500);
    if (!v.ok()) {
      return Status(Code::kInvalidArgument, v.status().message(),
                    std::string("proposer.") + part.name);
    }
    if (*v) *part.target = **v;
  }
  return n;
}

}  // namespace shegong::api
