// Alembic revisions for PostgreSQL without a server: enum types resolved per schema as the SQL
// renderer resolves them, enum swaps that drop values warn as the SQL renderer does, and serial
// and USING conversions are the SQL renderer's statements.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "catalog/dialect_postgres.h"
#include "diff/apply.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/alembic.h"
#include "render/python_literal.h"
#include "render/sql_renderer.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/op_plans.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::Col;
using ::schemadiff::testing::Int;
using ::schemadiff::testing::Tbl;
using ::schemadiff::testing::Text;

DataType EnumType(const std::string& name) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_name = name;
  return t;
}

// The revision text for `ops` applied to `from`, downgrade included.
std::string Revision(const std::vector<Op>& ops, const Catalog& from) {
  return ::schemadiff::testing::AlembicRevisionOf(ops, from, PostgresDialect());
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

// The statements of a SQL script (lines ending with ';', without it).
std::vector<std::string> SqlStatements(const std::string& script) {
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(script, '\n')) {
    if (!line.empty() && line.back() == ';' && !absl::StartsWith(line, "--")) {
      out.emplace_back(line.substr(0, line.size() - 1));
    }
  }
  return out;
}

TEST(AlembicPostgresColumns, SerialAndUsingChangesAreTheSqlRenderersStatements) {
  Catalog from;
  from.dialect = "postgresql";
  from.tables.push_back(Tbl("t", {Col("n", Text()), Col("m", Int())}));
  from.tables[0].schema = "s";
  Column id_to = from.tables[0].columns[0];
  id_to.autoincrement = true;
  Column n_to = Col("n", Int());
  Column m_to = from.tables[0].columns[2];
  m_to.identity = Identity{false, std::nullopt, std::nullopt};
  const std::vector<Op> ops = {
      AlterColumn{"s", "t", from.tables[0].columns[0], id_to, kAlterAutoincrement},
      AlterColumn{"s", "t", from.tables[0].columns[1], n_to, kAlterType},
      AlterColumn{"s", "t", from.tables[0].columns[2], m_to, kAlterAutoincrement}};

  Plan plan;
  for (const Op& op : ops) plan.steps.push_back({op, {}});
  absl::StatusOr<std::string> sql =
      RenderSql(plan, from, PostgresDialect(), SqlRenderOptions{.safe = false});
  ASSERT_TRUE(sql.ok()) << sql.status();
  const std::string text = Revision(ops, from);

  // Upgrade: the sequence and the setvals, as op.execute() calls.
  int carried = 0;
  for (const std::string& statement : SqlStatements(*sql)) {
    if (!absl::StrContains(statement, "SEQUENCE") && !absl::StrContains(statement, "setval") &&
        !absl::StrContains(statement, "nextval")) {
      continue;
    }
    EXPECT_TRUE(absl::StrContains(text, "op.execute(" + PythonSqlText(statement) + ")"))
        << statement << "\n"
        << text;
    ++carried;
  }
  EXPECT_EQ(carried, 4) << *sql;  // CREATE SEQUENCE, SET DEFAULT nextval, two setvals
  EXPECT_TRUE(absl::StrContains(*sql, "TYPE integer USING n::integer")) << *sql;
  EXPECT_TRUE(absl::StrContains(text, "postgresql_using='n::integer'")) << text;
}

}  // namespace
}  // namespace schemadiff
