#include "petitions/settlement.h"

#include "base/calendar.h"
#include "base/text_field.h"
#include "cases/fields.h"
#include "hotline/vocabulary.h"

namespace shegong::petitions {

Result<nlohmann::json> agreement_of(const cases::Fields& in, const cases::CaseRecord& petition,
                                    int64_t now_ms) {
  nlohmann::json a = cases::attrs_of(petition);
  std::string track = a.value("track", "");
  if (track != "opinion" && track != "duty") {
    return Conflict(
        "only a 申诉求决 matter handled by the organ (Art. 31 routes (5), (6)) is mediated or "
        "settled (信访工作条例 Art. 33)",
        "track");
  }
  std::string form = cases::field(in, "form");
  if (!hotline::one_of(form, kAgreementForms)) {
    return Invalid("form", "one of " + hotline::list_of(kAgreementForms) +
                               " (调解协议书 or 和解协议书, Art. 33)");
  }
  struct Text {
    const char* name;
    size_t max_bytes;
  };
  for (const Text& t : {Text{"other_party", 400}, Text{"matter", 4000}, Text{"terms", 20000}}) {
    SHEGONG_RETURN_IF_ERROR(check_text(cases::field(in, t.name), t.name, t.max_bytes, true));
  }
  for (const char* consent : {"petitioner_consents", "other_party_consents"}) {
    auto yes = cases::yes_no(in, consent);
    if (!yes.ok()) return yes.status();
    if (!*yes) {
      return Conflict(form == "mediation"
                          ? "mediation needs the consent of both parties to the dispute "
                            "(信访工作条例 Art. 33)"
                          : "a settlement is reached by both parties of their own will "
                            "(信访工作条例 Art. 33)",
                      consent);
    }
  }
  int64_t accepted_at = a.value("accepted_at_ms", int64_t{0});
  auto signed_on = cases::done_date_field(
      in, "signed_on", now_ms,
      accepted_at != 0 ? std::optional(date_in_china(accepted_at)) : std::nullopt,
      "the petition was accepted");
  if (!signed_on.ok()) return signed_on.status();
  return nlohmann::json{{"form", form},
                        {"other_party", cases::field(in, "other_party")},
                        {"matter", cases::field(in, "matter")},
                        {"terms", cases::field(in, "terms")},
                        {"signed_on", signed_on->to_string()},
                        {"recorded_at_ms", now_ms},
                        {"unit_id", petition.lead_unit_id}};
}

}  // namespace shegong::petitions
