// Demo disputes for a newcomer's first look: a residents' committee of 东城区 (多福巷) mediating its
// neighbours' disputes and the district's 城市管理委员会 mediating administratively, over the last
// six weeks through the real engine in simulated time: refused and consented, mediating, agreed
// (one brought for judicial confirmation), failed, declined, referred, some overdue. Run after the
// hotline demo (it uses its 城市管理委员会 and 住房和城乡建设委员会). Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>

#include "base/calendar.h"
#include "base/crypto.h"
#include "db/db.h"
#include "regions/region_tree.h"

namespace shegong::disputes {

struct DemoDisputeOptions {
  std::string community = "110101001001";  // 多福巷社区居委会
  uint64_t seed = 1963;                    // the year of 枫桥经验
  int64_t now_ms = 0;
};

struct DemoDisputeReport {
  int64_t disputes = 0;
  int64_t agreed = 0;
};

Result<DemoDisputeReport> generate_demo_disputes(db::Db& db, const crypto::SecretBox& box,
                                                 const regions::RegionTree& tree,
                                                 const HolidayCalendar& calendar,
                                                 const DemoDisputeOptions& options);

}  // namespace shegong::disputes
