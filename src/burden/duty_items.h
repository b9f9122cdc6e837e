// The lists that say what a street (township) and a residents' or villagers' committee take on
// (减负; DOMAIN.md §6.1–6.2, items 61–64):
//   basic        基本履职事项 — the street's own duties;
//   cooperating  配合履职事项 — a department leads, the street supports (both named, item 62);
//   returned     上级部门收回事项 — taken back by the departments above: never assigned to a
//   street; assistance   协助清单 — what a committee helps the government with
//   (北京市街道办事处条例 Art. 32); certificate  证明事项 — the certificates a committee may issue
//   (厅字〔2022〕28号).
// An item published for an area holds for every street or committee within it: the city publishes,
// a district refines with items of its own (北京市街道办事处条例 Art. 10). Items are retired, never
// deleted, so a task or certificate keeps the item it rested on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "db/db.h"

namespace shegong::burden {

inline constexpr std::string_view kLists[] = {"basic", "cooperating", "returned", "assistance",
                                              "certificate"};

struct DutyItem {
  int64_t id = 0;
  std::string region_code;  // the area it is published for
  std::string list;         // kLists
  std::string name;
  std::string basis;            // the law or document it rests on
  std::string lead_department;  // cooperating: the department that leads ("" otherwise)
  std::string supporting_role;  // cooperating: what the street does ("" otherwise)
  bool active = true;
  std::string created_by;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// Checks an item's fields: a known list, a name, and for a cooperating item the lead department
// and the supporting role (item 62); 400 naming the field otherwise.
Status validate_item(const DutyItem& item);
// Adds an item for `item.region_code` (which must be checked by the caller), audited.
Result<DutyItem> create_item(db::Session& s, const Clock& clock, DutyItem item,
                             const std::string& actor);
// Changes the name, basis, lead department, supporting role or whether it is active, audited;
// the list and the area stay.
Result<DutyItem> update_item(db::Session& s, const Clock& clock, const DutyItem& changed,
                             const std::string& actor);
Result<std::optional<DutyItem>> find_item(db::Session& s, int64_t id);

// The active items that hold for `region_code`: those published for it and for every area above
// it, the widest area first; `list` "" for every list.
Result<std::vector<DutyItem>> items_for(db::Session& s, std::string_view region_code,
                                        std::string_view list);
// The items published for areas within `region_code` (admins' view of what they publish), active
// or not; `list` "" for every list.
Result<std::vector<DutyItem>> items_within(db::Session& s, std::string_view region_code,
                                           std::string_view list);

}  // namespace shegong::burden
