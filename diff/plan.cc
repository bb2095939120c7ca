#include "diff/plan.h"

#include "diff/warnings.h"

namespace schemadiff {

Plan ReversePlan(const Plan& plan) {
  Plan reversed;
  reversed.steps.reserve(plan.steps.size());
  for (auto it = plan.steps.rbegin(); it != plan.steps.rend(); ++it) {
    Op op = Reverse(it->op);
    std::vector<Warning> warnings = OpWarnings(op);
    reversed.steps.push_back({std::move(op), std::move(warnings)});
  }
  // plan.notes (possible renames, naming) describe the upgrade's target; they do not carry over.
  return reversed;
}

}  // namespace schemadiff
