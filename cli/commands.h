// The schemadiff subcommands. Each Add*Command registers its subcommand and options on `app`
// and returns it with the function that runs it once the command line has been parsed.
#ifndef SCHEMADIFF_CLI_COMMANDS_H_
#define SCHEMADIFF_CLI_COMMANDS_H_

#include <functional>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"

namespace schemadiff {

// A registered subcommand and what runs it: `run` returns the process exit code, or an error
// (reported as one line, exit code 2).
struct Command {
  CLI::App* app = nullptr;
  std::function<absl::StatusOr<int>()> run;
};

// `schemadiff generate`: the migration script or Alembic revision from SRC to DST.
Command AddGenerateCommand(CLI::App& app);
// `schemadiff check`: exit 0 in sync, 1 with changes pending.
Command AddCheckCommand(CLI::App& app);
// `schemadiff diff`: a readable summary of the changes, grouped by table.
Command AddDiffCommand(CLI::App& app);
// `schemadiff introspect`: a source written as a YAML schema.
Command AddIntrospectCommand(CLI::App& app);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_COMMANDS_H_
