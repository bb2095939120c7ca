#include "tests/support/op_plans.h"

#include "absl/status/statusor.h"
#include "diff/apply.h"
#include "gtest/gtest.h"
#include "render/alembic.h"

namespace schemadiff::testing {

Plan PlanOf(const std::vector<Op>& ops) {
  Plan plan;
  for (const Op& op : ops) plan.steps.push_back(Step{op, {}});
  return plan;
}

std::string AlembicRevisionOf(const std::vector<Op>& ops, const Catalog& from,
                              const Dialect& dialect) {
  Catalog to = from;
  for (const Op& op : ops) {
    const absl::Status applied = ApplyOp(op, &to);
    EXPECT_TRUE(applied.ok()) << applied;
  }
  RevisionInfo info;
  info.message = "test";
  info.revision_id = "3f2a1b4c5d6e";
  info.create_date = "2024-05-01 12:34:56.000000";
  const Plan plan = PlanOf(ops);
  absl::StatusOr<std::string> text =
      RenderAlembicRevision(plan, ReversePlan(plan), from, to, dialect, info);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

}  // namespace schemadiff::testing
