// Sub-command groups that live in their own files register themselves on a parent command: each
// add_* function adds its commands below `parent` and, when one of them is chosen on the command
// line, sets `*chosen` to the function that runs it (returning the exit code). main.cc calls them.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace shegong::cli {

using CommandRunner = std::function<int()>;

// shegong text train | classify | eval  (cli/text_classifier_cli.cc)
void add_text_classifier_commands(CLI::App& text, CommandRunner* chosen);
// shegong text hot | replies | similar  (cli/text_analysis_cli.cc)
void add_text_analysis_commands(CLI::App& text, CommandRunner* chosen);
// shegong text corrections  (cli/text_corrections_cli.cc)
void add_text_corrections_command(CLI::App& text, CommandRunner* chosen);

// shegong calendar check  (cli/calendar_cli.cc)
void add_calendar_commands(CLI::App& app, CommandRunner* chosen);

// shegong copy  (cli/copy_cli.cc)
void add_copy_command(CLI::App& app, CommandRunner* chosen);

}  // namespace shegong::cli
