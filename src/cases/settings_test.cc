// The settings catalogue: every key the code reads from the profile is in it, every national
// default is a value its own check takes, and the checks refuse what the code could not use.
#include "cases/settings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "db/test_db.h"

namespace shegong::cases {
namespace {

TEST(Settings, EveryKeyTheCodeReadsIsCataloguedAndEveryDefaultPassesItsCheck) {
  namespace fs = std::filesystem;
  // A key written as a literal next to profile_int/profile_value, or in a table of keys beside one.
  const std::regex literal(R"re("((?:hotline|petition|rates|suggestion|dispute)\.[a-z_.]+)")re");
  std::set<std::string> read;
  for (const auto& entry :
       fs::recursive_directory_iterator(std::string(SHEGONG_SOURCE_DIR) + "/src")) {
    const std::string path = entry.path().string();
    if (!path.ends_with(".cc") || path.ends_with("_test.cc") || path.ends_with("settings.cc"))
      continue;
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    const std::string code = text.str();
    if (code.find("profile_int(") == std::string::npos &&
        code.find("profile_value(") == std::string::npos &&
        code.find("suggestion_deadline(") == std::string::npos &&
        code.find("working_days_after(") == std::string::npos &&
        code.find("whole_setting(") == std::string::npos) {
      continue;
    }
    for (std::sregex_iterator m(code.begin(), code.end(), literal), end; m != end; ++m) {
      const std::string key = (*m)[1];
      if (!key.ends_with(".deadline_set")) read.insert(key);  // an audit action, not a setting
    }
  }
  EXPECT_GE(read.size(), 20u);
  for (const std::string& key : read) EXPECT_NE(find_setting(key), nullptr) << key;

  db::TestDb db;
  ASSERT_TRUE(db->write([&](db::Session& s) {
                  for (const Setting& setting : settings()) {
                    EXPECT_TRUE(check_setting_value(s, setting, setting.fallback, "").ok())
                        << setting.key;
                  }
                  return Status::Ok();
                }).ok());
}

TEST(Settings, ValuesTheCodeCannotUseAreRefusedNamingTheValue) {
  db::TestDb db;
  ASSERT_TRUE(
      db->write([&](db::Session& s) {
          auto refused = [&](std::string_view key, std::string_view value) {
            Status st = check_setting_value(s, *find_setting(key), value, "110101");
            EXPECT_EQ(st.field(), "value") << key << " = " << value;
          };
          refused("hotline.intake.answer_seconds", "0");
          refused("hotline.intake.answer_seconds", "15s");
          refused("hotline.intake.completion_percent", "101");
          refused("hotline.deadline_roll", "2");
          refused("petition.cascade_days", "5,3,3");
          refused("petition.cascade_days", "5,3,,4");
          refused("petition.satisfied_ratings", "满意,满意");
          refused("petition.satisfied_ratings", "非常满意");
          refused("suggestion.office_unit", "42");  // no such unit
          refused("suggestion.office_unit", "-1");
          EXPECT_TRUE(
              check_setting_value(s, *find_setting("petition.cascade_days"), "7,5,5,3", "").ok());
          EXPECT_TRUE(
              check_setting_value(s, *find_setting("petition.satisfied_ratings"), "满意", "").ok());
          return Status::Ok();
        }).ok());
  EXPECT_EQ(find_setting("suggestion.office"), nullptr);
}

}  // namespace
}  // namespace shegong::cases
