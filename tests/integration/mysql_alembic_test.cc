// Real Alembic (python3-alembic with pymysql) on a real MariaDB, for every (from, to) pair of the
// MySQL convergence suite: render the revision from the introspected `from` database to `to`,
// stamp the database at the previous head, `alembic upgrade head` (re-introspected, the diff to
// `to` is empty), `alembic downgrade -1` (the diff to `from` is empty), `alembic upgrade head`
// again; the seeded rows are there after the upgrade. (A pair without changes gives a revision
// whose upgrade and downgrade are `pass`, and must run as well.)
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "tests/integration/mysql_pairs.h"
#include "tests/integration/mysql_test_db.h"
#include "tests/support/alembic_fixture.h"
#include "tests/support/database_state.h"
#include "tests/support/plan_text.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::AlembicTestProject;
using ::schemadiff::testing::DescribePlan;
using ::schemadiff::testing::LoadDatabase;
using ::schemadiff::testing::MysqlConvergenceCase;
using ::schemadiff::testing::MysqlExpectation;
using ::schemadiff::testing::MysqlTestDatabase;
using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::Remaining;
using ::schemadiff::testing::TempDir;

// The SQLAlchemy URL of `db` (pymysql driver).
std::string SqlalchemyUrl(const MysqlTestDatabase& db) {
  const DatabaseUrl& url = db.parsed_url();
  return absl::StrCat("mysql+pymysql://", url.user, ":", url.password, "@",
                      url.host.empty() ? "127.0.0.1" : url.host, ":",
                      url.port == 0 ? 3306 : url.port, "/", url.database, "?charset=utf8mb4");
}

class MysqlAlembicTest : public ::testing::TestWithParam<MysqlConvergenceCase> {};

TEST_P(MysqlAlembicTest, UpgradeDowngradeUpgrade) {
  SKIP_WITHOUT_MYSQL();
  const MysqlConvergenceCase& c = GetParam();
  const Dialect& dialect = MysqlDialect();
  MysqlTestDatabase db;
  MysqlTestDatabase target_db;
  ASSERT_EQ(db.Exec(c.from), "");
  ASSERT_EQ(db.Exec(c.seed), "");
  ASSERT_EQ(target_db.Exec(c.to), "");
  absl::StatusOr<Catalog> from = LoadDatabase(db.url(), dialect);
  ASSERT_OK(from);
  absl::StatusOr<Catalog> to = LoadDatabase(target_db.url(), dialect);
  ASSERT_OK(to);
  if (c.hints) c.hints(&*to);
  absl::StatusOr<Plan> plan = Diff(*from, *to, dialect);
  ASSERT_OK(plan);

  TempDir dir;
  AlembicTestProject project(dir.File("project"), SqlalchemyUrl(db));
  absl::StatusOr<std::string> base = project.AddEmptyRevision("base");
  ASSERT_OK(base);
  absl::StatusOr<std::string> revision = project.AddRevision(*plan, *from, *to, dialect, c.name);
  ASSERT_OK(revision);
  const std::string text = ReadFile(project.RevisionPath(*revision));

  auto run = project.Alembic("stamp " + *base);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  run = project.Alembic("upgrade head");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(db.url(), dialect, *to), "") << "left after upgrade; plan:\n"
                                                   << DescribePlan(*plan) << "\nrevision:\n"
                                                   << text;
  for (const MysqlExpectation& e : c.after_upgrade) {
    EXPECT_EQ(db.Query(e.query), e.output) << e.query << "\nrevision:\n" << text;
  }

  run = project.Alembic("downgrade -1");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(db.url(), dialect, *from), "") << "left after downgrade; revision:\n" << text;

  run = project.Alembic("upgrade head");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(db.url(), dialect, *to), "") << "left after the second upgrade; revision:\n"
                                                   << text;
}

INSTANTIATE_TEST_SUITE_P(Pairs, MysqlAlembicTest,
                         ::testing::ValuesIn(testing::MysqlConvergenceCases()),
                         [](const ::testing::TestParamInfo<MysqlConvergenceCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace schemadiff
