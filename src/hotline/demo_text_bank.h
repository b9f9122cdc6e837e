// The product's own bank of demand texts for demo data: scenarios written for shegong (not taken
// from any data set), each with a category from assets/categories.csv, a demand type, the urgency,
// subject and content patterns and a typical reply. {place} and {road} are filled in per order.
#pragma once

#include <span>
#include <string_view>

namespace shegong::hotline {

struct DemoScenario {
  std::string_view category;
  std::string_view type;
  std::string_view urgency;
  std::string_view subject;
  std::string_view content;
  std::string_view reply;
  std::string_view department;  // the kind of department that handles it ("" = the street)
};

std::span<const DemoScenario> demo_scenarios();
std::span<const std::string_view> demo_estates();
std::span<const std::string_view> demo_roads();
// Departments each district registers for the demo, by the key used in DemoScenario::department.
struct DemoDepartment {
  std::string_view key;
  std::string_view name_suffix;  // appended to the district's name
};
std::span<const DemoDepartment> demo_departments();

}  // namespace shegong::hotline
