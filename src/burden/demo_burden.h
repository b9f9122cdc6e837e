// Demo 减负 lists for a newcomer's first look: 北京市's lists for every street and committee
// (basic, cooperating with their lead departments, returned, the committees' assistance list and
// certificates), 东城区's own additions, and a few weeks of tasks sent to 东华门街道 and
// 多福巷社区居委会 through the real engine in simulated time — admitted on the lists, waiting for
// approval off them, approved, rejected, done, refused as returned — with the certificates asked of
// the committee, issued and refused. Run after the hotline demo (it uses its departments, district
// government and street) and the dispute demo (its committee). Deterministic.
#pragma once

#include <cstdint>
#include <string>

#include "db/db.h"

namespace shegong::burden {

struct DemoBurdenOptions {
  std::string city = "11";                 // lists published for 北京市
  std::string district = "110101";         // 东城区 adds its own
  std::string street = "110101001";        // 东华门街道
  std::string community = "110101001001";  // 多福巷社区居委会
  int64_t now_ms = 0;
};

struct DemoBurdenReport {
  int64_t items = 0;
  int64_t tasks = 0;
  int64_t awaiting = 0;  // tasks waiting for approval
  int64_t certificates = 0;
};

Result<DemoBurdenReport> generate_demo_burden(db::Db& db, const DemoBurdenOptions& options);

}  // namespace shegong::burden
