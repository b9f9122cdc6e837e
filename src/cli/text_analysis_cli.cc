#include <CLI/CLI.hpp>

#include "cli/subcommands.h"

namespace shegong::cli {

void add_text_analysis_commands(CLI::App& /*text*/, CommandRunner* /*chosen*/) {}

}  // namespace shegong::cli
