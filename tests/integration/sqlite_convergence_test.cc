// Convergence on real SQLite files: for each (from, to) pair, the rendered upgrade applied by the
// sqlite3 shell turns `from` into `to` (re-introspected, the diff is empty) without losing rows,
// and the rendered downgrade turns it back into `from`.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/dialect_sqlite.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "introspect/sqlite_introspector.h"
#include "render/sql_renderer.h"
#include "tests/support/plan_text.h"
#include "tests/support/sqlite_pairs.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::ConvergenceCase;
using ::schemadiff::testing::DescribePlan;
using ::schemadiff::testing::Expectation;
using ::schemadiff::testing::MakeCaseSides;
using ::schemadiff::testing::MakeSqliteSides;
using ::schemadiff::testing::SharedDataQueries;
using ::schemadiff::testing::Sqlite;
using ::schemadiff::testing::SqliteSides;
using ::schemadiff::testing::TempDir;

std::vector<ConvergenceCase> Cases() { return testing::SqliteConvergenceCases(); }

absl::StatusOr<Catalog> Load(const std::string& db) { return IntrospectSqlite(db); }

class SqliteConvergenceTest : public ::testing::TestWithParam<ConvergenceCase> {};

TEST_P(SqliteConvergenceTest, UpgradeAndDowngradeConverge) {
  const ConvergenceCase& c = GetParam();
  const Dialect& dialect = SqliteDialect();
  TempDir dir;
  absl::StatusOr<SqliteSides> sides = MakeCaseSides(dir, c);
  ASSERT_OK(sides);
  const std::string& db = sides->db;
  const Catalog* const from = &sides->from;
  const Catalog* const to = &sides->to;

  // A database against itself is in sync.
  for (const Catalog* side : {&*from, &*to}) {
    absl::StatusOr<Plan> self = Diff(*side, *side, dialect);
    ASSERT_OK(self);
    EXPECT_TRUE(self->empty()) << DescribePlan(*self);
  }

  absl::StatusOr<Plan> plan = Diff(*from, *to, dialect);
  ASSERT_OK(plan);
  ASSERT_FALSE(plan->empty()) << "the case changes nothing";
  absl::StatusOr<std::string> up = RenderSql(*plan, *from, dialect, {});
  ASSERT_OK(up);

  std::vector<std::string> before;
  const std::vector<std::string> shared = SharedDataQueries(*from, *to);
  for (const std::string& query : shared) before.push_back(Sqlite(dir, db, query).out);

  // Upgrade.
  auto applied = Sqlite(dir, db, *up);
  ASSERT_EQ(applied.exit_code, 0) << applied.err << "\nupgrade:\n" << *up;
  EXPECT_EQ(applied.out, "") << "foreign_key_check found violations\nupgrade:\n" << *up;
  absl::StatusOr<Catalog> upgraded = Load(db);
  ASSERT_OK(upgraded);
  absl::StatusOr<Plan> remaining = Diff(*upgraded, *to, dialect);
  ASSERT_OK(remaining);
  EXPECT_TRUE(remaining->empty()) << "left to do after the upgrade:\n"
                                  << DescribePlan(*remaining) << "\nplan:\n"
                                  << DescribePlan(*plan) << "\nupgrade:\n"
                                  << *up;
  for (size_t i = 0; i < shared.size(); ++i) {
    EXPECT_EQ(Sqlite(dir, db, shared[i]).out, before[i]) << shared[i] << "\nupgrade:\n" << *up;
  }
  for (const Expectation& e : c.after_upgrade) {
    const auto result = Sqlite(dir, db, e.query);
    EXPECT_EQ(result.out, e.output) << e.query << "\n" << result.err << "\nupgrade:\n" << *up;
  }
  EXPECT_EQ(Sqlite(dir, db, "PRAGMA integrity_check;").out, "ok\n");

  // Downgrade: the reversed plan rendered against the target.
  const Plan reversed = ReversePlan(*plan);
  absl::StatusOr<std::string> down = RenderSql(reversed, *to, dialect, {});
  ASSERT_OK(down);
  applied = Sqlite(dir, db, *down);
  ASSERT_EQ(applied.exit_code, 0) << applied.err << "\ndowngrade:\n" << *down;
  EXPECT_EQ(applied.out, "") << "foreign_key_check found violations\ndowngrade:\n" << *down;
  absl::StatusOr<Catalog> downgraded = Load(db);
  ASSERT_OK(downgraded);
  remaining = Diff(*downgraded, *from, dialect);
  ASSERT_OK(remaining);
  EXPECT_TRUE(remaining->empty()) << "left to do after the downgrade:\n"
                                  << DescribePlan(*remaining) << "\ndowngrade:\n"
                                  << *down;
  for (size_t i = 0; i < shared.size(); ++i) {
    EXPECT_EQ(Sqlite(dir, db, shared[i]).out, before[i]) << shared[i] << "\ndowngrade:\n" << *down;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SqliteConvergenceTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ConvergenceCase>& info) {
                           return info.param.name;
                         });

// A migration that cannot complete (a new NOT NULL column without a default on a table with
// rows) stops at the failing statement and leaves the database exactly as it was.
TEST(SqliteConvergenceSuite, FailingUpgradeRollsBackEverything) {
  const Dialect& dialect = SqliteDialect();
  TempDir dir;
  absl::StatusOr<SqliteSides> sides = MakeSqliteSides(
      dir,
      "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);"
      "INSERT INTO tags VALUES (1, 'a'), (2, 'b');",
      "CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(10), nick TEXT NOT NULL);"
      "CREATE TABLE extra (id INTEGER PRIMARY KEY);");
  ASSERT_OK(sides);
  const std::string& db = sides->db;
  const Catalog* const from = &sides->from;
  const Catalog* const to = &sides->to;
  absl::StatusOr<Plan> plan = Diff(*from, *to, dialect);
  ASSERT_OK(plan);
  absl::StatusOr<std::string> up = RenderSql(*plan, *from, dialect, {});
  ASSERT_OK(up);

  const auto applied = Sqlite(dir, db, *up);
  EXPECT_NE(applied.exit_code, 0) << *up;
  EXPECT_NE(applied.err.find("NOT NULL constraint failed"), std::string::npos) << applied.err;
  absl::StatusOr<Catalog> after = Load(db);
  ASSERT_OK(after);
  absl::StatusOr<Plan> changed = Diff(*from, *after, dialect);
  ASSERT_OK(changed);
  EXPECT_TRUE(changed->empty()) << DescribePlan(*changed) << "\nupgrade:\n" << *up;
  EXPECT_EQ(Sqlite(dir, db, "SELECT group_concat(label) FROM tags;").out, "a,b\n");
}

// Triggers are not diffed, but a rebuild drops them with the old table: they must come back,
// and copying the rows must not fire them.
TEST(SqliteConvergenceSuite, RebuiltTableKeepsItsTriggers) {
  const Dialect& dialect = SqliteDialect();
  TempDir dir;
  const std::string trigger =
      "CREATE TABLE log (msg TEXT);"
      "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.name); END;";
  absl::StatusOr<SqliteSides> sides = MakeSqliteSides(
      dir,
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);" + trigger +
          "INSERT INTO t VALUES (1, 'a');",
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(9) NOT NULL DEFAULT '');" + trigger);
  ASSERT_OK(sides);
  const std::string& db = sides->db;
  const Catalog* const from = &sides->from;
  const Catalog* const to = &sides->to;
  absl::StatusOr<Plan> plan = Diff(*from, *to, dialect);
  ASSERT_OK(plan);
  absl::StatusOr<std::string> up = RenderSql(*plan, *from, dialect, {});
  ASSERT_OK(up);
  const auto applied = Sqlite(dir, db, *up);
  ASSERT_EQ(applied.exit_code, 0) << applied.err << "\n" << *up;
  EXPECT_EQ(Sqlite(dir, db,
                   "INSERT INTO t VALUES (2, 'b');"
                   "SELECT group_concat(msg) FROM log;"
                   "SELECT name FROM sqlite_schema WHERE type = 'trigger';")
                .out,
            "a,b\nt_ins\n")
      << *up;
}

TEST(SqliteConvergenceSuite, CoversEnoughCases) { EXPECT_GE(Cases().size(), 25u); }

}  // namespace
}  // namespace schemadiff
