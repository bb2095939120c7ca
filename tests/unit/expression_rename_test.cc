#include "diff/expression_rename.h"

#include <string>

#include "gtest/gtest.h"

namespace schemadiff {
namespace {

struct RenameCase {
  std::string name;
  std::string dialect;
  std::string expression;
  std::string expected;
};

class ExpressionRenameTest : public ::testing::TestWithParam<RenameCase> {};

// Column "price" of table "items" becomes "unit_price".
TEST_P(ExpressionRenameTest, RewritesReferencesOnly) {
  const RenameCase& c = GetParam();
  EXPECT_EQ(RenameColumnInExpression(c.expression, c.dialect, "items", "price", "unit_price"),
            c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ExpressionRenameTest,
    ::testing::Values(
        RenameCase{"bare", "postgresql", "price > 0", "unit_price > 0"},
        RenameCase{"qualified_by_the_table", "postgresql", "items.price > 0",
                   "items.unit_price > 0"},
        RenameCase{"qualified_by_another_name", "postgresql", "other.price > 0", "other.price > 0"},
        RenameCase{"function_of_that_name", "postgresql", "price(qty) > 0", "price(qty) > 0"},
        RenameCase{"string_literal", "postgresql", "note <> 'price'", "note <> 'price'"},
        RenameCase{"quoted_reference", "sqlite", "\"price\" >= 0 AND price < 10",
                   "unit_price >= 0 and unit_price < 10"},
        RenameCase{"mysql_backticks", "mysql", "`price` > 0", "unit_price > 0"},
        RenameCase{"mysql_escaped_quote_in_string", "mysql", "price > 0 and note <> 'it\\'s price'",
                   "unit_price > 0 and note <> 'it''s price'"},
        RenameCase{"no_dialect_leaves_text", "", "price > 0", "price > 0"},
        RenameCase{"unrelated_text_is_untouched", "postgresql", "qty  >  0", "qty  >  0"}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace schemadiff
