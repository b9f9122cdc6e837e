// People in the demo data: a name and a mobile number. Each random number is drawn in a statement
// of its own, so the demo is the same whatever order a compiler evaluates operands in.
#pragma once

#include <random>
#include <string>

namespace shegong::cases {

std::string demo_person_name(std::mt19937_64& rng);
// 11 digits: 1, then 3 to 9, then nine more.
std::string demo_mobile(std::mt19937_64& rng);

}  // namespace shegong::cases
