#include "catalog/type.h"

#include <optional>
#include <string>

#include "catalog/default_expr.h"
#include "gtest/gtest.h"

namespace schemadiff {
namespace {

DataType Sized(TypeKind kind, int length) {
  DataType t = MakeType(kind);
  t.length = length;
  return t;
}

DataType Temporal(TypeKind kind, std::optional<int> precision, bool tz) {
  DataType t = MakeType(kind);
  t.precision = precision;
  t.with_timezone = tz;
  return t;
}

DataType Unsigned(DataType t) {
  t.is_unsigned = true;
  return t;
}

DataType NamedEnum(const std::string& name) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_name = name;
  return t;
}

DataType ArrayOf(DataType element, int dimensions) {
  DataType t = MakeType(TypeKind::kArray);
  t.element.push_back(std::move(element));
  t.array_dimensions = dimensions;
  return t;
}

DataType FixedBinary(int length) {
  DataType t = Sized(TypeKind::kBinary, length);
  t.fixed_binary = true;
  return t;
}

struct ParseCase {
  std::string text;
  DataType want;
  std::string description;  // DescribeType(want)
};

class ParsePortableTypeTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParsePortableTypeTest, ParsesAndDescribes) {
  const ParseCase& c = GetParam();
  const std::optional<DataType> got = ParsePortableType(c.text);
  ASSERT_TRUE(got.has_value()) << c.text;
  EXPECT_EQ(*got, c.want) << c.text << " parsed as " << DescribeType(*got);
  EXPECT_EQ(DescribeType(*got), c.description);
  // The description is itself a portable spelling of the same type.
  EXPECT_EQ(ParsePortableType(c.description), c.want) << c.description;
}

DataType DisplayWidth(TypeKind kind, int width) {
  DataType t = MakeType(kind);
  t.display_width = width;
  return t;
}

DataType InlineEnum(std::vector<std::string> values) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_values = std::move(values);
  return t;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParsePortableTypeTest,
    ::testing::Values(
        ParseCase{"string(255)", MakeVarchar(255), "varchar(255)"},
        ParseCase{"String( 40 )", MakeVarchar(40), "varchar(40)"},
        ParseCase{"string", MakeVarchar(std::nullopt), "varchar"},
        ParseCase{"varchar(10)", MakeVarchar(10), "varchar(10)"},
        ParseCase{"char(2)", Sized(TypeKind::kChar, 2), "char(2)"},
        ParseCase{"text", MakeType(TypeKind::kText), "text"},
        ParseCase{"  TEXT ", MakeType(TypeKind::kText), "text"},
        ParseCase{"tinyint", MakeType(TypeKind::kTinyInt), "tinyint"},
        ParseCase{"smallint", MakeType(TypeKind::kSmallInt), "smallint"},
        ParseCase{"mediumint", MakeType(TypeKind::kMediumInt), "mediumint"},
        ParseCase{"integer", MakeType(TypeKind::kInteger), "integer"},
        ParseCase{"int", MakeType(TypeKind::kInteger), "integer"},
        ParseCase{"bigint", MakeType(TypeKind::kBigInt), "bigint"},
        ParseCase{"bigint unsigned", Unsigned(MakeType(TypeKind::kBigInt)), "bigint unsigned"},
        ParseCase{"tinyint(1)", DisplayWidth(TypeKind::kTinyInt, 1), "tinyint(1)"},
        ParseCase{"boolean", MakeType(TypeKind::kBoolean), "boolean"},
        ParseCase{"bool", MakeType(TypeKind::kBoolean), "boolean"},
        ParseCase{"numeric(12,2)", MakeNumeric(12, 2), "numeric(12,2)"},
        ParseCase{"decimal(12, 2)", MakeNumeric(12, 2), "numeric(12,2)"},
        ParseCase{"numeric(10)", MakeNumeric(10, std::nullopt), "numeric(10)"},
        ParseCase{"numeric", MakeNumeric(std::nullopt, std::nullopt), "numeric"},
        ParseCase{"numeric(8,3) unsigned", Unsigned(MakeNumeric(8, 3)), "numeric(8,3) unsigned"},
        ParseCase{"float", MakeType(TypeKind::kReal), "float"},
        ParseCase{"real", MakeType(TypeKind::kReal), "float"},
        ParseCase{"float(53)", MakeType(TypeKind::kDouble), "double"},
        ParseCase{"double", MakeType(TypeKind::kDouble), "double"},
        ParseCase{"double precision", MakeType(TypeKind::kDouble), "double"},
        ParseCase{"date", MakeType(TypeKind::kDate), "date"},
        ParseCase{"time", MakeType(TypeKind::kTime), "time"},
        ParseCase{"time(tz)", Temporal(TypeKind::kTime, std::nullopt, true), "time(tz)"},
        ParseCase{"timestamp", MakeType(TypeKind::kTimestamp), "timestamp"},
        ParseCase{"timestamp(tz)", Temporal(TypeKind::kTimestamp, std::nullopt, true),
                  "timestamp(tz)"},
        ParseCase{"timestamp(3)", Temporal(TypeKind::kTimestamp, 3, false), "timestamp(3)"},
        ParseCase{"timestamp(6, tz)", Temporal(TypeKind::kTimestamp, 6, true), "timestamp(6,tz)"},
        ParseCase{"timestamptz", Temporal(TypeKind::kTimestamp, std::nullopt, true),
                  "timestamp(tz)"},
        ParseCase{"interval", MakeType(TypeKind::kInterval), "interval"},
        ParseCase{"uuid", MakeType(TypeKind::kUuid), "uuid"},
        ParseCase{"json", MakeType(TypeKind::kJson), "json"},
        ParseCase{"jsonb", MakeType(TypeKind::kJsonb), "jsonb"},
        ParseCase{"binary", MakeType(TypeKind::kBinary), "binary"},
        ParseCase{"blob", MakeType(TypeKind::kBinary), "binary"},
        ParseCase{"varbinary(16)", Sized(TypeKind::kBinary, 16), "varbinary(16)"},
        ParseCase{"binary(16)", FixedBinary(16), "binary(16)"},
        ParseCase{"enum(order_status)", NamedEnum("order_status"), "enum(order_status)"},
        ParseCase{"enum('a', 'it''s')", InlineEnum({"a", "it's"}), "enum('a','it''s')"},
        ParseCase{"array(integer)", ArrayOf(MakeType(TypeKind::kInteger), 1), "array(integer)"},
        ParseCase{"array(array(text))", ArrayOf(MakeType(TypeKind::kText), 2),
                  "array(array(text))"},
        ParseCase{"array(varchar(20))", ArrayOf(MakeVarchar(20), 1), "array(varchar(20))"}));

TEST(ParsePortableTypeTest, RejectsWhatIsNotPortable) {
  for (const char* text : {"",
                           "int4",
                           "character varying(10)",
                           "string(",
                           "string(abc)",
                           "string(1,2)",
                           "numeric(1,2,3)",
                           "boolean(1)",
                           "text unsigned",
                           "timestamp(tz,tz)",
                           "timestamp(x)",
                           "float(0)",
                           "float(54)",
                           "enum()",
                           "enum(1abc)",
                           "array()",
                           "array(nonsense)",
                           "varbinary",
                           "geometry",
                           "string(-1)"}) {
    EXPECT_EQ(ParsePortableType(text), std::nullopt) << text;
  }
}

TEST(MakeVerbatimTest, LowerCasesAndCollapsesWhitespaceOutsideQuotes) {
  const DataType t = MakeVerbatim("  GEOMETRY( Point ,  4326 )  ");
  EXPECT_EQ(t.kind, TypeKind::kVerbatim);
  EXPECT_EQ(t.verbatim, "geometry( point , 4326 )");
  EXPECT_EQ(MakeVerbatim("SET('A',  'b')").verbatim, "set('A', 'b')");
  EXPECT_EQ(DescribeType(MakeVerbatim("CITEXT")), "citext");
}

TEST(DescribeTypeTest, DescribesAttributesParsingCannotProduce) {
  DataType real = MakeType(TypeKind::kReal);
  real.precision = 24;
  EXPECT_EQ(DescribeType(real), "float(24)");
  EXPECT_EQ(DescribeType(Sized(TypeKind::kText, 65535)), "text(65535)");
  EXPECT_EQ(ParsePortableType("text(65535)"), Sized(TypeKind::kText, 65535));
}

TEST(DescribeDefaultTest, DescribesEveryKind) {
  EXPECT_EQ(DescribeDefault({DefaultKind::kString, "it's"}), "'it''s'");
  EXPECT_EQ(DescribeDefault({DefaultKind::kNumber, "-1.5"}), "-1.5");
  EXPECT_EQ(DescribeDefault({DefaultKind::kBoolean, "true"}), "true");
  EXPECT_EQ(DescribeDefault({DefaultKind::kNull, ""}), "NULL");
  EXPECT_EQ(DescribeDefault({DefaultKind::kCurrentTimestamp, ""}), "CURRENT_TIMESTAMP");
  EXPECT_EQ(DescribeDefault({DefaultKind::kCurrentDate, ""}), "CURRENT_DATE");
  EXPECT_EQ(DescribeDefault({DefaultKind::kCurrentTime, ""}), "CURRENT_TIME");
  EXPECT_EQ(DescribeDefault({DefaultKind::kExpression, "now() + 1"}), "(now() + 1)");
}

}  // namespace
}  // namespace schemadiff
