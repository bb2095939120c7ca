// Introspection of a real MariaDB database: every object kind the MySQL introspector reads, as
// the server reports it and folded back into what was declared.
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "gtest/gtest.h"
#include "introspect/mysql_introspector.h"
#include "tests/integration/mysql_test_db.h"
#include "tests/support/database_state.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::IntrospectOrFail;
using ::schemadiff::testing::MysqlTestDatabase;
using ::schemadiff::testing::Remaining;

const char kSchema[] = R"sql(
CREATE TABLE parent (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(10) NOT NULL,
  UNIQUE KEY uq_parent_code (code)
) COMMENT = 'parent ''rows''';
CREATE TABLE child (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  parent_id BIGINT,
  other_parent BIGINT,
  flag TINYINT(1) NOT NULL DEFAULT 1,
  amount DECIMAL(12,2) DEFAULT 0.50 COMMENT 'in "cents"',
  latin VARCHAR(20) CHARACTER SET latin1 DEFAULT 'it''s',
  bin_name VARCHAR(20) COLLATE utf8mb4_bin,
  status ENUM('new','it''s','done') NOT NULL DEFAULT 'new',
  tags SET('a','b'),
  doc JSON,
  body MEDIUMTEXT,
  created DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  twice INT AS (parent_id * 2) VIRTUAL,
  label VARCHAR(30) AS (CONCAT(status, '!')) STORED,
  nothing VARCHAR(5) DEFAULT NULL,
  null_text VARCHAR(5) DEFAULT 'NULL',
  PRIMARY KEY (id),
  UNIQUE KEY uq_child_pair (parent_id, other_parent),
  KEY ix_child_prefix (latin(4), created DESC),
  FULLTEXT KEY ft_child_body (body),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
  FOREIGN KEY (other_parent) REFERENCES parent (id) ON UPDATE SET NULL,
  CONSTRAINT ck_child_amount CHECK (amount >= 0)
) ENGINE = InnoDB COMMENT 'child table';
CREATE TABLE logs (id INT PRIMARY KEY) ENGINE = MyISAM DEFAULT CHARSET = latin1;
CREATE VIEW child_view AS SELECT id FROM child;
)sql";

class MysqlIntrospectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_MYSQL();
    db_.emplace();
    ASSERT_EQ(db_->Exec(kSchema), "");
    catalog_ = IntrospectOrFail(db_->url(), MysqlDialect());
  }

  const Table& GetTable(const std::string& name) {
    const Table* table = FindTable(catalog_, "", name);
    EXPECT_NE(table, nullptr) << name;
    static const Table kEmpty;
    return table != nullptr ? *table : kEmpty;
  }
  const Column& GetColumn(const std::string& table, const std::string& name) {
    const Column* column = FindColumn(GetTable(table), name);
    EXPECT_NE(column, nullptr) << table << "." << name;
    static const Column kEmpty;
    return column != nullptr ? *column : kEmpty;
  }
  DataType Type(const std::string& spelling) { return *MysqlDialect().ParseType(spelling, true); }

  std::optional<MysqlTestDatabase> db_;
  Catalog catalog_;
};

TEST_F(MysqlIntrospectTest, TablesSkipViews) {
  ASSERT_EQ(catalog_.tables.size(), 3u);
  EXPECT_EQ(catalog_.dialect, "mysql");
  EXPECT_EQ(FindTable(catalog_, "", "child_view"), nullptr);
  EXPECT_EQ(GetTable("parent").comment, "parent 'rows'");
  EXPECT_EQ(GetTable("child").comment, "child table");
}

TEST_F(MysqlIntrospectTest, TableOptionsOnlyWhereTheyDifferFromTheDatabase) {
  EXPECT_TRUE(GetTable("child").options.empty());
  const std::map<std::string, std::string> logs = GetTable("logs").options;
  EXPECT_EQ(logs.at("engine"), "myisam");
  EXPECT_EQ(logs.at("charset"), "latin1");
  EXPECT_FALSE(logs.contains("collation"));  // latin1's default collation
}

TEST_F(MysqlIntrospectTest, ColumnTypes) {
  EXPECT_EQ(GetColumn("child", "id").type, Type("int unsigned"));
  EXPECT_TRUE(GetColumn("child", "id").autoincrement);
  EXPECT_EQ(GetColumn("child", "parent_id").type, Type("bigint"));
  EXPECT_EQ(GetColumn("child", "flag").type.kind, TypeKind::kBoolean);
  EXPECT_EQ(GetColumn("child", "amount").type, Type("decimal(12,2)"));
  EXPECT_EQ(GetColumn("child", "status").type.enum_values,
            (std::vector<std::string>{"new", "it's", "done"}));
  EXPECT_EQ(GetColumn("child", "tags").type, Type("set('a','b')"));
  EXPECT_EQ(GetColumn("child", "doc").type.kind, TypeKind::kJson);  // LONGTEXT + json_valid
  EXPECT_EQ(GetColumn("child", "body").type, Type("mediumtext"));
  EXPECT_EQ(GetColumn("child", "created").type, Type("datetime(3)"));
  EXPECT_EQ(GetColumn("child", "touched").type, Type("timestamp"));
}

TEST_F(MysqlIntrospectTest, NullabilityDefaultsOnUpdate) {
  EXPECT_FALSE(GetColumn("child", "flag").nullable);
  EXPECT_EQ(GetColumn("child", "flag").server_default,
            (DefaultExpr{DefaultKind::kBoolean, "true"}));
  EXPECT_EQ(GetColumn("child", "amount").server_default,
            (DefaultExpr{DefaultKind::kNumber, "0.5"}));
  EXPECT_EQ(GetColumn("child", "latin").server_default,
            (DefaultExpr{DefaultKind::kString, "it's"}));
  EXPECT_EQ(GetColumn("child", "status").server_default,
            (DefaultExpr{DefaultKind::kString, "new"}));
  EXPECT_EQ(GetColumn("child", "created").server_default,
            (DefaultExpr{DefaultKind::kCurrentTimestamp, ""}));
  EXPECT_EQ(GetColumn("child", "created").on_update, "CURRENT_TIMESTAMP");
  EXPECT_EQ(GetColumn("child", "touched").on_update, "");
  EXPECT_FALSE(GetColumn("child", "nothing").server_default.has_value());  // DEFAULT NULL
  EXPECT_EQ(GetColumn("child", "null_text").server_default,
            (DefaultExpr{DefaultKind::kString, "NULL"}));
  EXPECT_FALSE(GetColumn("child", "body").server_default.has_value());
}

TEST_F(MysqlIntrospectTest, GeneratedCharsetsComments) {
  ASSERT_TRUE(GetColumn("child", "twice").generated.has_value());
  EXPECT_FALSE(GetColumn("child", "twice").generated->stored);
  EXPECT_EQ(GetColumn("child", "twice").generated->expression,
            MysqlDialect().NormalizeExpression("parent_id * 2"));
  ASSERT_TRUE(GetColumn("child", "label").generated.has_value());
  EXPECT_TRUE(GetColumn("child", "label").generated->stored);
  EXPECT_EQ(GetColumn("child", "latin").charset, "latin1");
  EXPECT_EQ(GetColumn("child", "latin").collation, "");
  EXPECT_EQ(GetColumn("child", "bin_name").collation, "utf8mb4_bin");
  EXPECT_EQ(GetColumn("child", "bin_name").charset, "");
  EXPECT_EQ(GetColumn("child", "body").collation, "");  // the table's
  EXPECT_EQ(GetColumn("child", "doc").collation, "");   // JSON's utf8mb4_bin is implied
  EXPECT_EQ(GetColumn("child", "amount").comment, "in \"cents\"");
}

TEST_F(MysqlIntrospectTest, KeysAndIndexes) {
  const Table& child = GetTable("child");
  ASSERT_TRUE(child.primary_key.has_value());
  EXPECT_EQ(child.primary_key->columns, std::vector<std::string>{"id"});
  // Unique indexes are unique constraints, reported once.
  ASSERT_EQ(child.uniques.size(), 1u);
  EXPECT_EQ(child.uniques[0].name, "uq_child_pair");
  EXPECT_EQ(child.uniques[0].columns, (std::vector<std::string>{"parent_id", "other_parent"}));
  // The implicit index of fk for other_parent is not listed; fk_child_parent is served by
  // uq_child_pair.
  std::vector<std::string> names;
  for (const Index& ix : child.indexes) names.push_back(ix.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ft_child_body", "ix_child_prefix"}));
  const Index& fulltext = child.indexes[0];
  EXPECT_EQ(fulltext.method, "fulltext");
  const Index& prefix = child.indexes[1];
  ASSERT_EQ(prefix.elements.size(), 2u);
  EXPECT_EQ(prefix.elements[0].column, "latin");
  EXPECT_EQ(prefix.elements[0].prefix_length, 4);
  EXPECT_TRUE(prefix.elements[1].descending);
  EXPECT_EQ(GetTable("parent").uniques.size(), 1u);
  EXPECT_TRUE(GetTable("parent").indexes.empty());
}

TEST_F(MysqlIntrospectTest, ForeignKeysAndChecks) {
  const Table& child = GetTable("child");
  ASSERT_EQ(child.foreign_keys.size(), 2u);
  const ForeignKey& named = child.foreign_keys[0];
  EXPECT_EQ(named.name, "child_ibfk_1");
  EXPECT_EQ(named.columns, std::vector<std::string>{"other_parent"});
  EXPECT_EQ(named.on_update, "SET NULL");
  EXPECT_EQ(named.on_delete, "");  // RESTRICT is the default
  const ForeignKey& cascade = child.foreign_keys[1];
  EXPECT_EQ(cascade.name, "fk_child_parent");
  EXPECT_EQ(cascade.referred_table, "parent");
  EXPECT_EQ(cascade.referred_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(cascade.on_delete, "CASCADE");
  ASSERT_EQ(child.checks.size(), 1u);  // doc's json_valid CHECK is folded into its type
  EXPECT_EQ(child.checks[0].name, "ck_child_amount");
  EXPECT_EQ(child.checks[0].expression, MysqlDialect().NormalizeExpression("amount >= 0"));
}

TEST_F(MysqlIntrospectTest, DatabaseAgainstItselfIsClean) {
  EXPECT_EQ(Remaining(db_->url(), MysqlDialect(), catalog_), "");
  // And against a second database made from the same DDL.
  MysqlTestDatabase twin;
  ASSERT_EQ(twin.Exec(kSchema), "");
  EXPECT_EQ(Remaining(twin.url(), MysqlDialect(), catalog_), "");
}

TEST(MysqlIntrospectErrorTest, ErrorsAreOneLineWithoutThePassword) {
  SKIP_WITHOUT_MYSQL();
  absl::StatusOr<Source> server = ParseSource(*testing::MysqlServerUrl());
  ASSERT_OK(server);
  DatabaseUrl wrong_password = server->url;
  wrong_password.password = "not-the-password-xyzzy";
  absl::StatusOr<Catalog> denied = IntrospectMysql(wrong_password);
  ASSERT_FALSE(denied.ok());
  EXPECT_NE(denied.status().message().find("cannot connect"), std::string::npos) << denied.status();
  EXPECT_EQ(denied.status().message().find("xyzzy"), std::string::npos) << denied.status();
  EXPECT_EQ(denied.status().message().find('\n'), std::string::npos) << denied.status();

  DatabaseUrl missing = server->url;
  missing.database = "no_such_database_here";
  absl::StatusOr<Catalog> unknown = IntrospectMysql(missing);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("no_such_database_here"), std::string::npos)
      << unknown.status();
  EXPECT_EQ(unknown.status().message().find(server->url.password), std::string::npos);

  DatabaseUrl closed = server->url;
  closed.port = 1;  // nothing listens there
  absl::StatusOr<Catalog> refused = IntrospectMysql(closed);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("127.0.0.1:1"), std::string::npos) << refused.status();
}

}  // namespace
}  // namespace schemadiff
