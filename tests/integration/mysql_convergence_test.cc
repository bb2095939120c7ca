// Convergence on a real MariaDB server: for each (from, to) pair of DDL, the rendered upgrade run
// by the `mariadb` client turns `from` into `to` (re-introspected, the diff is empty) without
// losing rows, and the rendered downgrade turns it back into `from`.
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/sql_renderer.h"
#include "tests/integration/mysql_pairs.h"
#include "tests/integration/mysql_test_db.h"
#include "tests/support/database_state.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::IntrospectOrFail;
using ::schemadiff::testing::MysqlConvergenceCase;
using ::schemadiff::testing::MysqlExpectation;
using ::schemadiff::testing::MysqlTestDatabase;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

class MysqlConvergenceTest : public ::testing::TestWithParam<MysqlConvergenceCase> {
 protected:
  // The catalog of `db`, failing the test on error.
  static Catalog Introspect(const MysqlTestDatabase& db) {
    return IntrospectOrFail(db.url(), MysqlDialect());
  }

  // Runs `plan` rendered against `from` on `db` with the mariadb client.
  static void Run(const MysqlTestDatabase& db, const Plan& plan, const Catalog& from,
                  const std::string& label) {
    absl::StatusOr<std::string> sql = RenderSql(plan, from, MysqlDialect(), SqlRenderOptions{});
    ASSERT_OK(sql);
    TempDir dir;
    WriteFile(dir.File("migration.sql"), *sql);
    const testing::CommandResult result = db.Script(dir.File("migration.sql"));
    ASSERT_EQ(result.exit_code, 0) << label << " failed: " << result.err << "\n" << *sql;
  }

  // Fails when `actual` differs from `expected`, listing the remaining ops.
  static void ExpectSame(const Catalog& actual, const Catalog& expected, const std::string& label) {
    absl::StatusOr<Plan> rest = Diff(actual, expected, MysqlDialect());
    ASSERT_OK(rest);
    std::string ops;
    for (const Step& step : rest->steps) absl::StrAppend(&ops, "\n  ", DescribeOp(step.op));
    EXPECT_TRUE(rest->empty()) << label << " left:" << ops;
  }
};

TEST_P(MysqlConvergenceTest, UpgradeAndDowngrade) {
  SKIP_WITHOUT_MYSQL();
  const MysqlConvergenceCase& c = GetParam();
  MysqlTestDatabase db;
  MysqlTestDatabase target_db;
  ASSERT_EQ(db.Exec(c.from), "");
  ASSERT_EQ(db.Exec(c.seed), "");
  ASSERT_EQ(target_db.Exec(c.to), "");
  const Catalog from = Introspect(db);
  Catalog to = Introspect(target_db);
  if (c.hints) c.hints(&to);

  absl::StatusOr<Plan> upgrade = Diff(from, to, MysqlDialect());
  ASSERT_OK(upgrade);
  if (c.name == "NoChange") {
    EXPECT_TRUE(upgrade->empty());
  }
  Run(db, *upgrade, from, "upgrade");
  ExpectSame(Introspect(db), to, "upgrade");
  for (const MysqlExpectation& e : c.after_upgrade)
    EXPECT_EQ(db.Query(e.query), e.output) << e.query;

  Run(db, ReversePlan(*upgrade), to, "downgrade");
  ExpectSame(Introspect(db), from, "downgrade");
}

INSTANTIATE_TEST_SUITE_P(Cases, MysqlConvergenceTest,
                         ::testing::ValuesIn(testing::MysqlConvergenceCases()),
                         [](const ::testing::TestParamInfo<MysqlConvergenceCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace schemadiff
