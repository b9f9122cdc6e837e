#include "api/order_input.h"

namespace shegong::api {

Result<hotline::NewOrder> new_order_from(const Json& b) {
  hotline::NewOrder o;
  struct Text {
    const char* name;
    std::string* target;
    bool required;
  };
  for (const Text& t :
       {Text{"channel", &o.channel, true}, Text{"type", &o.type, true},
        Text{"subject", &o.subject, true}, Text{"content", &o.content, true},
        Text{"region_code", &o.region_code, true}, Text{"address", &o.address, false},
        Text{"category", &o.category, false}, Text{"urgency", &o.urgency, false}}) {
    auto v = string_field(b, t.name, t.required, 20000);
    if (!v.ok()) return v.status();
    if (*v) *t.target = **v;
  }
  auto contact = b.find("contact");
  if (contact == b.end() || !contact->is_object()) {
    return Invalid("contact", "is required: {\"name\": ..., \"phone\": ...}");
  }
  auto name = string_field(*contact, "name", true, 100);
  if (!name.ok()) return Status(Code::kInvalidArgument, name.status().message(), "contact.name");
  auto phone = string_field(*contact, "phone", true, 40);
  if (!phone.ok()) return Status(Code::kInvalidArgument, phone.status().message(), "contact.phone");
  o.contact_name = **name;
  o.contact_phone = **phone;
  for (auto [key, target] : {std::pair{"lat", &o.lat}, std::pair{"lng", &o.lng}}) {
    auto it = b.find(key);
    if (it == b.end() || it->is_null()) continue;
    if (!it->is_number()) return Invalid(key, "must be a number");
    *target = it->get<double>();
  }
  if (auto it = b.find("confidential"); it != b.end() && !it->is_null()) {
    if (!it->is_boolean()) return Invalid("confidential", "must be true or false");
    o.confidential = it->get<bool>();
  }
  return o;
}

}  // namespace shegong::api
