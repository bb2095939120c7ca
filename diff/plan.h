// A migration plan: ordered ops, each with its warnings.
#ifndef SCHEMADIFF_DIFF_PLAN_H_
#define SCHEMADIFF_DIFF_PLAN_H_

#include <string>
#include <vector>

#include "diff/ops.h"

namespace schemadiff {

enum class Severity { kInfo, kWarning, kDanger };

// A stable-coded finding. Codes are part of the CLI contract (e.g. "possible-rename",
// "drop-table", "drop-column", "data-loss", "enum-change", "naming-convention", "table-rebuild").
struct Warning {
  std::string code;
  Severity severity = Severity::kWarning;
  std::string message;
};

// One op plus the warnings that concern it.
struct Step {
  Op op;
  std::vector<Warning> warnings;
};

// The differ's output: steps in dependency order, plus warnings tied to no single op.
struct Plan {
  std::vector<Step> steps;
  std::vector<Warning> notes;

  bool empty() const { return steps.empty(); }
};

// The downgrade of `plan`: every op reversed, in reverse order, with warnings recomputed for
// the reversed ops (a downgrade drop is as dangerous as an upgrade drop).
Plan ReversePlan(const Plan& plan);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_PLAN_H_
