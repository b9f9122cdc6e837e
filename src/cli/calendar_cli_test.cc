// shegong calendar check as an operator runs it before restarting the server with a notice typed
// into a local calendar file: the year shown break by break, a slip as a warning (exit 2), a row
// that cannot be right as an error naming the file and the line (exit 1).
#include <fstream>
#include <sstream>

#include "api/e2e_fixture.h"
#include "cases/calendar_years.h"

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
  // The package's rows of the years before `year`: files that lack it.
  std::string package_before(int year) {
    std::ifstream in(package_);
    std::string csv, line;
    while (std::getline(in, line))
      if (line.size() < 4 || !std::isdigit(static_cast<unsigned char>(line[0])) ||
          std::stoi(line.substr(0, 4)) < year)
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

// An admin loaded 2026 on the 节假日安排 screen; the files on this machine end with 2025. The check
// with --db sees the calendar the server counts with, and says who loaded the year and when.
TEST_F(CalendarCli, YearsAnAdminLoadedIntoTheDatabaseAreCheckedWithTheFiles) {
  const std::string db = dir_ + "/shegong.db", files = dir_ + "/before-2026.csv";
  std::ofstream(files) << package_before(2026);
  ASSERT_EQ(sg({"user", "add", "--db", db, "--username", "wang.admin", "--role", "admin",
                "--region", "100000000000", "--display-name", "王管理员"},
               "a-long-password\n")
                .exit_code,
            0);
  {
    auto opened = db::open_sqlite({db, 1, 1});
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    const int64_t loaded_at = 1'797'213'600'000;  // 2026-12-14 10:00 China time
    Status stored = (*opened)->write([&](db::Session& s) {
      return cases::store_calendar_year(s, 2026, typed_2026(), loaded_at, "user:1");
    });
    ASSERT_TRUE(stored.ok()) << stored.to_string();
  }

  RunResult files_only = sg({"calendar", "check", "--calendar", files, "--year", "2026"});
  EXPECT_EQ(files_only.exit_code, 2) << files_only.out << files_only.err;
  EXPECT_NE(files_only.out.find("the holiday calendar for 2026 is not loaded"), std::string::npos)
      << files_only.out;

  RunResult with_db = sg({"calendar", "check", "--calendar", files, "--db", db, "--year", "2026"});
  EXPECT_EQ(with_db.exit_code, 0) << with_db.out << with_db.err;
  EXPECT_NE(with_db.out.find("2026 loaded into the database on 2026-12-14 by 王管理员\n"
                             "holiday calendar 2004–2026 with the database's years\n"),
            std::string::npos)
      << with_db.out;
  EXPECT_NE(with_db.out.find("13 days off\nok\n"), std::string::npos) << with_db.out;

  // Where the files carry the year, they come first, as at the server's start.
  RunResult covered =
      sg({"calendar", "check", "--calendar", package_, "--db", db, "--year", "2026"});
  EXPECT_EQ(covered.exit_code, 0) << covered.out << covered.err;
  EXPECT_NE(covered.out.find("2026 loaded into the database on 2026-12-14 by 王管理员; not used: "
                             "the files carry the year"),
            std::string::npos)
      << covered.out;

  // A mistyped --db creates nothing.
  RunResult missing = sg({"calendar", "check", "--calendar", files, "--db", dir_ + "/none.db"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("db: no database at " + dir_ + "/none.db"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(fs::exists(dir_ + "/none.db"));
}

}  // namespace
}  // namespace shegong::testing
