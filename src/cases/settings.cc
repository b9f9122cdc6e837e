#include "cases/settings.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "cases/profile.h"
#include "regions/region_code.h"

namespace shegong::cases {

namespace {

using Type = Setting::Type;

constexpr Setting kSettings[] = {
    {"hotline.deadline_roll", "1", Type::kWhole, 0, 1, false,
     "接诉即办: a handling deadline that ends on a rest day moves to the next working day (1) or "
     "not (0)"},
    {"hotline.no_return_after_dispute", "0", Type::kWhole, 0, 1, false,
     "接诉即办: an order reassigned by a dispute decision cannot be disputed again (1) or can (0)"},
    {"hotline.repeat_window_days", "30", Type::kWhole, 1, 365, false,
     "接诉即办: the window, in days, over which a caller's repeated orders are counted (item 42)"},
    {"hotline.repeat_threshold", "5", Type::kWhole, 2, 1000, false,
     "接诉即办: orders of one caller within the window that flag the caller for review (item 42)"},
    {"hotline.whistle_arrival_minutes", "30", Type::kWhole, 1, 1440, false,
     "吹哨报到: minutes within which a summoned department arrives (item 44)"},
    {"hotline.intake.answer_seconds", "15", Type::kWhole, 1, 3600, false,
     "GB/T 33358: a call is answered within this many seconds (item 41)"},
    {"hotline.intake.completion_percent", "95", Type::kWhole, 1, 100, false,
     "GB/T 33358: percentage of calls completed over any 24 hours (item 41)"},
    {"hotline.intake.media_response_minutes", "3", Type::kWhole, 1, 1440, false,
     "GB/T 33358: minutes within which SMS and other text media are answered (item 41)"},
    {"hotline.intake.mailbox_response_hours", "24", Type::kWhole, 1, 720, false,
     "GB/T 33358: hours within which a mailbox message is answered (item 41)"},
    {"rates.weight.response", "30", Type::kWhole, 0, 100, true,
     "三率: weight of the response rate in the overall score (item 39)"},
    {"rates.weight.resolution", "35", Type::kWhole, 0, 100, true,
     "三率: weight of the resolution rate in the overall score (item 39)"},
    {"rates.weight.satisfaction", "35", Type::kWhole, 0, 100, true,
     "三率: weight of the satisfaction rate in the overall score (item 39)"},
    {"rates.basically_satisfied_credit", "100", Type::kWhole, 0, 100, true,
     "三率: percent of a satisfied rating that 基本满意 counts for (item 39)"},
    {"petition.deadline_roll", "1", Type::kWhole, 0, 1, false,
     "信访: an organ's period that ends on a rest day moves to the next working day (1) or not "
     "(0)"},
    {"petition.cascade_days", "5,3,3,4", Type::kWholeList, 4, 4, false,
     "信访: days of the routing cascade from the 国家信访局 down, per level (item 29)"},
    {"petition.max_representatives", "5", Type::kWhole, 1, 100, false,
     "信访: representatives a collective visit may have (item 24)"},
    {"petition.small_group_size", "0", Type::kWhole, 0, 1000, false,
     "信访: a collective visit of at most this many people has its own limit (0: none)"},
    {"petition.small_group_max_representatives", "5", Type::kWhole, 1, 100, false,
     "信访: representatives a small collective visit may have"},
    {"petition.same_matter_percent", "60", Type::kWhole, 1, 100, false,
     "信访: similarity, in percent, of the same petitioner's texts at which they are the same "
     "matter "
     "(items 21, 22)"},
    {"petition.satisfied_ratings", "满意,基本满意", Type::kRatingList, 1, 3, false,
     "信访: ratings counted as satisfied in 参评群众满意率 (item 28)"},
    {"suggestion.accept_days", "15", Type::kWhole, 1, 365, false,
     "人民建议: days from receipt within which a suggestion is accepted, transferred or "
     "redirected"},
    {"suggestion.answer_days", "60", Type::kWhole, 1, 365, false,
     "人民建议: days from acceptance within which the proposer gets feedback (item 66)"},
    {"dispute.mediation_days", "30", Type::kWhole, 1, 365, false,
     "矛盾纠纷: days a mediation runs before it is overdue, unless the parties agree to go on "
     "(item 69)"},
    {"dispute.acceptance_working_days", "5", Type::kWhole, 1, 60, false,
     "矛盾纠纷: working days within which an organ decides on accepting an administrative "
     "mediation (item 69)"},
    {"dispute.complex_acceptance_working_days", "10", Type::kWhole, 1, 60, false,
     "矛盾纠纷: the same for a complex or multi-agency dispute (item 69)"},
    {"dispute.referral_working_days", "3", Type::kWhole, 1, 60, false,
     "矛盾纠纷: working days within which an organ refers a dispute outside its remit (item 69)"},
    {"suggestion.office_unit", "0", Type::kUnit, 0, 0, false,
     "人民建议: the unit that receives citizens' own suggestions from the portal (0: none)"},
};

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t comma = text.find(',', pos);
    out.push_back(text.substr(pos, comma == std::string_view::npos ? comma : comma - pos));
    if (comma == std::string_view::npos) return out;
    pos = comma + 1;
  }
}

bool whole(std::string_view text, int64_t& n) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::span<const Setting> settings() { return kSettings; }

const Setting* find_setting(std::string_view key) {
  for (const Setting& s : kSettings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

Status check_setting_value(db::Session& s, const Setting& setting, std::string_view value,
                           std::string_view region_code) {
  int64_t n = 0;
  switch (setting.type) {
    case Type::kWhole:
      if (!whole(value, n) || n < setting.lo || n > setting.hi) {
        return Invalid("value", "a whole number from " + std::to_string(setting.lo) + " to " +
                                    std::to_string(setting.hi));
      }
      return Status::Ok();
    case Type::kWholeList: {
      auto parts = split(value);
      bool ok = static_cast<int64_t>(parts.size()) >= setting.lo &&
                static_cast<int64_t>(parts.size()) <= setting.hi;
      for (std::string_view p : parts) ok = ok && whole(p, n) && n >= 1 && n <= 365;
      if (!ok) {
        return Invalid("value", std::to_string(setting.lo) +
                                    " comma-separated whole numbers of days, each 1 to 365");
      }
      return Status::Ok();
    }
    case Type::kRatingList: {
      auto parts = split(value);
      std::vector<std::string_view> seen;
      for (std::string_view p : parts) {
        bool known = p == "满意" || p == "基本满意" || p == "不满意";
        if (!known || std::find(seen.begin(), seen.end(), p) != seen.end()) {
          return Invalid("value", "满意, 基本满意 or 不满意, separated by commas, each once");
        }
        seen.push_back(p);
      }
      return Status::Ok();
    }
    case Type::kUnit: {
      if (!whole(value, n) || n < 0) return Invalid("value", "a unit's id, or 0 for none");
      if (n == 0) return Status::Ok();
      auto rows = s.query("SELECT active, kind, region_code FROM units WHERE id = ?", {n});
      if (!rows.ok()) return rows.status();
      if (rows->empty() || (*rows)[0].integer(0) == 0) {
        return Invalid("value", "no active unit has the id " + std::to_string(n));
      }
      // An organ that receives and studies suggestions (a suggestion office may sit in a
      // government, a department, a petition office or beside the 12345 centre), of this area.
      const std::string kind = (*rows)[0].text(1), unit_region = (*rows)[0].text(2);
      if (kind == "community" || kind == "utility" || kind == "politics_law" ||
          kind == "discipline" || kind == "organisation" || kind == "conference_office") {
        return Invalid("value", "a unit of kind " + kind + " is not an organ that studies suggestions");
      }
      const bool serves = regions::is_within(region_code, unit_region) ||
                          regions::is_within(unit_region, region_code);
      if (!serves) return Invalid("value", "the unit works for another area");
      return Status::Ok();
    }
  }
  return Internal("unknown setting type");
}

Result<int64_t> whole_setting(db::Session& s, std::string_view region_code, std::string_view key) {
  const Setting* setting = find_setting(key);
  int64_t fallback = 0;
  if (!setting || setting->type != Type::kWhole || !whole(setting->fallback, fallback)) {
    return Internal("no whole-number setting has the key " + std::string(key));
  }
  auto n = profile_int(s, region_code, key, fallback);
  if (!n.ok()) return n.status();
  if (*n < setting->lo || *n > setting->hi) {
    return Invalid(std::string(key), "the setting holds " + std::to_string(*n) + ", outside " +
                            std::to_string(setting->lo) + " to " + std::to_string(setting->hi));
  }
  return *n;
}

}  // namespace shegong::cases
