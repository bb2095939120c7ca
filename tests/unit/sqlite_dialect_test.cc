// Type, default, expression and quoting rules of the SQLite dialect.
#include <map>
#include <string>
#include <vector>

#include "catalog/dialect_sqlite.h"
#include "catalog/normalize.h"
#include "catalog/sqlite_lexer.h"
#include "gtest/gtest.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

const Dialect& D() { return SqliteDialect(); }

DataType Parse(std::string_view native) {
  absl::StatusOr<DataType> type = D().ParseType(native, /*allow_verbatim=*/true);
  EXPECT_TRUE(type.ok()) << native << ": " << type.status();
  return type.ok() ? *type : DataType{};
}

DataType Norm(std::string_view native) { return D().NormalizeType(Parse(native)); }

DataType Sized(TypeKind kind, std::optional<int> length) {
  DataType type = MakeType(kind);
  type.length = length;
  return type;
}

struct ParseCase {
  std::string native;
  DataType want;  // after normalization
};

TEST(SqliteDialectTypes, ParsesNativeSpellings) {
  const std::vector<ParseCase> cases = {
      {"INTEGER", MakeType(TypeKind::kInteger)},
      {"int", MakeType(TypeKind::kInteger)},
      {"INT(11)", MakeType(TypeKind::kInteger)},
      {"BIGINT", MakeType(TypeKind::kBigInt)},
      {"int8", MakeType(TypeKind::kBigInt)},
      {"UNSIGNED BIG INT", MakeType(TypeKind::kBigInt)},
      {"SMALLINT", MakeType(TypeKind::kSmallInt)},
      {"TINYINT", MakeType(TypeKind::kTinyInt)},
      {"MEDIUMINT", MakeType(TypeKind::kMediumInt)},
      {"VARCHAR(255)", MakeVarchar(255)},
      {"varchar ( 100 )", MakeVarchar(100)},
      {"VARCHAR", MakeVarchar(std::nullopt)},
      {"CHARACTER VARYING(20)", MakeVarchar(20)},
      {"VARYING CHARACTER(255)", MakeVarchar(255)},
      {"NVARCHAR(10)", MakeVarchar(10)},
      {"CHAR(32)", Sized(TypeKind::kChar, 32)},
      {"CHARACTER(20)", Sized(TypeKind::kChar, 20)},
      {"NCHAR(55)", Sized(TypeKind::kChar, 55)},
      {"NATIVE CHARACTER(70)", Sized(TypeKind::kChar, 70)},
      {"TEXT", MakeType(TypeKind::kText)},
      {"CLOB", MakeType(TypeKind::kText)},
      {"NUMERIC(12, 2)", MakeNumeric(12, 2)},
      {"numeric(12,2)", MakeNumeric(12, 2)},
      {"DECIMAL(10,5)", MakeNumeric(10, 5)},
      {"NUMERIC", MakeNumeric(std::nullopt, std::nullopt)},
      {"REAL", MakeType(TypeKind::kDouble)},
      {"FLOAT", MakeType(TypeKind::kDouble)},
      {"DOUBLE", MakeType(TypeKind::kDouble)},
      {"DOUBLE PRECISION", MakeType(TypeKind::kDouble)},
      {"BOOLEAN", MakeType(TypeKind::kBoolean)},
      {"bool", MakeType(TypeKind::kBoolean)},
      {"DATE", MakeType(TypeKind::kDate)},
      {"DATETIME", MakeType(TypeKind::kTimestamp)},
      {"TIMESTAMP", MakeType(TypeKind::kTimestamp)},
      {"TIMESTAMP WITH TIME ZONE", MakeType(TypeKind::kTimestamp)},
      {"TIME", MakeType(TypeKind::kTime)},
      {"BLOB", MakeType(TypeKind::kBinary)},
      {"JSON", MakeType(TypeKind::kJson)},
      {"UUID", MakeVerbatim("uuid")},
      {"", MakeVerbatim("")},
      {"Geometry  Point", MakeVerbatim("geometry point")},
      {"VARBINARY(16)", MakeVerbatim("varbinary(16)")},
      {"VARCHAR(abc)", MakeVerbatim("varchar(abc)")},
  };
  for (const ParseCase& c : cases) {
    EXPECT_EQ(Norm(c.native), c.want)
        << "'" << c.native << "' gave " << DescribeType(Norm(c.native));
  }
}

TEST(SqliteDialectTypes, UnknownSpellingIsAnErrorWithoutVerbatim) {
  absl::StatusOr<DataType> type = D().ParseType("geometry", /*allow_verbatim=*/false);
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.status().message().find("geometry"), std::string_view::npos);
  EXPECT_OK(D().ParseType("varchar(10)", /*allow_verbatim=*/false));
}

TEST(SqliteDialectTypes, EquivalenceFollowsAffinityButKeepsDeclaredDifferences) {
  // The same type in SQLite.
  EXPECT_EQ(Norm("INT"), Norm("INTEGER"));
  EXPECT_EQ(Norm("NVARCHAR(10)"), Norm("varchar(10)"));
  EXPECT_EQ(Norm("REAL"), Norm("FLOAT"));
  EXPECT_EQ(Norm("DATETIME"), Norm("timestamp"));
  EXPECT_EQ(Norm("DECIMAL(12,2)"), Norm("NUMERIC(12, 2)"));
  EXPECT_EQ(Norm("TEXT"), Norm("clob"));
  // Differences users care about.
  EXPECT_NE(Norm("VARCHAR(100)"), Norm("VARCHAR(200)"));
  EXPECT_NE(Norm("INTEGER"), Norm("BIGINT"));
  EXPECT_NE(Norm("VARCHAR(10)"), Norm("CHAR(10)"));
  EXPECT_NE(Norm("VARCHAR"), Norm("TEXT"));
  EXPECT_NE(Norm("NUMERIC(12,2)"), Norm("NUMERIC(12,3)"));
  EXPECT_NE(Norm("BOOLEAN"), Norm("NUMERIC"));
  EXPECT_NE(Norm("UUID"), Norm("CHAR(32)"));  // NUMERIC vs TEXT affinity
}

TEST(SqliteDialectTypes, RendersSqlalchemySpellings) {
  DataType tz_timestamp = MakeType(TypeKind::kTimestamp);
  tz_timestamp.with_timezone = true;
  DataType enum_type = MakeType(TypeKind::kEnum);
  enum_type.enum_values = {"new", "shipped", "cancelled"};
  DataType unicode_enum = MakeType(TypeKind::kEnum);
  unicode_enum.enum_values = {"été", "ok"};  // 3 characters, 5 bytes
  const std::vector<std::pair<DataType, std::string>> cases = {
      {MakeType(TypeKind::kInteger), "INTEGER"},
      {MakeType(TypeKind::kBigInt), "BIGINT"},
      {MakeType(TypeKind::kSmallInt), "SMALLINT"},
      {MakeVarchar(255), "VARCHAR(255)"},
      {MakeVarchar(std::nullopt), "VARCHAR"},
      {Sized(TypeKind::kChar, 3), "CHAR(3)"},
      {MakeType(TypeKind::kText), "TEXT"},
      {MakeNumeric(12, 2), "NUMERIC(12, 2)"},
      {MakeNumeric(10, std::nullopt), "NUMERIC(10)"},
      {MakeType(TypeKind::kDouble), "FLOAT"},
      {MakeType(TypeKind::kReal), "REAL"},
      {MakeType(TypeKind::kBoolean), "BOOLEAN"},
      {MakeType(TypeKind::kDate), "DATE"},
      {MakeType(TypeKind::kTime), "TIME"},
      {tz_timestamp, "DATETIME"},
      {MakeType(TypeKind::kBinary), "BLOB"},
      {MakeType(TypeKind::kJson), "JSON"},
      {MakeType(TypeKind::kJsonb), "JSON"},
      {MakeType(TypeKind::kUuid), "CHAR(32)"},
      {enum_type, "VARCHAR(9)"},
      {unicode_enum, "VARCHAR(3)"},
      {MakeVerbatim("geometry"), "geometry"},
  };
  for (const auto& [type, want] : cases) {
    EXPECT_EQ(D().RenderType(type), want) << DescribeType(type);
  }
}

TEST(SqliteDialectTypes, RenderedTypesReadBackAsTheSameType) {
  std::vector<DataType> types;
  for (TypeKind kind :
       {TypeKind::kTinyInt, TypeKind::kSmallInt, TypeKind::kMediumInt, TypeKind::kInteger,
        TypeKind::kBigInt, TypeKind::kReal, TypeKind::kDouble, TypeKind::kText, TypeKind::kBoolean,
        TypeKind::kDate, TypeKind::kTime, TypeKind::kTimestamp, TypeKind::kInterval,
        TypeKind::kUuid, TypeKind::kJson, TypeKind::kJsonb, TypeKind::kBinary}) {
    types.push_back(MakeType(kind));
  }
  types.push_back(MakeVarchar(40));
  types.push_back(MakeVarchar(std::nullopt));
  types.push_back(Sized(TypeKind::kChar, 2));
  types.push_back(MakeNumeric(12, 2));
  types.push_back(MakeNumeric(7, std::nullopt));
  types.push_back(MakeVerbatim("geometry"));
  DataType enum_type = MakeType(TypeKind::kEnum);
  enum_type.enum_values = {"a", "bbb"};
  types.push_back(enum_type);
  DataType array = MakeType(TypeKind::kArray);
  array.element = {MakeType(TypeKind::kInteger)};
  types.push_back(array);
  for (const DataType& type : types) {
    const std::string rendered = D().RenderType(type);
    EXPECT_EQ(D().NormalizeType(Parse(rendered)), D().NormalizeType(type))
        << DescribeType(type) << " rendered as " << rendered;
    EXPECT_EQ(D().NormalizeType(D().NormalizeType(type)), D().NormalizeType(type));
  }
}

DefaultExpr Default(std::string_view sql, const DataType& type = MakeType(TypeKind::kText)) {
  return D().ParseDefault(sql, type);
}

TEST(SqliteDialectDefaults, ClassifiesDefaults) {
  const DataType boolean = MakeType(TypeKind::kBoolean);
  const DataType integer = MakeType(TypeKind::kInteger);
  struct Case {
    std::string sql;
    DataType type;
    DefaultKind kind;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"'active'", MakeVarchar(20), DefaultKind::kString, "active"},
      {"'it''s'", MakeVarchar(20), DefaultKind::kString, "it's"},
      {"('x')", MakeVarchar(20), DefaultKind::kString, "x"},
      {"''", MakeVarchar(20), DefaultKind::kString, ""},
      {"0", integer, DefaultKind::kNumber, "0"},
      {"-1", integer, DefaultKind::kNumber, "-1"},
      {"+7", integer, DefaultKind::kNumber, "7"},
      {"007", integer, DefaultKind::kNumber, "7"},
      {"1.50", MakeNumeric(12, 2), DefaultKind::kNumber, "1.5"},
      {"1.0", MakeNumeric(12, 2), DefaultKind::kNumber, "1.0"},
      {".5", MakeNumeric(12, 2), DefaultKind::kNumber, "0.5"},
      {"0x10", integer, DefaultKind::kNumber, "16"},
      {"(-2)", integer, DefaultKind::kNumber, "-2"},
      {"TRUE", integer, DefaultKind::kNumber, "1"},
      {"0", boolean, DefaultKind::kBoolean, "false"},
      {"1", boolean, DefaultKind::kBoolean, "true"},
      {"true", boolean, DefaultKind::kBoolean, "true"},
      {"FALSE", boolean, DefaultKind::kBoolean, "false"},
      {"'1'", boolean, DefaultKind::kString, "1"},
      {"2", boolean, DefaultKind::kNumber, "2"},
      {"NULL", integer, DefaultKind::kNull, ""},
      {"CURRENT_TIMESTAMP", MakeType(TypeKind::kTimestamp), DefaultKind::kCurrentTimestamp, ""},
      {"current_date", MakeType(TypeKind::kDate), DefaultKind::kCurrentDate, ""},
      {"(CURRENT_TIME)", MakeType(TypeKind::kTime), DefaultKind::kCurrentTime, ""},
      {"datetime('now')", MakeType(TypeKind::kTimestamp), DefaultKind::kExpression,
       "datetime('now')"},
      {"(strftime('%s','now'))", integer, DefaultKind::kExpression, "strftime('%s', 'now')"},
      {"x'00FF'", MakeType(TypeKind::kBinary), DefaultKind::kExpression, "x'00FF'"},
      {"(1 + 2)", integer, DefaultKind::kExpression, "1 + 2"},
  };
  for (const Case& c : cases) {
    const DefaultExpr got = Default(c.sql, c.type);
    EXPECT_EQ(got, (DefaultExpr{c.kind, c.text}))
        << c.sql << " gave " << DescribeDefault(got) << " kind " << static_cast<int>(got.kind);
  }
}

TEST(SqliteDialectDefaults, EqualThingsCompareEqualDifferentThingsNever) {
  const DataType ts = MakeType(TypeKind::kTimestamp);
  EXPECT_EQ(Default("CURRENT_TIMESTAMP", ts), Default("current_timestamp", ts));
  EXPECT_EQ(Default("CURRENT_TIMESTAMP", ts), Default("(CURRENT_TIMESTAMP)", ts));
  EXPECT_EQ(Default("CURRENT_TIMESTAMP", ts), Default(" ( ( Current_Timestamp ) ) ", ts));
  EXPECT_EQ(Default("datetime('now')", ts), Default("(DATETIME( 'now' ))", ts));
  EXPECT_EQ(Default("'x'"), Default("('x')"));
  EXPECT_EQ(Default("0", MakeType(TypeKind::kBoolean)),
            Default("false", MakeType(TypeKind::kBoolean)));

  EXPECT_NE(Default("'1'", MakeType(TypeKind::kInteger)),
            Default("1", MakeType(TypeKind::kInteger)));
  EXPECT_NE(Default("datetime('now')", ts), Default("CURRENT_TIMESTAMP", ts));
  EXPECT_NE(Default("CURRENT_DATE", ts), Default("CURRENT_TIMESTAMP", ts));
  EXPECT_NE(Default("'a'"), Default("'A'"));
  EXPECT_NE(Default("'a b'"), Default("'a  b'"));
  EXPECT_NE(Default("1.0", MakeType(TypeKind::kText)), Default("1", MakeType(TypeKind::kText)));
  EXPECT_NE(Default("NULL"), Default("'NULL'"));
  EXPECT_NE(Default("'active'"), Default("'archived'"));
}

TEST(SqliteDialectDefaults, RenderedDefaultsParseBackUnchanged) {
  const DataType boolean = MakeType(TypeKind::kBoolean);
  const DataType text = MakeType(TypeKind::kText);
  const std::vector<std::pair<DefaultExpr, DataType>> values = {
      {{DefaultKind::kString, "it's \"quoted\""}, text},
      {{DefaultKind::kString, ""}, text},
      {{DefaultKind::kNumber, "-3"}, MakeType(TypeKind::kInteger)},
      {{DefaultKind::kNumber, "2.5"}, MakeType(TypeKind::kDouble)},
      {{DefaultKind::kBoolean, "true"}, boolean},
      {{DefaultKind::kBoolean, "false"}, boolean},
      {{DefaultKind::kNull, ""}, text},
      {{DefaultKind::kCurrentTimestamp, ""}, MakeType(TypeKind::kTimestamp)},
      {{DefaultKind::kCurrentDate, ""}, MakeType(TypeKind::kDate)},
      {{DefaultKind::kCurrentTime, ""}, MakeType(TypeKind::kTime)},
      {{DefaultKind::kExpression, "datetime('now', 'localtime')"}, text},
      {{DefaultKind::kExpression, "abs(-1) + 2"}, MakeType(TypeKind::kInteger)},
  };
  for (const auto& [value, type] : values) {
    const std::string sql = D().RenderDefault(value, type);
    EXPECT_EQ(D().ParseDefault(sql, type), value) << sql;
  }
  EXPECT_EQ(D().RenderDefault({DefaultKind::kString, "it's"}, text), "'it''s'");
  EXPECT_EQ(D().RenderDefault({DefaultKind::kBoolean, "false"}, boolean), "0");
  EXPECT_EQ(D().RenderDefault({DefaultKind::kExpression, "datetime('now')"}, text),
            "(datetime('now'))");
}

TEST(SqliteDialectExpressions, CanonicalText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"amount>=0", "amount >= 0"},
      {"(amount >= 0)", "amount >= 0"},
      {"AMOUNT   >=\n 0", "amount >= 0"},
      {"\"amount\" >= 0", "amount >= 0"},
      {"[amount] >= 0", "amount >= 0"},
      {"`amount` >= 0", "amount >= 0"},
      {"\"Amount\" >= 0", "\"Amount\" >= 0"},
      {"\"my col\" <> 1", "\"my col\" != 1"},
      {"a == 1", "a = 1"},
      {"status IN ('a','b')", "status in ('a', 'b')"},
      {"LOWER( name )", "lower(name)"},
      {"x = -1", "x = -1"},
      {"x - 1", "x - 1"},
      {"(a) AND (b)", "(a) and (b)"},
      {"price > 0 -- positive\n", "price > 0"},
      {"a /* note */ IS NOT NULL", "a is not null"},
      {"t.col", "t.col"},
      {"CAST(x AS INTEGER)", "cast(x as integer)"},
      {"\"order\" > 0", "\"order\" > 0"},
      {"[My Col] > 0", "\"My Col\" > 0"},
      {"\"a\"\"b\" > 0", "\"a\"\"b\" > 0"},
      {"length(name)>0 AND name NOT LIKE '% %'", "length(name) > 0 and name not like '% %'"},
  };
  for (const auto& [sql, want] : cases) {
    EXPECT_EQ(D().NormalizeExpression(sql), want) << sql;
    EXPECT_EQ(D().NormalizeExpression(want), want) << "not idempotent: " << want;
  }
  EXPECT_NE(D().NormalizeExpression("name = 'A'"), D().NormalizeExpression("name = 'a'"));
}

TEST(SqliteDialectQuoting, IdentifiersAndStrings) {
  EXPECT_EQ(D().QuoteIdentifier("users"), "users");
  EXPECT_EQ(D().QuoteIdentifier("Users_2"), "Users_2");
  EXPECT_EQ(D().QuoteIdentifier("order"), "\"order\"");
  EXPECT_EQ(D().QuoteIdentifier("Select"), "\"Select\"");
  EXPECT_EQ(D().QuoteIdentifier("my table"), "\"my table\"");
  EXPECT_EQ(D().QuoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(D().QuoteIdentifier("1st"), "\"1st\"");
  EXPECT_EQ(D().QuoteIdentifier("café"), "\"café\"");
  EXPECT_EQ(D().QuoteIdentifier(""), "\"\"");
  EXPECT_EQ(D().QuoteString("it's"), "'it''s'");
  EXPECT_EQ(D().QuoteString("a\nb"), "'a\nb'");
  // Quoted identifiers read back as the same name.
  for (std::string name : {"x\"y", "a b", "\"", "naïve", "drop table t; --"}) {
    absl::StatusOr<std::vector<SqliteToken>> tokens = TokenizeSqlite(D().QuoteIdentifier(name));
    ASSERT_OK(tokens);
    ASSERT_EQ(tokens->size(), 1u) << name;
    EXPECT_EQ((*tokens)[0].value, name);
  }
}

TEST(SqliteDialectCapabilities, WhatSqliteCanAlter) {
  const DialectCapabilities& caps = D().capabilities();
  EXPECT_EQ(D().name(), "sqlite");
  EXPECT_TRUE(caps.transactional_ddl);
  EXPECT_TRUE(caps.rename_column);
  EXPECT_TRUE(caps.drop_column);
  EXPECT_FALSE(caps.alter_column_type);
  EXPECT_FALSE(caps.alter_column_nullability);
  EXPECT_FALSE(caps.alter_column_default);
  EXPECT_FALSE(caps.add_drop_constraints);
  EXPECT_FALSE(caps.rename_index);
  EXPECT_FALSE(caps.named_enum_types);
  EXPECT_FALSE(caps.schemas);
}

TEST(SqliteLexer, RejectsUnterminatedText) {
  EXPECT_FALSE(TokenizeSqlite("'abc").ok());
  EXPECT_FALSE(TokenizeSqlite("\"abc").ok());
  EXPECT_FALSE(TokenizeSqlite("a /* b").ok());
  EXPECT_FALSE(TokenizeSqlite("a # b").ok());
  EXPECT_TRUE(IsSqliteKeyword("select"));
  EXPECT_FALSE(IsSqliteKeyword("users"));
}

// Table options are switches: a schema file's `without_rowid: false` (or "0", "no") is the same
// table as one without the option, which is what introspection reports.
TEST(SqliteDialectTables, OptionsAreOnOrAbsent) {
  Catalog catalog;
  catalog.dialect = "sqlite";
  Table table;
  table.name = "t";
  table.options = {{"WITHOUT_ROWID", "yes"}, {"strict", "0"}, {"other", "False"}};
  catalog.tables.push_back(table);
  ASSERT_TRUE(NormalizeCatalog(SqliteDialect(), &catalog).ok());
  EXPECT_EQ(catalog.tables[0].options,
            (std::map<std::string, std::string>{{"without_rowid", "true"}}));

  for (const char* off : {"false", "FALSE", "0", "no"}) EXPECT_FALSE(SqliteOptionValueOn(off));
  for (const char* on : {"true", "1", "yes", ""}) EXPECT_TRUE(SqliteOptionValueOn(on));
}

}  // namespace
}  // namespace schemadiff
