// For tests: the holiday calendar the server would load once the notice for `year` is written to a
// file of its own after the package's (a single day off is enough to cover the year).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/calendar.h"

namespace shegong {

inline Result<HolidayCalendar> calendar_with_notice_for(int year) {
  const std::string notice = std::filesystem::temp_directory_path().string() + "/shegong-notice-" +
                             std::to_string(::getpid()) + ".csv";
  std::ofstream(notice) << "date,kind,name\n" << year << "-01-01,holiday,元旦\n";
  auto loaded = HolidayCalendar::load(
      {std::string(SHEGONG_SOURCE_DIR) + "/data/calendar/holidays.csv", notice});
  std::filesystem::remove(notice);
  return loaded;
}

}  // namespace shegong
