// `schemadiff check`: whether SRC already matches DST (exit 0) or changes are pending (exit 1).
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/report.h"
#include "common/status_macros.h"
#include "diff/ops.h"
#include "nlohmann/json.hpp"

namespace schemadiff {
namespace {

struct CheckFlags {
  ComparisonFlags compare;
  std::string format = "text";
};

// The JSON report: {"in_sync", "changes": [{"op", "table", "description"}], "warnings"}.
nlohmann::json JsonReport(const Plan& plan) {
  nlohmann::json changes = nlohmann::json::array();
  for (const Step& step : plan.steps) {
    const auto [schema, table] = OpTable(step.op);
    changes.push_back({{"op", OpKindName(step.op)},
                       {"table", table.empty() ? nlohmann::json(nullptr)
                                               : nlohmann::json(QualifiedName(schema, table))},
                       {"description", DescribeOp(step.op)}});
  }
  nlohmann::json warnings = nlohmann::json::array();
  for (const Warning& warning : PlanWarnings(plan)) {
    warnings.push_back({{"code", warning.code},
                        {"severity", SeverityName(warning.severity)},
                        {"message", warning.message}});
  }
  return {{"in_sync", plan.empty()}, {"changes", changes}, {"warnings", warnings}};
}

absl::StatusOr<int> RunCheck(const CheckFlags& flags) {
  ASSIGN_OR_RETURN(const Comparison comparison, Compare(flags.compare));
  const Plan& plan = comparison.plan;
  if (flags.format == "json") {
    // error_handler::replace: names from a database are not guaranteed to be valid UTF-8.
    std::cout << JsonReport(plan).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (plan.empty()) {
    std::cout << "in sync\n";
  } else {
    for (const Step& step : plan.steps) std::cout << DescribeOp(step.op) << "\n";
    PrintWarnings(plan, std::cerr);
  }
  return plan.empty() ? 0 : 1;
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "check",
      "Exit 0 when SRC (--from) matches DST (--to), 1 when changes are pending (listed), 2 on "
      "error");
  auto flags = std::make_shared<CheckFlags>();
  AddComparisonOptions(command, &flags->compare, /*from_optional=*/false);
  command->add_option("--format", flags->format, "Report format (default text)")
      ->check(CLI::IsMember({"text", "json"}).description(""))
      ->type_name("text|json");
  return Command{command, [flags]() { return RunCheck(*flags); }};
}

}  // namespace schemadiff
