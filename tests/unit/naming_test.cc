// Naming conventions against SQLAlchemy's own output: tests/testdata/naming/sqlalchemy_names.json
// was written by tests/testdata/naming/sqlalchemy_names.py running SQLAlchemy 1.4.
#include "catalog/naming.h"

#include <string>

#include "common/md5.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::SourcePath;

std::vector<std::string> Strings(const nlohmann::json& array) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item.get<std::string>());
  return out;
}

TEST(NamingTest, MatchesSqlAlchemyForEveryRecordedCase) {
  const nlohmann::json data =
      nlohmann::json::parse(ReadFile(SourcePath("tests/testdata/naming/sqlalchemy_names.json")));
  const nlohmann::json& cases = data.at("cases");
  ASSERT_GE(cases.size(), 40u);
  for (const nlohmann::json& c : cases) {
    Table table;
    table.schema = c.at("schema").get<std::string>();
    table.name = c.at("table").get<std::string>();
    NamingSubject subject;
    subject.kind = c.at("kind").get<std::string>();
    subject.table = &table;
    subject.columns = Strings(c.at("columns"));
    subject.constraint_name = c.at("constraint_name").get<std::string>();
    subject.referred_table = c.at("referred_table").get<std::string>();
    subject.referred_columns = Strings(c.at("referred_columns"));
    const NamingConvention convention = {{subject.kind, c.at("template").get<std::string>()}};
    SCOPED_TRACE(c.dump());

    // SQLAlchemy keeps an explicit name unless the template uses %(constraint_name)s.
    if (!subject.constraint_name.empty() &&
        !ConventionUsesConstraintName(convention, subject.kind)) {
      EXPECT_EQ(subject.constraint_name, c.at("expected").get<std::string>());
      continue;
    }
    const auto name = ConventionalName(convention, subject, c.at("max_length").get<int>());
    if (c.contains("error")) {
      EXPECT_FALSE(name.ok()) << "expected an error like SQLAlchemy's "
                              << c.at("error").get<std::string>();
      continue;
    }
    ASSERT_OK(name);
    ASSERT_TRUE(name->has_value());
    EXPECT_EQ(**name, c.at("expected").get<std::string>());
  }
}

TEST(NamingTest, DefaultConventionNamesIndexesOnly) {
  const NamingConvention convention = DefaultNamingConvention();
  EXPECT_EQ(convention, (NamingConvention{{"ix", "ix_%(column_0_label)s"}}));
  Table table;
  table.name = "users";
  NamingSubject subject;
  subject.kind = "uq";
  subject.table = &table;
  subject.columns = {"email"};
  const auto unique = ConventionalName(convention, subject, 63);
  ASSERT_OK(unique);
  EXPECT_FALSE(unique->has_value());
  subject.kind = "ix";
  const auto index = ConventionalName(convention, subject, 63);
  ASSERT_OK(index);
  EXPECT_EQ(index->value_or(""), "ix_users_email");
}

TEST(NamingTest, ErrorsNameTheToken) {
  Table table;
  table.name = "t";
  NamingSubject subject;
  subject.kind = "uq";
  subject.table = &table;
  subject.columns = {"a"};
  const auto name = ConventionalName({{"uq", "uq_%(colum_0_name)s"}}, subject, 63);
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.status().message(),
            "unknown naming convention token '%(colum_0_name)s' (known: table_name, "
            "constraint_name, referred_table_name, column_0_name, column_0_label, column_0_key, "
            "referred_column_0_name, and their column_0N_* / column_0_N_* forms)");
}

TEST(NamingTest, ValidatesTemplateSyntax) {
  EXPECT_OK(
      ValidateNamingTemplate("fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s"));
  EXPECT_OK(ValidateNamingTemplate("100%%_%(referred_column_0N_name)s"));
  EXPECT_OK(ValidateNamingTemplate("constant"));
  EXPECT_EQ(ValidateNamingTemplate("ix_%(column_0_lable)s").message(),
            "unknown naming convention token '%(column_0_lable)s' (known: table_name, "
            "constraint_name, referred_table_name, column_0_name, column_0_label, column_0_key, "
            "referred_column_0_name, and their column_0N_* / column_0_N_* forms)");
  EXPECT_EQ(ValidateNamingTemplate("ix_%s").message(),
            "bad '%' at offset 3 in naming convention template 'ix_%s' (expected %(token)s, or "
            "%% for a literal %)");
  EXPECT_EQ(ValidateNamingTemplate("ix_%(table_name)").message(),
            "unterminated token at offset 3 in naming convention template 'ix_%(table_name)' "
            "(expected %(token)s)");
  EXPECT_FALSE(ValidateNamingTemplate("ix_%(table_name)r").ok());
  EXPECT_FALSE(ValidateNamingTemplate("ix_%").ok());
}

TEST(NamingTest, ConstraintNameTokenIsASubstringTest) {
  const NamingConvention convention = {{"ck", "ck_%(table_name)s_%(constraint_name)s"},
                                       {"uq", "uq_%(table_name)s"}};
  EXPECT_TRUE(ConventionUsesConstraintName(convention, "ck"));
  EXPECT_FALSE(ConventionUsesConstraintName(convention, "uq"));
  EXPECT_FALSE(ConventionUsesConstraintName(convention, "fk"));
}

TEST(Md5Test, MatchesKnownDigests) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
  // Exactly one and two 64-byte blocks of padding boundaries.
  EXPECT_EQ(Md5Hex(std::string(55, 'a')), "ef1772b6dff9a122358552954ad0df65");
  EXPECT_EQ(Md5Hex(std::string(64, 'a')), "014842d480b571495a4a0363793f7367");
}

}  // namespace
}  // namespace schemadiff
