// shegong calendar check as an operator runs it before restarting the server with a notice typed
// into a local calendar file: the year shown break by break, a slip as a warning (exit 2), a row
// that cannot be right as an error naming the file and the line (exit 1).
#include <fstream>
#include <sstream>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

class CalendarCli : public CommandTest {
 protected:
  // The package's 2026 rows, as a local file would hold them once typed from the notice.
  std::string typed_2026(const std::string& leave_out = "") {
    std::ifstream in(package_);
    std::string csv = "date,kind,name\n", line;
    while (std::getline(in, line))
      if (line.starts_with("2026-") && (leave_out.empty() || !line.starts_with(leave_out)))
        csv += line + "\n";
    return csv;
  }
  RunResult check(const std::string& local_csv) {
    const std::string local = dir_ + "/local.csv";
    std::ofstream(local) << local_csv;
    return sg({"calendar", "check", "--calendar", package_, "--calendar", local, "--year", "2026"});
  }
  const std::string package_ = source_path("data/calendar/holidays.csv");
};

TEST_F(CalendarCli, AYearAsTheNoticeHasItIsShownAndPasses) {
  RunResult r = check(typed_2026());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("holiday calendar 2004–2026 from " + package_), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  春节  2026-02-15 Sun – 2026-02-23 Mon  9 days off\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("19 weekdays off less 6 调休 working days: 13 days off\nok\n"),
            std::string::npos)
      << r.out;
}

TEST_F(CalendarCli, AMissingDayIsAWarningAndExitStatus2) {
  RunResult r = check(typed_2026("2026-10-05"));  // a Monday of the 国庆 break
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.out.find("国庆节  2026-10-01 Thu – 2026-10-04 Sun  4 days off"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning: 18 weekdays off less 6 调休 working days make 12 days off"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("calendar: 1 warning"), std::string::npos) << r.err;

  // A year that is not loaded at all.
  RunResult missing = sg({"calendar", "check", "--calendar", package_, "--year", "2099"});
  EXPECT_EQ(missing.exit_code, 2) << missing.out << missing.err;
  EXPECT_NE(missing.out.find("the holiday calendar for 2099 is not loaded"), std::string::npos);
}

TEST_F(CalendarCli, AWorkdayOnAWeekdayIsAnErrorNamingFileAndLine) {
  std::string csv = typed_2026();
  csv.replace(csv.find("2026-02-28,workday"), 10, "2026-02-27");  // a Friday
  RunResult r = check(csv);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("local.csv: line "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2026-02-27 is a Friday: a 调休 working day (workday) is a Saturday or a "
                       "Sunday"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");

  RunResult bad_year = sg({"calendar", "check", "--year", "twenty"});
  EXPECT_NE(bad_year.exit_code, 0);
  EXPECT_NE(bad_year.err.find("--year"), std::string::npos) << bad_year.err;
}

}  // namespace
}  // namespace shegong::testing
