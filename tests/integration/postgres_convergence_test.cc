// Convergence on a real PostgreSQL server: for each (from, to) pair, the rendered upgrade run by
// psql turns `from` into `to` (re-introspected, the diff is empty) without losing rows, and the
// rendered downgrade turns it back into `from`. Both the safe (default) and the plain
// transactional forms are exercised.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/sql_renderer.h"
#include "tests/integration/postgres_pairs.h"
#include "tests/integration/postgres_test_db.h"
#include "tests/support/database_state.h"
#include "tests/support/plan_text.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::DescribePlan;
using ::schemadiff::testing::IntrospectOrFail;
using ::schemadiff::testing::PgConvergenceCase;
using ::schemadiff::testing::PgConvergenceCases;
using ::schemadiff::testing::PgExpectation;
using ::schemadiff::testing::PgTestDatabase;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

class PostgresConvergenceTest
    : public ::testing::TestWithParam<std::tuple<PgConvergenceCase, bool>> {};

// Introspects `db`, failing the test on errors.
Catalog Introspect(const PgTestDatabase& db, const std::vector<std::string>& schemas) {
  return IntrospectOrFail(db.url(), PostgresDialect(), schemas);
}

// Renders `plan` against `from` and runs it on `db` with psql; returns the script.
std::string Apply(const PgTestDatabase& db, const Plan& plan, const Catalog& from, bool safe,
                  const std::string& path) {
  absl::StatusOr<std::string> script =
      RenderSql(plan, from, PostgresDialect(), SqlRenderOptions{.safe = safe});
  EXPECT_TRUE(script.ok()) << script.status();
  if (!script.ok()) return "";
  WriteFile(path, *script);
  const auto result = db.Psql(path);
  EXPECT_EQ(result.exit_code, 0) << result.err << "\n--- script:\n" << *script;
  return *script;
}

TEST_P(PostgresConvergenceTest, UpgradeAndDowngradeConverge) {
  SKIP_WITHOUT_POSTGRES();
  const auto& [c, safe] = GetParam();
  const Dialect& pg = PostgresDialect();
  PgTestDatabase live;
  PgTestDatabase target;
  ASSERT_EQ(live.Exec(c.from), "");
  ASSERT_EQ(target.Exec(c.to), "");
  const Catalog from = Introspect(live, c.schemas);
  const Catalog to = Introspect(target, c.schemas);
  Catalog hinted = to;
  if (c.hints) c.hints(&hinted);
  ASSERT_EQ(live.Exec(c.seed), "");

  // A database against itself is empty.
  absl::StatusOr<Plan> self = Diff(from, from, pg);
  ASSERT_OK(self);
  EXPECT_TRUE(self->empty()) << DescribePlan(*self);

  absl::StatusOr<Plan> plan = Diff(from, hinted, pg);
  ASSERT_OK(plan);
  ASSERT_FALSE(plan->empty());
  TempDir dir;
  const std::string upgrade = Apply(live, *plan, from, safe, dir.File("up.sql"));

  absl::StatusOr<Plan> after = Diff(Introspect(live, c.schemas), to, pg);
  ASSERT_OK(after);
  EXPECT_TRUE(after->empty()) << "left after the upgrade:\n"
                              << DescribePlan(*after) << "\n--- upgrade:\n"
                              << upgrade;
  for (const PgExpectation& e : c.after_upgrade) {
    EXPECT_EQ(live.Query(e.query), e.rows) << e.query;
  }

  const std::string downgrade = Apply(live, ReversePlan(*plan), hinted, safe, dir.File("down.sql"));
  absl::StatusOr<Plan> back = Diff(Introspect(live, c.schemas), from, pg);
  ASSERT_OK(back);
  EXPECT_TRUE(back->empty()) << "left after the downgrade:\n"
                             << DescribePlan(*back) << "\n--- downgrade:\n"
                             << downgrade;
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, PostgresConvergenceTest,
    ::testing::Combine(::testing::ValuesIn(PgConvergenceCases()), ::testing::Bool()),
    [](const ::testing::TestParamInfo<std::tuple<PgConvergenceCase, bool>>& info) {
      return std::get<0>(info.param).name + (std::get<1>(info.param) ? "_safe" : "_plain");
    });

}  // namespace
}  // namespace schemadiff
