// Real Alembic (psycopg2) on a real PostgreSQL server, for every pair of the PostgreSQL
// convergence suite: render the revision from the introspected `from` database to `to`, stamp
// the database at the previous head, `alembic upgrade head` (re-introspected, the diff to `to`
// is empty), `alembic downgrade -1` (the diff to `from` is empty), `alembic upgrade head` again;
// the rows checked by the SQL suite are there after each upgrade.
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_postgres.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "tests/integration/postgres_pairs.h"
#include "tests/integration/postgres_test_db.h"
#include "tests/support/alembic_fixture.h"
#include "tests/support/database_state.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::AlembicTestProject;
using ::schemadiff::testing::LoadDatabase;
using ::schemadiff::testing::PgConvergenceCase;
using ::schemadiff::testing::PgConvergenceCases;
using ::schemadiff::testing::PgExpectation;
using ::schemadiff::testing::PgTestDatabase;
using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::Remaining;
using ::schemadiff::testing::TempDir;

// Pairs Alembic cannot render, with the text of the rendering error: SQLAlchemy 1.4 has no
// NULLS NOT DISTINCT.
const std::map<std::string, std::string>& KnownLimits() {
  static const auto* limits = new std::map<std::string, std::string>{
      {"keys_uniques_and_indexes", "NULLS NOT DISTINCT"},
  };
  return *limits;
}

class PostgresAlembicTest : public ::testing::TestWithParam<PgConvergenceCase> {};

TEST_P(PostgresAlembicTest, UpgradeDowngradeUpgrade) {
  SKIP_WITHOUT_POSTGRES();
  const PgConvergenceCase& c = GetParam();
  const Dialect& dialect = PostgresDialect();
  PgTestDatabase live;
  PgTestDatabase target;
  ASSERT_EQ(live.Exec(c.from), "");
  ASSERT_EQ(target.Exec(c.to), "");
  absl::StatusOr<Catalog> from = LoadDatabase(live.url(), dialect, c.schemas);
  ASSERT_OK(from);
  absl::StatusOr<Catalog> to = LoadDatabase(target.url(), dialect, c.schemas);
  ASSERT_OK(to);
  Catalog hinted = *to;
  if (c.hints) c.hints(&hinted);
  ASSERT_EQ(live.Exec(c.seed), "");
  absl::StatusOr<Plan> plan = Diff(*from, hinted, dialect);
  ASSERT_OK(plan);
  ASSERT_FALSE(plan->empty());

  TempDir dir;
  const std::string url =
      absl::StrCat("postgresql+psycopg2://", live.url().substr(live.url().find("://") + 3));
  AlembicTestProject project(dir.File("project"), url);
  absl::StatusOr<std::string> base = project.AddEmptyRevision("base");
  ASSERT_OK(base);
  absl::StatusOr<std::string> revision = project.AddRevision(*plan, *from, hinted, dialect, c.name);
  const auto limit = KnownLimits().find(c.name);
  if (!revision.ok() && limit != KnownLimits().end()) {
    EXPECT_TRUE(absl::StrContains(revision.status().message(), limit->second)) << revision.status();
    GTEST_SKIP() << revision.status();
  }
  ASSERT_OK(revision);
  const std::string text = ReadFile(project.RevisionPath(*revision));
  const auto rows_as_expected = [&](const std::string& step) {
    for (const PgExpectation& e : c.after_upgrade) {
      EXPECT_EQ(live.Query(e.query), e.rows) << step << ": " << e.query << "\n" << text;
    }
  };

  auto run = project.Alembic("stamp " + *base);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  run = project.Alembic("upgrade head");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(live.url(), dialect, *to, c.schemas), "") << "left after upgrade; revision:\n"
                                                                << text;
  rows_as_expected("upgrade");

  run = project.Alembic("downgrade -1");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(live.url(), dialect, *from, c.schemas), "")
      << "left after downgrade; revision:\n"
      << text;

  run = project.Alembic("upgrade head");
  ASSERT_EQ(run.exit_code, 0) << run.err << "\nrevision:\n" << text;
  EXPECT_EQ(Remaining(live.url(), dialect, *to, c.schemas), "")
      << "left after the second upgrade:\n"
      << text;
}

INSTANTIATE_TEST_SUITE_P(Pairs, PostgresAlembicTest, ::testing::ValuesIn(PgConvergenceCases()),
                         [](const ::testing::TestParamInfo<PgConvergenceCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace schemadiff
