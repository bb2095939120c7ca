// YAML against a real MariaDB: the hand-written target of tests/testdata/mysql/app.yaml describes
// the database its team created by hand (app.sql) with no difference either way, builds that
// database from nothing, and a database's own introspect YAML reads back as the same schema.
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "diff/differ.h"
#include "gtest/gtest.h"
#include "introspect/yaml_loader.h"
#include "render/sql_renderer.h"
#include "render/yaml_writer.h"
#include "tests/integration/mysql_test_db.h"
#include "tests/support/database_state.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::IntrospectOrFail;
using ::schemadiff::testing::MysqlTestDatabase;
using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::SourcePath;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

// The catalog of `db`, failing the test on error.
Catalog Introspect(const MysqlTestDatabase& db) {
  return IntrospectOrFail(db.url(), MysqlDialect());
}

Catalog AppYaml() {
  absl::StatusOr<Catalog> catalog =
      LoadYamlSchema(SourcePath("tests/testdata/mysql/app.yaml"), MysqlDialect());
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return catalog.ok() ? *std::move(catalog) : Catalog{};
}

// The ops that turn `from` into `to`, one per line ("" when none).
std::string Remaining(const Catalog& from, const Catalog& to) {
  absl::StatusOr<Plan> plan = Diff(from, to, MysqlDialect());
  if (!plan.ok()) return plan.status().ToString();
  std::string out;
  for (const Step& step : plan->steps) absl::StrAppend(&out, DescribeOp(step.op), "\n");
  return out;
}

// Renders the plan from `from` to `to` and runs it on `db`.
void Migrate(const MysqlTestDatabase& db, const Catalog& from, const Catalog& to) {
  absl::StatusOr<Plan> plan = Diff(from, to, MysqlDialect());
  ASSERT_OK(plan);
  absl::StatusOr<std::string> sql = RenderSql(*plan, from, MysqlDialect(), SqlRenderOptions{});
  ASSERT_OK(sql);
  TempDir dir;
  WriteFile(dir.File("migration.sql"), *sql);
  const testing::CommandResult result = db.Script(dir.File("migration.sql"));
  ASSERT_EQ(result.exit_code, 0) << result.err << "\n" << *sql;
}

TEST(MysqlYamlTest, HandWrittenTargetMatchesHandMadeDatabase) {
  SKIP_WITHOUT_MYSQL();
  MysqlTestDatabase db;
  ASSERT_EQ(db.Exec(ReadFile(SourcePath("tests/testdata/mysql/app.sql"))), "");
  const Catalog database = Introspect(db);
  const Catalog target = AppYaml();
  ASSERT_EQ(target.tables.size(), 6u);
  EXPECT_EQ(Remaining(database, target), "");
  EXPECT_EQ(Remaining(target, database), "");
}

TEST(MysqlYamlTest, HandWrittenTargetBuildsFromAnEmptyDatabaseAndBack) {
  SKIP_WITHOUT_MYSQL();
  MysqlTestDatabase db;
  const Catalog empty = Introspect(db);
  ASSERT_TRUE(empty.tables.empty());
  const Catalog target = AppYaml();
  Migrate(db, empty, target);
  EXPECT_EQ(Remaining(Introspect(db), target), "");
  Migrate(db, target, empty);
  EXPECT_TRUE(Introspect(db).tables.empty());
}

TEST(MysqlYamlTest, IntrospectYamlReadsBackAsTheSameSchema) {
  SKIP_WITHOUT_MYSQL();
  MysqlTestDatabase db;
  ASSERT_EQ(db.Exec(ReadFile(SourcePath("tests/testdata/mysql/app.sql"))), "");
  ASSERT_EQ(db.Exec("CREATE TABLE `odd ``name``: #x` ("
                    "`id` INT PRIMARY KEY, `v` SET('a','b''c') DEFAULT 'a', `y` YEAR, "
                    "`bits` BIT(3) DEFAULT b'101', `z` INT(4) UNSIGNED ZEROFILL, "
                    "`s` VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_german2_ci "
                    "COMMENT 'line\\nbreak \"q\" ''s''', `t` TINYTEXT, `lb` LONGBLOB, "
                    "`e` ENUM('x y','ä') NOT NULL) ENGINE=MyISAM COMMENT '#: not a comment'"),
            "");
  const Catalog database = Introspect(db);
  const std::string yaml = WriteYamlSchema(database, MysqlDialect());
  absl::StatusOr<Catalog> reread = ParseYamlSchema(yaml, "introspected.yaml", MysqlDialect());
  ASSERT_OK(reread);
  EXPECT_EQ(Remaining(database, *reread), "") << yaml;
  EXPECT_EQ(Remaining(*reread, database), "") << yaml;
}

}  // namespace
}  // namespace schemadiff
