// `schemadiff generate`: the migration from SRC to DST as SQL or as an Alembic revision.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/output.h"
#include "cli/report.h"
#include "common/status_macros.h"
#include "render/alembic.h"
#include "render/sql_renderer.h"

namespace schemadiff {
namespace {

struct GenerateFlags {
  ComparisonFlags compare;
  std::string format = "sql";
  bool down = false;
  std::string output;
  std::string message;
  bool no_safe = false;
  std::string versions_dir;
  std::string config;
  std::string rev_id;
};

// The current local time as Alembic writes Create Date ("2026-11-23 12:00:00.123456").
std::string CreateDateNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() %
      1000000;
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M:%S", &local);
  char fraction[16];
  std::snprintf(fraction, sizeof(fraction), ".%06lld", static_cast<long long>(micros));
  return std::string(buffer) + fraction;
}

// A user-given revision id must be usable in a file name and a Python string.
absl::Status ValidateRevisionId(const std::string& id) {
  const bool ok = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("--rev-id '", id, "' must be letters, digits and underscores"));
}

// `message` as SQL comment lines heading the script.
std::string SqlMessageHeader(const std::string& message) {
  std::string header;
  for (absl::string_view line : absl::StrSplit(message, '\n')) {
    absl::StrAppend(&header, "-- ", line, "\n");
  }
  return header;
}

// Checks the flag combinations that cannot work together, and settles the format.
absl::Status ValidateFlags(const CLI::App& command, bool in_project, GenerateFlags* flags) {
  const bool format_given = command.count("--format") > 0;
  if (in_project) {
    if (format_given && flags->format != "alembic") {
      return absl::InvalidArgumentError(
          "--versions-dir and --config write Alembic revisions: they need --format alembic");
    }
    flags->format = "alembic";
    if (!flags->output.empty()) {
      return absl::InvalidArgumentError(
          "-o cannot be combined with --versions-dir or --config (the revision file is named "
          "by the project's file_template)");
    }
  }
  if (flags->format == "alembic") {
    if (flags->down) {
      return absl::InvalidArgumentError(
          "--down applies to --format sql (an Alembic revision already holds downgrade())");
    }
    if (flags->no_safe) return absl::InvalidArgumentError("--no-safe applies to --format sql");
    if (!flags->rev_id.empty()) RETURN_IF_ERROR(ValidateRevisionId(flags->rev_id));
  } else if (!flags->rev_id.empty()) {
    return absl::InvalidArgumentError("--rev-id applies to --format alembic");
  }
  return absl::OkStatus();
}

absl::StatusOr<int> RunGenerate(const CLI::App& command, GenerateFlags flags) {
  const bool in_project = !flags.versions_dir.empty() || !flags.config.empty();
  RETURN_IF_ERROR(ValidateFlags(command, in_project, &flags));
  AlembicProject project;
  if (!flags.config.empty()) {
    ASSIGN_OR_RETURN(project, ReadAlembicConfig(flags.config));
    if (flags.compare.from.empty()) {
      if (project.sqlalchemy_url.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("--from is required: '", flags.config, "' sets no sqlalchemy.url"));
      }
      flags.compare.from = project.sqlalchemy_url;
    }
  }
  if (!flags.versions_dir.empty()) project.versions_dir = flags.versions_dir;
  if (flags.compare.from.empty()) {
    return absl::InvalidArgumentError("--from is required (or --config with sqlalchemy.url)");
  }

  ASSIGN_OR_RETURN(Comparison comparison, Compare(flags.compare));
  const Dialect& dialect = *comparison.dialect;

  if (flags.format == "sql") {
    const Plan reversed = flags.down ? ReversePlan(comparison.plan) : Plan{};
    const Plan& plan = flags.down ? reversed : comparison.plan;
    SqlRenderOptions options;
    options.safe = !flags.no_safe;
    ASSIGN_OR_RETURN(std::string sql, RenderSql(plan, flags.down ? comparison.to : comparison.from,
                                                dialect, options));
    if (!flags.message.empty()) sql = SqlMessageHeader(flags.message) + sql;
    RETURN_IF_ERROR(WriteOutput(flags.output, sql));
    PrintWarnings(plan, std::cerr);
    return 0;
  }

  RevisionInfo info;
  info.message = flags.message.empty() ? "empty message" : flags.message;
  info.revision_id = flags.rev_id.empty() ? NewRevisionId() : flags.rev_id;
  info.create_date = CreateDateNow();
  if (in_project) {
    ASSIGN_OR_RETURN(info.down_revision, FindHeadRevision(project.versions_dir));
  }
  ASSIGN_OR_RETURN(const std::string revision,
                   RenderAlembicRevision(comparison.plan, ReversePlan(comparison.plan),
                                         comparison.from, comparison.to, dialect, info));
  if (in_project) {
    ASSIGN_OR_RETURN(const std::string path,
                     WriteRevisionFile(project, RevisionFileName(project, info), revision));
    std::cout << path << "\n";
  } else {
    RETURN_IF_ERROR(WriteOutput(flags.output, revision));
  }
  PrintWarnings(comparison.plan, std::cerr);
  return 0;
}

}  // namespace

Command AddGenerateCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "generate",
      "Print or write the migration that turns SRC (--from) into DST (--to): a SQL script for "
      "the dialect's own client, or an Alembic revision");
  auto flags = std::make_shared<GenerateFlags>();
  AddComparisonOptions(command, &flags->compare, /*from_optional=*/true);
  command->add_option("--format", flags->format, "Output format (default sql)")
      ->check(CLI::IsMember({"sql", "alembic"}).description(""))
      ->type_name("sql|alembic");
  command->add_flag("--down", flags->down,
                    "SQL for the downgrade (DST back to SRC) instead of the upgrade");
  command
      ->add_option("-o,--output", flags->output,
                   "Write to PATH (atomically) instead of standard output")
      ->type_name("PATH");
  command
      ->add_option("-m,--message", flags->message,
                   "Revision message (Alembic docstring and file slug; a comment in SQL)")
      ->type_name("MESSAGE");
  command->add_flag("--no-safe", flags->no_safe,
                    "Plain transactional SQL instead of the lock-safe forms (PostgreSQL "
                    "CONCURRENTLY, NOT VALID + VALIDATE, lock_timeout)");
  command
      ->add_option("--versions-dir", flags->versions_dir,
                   "Write an Alembic revision into this versions directory, revising its "
                   "head")
      ->type_name("DIR");
  command
      ->add_option("--config", flags->config,
                   "alembic.ini of an Alembic project: its versions directory, file_template "
                   "and sqlalchemy.url (the default --from)")
      ->type_name("alembic.ini");
  command
      ->add_option("--rev-id", flags->rev_id,
                   "Revision id for --format alembic (default: a fresh random id)")
      ->type_name("ID");
  return Command{command, [command, flags]() { return RunGenerate(*command, *flags); }};
}

}  // namespace schemadiff
