// `schemadiff diff`: a readable summary of the changes from SRC to DST, grouped by table.
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/report.h"
#include "common/status_macros.h"
#include "diff/ops.h"

namespace schemadiff {
namespace {

// The marker in front of an op: + adds, - removes, ~ changes, > renames.
char OpMarker(const Op& op) {
  return std::visit(
      [](const auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, AddColumn> ||
                      std::is_same_v<T, CreateIndex> || std::is_same_v<T, AddConstraint> ||
                      std::is_same_v<T, CreateEnum>) {
          return '+';
        } else if constexpr (std::is_same_v<T, DropTable> || std::is_same_v<T, DropColumn> ||
                             std::is_same_v<T, DropIndex> || std::is_same_v<T, DropConstraint> ||
                             std::is_same_v<T, DropEnum>) {
          return '-';
        } else if constexpr (std::is_same_v<T, RenameTable> || std::is_same_v<T, RenameColumn> ||
                             std::is_same_v<T, RenameIndex> ||
                             std::is_same_v<T, RenameConstraint>) {
          return '>';
        } else {
          return '~';
        }
      },
      op);
}

// "N thing" / "N things".
std::string Count(size_t n, std::string_view noun) {
  return absl::StrCat(n, " ", std::string(noun), n == 1 ? "" : "s");
}

// The summary text for `plan`.
std::string Summary(const Plan& plan, const Dialect& dialect) {
  if (plan.empty() && plan.notes.empty()) {
    return absl::StrCat("No changes (", std::string(dialect.name()), ").\n");
  }
  // Steps grouped by table, in name order; enum types (no table) first.
  std::map<std::string, std::vector<const Step*>> groups;
  for (const Step& step : plan.steps) {
    const auto [schema, table] = OpTable(step.op);
    groups[table.empty() ? "" : QualifiedName(schema, table)].push_back(&step);
  }
  const size_t tables = groups.size() - groups.count("");
  std::string out = absl::StrCat(Count(plan.steps.size(), "change"), " in ", Count(tables, "table"),
                                 " (", std::string(dialect.name()), ")\n");
  for (const auto& [name, steps] : groups) {
    absl::StrAppend(&out, "\n", name.empty() ? "types" : "table " + name, "\n");
    for (const Step* step : steps) {
      absl::StrAppend(&out, "  ", std::string(1, OpMarker(step->op)), " ", DescribeOp(step->op),
                      "\n");
      for (const Warning& warning : step->warnings) {
        absl::StrAppend(&out, "      ", FormatWarning(warning), "\n");
      }
    }
  }
  if (!plan.notes.empty()) {
    absl::StrAppend(&out, "\nnotes\n");
    for (const Warning& note : plan.notes) absl::StrAppend(&out, "  ", FormatWarning(note), "\n");
  }
  return out;
}

absl::StatusOr<int> RunDiff(const ComparisonFlags& flags) {
  ASSIGN_OR_RETURN(const Comparison comparison, Compare(flags));
  std::cout << Summary(comparison.plan, *comparison.dialect);
  return 0;
}

}  // namespace

Command AddDiffCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "diff",
      "Summarize the changes from SRC (--from) to DST (--to), grouped by table, with "
      "their warnings");
  auto flags = std::make_shared<ComparisonFlags>();
  AddComparisonOptions(command, flags.get(), /*from_optional=*/false);
  return Command{command, [flags]() { return RunDiff(*flags); }};
}

}  // namespace schemadiff
