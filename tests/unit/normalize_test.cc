#include "catalog/normalize.h"

#include <string>
#include <vector>

#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "diff/differ.h"
#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using testing::Ck;
using testing::Col;
using testing::Fk;
using testing::Int;
using testing::Ix;
using testing::MakeEnum;
using testing::Tbl;
using testing::Text;
using testing::Uq;

DataType NamedEnum(const std::string& name) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_name = name;
  return t;
}

std::vector<std::string> Names(const auto& list) {
  std::vector<std::string> out;
  for (const auto& x : list) out.push_back(x.name);
  return out;
}

TEST(NormalizeCatalogTest, NormalizesColumnTypesIncludingArrayElements) {
  const Dialect& pg = PostgresDialect();
  Catalog c;
  DataType array = MakeType(TypeKind::kArray);
  array.array_dimensions = 1;
  array.element.push_back(MakeVerbatim("INT4"));
  c.tables.push_back(Tbl("t", {Col("a", MakeVerbatim("int4")), Col("b", array)}));
  ASSERT_OK(NormalizeCatalog(pg, &c));
  const Table& t = c.tables[0];
  EXPECT_EQ(FindColumn(t, "a")->type, pg.NormalizeType(MakeVerbatim("int4")));
  EXPECT_NE(FindColumn(t, "a")->type.kind, TypeKind::kVerbatim);
  ASSERT_EQ(FindColumn(t, "b")->type.element.size(), 1u);
  EXPECT_EQ(FindColumn(t, "b")->type.element[0], FindColumn(t, "a")->type);
}

TEST(NormalizeCatalogTest, DefaultsReadAsTheDatabaseWouldReportThem) {
  const Dialect& sqlite = SqliteDialect();
  Catalog c;
  Column flag = Col("flag", Int());
  flag.server_default = DefaultExpr{DefaultKind::kBoolean, "true"};  // YAML `default: true`
  c.tables.push_back(Tbl("t", {flag}));
  ASSERT_OK(NormalizeCatalog(sqlite, &c));
  // SQLite stores TRUE as 1: on an integer column the introspector reads back the number 1.
  EXPECT_EQ(c.tables[0].columns[1].server_default, sqlite.ParseDefault("1", Int()));
}

TEST(NormalizeCatalogTest, CanonicalizesExpressions) {
  const Dialect& sqlite = SqliteDialect();
  Catalog c;
  Table t = Tbl("t", {Col("a", Int())});
  t.checks.push_back(Ck("ck", "( A   >  0 )"));
  Index ix;
  ix.name = "ix_lower";
  IndexElement e;
  e.expression = "LOWER( a )";
  ix.elements.push_back(e);
  ix.where = "A IS  NOT NULL";
  t.indexes.push_back(ix);
  Column g = Col("g", Int());
  g.generated = Generated{"A  *  2", true};
  t.columns.push_back(g);
  c.tables.push_back(t);
  ASSERT_OK(NormalizeCatalog(sqlite, &c));
  const Table& n = c.tables[0];
  EXPECT_EQ(n.checks[0].expression, sqlite.NormalizeExpression("a > 0"));
  EXPECT_EQ(n.indexes[0].elements[0].expression, sqlite.NormalizeExpression("lower(a)"));
  EXPECT_EQ(n.indexes[0].where, sqlite.NormalizeExpression("a is not null"));
  EXPECT_EQ(FindColumn(n, "g")->generated->expression, sqlite.NormalizeExpression("a * 2"));
}

TEST(NormalizeCatalogTest, SortsTablesEnumsAndTableObjects) {
  Catalog c;
  Table t = Tbl("t", {Col("a", Int()), Col("b", Int())});
  t.uniques = {Uq("uq_b", {"b"}), Uq("uq_a", {"a"}), Uq("", {"b"}), Uq("", {"a"})};
  t.indexes = {Ix("ix_b", {"b"}), Ix("ix_a", {"a"})};
  t.foreign_keys = {Fk("fk_b", {"b"}, "s", {"id"}), Fk("fk_a", {"a"}, "s", {"id"})};
  t.checks = {Ck("ck_b", "b > 0"), Ck("ck_a", "a > 0")};
  Table other_schema = Tbl("a");
  other_schema.schema = "z";
  c.tables = {t, other_schema, Tbl("s")};
  c.enums = {MakeEnum("zeta", {"x"}), MakeEnum("alpha", {"y"})};
  ASSERT_OK(NormalizeCatalog(PostgresDialect(), &c));
  EXPECT_EQ(Names(c.tables), (std::vector<std::string>{"s", "t", "a"}));
  EXPECT_EQ(Names(c.enums), (std::vector<std::string>{"alpha", "zeta"}));
  const Table& n = c.tables[1];
  EXPECT_EQ(Names(n.uniques), (std::vector<std::string>{"", "", "uq_a", "uq_b"}));
  EXPECT_EQ(n.uniques[0].columns, std::vector<std::string>{"a"});
  EXPECT_EQ(Names(n.indexes), (std::vector<std::string>{"ix_a", "ix_b"}));
  EXPECT_EQ(Names(n.foreign_keys), (std::vector<std::string>{"fk_a", "fk_b"}));
  EXPECT_EQ(Names(n.checks), (std::vector<std::string>{"ck_a", "ck_b"}));
}

TEST(NormalizeCatalogTest, InlinesNamedEnumsWhereTheDialectHasNone) {
  Catalog c;
  c.enums = {MakeEnum("status", {"new", "done"})};
  c.tables.push_back(Tbl("t", {Col("s", NamedEnum("status"))}));
  Catalog inline_spelling;
  DataType inline_enum = MakeType(TypeKind::kEnum);
  inline_enum.enum_values = {"new", "done"};
  inline_spelling.tables.push_back(Tbl("t", {Col("s", inline_enum)}));
  ASSERT_OK(NormalizeCatalog(SqliteDialect(), &c));
  ASSERT_OK(NormalizeCatalog(SqliteDialect(), &inline_spelling));
  EXPECT_TRUE(c.enums.empty());
  EXPECT_EQ(c, inline_spelling);
}

TEST(NormalizeCatalogTest, UnknownEnumIsAnError) {
  Catalog c;
  c.tables.push_back(Tbl("t", {Col("s", NamedEnum("nope"))}));
  const absl::Status s = NormalizeCatalog(SqliteDialect(), &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("column t.s uses unknown enum nope"), absl::string_view::npos) << s;
}

TEST(NormalizeCatalogTest, ManyTablesReportTheFirstFailingTable) {
  // Enough tables to be normalized side by side: the error is still the first table's in order.
  Catalog c;
  for (int i = 0; i < 2000; ++i) {
    const std::string name = "t" + std::to_string(10000 + i);
    const bool broken = i == 700 || i == 1900;
    c.tables.push_back(Tbl(name, {Col("s", broken ? NamedEnum("nope") : Text())}));
  }
  const absl::Status s = NormalizeCatalog(SqliteDialect(), &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("column t10700.s uses unknown enum nope"), absl::string_view::npos)
      << s;
}

TEST(NormalizeCatalogTest, ManyTablesNormalizeAsEachAloneWould) {
  // Tables given in reverse name order, with constraints to sort and types to canonicalize.
  Catalog many;
  for (int i = 1999; i >= 0; --i) {
    const std::string name = "t" + std::to_string(10000 + i);
    Table t = Tbl(name, {Col("b", Int()), Col("a", Text())});
    t.indexes = {Ix("ix_z_" + name, {"b"}), Ix("ix_a_" + name, {"a", "b"})};
    t.checks = {Ck("ck_" + name, "(b>0)")};
    many.tables.push_back(std::move(t));
  }
  Catalog expected;
  for (const Table& table : many.tables) {
    Catalog alone;
    alone.tables = {table};
    ASSERT_OK(NormalizeCatalog(PostgresDialect(), &alone));
    expected.tables.insert(expected.tables.begin(), alone.tables[0]);
  }
  ASSERT_OK(NormalizeCatalog(PostgresDialect(), &many));
  EXPECT_EQ(many, expected);
  EXPECT_EQ(many.tables.front().name, "t10000");
  EXPECT_EQ(many.tables.front().indexes.front().name, "ix_a_t10000");
}

TEST(NormalizeCatalogTest, NamedEnumTypesOwnTheirValues) {
  Catalog c;
  c.enums = {MakeEnum("status", {"new", "done"})};
  DataType resolved = NamedEnum("status");
  resolved.enum_values = {"new", "done"};
  c.tables.push_back(Tbl("t", {Col("s", resolved)}));
  ASSERT_OK(NormalizeCatalog(PostgresDialect(), &c));
  ASSERT_EQ(c.enums.size(), 1u);
  const DataType& type = c.tables[0].columns[1].type;
  EXPECT_EQ(type.enum_name, "status");
  EXPECT_TRUE(type.enum_values.empty());
}

TEST(NormalizeCatalogTest, IsIdempotent) {
  for (const Dialect* dialect : {&SqliteDialect(), &PostgresDialect()}) {
    Catalog c;
    Column d = Col("d", Text());
    d.server_default = DefaultExpr{DefaultKind::kString, "it's"};
    Table t = Tbl("t", {Col("a", MakeVerbatim("INTEGER")), d});
    t.checks.push_back(Ck("", "((a > 0))"));
    c.tables.push_back(t);
    ASSERT_OK(NormalizeCatalog(*dialect, &c));
    Catalog again = c;
    ASSERT_OK(NormalizeCatalog(*dialect, &again));
    EXPECT_EQ(again, c) << dialect->name();
  }
}

TEST(NormalizeCatalogTest, SpellingDifferencesDoNotSurviveIntoTheDiff) {
  const Dialect& sqlite = SqliteDialect();
  Catalog written;  // as a user might write it
  Table a =
      Tbl("t", {Col("n", MakeVerbatim("INT")), Col("s", MakeVerbatim("character varying(20)"))});
  a.checks.push_back(Ck("ck_n", "(N > 0)"));
  written.tables.push_back(a);
  Catalog reported;  // as the database might report it
  Table b = Tbl("t", {Col("n", Int()), Col("s", MakeVarchar(20))});
  b.checks.push_back(Ck("ck_n", "n>0"));
  reported.tables.push_back(b);
  ASSERT_OK(NormalizeCatalog(sqlite, &written));
  ASSERT_OK(NormalizeCatalog(sqlite, &reported));
  const absl::StatusOr<Plan> plan = Diff(reported, written, sqlite);
  ASSERT_OK(plan);
  EXPECT_TRUE(plan->empty());
}

}  // namespace
}  // namespace schemadiff
