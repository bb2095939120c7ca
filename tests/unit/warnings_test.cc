#include "diff/warnings.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"

namespace schemadiff {
namespace {

DataType Unsigned(DataType t) {
  t.is_unsigned = true;
  return t;
}

DataType Timestamp(std::optional<int> precision) {
  DataType t = MakeType(TypeKind::kTimestamp);
  t.precision = precision;
  return t;
}

DataType InlineEnum(std::vector<std::string> values) {
  DataType t = MakeType(TypeKind::kEnum);
  t.enum_values = std::move(values);
  return t;
}

struct TypeChangeCase {
  std::string name;
  DataType from;
  DataType to;
  TypeChange want;
};

class ClassifyTypeChangeTest : public ::testing::TestWithParam<TypeChangeCase> {};

TEST_P(ClassifyTypeChangeTest, Classifies) {
  EXPECT_EQ(ClassifyTypeChange(GetParam().from, GetParam().to), GetParam().want)
      << DescribeType(GetParam().from) << " -> " << DescribeType(GetParam().to);
}

const DataType kInt = MakeType(TypeKind::kInteger);
const DataType kBig = MakeType(TypeKind::kBigInt);
const DataType kSmall = MakeType(TypeKind::kSmallInt);
const DataType kText = MakeType(TypeKind::kText);

INSTANTIATE_TEST_SUITE_P(
    Table, ClassifyTypeChangeTest,
    ::testing::Values(
        TypeChangeCase{"same", kInt, kInt, TypeChange::kSame},
        TypeChangeCase{"int_to_bigint", kInt, kBig, TypeChange::kWidening},
        TypeChangeCase{"bigint_to_int", kBig, kInt, TypeChange::kNarrowing},
        TypeChangeCase{"signed_to_unsigned", kInt, Unsigned(kInt), TypeChange::kNarrowing},
        TypeChangeCase{"unsigned_small_to_int", Unsigned(kSmall), kInt, TypeChange::kWidening},
        TypeChangeCase{"unsigned_int_to_int", Unsigned(kInt), kInt, TypeChange::kNarrowing},
        TypeChangeCase{"int_to_numeric_wide", kInt, MakeNumeric(12, 2), TypeChange::kWidening},
        TypeChangeCase{"int_to_numeric_narrow", kInt, MakeNumeric(5, 2), TypeChange::kNarrowing},
        TypeChangeCase{"int_to_double", kInt, MakeType(TypeKind::kDouble), TypeChange::kWidening},
        TypeChangeCase{"varchar_longer", MakeVarchar(10), MakeVarchar(20), TypeChange::kWidening},
        TypeChangeCase{"varchar_shorter", MakeVarchar(20), MakeVarchar(10), TypeChange::kNarrowing},
        TypeChangeCase{"varchar_to_text", MakeVarchar(20), kText, TypeChange::kWidening},
        TypeChangeCase{"text_to_varchar", kText, MakeVarchar(20), TypeChange::kNarrowing},
        TypeChangeCase{"varchar_to_unbounded", MakeVarchar(20), MakeVarchar(std::nullopt),
                       TypeChange::kWidening},
        TypeChangeCase{"int_to_text", kInt, kText, TypeChange::kWidening},
        TypeChangeCase{"int_to_short_varchar", kInt, MakeVarchar(3), TypeChange::kNarrowing},
        TypeChangeCase{"text_to_int", kText, kInt, TypeChange::kLossy},
        TypeChangeCase{"numeric_wider", MakeNumeric(10, 2), MakeNumeric(12, 3),
                       TypeChange::kWidening},
        TypeChangeCase{"numeric_less_scale", MakeNumeric(10, 2), MakeNumeric(10, 1),
                       TypeChange::kNarrowing},
        TypeChangeCase{"numeric_to_unbounded", MakeNumeric(10, 2),
                       MakeNumeric(std::nullopt, std::nullopt), TypeChange::kWidening},
        TypeChangeCase{"real_to_double", MakeType(TypeKind::kReal), MakeType(TypeKind::kDouble),
                       TypeChange::kWidening},
        TypeChangeCase{"double_to_real", MakeType(TypeKind::kDouble), MakeType(TypeKind::kReal),
                       TypeChange::kNarrowing},
        TypeChangeCase{"timestamp_precision_down", Timestamp(6), Timestamp(0),
                       TypeChange::kNarrowing},
        TypeChangeCase{"date_to_timestamp", MakeType(TypeKind::kDate), Timestamp(std::nullopt),
                       TypeChange::kWidening},
        TypeChangeCase{"json_to_jsonb", MakeType(TypeKind::kJson), MakeType(TypeKind::kJsonb),
                       TypeChange::kWidening},
        TypeChangeCase{"enum_add_value", InlineEnum({"a"}), InlineEnum({"a", "b"}),
                       TypeChange::kWidening},
        TypeChangeCase{"enum_remove_value", InlineEnum({"a", "b"}), InlineEnum({"a"}),
                       TypeChange::kNarrowing},
        TypeChangeCase{"verbatim_change", MakeVerbatim("point"), MakeVerbatim("line"),
                       TypeChange::kLossy},
        TypeChangeCase{"boolean_to_int", MakeType(TypeKind::kBoolean), kInt, TypeChange::kLossy}),
    [](const auto& info) { return info.param.name; });

TEST(OpWarningsTest, RemovedEnumValuesAreDataLossUnlessRenamed) {
  Enum before = testing::MakeEnum("e", {"a", "b", "c"});
  Enum after = testing::MakeEnum("e", {"a", "bee"});
  after.renamed_values["b"] = "bee";
  const std::vector<Warning> warnings = OpWarnings(AlterEnum{before, after});
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].code, kWarnEnumChange);
  EXPECT_EQ(warnings[1].code, kWarnDataLoss);
  EXPECT_NE(warnings[1].message.find("'c'"), std::string::npos) << warnings[1].message;
  EXPECT_EQ(warnings[1].message.find("'b'"), std::string::npos) << warnings[1].message;
}

TEST(OpWarningsTest, QuietOpsHaveNoWarnings) {
  using testing::Col;
  EXPECT_TRUE(OpWarnings(AddColumn{"", "t", Col("a", kInt)}).empty());
  EXPECT_TRUE(OpWarnings(RenameColumn{"", "t", "a", "b"}).empty());
  EXPECT_TRUE(OpWarnings(CreateTable{testing::Tbl("t")}).empty());
  EXPECT_TRUE(OpWarnings(AlterColumn{"", "t", Col("a", kInt), Col("a", kBig), kAlterType}).empty());
  EXPECT_TRUE(
      OpWarnings(AlterColumn{"", "t", Col("a", kInt, false), Col("a", kInt), kAlterNullable})
          .empty());
}

}  // namespace
}  // namespace schemadiff
