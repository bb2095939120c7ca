#include "catalog/sql_text.h"

#include <string>

#include "gtest/gtest.h"

namespace schemadiff {
namespace {

struct Case {
  std::string input;
  std::string want;
};

class CanonicalSqlTest : public ::testing::TestWithParam<Case> {};

TEST_P(CanonicalSqlTest, Canonicalizes) {
  EXPECT_EQ(CanonicalSql(GetParam().input), GetParam().want) << GetParam().input;
}

TEST_P(CanonicalSqlTest, IsIdempotent) {
  const std::string once = CanonicalSql(GetParam().input);
  EXPECT_EQ(CanonicalSql(once), once);
}

INSTANTIATE_TEST_SUITE_P(
    Standard, CanonicalSqlTest,
    ::testing::Values(
        Case{"  a   =  B ", "a = b"}, Case{"a=b", "a = b"}, Case{"((a > 0))", "a > 0"},
        Case{"(a) + (b)", "(a) + (b)"}, Case{"((a) + (b))", "(a) + (b)"},
        Case{"LOWER( Name )", "lower(name)"}, Case{"x IN (1,2 ,3)", "x in (1, 2, 3)"},
        Case{"x in(1, 2)", "x in (1, 2)"}, Case{"price >= -1", "price >= -1"},
        Case{"a=-1", "a = -1"}, Case{"a-1", "a - 1"}, Case{"-a * +2", "-a * +2"},
        Case{"f(-1, - 2)", "f(-1, -2)"}, Case{"'It''s  Here' = Name", "'It''s  Here' = name"},
        Case{"\"Mixed\" = \"lower_1\"", "\"Mixed\" = lower_1"},
        Case{"\"has space\" <> ''", "\"has space\" <> ''"}, Case{"t.Col :: TEXT", "t.col::text"},
        Case{"E'a''b' || N'c'", "e'a''b' || n'c'"}, Case{"a -- note\n + b", "a + b"},
        Case{"a /* c */ OR b", "a or b"},
        Case{"CASE WHEN a THEN -1 ELSE 2 END", "case when a then -1 else 2 end"},
        Case{"data->>'k'", "data ->> 'k'"}, Case{"NOT(a)", "not (a)"},
        Case{"count( * )", "count(*)"}, Case{"arr [ 1 ]", "arr[1]"},
        Case{"1.5E3 + .5", "1.5e3 + .5"}, Case{"a IS NOT NULL", "a is not null"},
        Case{"length(b)>0 AND b<>''", "length(b) > 0 and b <> ''"},
        Case{"'unterminated", "'unterminated"}, Case{"", ""}));

TEST(CanonicalSqlTest, MysqlQuoting) {
  SqlTextOptions mysql;
  mysql.identifier_quotes = "`";
  mysql.string_quotes = "'\"";
  mysql.backslash_escapes = true;
  EXPECT_EQ(CanonicalSql("`Price` > 0 AND `qty`>0", mysql), "`Price` > 0 and qty > 0");
  EXPECT_EQ(CanonicalSql("a = 'it\\'s' OR a = \"X\"", mysql), "a = 'it\\'s' or a = \"X\"");
  EXPECT_EQ(CanonicalSql("_utf8mb4'abc' = c", mysql), "_utf8mb4'abc' = c");
}

TEST(CanonicalSqlTest, QuotedIdentifiersCanStayQuoted) {
  SqlTextOptions keep;
  keep.unquote_simple_identifiers = false;
  EXPECT_EQ(CanonicalSql("\"price\" > 0", keep), "\"price\" > 0");
  SqlTextOptions brackets;
  brackets.identifier_quotes = "\"[";
  EXPECT_EQ(CanonicalSql("[Price] > 0", brackets), "[Price] > 0");
}

TEST(TokenizeSqlTest, KindsAndText) {
  const std::vector<SqlToken> tokens = TokenizeSql("Abs(\"X\") >= 1.5 -- c\n, 'y'");
  const std::vector<SqlToken> want = {
      {SqlTokenKind::kWord, "abs"},
      {SqlTokenKind::kPunctuation, "("},
      {SqlTokenKind::kQuotedIdentifier, "\"X\""},
      {SqlTokenKind::kPunctuation, ")"},
      {SqlTokenKind::kOperator, ">="},
      {SqlTokenKind::kNumber, "1.5"},
      {SqlTokenKind::kPunctuation, ","},
      {SqlTokenKind::kString, "'y'"},
  };
  EXPECT_EQ(tokens, want);
}

TEST(StripOuterParensTest, OnlyWhenOneGroupWrapsAll) {
  EXPECT_EQ(JoinSqlTokens(StripOuterParens(TokenizeSql("((a))"))), "a");
  EXPECT_EQ(JoinSqlTokens(StripOuterParens(TokenizeSql("(a) or (b)"))), "(a) or (b)");
  EXPECT_EQ(JoinSqlTokens(StripOuterParens(TokenizeSql("()"))), "");
}

}  // namespace
}  // namespace schemadiff
