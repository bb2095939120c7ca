#include "cli/app.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_replace.h"
#include "cli/commands.h"
#include "common/strings.h"
#include "common/version.h"

namespace schemadiff {
namespace {

// Prints `message` as the single error line and returns the error exit code.
int ReportError(std::string_view message) {
  std::cerr << "schemadiff: error: "
            << absl::StrReplaceAll(Absl(message), {{"\r\n", " "}, {"\n", " "}}) << "\n";
  return 2;
}

// The help hint for a usage error, naming the subcommand when one was given.
std::string HelpHint(const CLI::App &app) {
  for (const CLI::App *sub : app.get_subcommands()) {
    return " (see 'schemadiff " + sub->get_name() + " --help')";
  }
  return " (see 'schemadiff --help')";
}

// The first command-line argument no option of `app` or its chosen subcommand took; "" if none.
std::string FirstUnexpectedArgument(const CLI::App &app) {
  for (const CLI::App *sub : app.get_subcommands()) {
    if (!sub->remaining().empty()) return sub->remaining().front();
  }
  return app.remaining().empty() ? "" : app.remaining().front();
}

int Run(int argc, char **argv) {
  CLI::App app(
      "Compares database schemas (SQLite, PostgreSQL, MySQL/MariaDB "
      "databases or YAML schema "
      "files) and generates the migration between them.",
      "schemadiff");
  app.set_version_flag("--version", "schemadiff " + std::string(Version()),
                       "Print the version and exit");
  app.require_subcommand(1);
  app.footer(
      "SRC and DST are database URLs in SQLAlchemy's form "
      "(sqlite:///relative.db, "
      "sqlite:////absolute.db, postgresql://user:pass@host:port/db, "
      "mysql://user:pass@host:port/db) or paths to YAML schema files.\n"
      "Exit codes: 0 success (check: in sync), 1 check: changes "
      "pending, 2 error.");

  const std::vector<Command> commands = {AddGenerateCommand(app), AddCheckCommand(app),
                                         AddDiffCommand(app), AddIntrospectCommand(app)};

  // Name the problem when the command itself is missing or misspelled.
  const std::string command_list = "generate, check, diff or introspect";
  if (argc < 2) return ReportError("no command given: expected " + command_list);
  const std::string first = argv[1];
  if (!first.empty() && first[0] != '-' &&
      std::none_of(commands.begin(), commands.end(),
                   [&](const Command &c) { return c.app->get_name() == first; })) {
    return ReportError("unknown command '" + first + "': expected " + command_list);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    // CLI11 checks required options before unknown ones: name the unknown one first, since it
    // is usually the cause (a misspelled --from).
    const std::string unexpected = FirstUnexpectedArgument(app);
    if (!unexpected.empty()) {
      return ReportError("unknown option or argument '" + unexpected + "'" + HelpHint(app));
    }
    return ReportError(std::string(e.what()) + HelpHint(app));
  }

  for (const Command &command : commands) {
    if (!command.app->parsed()) continue;
    absl::StatusOr<int> code = command.run();
    if (!code.ok()) return ReportError(Std(code.status().message()));
    return *code;
  }
  return ReportError("no command given: expected " + command_list);
}

}  // namespace

int RunCli(int argc, char **argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception &e) {
    return ReportError(e.what());
  } catch (...) {
    return ReportError("unexpected internal error");
  }
}

}  // namespace schemadiff
