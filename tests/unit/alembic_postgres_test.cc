// Alembic revisions for PostgreSQL without a server: enum types resolved per schema as the SQL
// renderer resolves them, and enum swaps that drop values warn as the SQL renderer does.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "catalog/dialect_postgres.h"
#include "diff/apply.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/alembic.h"
#include "render/sql_renderer.h"
#include "tests/support/catalog_builder.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::Col;
using ::schemadiff::testing::Tbl;

DataType EnumType(const std::string& name) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_name = name;
  return t;
}

// The revision text for `ops` applied to `from`, downgrade included.
std::string Revision(const std::vector<Op>& ops, const Catalog& from) {
  Plan plan;
  Catalog to = from;
  for (const Op& op : ops) {
    plan.steps.push_back({op, {}});
    const absl::Status applied = ApplyOp(op, &to);
    EXPECT_TRUE(applied.ok()) << applied;
  }
  RevisionInfo info;
  info.message = "test";
  info.revision_id = "3f2a1b4c5d6e";
  info.create_date = "2024-05-01 12:34:56.000000";
  absl::StatusOr<std::string> text =
      RenderAlembicRevision(plan, ReversePlan(plan), from, to, PostgresDialect(), info);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

// Schemas a and b each hold an enum "status" with their own values, and a table "t".
Catalog TwoSchemas() {
  Catalog c;
  c.dialect = "postgresql";
  c.enums = {Enum{"a", "status", {"x", "y"}, {}}, Enum{"b", "status", {"p", "q"}, {}}};
  for (const char* schema : {"a", "b"}) {
    Table t = Tbl("t");
    t.schema = schema;
    c.tables.push_back(t);
  }
  return c;
}

TEST(AlembicPostgresEnums, UnqualifiedEnumNameMeansTheTableSchemasEnum) {
  const std::string text =
      Revision({AddColumn{"b", "t", Col("s", EnumType("status"))}}, TwoSchemas());
  EXPECT_TRUE(absl::StrContains(
      text, "postgresql.ENUM('p', 'q', name='status', schema='b', create_type=False)"))
      << text;
  EXPECT_FALSE(absl::StrContains(text, "schema='a'")) << text;
}

TEST(AlembicPostgresEnums, EachSchemaGetsItsOwnEnum) {
  const std::string text = Revision({AddColumn{"a", "t", Col("s", EnumType("status"))},
                                     AddColumn{"b", "t", Col("s", EnumType("status"))}},
                                    TwoSchemas());
  EXPECT_TRUE(absl::StrContains(
      text, "postgresql.ENUM('x', 'y', name='status', schema='a', create_type=False)"))
      << text;
  EXPECT_TRUE(absl::StrContains(
      text, "postgresql.ENUM('p', 'q', name='status', schema='b', create_type=False)"))
      << text;
}

TEST(AlembicPostgresEnums, QualifiedEnumNameWins) {
  const std::string text =
      Revision({AddColumn{"b", "t", Col("s", EnumType("a.status"))}}, TwoSchemas());
  EXPECT_TRUE(absl::StrContains(
      text, "postgresql.ENUM('x', 'y', name='status', schema='a', create_type=False)"))
      << text;
}

TEST(AlembicPostgresEnums, SwapDroppingValuesWarnsAsTheSqlRendererDoes) {
  Catalog from = TwoSchemas();
  from.tables[0].columns.push_back(Col("s", EnumType("status")));
  const std::vector<Op> ops = {AlterEnum{from.enums[0], Enum{"a", "status", {"x", "z"}, {}}}};
  const std::string message =
      "enum a.status loses value(s) 'y': the conversion fails while rows still hold them; update "
      "those rows first";

  Plan plan;
  plan.steps.push_back({ops[0], {}});
  absl::StatusOr<std::string> sql = RenderSql(plan, from, PostgresDialect(), SqlRenderOptions{});
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_TRUE(absl::StrContains(*sql, "-- WARNING [data-loss]: " + message)) << *sql;

  const std::string text = Revision(ops, from);
  const size_t warning = text.find("    # WARNING [data-loss]: " + message + "\n");
  const size_t swap = text.find("CREATE TYPE a.status__new AS ENUM ('x', 'z')");
  ASSERT_NE(warning, std::string::npos) << text;
  ASSERT_NE(swap, std::string::npos) << text;
  EXPECT_LT(warning, swap) << text;
}

TEST(AlembicPostgresEnums, ReorderWithoutRemovalHasNoDataLossWarning) {
  Catalog from = TwoSchemas();
  from.tables[0].columns.push_back(Col("s", EnumType("status")));
  const std::string text =
      Revision({AlterEnum{from.enums[0], Enum{"a", "status", {"y", "x"}, {}}}}, from);
  EXPECT_TRUE(absl::StrContains(text, "values removed or reordered")) << text;
  EXPECT_FALSE(absl::StrContains(text, "data-loss")) << text;
}

}  // namespace
}  // namespace schemadiff
