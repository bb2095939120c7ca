#include "tests/support/plan_text.h"

#include <vector>

#include "absl/strings/str_join.h"

namespace schemadiff::testing {

std::string DescribePlan(const Plan& plan) {
  std::vector<std::string> lines;
  for (const Step& step : plan.steps) lines.push_back("  " + DescribeOp(step.op));
  return absl::StrJoin(lines, "\n");
}

}  // namespace schemadiff::testing
