#include "cli/report.h"

#include <type_traits>

#include "absl/strings/str_cat.h"

namespace schemadiff {
namespace {

// Always false; makes the static_assert below depend on T.
template <typename T>
constexpr bool kUnhandled = false;

}  // namespace

std::vector<Warning> PlanWarnings(const Plan& plan) {
  std::vector<Warning> warnings;
  for (const Step& step : plan.steps) {
    warnings.insert(warnings.end(), step.warnings.begin(), step.warnings.end());
  }
  warnings.insert(warnings.end(), plan.notes.begin(), plan.notes.end());
  return warnings;
}

std::string FormatWarning(const Warning& warning) {
  return absl::StrCat("warning [", warning.code, "]: ", warning.message);
}

void PrintWarnings(const Plan& plan, std::ostream& out) {
  for (const Warning& warning : PlanWarnings(plan)) out << FormatWarning(warning) << "\n";
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kDanger:
      return "danger";
  }
  return "warning";
}

std::string_view OpKindName(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string_view {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>)
          return "create_table";
        else if constexpr (std::is_same_v<T, DropTable>)
          return "drop_table";
        else if constexpr (std::is_same_v<T, RenameTable>)
          return "rename_table";
        else if constexpr (std::is_same_v<T, AddColumn>)
          return "add_column";
        else if constexpr (std::is_same_v<T, DropColumn>)
          return "drop_column";
        else if constexpr (std::is_same_v<T, AlterColumn>)
          return "alter_column";
        else if constexpr (std::is_same_v<T, RenameColumn>)
          return "rename_column";
        else if constexpr (std::is_same_v<T, CreateIndex>)
          return "create_index";
        else if constexpr (std::is_same_v<T, DropIndex>)
          return "drop_index";
        else if constexpr (std::is_same_v<T, RenameIndex>)
          return "rename_index";
        else if constexpr (std::is_same_v<T, AddConstraint>)
          return "add_constraint";
        else if constexpr (std::is_same_v<T, DropConstraint>)
          return "drop_constraint";
        else if constexpr (std::is_same_v<T, RenameConstraint>)
          return "rename_constraint";
        else if constexpr (std::is_same_v<T, SetTableComment>)
          return "set_table_comment";
        else if constexpr (std::is_same_v<T, AlterTableOptions>)
          return "alter_table_options";
        else if constexpr (std::is_same_v<T, CreateEnum>)
          return "create_enum";
        else if constexpr (std::is_same_v<T, DropEnum>)
          return "drop_enum";
        else if constexpr (std::is_same_v<T, AlterEnum>)
          return "alter_enum";
        else
          static_assert(kUnhandled<T>, "every op kind needs a name");
      },
      op);
}

}  // namespace schemadiff
