// Units that handle orders (street offices, district governments, line departments, communities,
// utilities, the hotline centre) and the dispatch rules that map (region, category) to a unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/db.h"

namespace shegong::hotline {

struct Unit {
  int64_t id = 0;
  std::string name;
  std::string kind;         // see kUnitKinds
  std::string region_code;  // short code of the area it answers for
  bool active = true;
};

struct DispatchRule {
  int64_t id = 0;
  std::string region_code;  // prefix; '' = everywhere
  std::string category;     // prefix; '' = any
  int64_t unit_id = 0;
};

Status validate_unit(const Unit& u);
Result<Unit> create_unit(db::Session& s, Unit u);
Result<std::optional<Unit>> find_unit(db::Session& s, int64_t id);
// The id of the unit of `region` called `name`, or 0 when there is none.
Result<int64_t> unit_named(db::Session& s, const std::string& region, const std::string& name);
// The same unit, or a new active unit of `kind` when there is none (then one is added to *created).
Result<int64_t> ensure_unit(db::Session& s, const std::string& region, const std::string& name,
                            const std::string& kind, int64_t* created = nullptr);
// The unit, which must exist and be active; 400 naming `field` otherwise.
Result<Unit> active_unit(db::Session& s, int64_t id, std::string_view field);
Result<std::vector<Unit>> list_units(db::Session& s, std::string_view within,
                                     std::string_view kind);
// The district government whose district contains `region_code`.
Result<std::optional<Unit>> district_government_for(db::Session& s, std::string_view region_code);

// The units on an order with their names, the lead first, in one query.
struct OrderUnit {
  int64_t id = 0;
  std::string name, kind, role;  // role: lead, co, copy
};
Result<std::vector<OrderUnit>> order_units(db::Session& s, int64_t case_id, int64_t lead_unit_id);

Result<DispatchRule> upsert_dispatch_rule(db::Session& s, DispatchRule r);
Status delete_dispatch_rule(db::Session& s, int64_t id);
Result<std::vector<DispatchRule>> list_dispatch_rules(db::Session& s, std::string_view within);
// The most specific rule for an order: longest region prefix, then longest category prefix.
Result<std::optional<DispatchRule>> match_dispatch_rule(db::Session& s,
                                                        std::string_view region_code,
                                                        std::string_view category);

}  // namespace shegong::hotline
