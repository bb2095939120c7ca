// The MySQL dialect: type spellings both ways, defaults as MariaDB and MySQL report them and as
// users write them, expression canonicalization, quoting and the canonical table structure.
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "catalog/dialect.h"
#include "catalog/dialect_mysql.h"
#include "catalog/mysql_lexer.h"
#include "gtest/gtest.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

const Dialect& D() { return MysqlDialect(); }

DataType Parse(const std::string& spelling) {
  absl::StatusOr<DataType> type = D().ParseType(spelling, /*allow_verbatim=*/true);
  EXPECT_TRUE(type.ok()) << spelling << ": " << type.status();
  return type.ok() ? *type : DataType{};
}

TEST(MysqlDialectTest, ByName) {
  for (const char* name : {"mysql", "MariaDB"}) {
    absl::StatusOr<const Dialect*> d = DialectByName(name);
    ASSERT_OK(d);
    EXPECT_EQ((*d)->name(), "mysql");
  }
}

TEST(MysqlDialectTest, SameTypeSpellings) {
  // Each row: spellings that name the same column type.
  const std::vector<std::vector<std::string>> groups = {
      {"int", "int(11)", "INTEGER", "int4"},
      {"int unsigned", "int(10) unsigned", "INT(10) UNSIGNED"},
      {"bigint", "bigint(20)", "BIGINT"},
      {"bool", "boolean", "tinyint(1)", "TINYINT(1)"},
      {"tinyint", "tinyint(4)"},
      {"decimal", "decimal(10,0)", "numeric(10)", "dec(10, 0)"},
      {"decimal(12,2)", "numeric(12,2)", "DECIMAL(12, 2)"},
      {"varchar(20)", "character varying(20)", "VARCHAR(20)"},
      {"char", "char(1)", "character(1)"},
      {"float", "float(10)", "float4"},
      {"double", "real", "double precision", "float(40)"},
      {"datetime", "datetime(0)", "DATETIME"},
      {"timestamp(3)", "TIMESTAMP(3)"},
      {"text", "text(1000)", "TEXT"},
      {"tinytext", "text(200)"},
      {"mediumtext", "long varchar", "text(70000)"},
      {"longtext", "text(20000000)"},
      {"blob", "BLOB"},
      {"mediumblob", "blob(70000)"},
      {"binary", "binary(1)"},
      {"enum('a','b''x')", "ENUM('a', 'b''x')", "enum(\"a\",'b\\'x')"},
      {"set('x','y')", "SET('x', 'y')"},
      {"year", "year(4)"},
      {"bit", "bit(1)"},
  };
  for (const auto& group : groups) {
    const DataType first = Parse(group[0]);
    for (const std::string& spelling : group) {
      EXPECT_EQ(Parse(spelling), first) << spelling << " vs " << group[0];
    }
  }
}

TEST(MysqlDialectTest, DifferentTypesStayDifferent) {
  const std::vector<std::string> distinct = {"int",
                                             "int unsigned",
                                             "bigint",
                                             "tinyint",
                                             "tinyint unsigned",
                                             "boolean",
                                             "smallint",
                                             "mediumint",
                                             "decimal(12,2)",
                                             "decimal(12,3)",
                                             "float",
                                             "double",
                                             "varchar(20)",
                                             "varchar(21)",
                                             "char(20)",
                                             "tinytext",
                                             "text",
                                             "mediumtext",
                                             "longtext",
                                             "blob",
                                             "tinyblob",
                                             "mediumblob",
                                             "longblob",
                                             "varbinary(16)",
                                             "binary(16)",
                                             "date",
                                             "time",
                                             "time(3)",
                                             "datetime",
                                             "datetime(3)",
                                             "timestamp",
                                             "timestamp(6)",
                                             "json",
                                             "enum('a','b')",
                                             "enum('b','a')",
                                             "set('a','b')",
                                             "year",
                                             "bit(8)",
                                             "int(5) unsigned zerofill"};
  for (size_t i = 0; i < distinct.size(); ++i) {
    for (size_t j = i + 1; j < distinct.size(); ++j) {
      EXPECT_NE(Parse(distinct[i]), Parse(distinct[j])) << distinct[i] << " vs " << distinct[j];
    }
  }
}

TEST(MysqlDialectTest, RenderTypeRoundTrips) {
  for (const char* spelling : {"int",
                               "int unsigned",
                               "bigint unsigned",
                               "tinyint(1)",
                               "smallint",
                               "decimal(12,2)",
                               "decimal(5,0) unsigned",
                               "float",
                               "double",
                               "varchar(255)",
                               "char(36)",
                               "tinytext",
                               "text",
                               "mediumtext",
                               "longtext",
                               "blob",
                               "mediumblob",
                               "varbinary(16)",
                               "binary(4)",
                               "date",
                               "time(3)",
                               "datetime",
                               "datetime(6)",
                               "timestamp",
                               "timestamp(3)",
                               "json",
                               "enum('a','it''s','back\\\\slash')",
                               "set('x','y')",
                               "year",
                               "bit(3)",
                               "int(5) unsigned zerofill",
                               "point"}) {
    const DataType type = Parse(spelling);
    EXPECT_EQ(Parse(D().RenderType(type)), type) << spelling << " -> " << D().RenderType(type);
  }
  EXPECT_EQ(D().RenderType(Parse("int(11)")), "int");
  EXPECT_EQ(D().RenderType(Parse("boolean")), "tinyint(1)");
  EXPECT_EQ(D().RenderType(Parse("datetime(3)")), "datetime(3)");
  EXPECT_EQ(D().RenderType(Parse("enum('a','b')")), "enum('a','b')");
}

TEST(MysqlDialectTest, PortableTypesNormalize) {
  // What a dialect-free YAML file says, brought to MySQL's form.
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("string(255)"))), "varchar(255)");
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("boolean"))), "tinyint(1)");
  EXPECT_EQ(D().NormalizeType(*ParsePortableType("tinyint(1)")), Parse("boolean"));
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("numeric"))), "decimal(10,0)");
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("timestamp"))), "datetime");
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("timestamp(tz)"))), "timestamp");
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("jsonb"))), "json");
  EXPECT_EQ(D().RenderType(D().NormalizeType(*ParsePortableType("binary"))), "blob");
  EXPECT_EQ(D().NormalizeType(*ParsePortableType("int(11)")), Parse("int"));
}

TEST(MysqlDialectTest, UnknownTypes) {
  EXPECT_FALSE(D().ParseType("frobnicate", false).ok());
  EXPECT_FALSE(D().ParseType("varchar(", true).ok());
  // Known MySQL types without a canonical kind are accepted even without allow_verbatim.
  EXPECT_TRUE(D().ParseType("mediumblob", false).ok());
  EXPECT_TRUE(D().ParseType("set('a')", false).ok());
  absl::StatusOr<DataType> custom = D().ParseType("inet9", true);
  ASSERT_OK(custom);
  EXPECT_EQ(custom->kind, TypeKind::kVerbatim);
}

DefaultExpr Def(DefaultKind kind, std::string text) { return {kind, std::move(text)}; }

TEST(MysqlDialectTest, DefaultsAsUsersWriteThem) {
  const DataType varchar = Parse("varchar(20)");
  const DataType integer = Parse("int");
  const DataType boolean = Parse("tinyint(1)");
  const DataType money = Parse("decimal(5,2)");
  const DataType datetime3 = Parse("datetime(3)");
  EXPECT_EQ(D().ParseDefault("'active'", varchar), Def(DefaultKind::kString, "active"));
  EXPECT_EQ(D().ParseDefault("'it''s'", varchar), Def(DefaultKind::kString, "it's"));
  EXPECT_EQ(D().ParseDefault("'it\\'s'", varchar), Def(DefaultKind::kString, "it's"));
  EXPECT_EQ(D().ParseDefault("'NULL'", varchar), Def(DefaultKind::kString, "NULL"));
  EXPECT_EQ(D().ParseDefault("NULL", varchar), Def(DefaultKind::kNull, ""));
  EXPECT_EQ(D().ParseDefault("5", varchar), Def(DefaultKind::kString, "5"));
  EXPECT_EQ(D().ParseDefault("0", integer), Def(DefaultKind::kNumber, "0"));
  EXPECT_EQ(D().ParseDefault("'0'", integer), Def(DefaultKind::kNumber, "0"));
  EXPECT_EQ(D().ParseDefault("-3", integer), Def(DefaultKind::kNumber, "-3"));
  EXPECT_EQ(D().ParseDefault("-0.50", money), Def(DefaultKind::kNumber, "-0.5"));
  EXPECT_EQ(D().ParseDefault("1e3", Parse("double")), Def(DefaultKind::kNumber, "1000"));
  EXPECT_EQ(D().ParseDefault("TRUE", boolean), Def(DefaultKind::kBoolean, "true"));
  EXPECT_EQ(D().ParseDefault("1", boolean), Def(DefaultKind::kBoolean, "true"));
  EXPECT_EQ(D().ParseDefault("'0'", boolean), Def(DefaultKind::kBoolean, "false"));
  EXPECT_EQ(D().ParseDefault("false", integer), Def(DefaultKind::kNumber, "0"));
  for (const char* now : {"CURRENT_TIMESTAMP", "current_timestamp()", "now()", "NOW(3)",
                          "CURRENT_TIMESTAMP(3)", "localtimestamp", "(current_timestamp())"}) {
    EXPECT_EQ(D().ParseDefault(now, datetime3), Def(DefaultKind::kCurrentTimestamp, "")) << now;
  }
  EXPECT_EQ(D().ParseDefault("(curdate())", Parse("date")), Def(DefaultKind::kCurrentDate, ""));
  EXPECT_EQ(D().ParseDefault("CURRENT_DATE", Parse("date")), Def(DefaultKind::kCurrentDate, ""));
  EXPECT_EQ(D().ParseDefault("(1+2)", integer), D().ParseDefault("(1 + 2)", integer));
  EXPECT_EQ(D().ParseDefault("uuid()", Parse("char(36)")), Def(DefaultKind::kExpression, "uuid()"));
}

TEST(MysqlDialectTest, RenderDefaultRoundTrips) {
  const std::vector<std::pair<DefaultExpr, DataType>> cases = {
      {Def(DefaultKind::kString, "it's \\ 'quoted'"), Parse("varchar(40)")},
      {Def(DefaultKind::kString, ""), Parse("varchar(40)")},
      {Def(DefaultKind::kNumber, "-0.5"), Parse("decimal(5,2)")},
      {Def(DefaultKind::kBoolean, "true"), Parse("boolean")},
      {Def(DefaultKind::kBoolean, "false"), Parse("boolean")},
      {Def(DefaultKind::kNull, ""), Parse("int")},
      {Def(DefaultKind::kCurrentTimestamp, ""), Parse("timestamp(6)")},
      {Def(DefaultKind::kCurrentDate, ""), Parse("date")},
      {Def(DefaultKind::kExpression, "a + 1"), Parse("int")},
  };
  for (const auto& [value, type] : cases) {
    const std::string sql = D().RenderDefault(value, type);
    EXPECT_EQ(D().ParseDefault(sql, type), value) << sql;
  }
  EXPECT_EQ(D().RenderDefault(Def(DefaultKind::kCurrentTimestamp, ""), Parse("datetime(3)")),
            "CURRENT_TIMESTAMP(3)");
  EXPECT_EQ(D().RenderDefault(Def(DefaultKind::kCurrentTimestamp, ""), Parse("timestamp")),
            "CURRENT_TIMESTAMP");
  // MySQL 8 takes defaults of TEXT / BLOB / JSON columns only as expressions.
  EXPECT_EQ(D().RenderDefault(Def(DefaultKind::kString, "x"), Parse("text")), "('x')");
  EXPECT_EQ(D().RenderDefault(Def(DefaultKind::kString, "x"), Parse("varchar(5)")), "'x'");
  EXPECT_EQ(D().ParseDefault("('x')", Parse("mediumtext")), Def(DefaultKind::kString, "x"));
}

IndexElement On(const std::string& column) {
  IndexElement e;
  e.column = column;
  return e;
}

Column MakeColumn(const std::string& type, bool nullable) {
  Column c;
  c.name = "c";
  c.type = Parse(type);
  c.nullable = nullable;
  return c;
}

TEST(MysqlDialectTest, CatalogDefaultsMariaDbAndMysqlAgree) {
  struct Case {
    std::string type;
    bool nullable;
    std::optional<std::string> mariadb;  // COLUMN_DEFAULT as MariaDB reports it
    std::optional<std::string> mysql;    // as MySQL 8 reports it
    std::string mysql_extra;
    std::optional<DefaultExpr> want;
  };
  const std::vector<Case> cases = {
      {"varchar(10)", true, "'a''b'", "a'b", "", Def(DefaultKind::kString, "a'b")},
      {"varchar(10)", true, "'NULL'", "NULL", "", Def(DefaultKind::kString, "NULL")},
      {"varchar(10)", true, "''", "", "", Def(DefaultKind::kString, "")},
      {"varchar(10)", true, "NULL", std::nullopt, "", std::nullopt},         // DEFAULT NULL
      {"varchar(10)", false, std::nullopt, std::nullopt, "", std::nullopt},  // no default
      {"int", false, "0", "0", "", Def(DefaultKind::kNumber, "0")},
      {"decimal(5,2)", true, "-0.50", "-0.50", "", Def(DefaultKind::kNumber, "-0.5")},
      {"tinyint(1)", false, "1", "1", "", Def(DefaultKind::kBoolean, "true")},
      {"datetime(3)", true, "current_timestamp(3)", "CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED",
       Def(DefaultKind::kCurrentTimestamp, "")},
      {"timestamp", false, "current_timestamp()", "CURRENT_TIMESTAMP", "DEFAULT_GENERATED",
       Def(DefaultKind::kCurrentTimestamp, "")},
      {"date", true, "'2020-01-01'", "2020-01-01", "", Def(DefaultKind::kString, "2020-01-01")},
      {"enum('a','b')", true, "'a'", "a", "", Def(DefaultKind::kString, "a")},
      {"int", true, "(1 + 2)", "(1 + 2)", "DEFAULT_GENERATED",
       D().ParseDefault("1+2", Parse("int"))},
      {"char(36)", true, "uuid()", "uuid()", "DEFAULT_GENERATED",
       Def(DefaultKind::kExpression, "uuid()")},
  };
  for (const Case& c : cases) {
    const Column column = MakeColumn(c.type, c.nullable);
    EXPECT_EQ(ParseMysqlColumnDefault(c.mariadb, "", column, MysqlFlavor::kMariaDb), c.want)
        << c.type << " mariadb " << c.mariadb.value_or("(sql null)");
    EXPECT_EQ(ParseMysqlColumnDefault(c.mysql, c.mysql_extra, column, MysqlFlavor::kMysql), c.want)
        << c.type << " mysql " << c.mysql.value_or("(sql null)");
  }
}

TEST(MysqlDialectTest, OnUpdate) {
  EXPECT_EQ(NormalizeMysqlOnUpdate("current_timestamp(3)"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(NormalizeMysqlOnUpdate("CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(NormalizeMysqlOnUpdate("now()"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(NormalizeMysqlOnUpdate(""), "");
  Column c = MakeColumn("datetime(3)", true);
  c.on_update = "CURRENT_TIMESTAMP";
  EXPECT_EQ(RenderMysqlOnUpdate(c), "CURRENT_TIMESTAMP(3)");
}

TEST(MysqlDialectTest, ExpressionsCanonical) {
  // (as a user writes it, as MariaDB or MySQL reports it)
  const std::vector<std::pair<std::string, std::string>> same = {
      {"amount >= 0", "`amount` >= 0"},
      {"(amount >= 0)", "(`amount` >= 0)"},
      {"Amount>=0", "`amount` >= 0"},
      {"a != 1 AND (b IS NOT NULL OR a > 0)", "`a` <> 1 and (`b` is not null or `a` > 0)"},
      {"b IN ('x', \"y\") && a BETWEEN 1 AND 10", "`b` in ('x','y') and `a` between 1 and 10"},
      {"CHAR_LENGTH(b) > -1", "char_length(`b`) > -1"},
      {"CONCAT(b, 'x')", "concat(`b`,_utf8mb4'x')"},
      {"created_at > NOW() - INTERVAL 1 DAY",
       "`created_at` > current_timestamp() - interval 1 day"},
      {"flag = TRUE", "`flag` = 1"},
      {"json_valid(doc)", "json_valid(`doc`)"},
      {"CAST(a AS CHAR(10))", "cast(`a` as char(10))"},
  };
  for (const auto& [written, reported] : same) {
    EXPECT_EQ(D().NormalizeExpression(written), D().NormalizeExpression(reported))
        << written << " vs " << reported;
  }
  EXPECT_NE(D().NormalizeExpression("a > 0"), D().NormalizeExpression("a >= 0"));
  EXPECT_NE(D().NormalizeExpression("a = 'X'"), D().NormalizeExpression("a = 'x'"));
  // Identifiers stay quoted only where the quotes matter.
  EXPECT_EQ(D().NormalizeExpression("`amount` >= 0"), "amount >= 0");
  EXPECT_EQ(D().NormalizeExpression("CONCAT(b, 'x')"), "concat(b, 'x')");
  EXPECT_EQ(D().NormalizeExpression("`day` > 0"), "`day` > 0");
  EXPECT_EQ(D().NormalizeExpression("`order` > `key`"), "`order` > `key`");
  EXPECT_EQ(D().NormalizeExpression("`Odd Name` > 1"), "`odd name` > 1");
  EXPECT_EQ(D().NormalizeExpression("`1st` > 1"), "`1st` > 1");
  EXPECT_TRUE(IsBareMysqlIdentifier("amount"));
  EXPECT_FALSE(IsBareMysqlIdentifier("select"));
  EXPECT_FALSE(IsBareMysqlIdentifier("end"));
  // The canonical text is a fixed point.
  for (const char* sql : {"`order` > 1 and `day` < 2", "concat(`end`, 'x') = `b`"}) {
    const std::string once = D().NormalizeExpression(sql);
    EXPECT_EQ(D().NormalizeExpression(once), once) << sql;
  }
}

TEST(MysqlDialectTest, Quoting) {
  EXPECT_EQ(D().QuoteIdentifier("order"), "`order`");
  EXPECT_EQ(D().QuoteIdentifier("we`ird"), "`we``ird`");
  EXPECT_EQ(D().QuoteString("it's \\ fine"), "'it''s \\\\ fine'");
  EXPECT_FALSE(D().capabilities().transactional_ddl);
  EXPECT_EQ(D().capabilities().max_identifier_length, 64);
}

TEST(MysqlDialectTest, CanonicalTableStructure) {
  Table t;
  t.name = "t";
  t.columns = {MakeColumn("varchar(10)", true), MakeColumn("json", true)};
  t.columns[0].server_default = Def(DefaultKind::kNull, "");
  t.columns[0].charset = "UTF8";
  t.columns[1].name = "doc";
  t.columns[1].collation = "utf8mb4_bin";
  t.primary_key = PrimaryKey{"pk_t", NameOrigin::kConvention, {"c"}};
  Index unique_index;
  unique_index.name = "uq_c";
  unique_index.unique = true;
  unique_index.elements = {On("c")};
  Index prefix_index = unique_index;
  prefix_index.name = "uq_c_prefix";
  prefix_index.elements[0].prefix_length = 4;
  Index btree;
  btree.name = "ix_c";
  btree.method = "BTREE";
  btree.elements = {On("c")};
  t.indexes = {unique_index, prefix_index, btree};
  ForeignKey fk;
  fk.name = "fk";
  fk.on_delete = "restrict";
  fk.on_update = "NO ACTION";
  t.foreign_keys = {fk};

  D().NormalizeTableStructure(&t);
  EXPECT_FALSE(t.columns[0].server_default.has_value());
  EXPECT_EQ(t.columns[0].charset, "utf8mb3");
  EXPECT_EQ(t.columns[1].collation, "");
  EXPECT_EQ(t.primary_key->name, "");
  ASSERT_EQ(t.uniques.size(), 1u);
  EXPECT_EQ(t.uniques[0].name, "uq_c");
  EXPECT_EQ(t.uniques[0].columns, std::vector<std::string>{"c"});
  ASSERT_EQ(t.indexes.size(), 2u);
  EXPECT_EQ(t.indexes[0].name, "uq_c_prefix");
  EXPECT_EQ(t.indexes[1].method, "");
  EXPECT_EQ(t.foreign_keys[0].on_delete, "");
  EXPECT_EQ(t.foreign_keys[0].on_update, "");
}

TEST(MysqlLexerTest, Tokens) {
  absl::StatusOr<std::vector<MysqlToken>> tokens =
      TokenizeMysql("a<=>b -- comment\n# more\n/* x */ 'it''s' `q``x` x'0F' 1.5e3 @@v");
  ASSERT_OK(tokens);
  ASSERT_EQ(tokens->size(), 8u);
  EXPECT_TRUE((*tokens)[1].IsPunct("<=>"));
  EXPECT_EQ((*tokens)[3].value, "it's");
  EXPECT_EQ((*tokens)[4].value, "q`x");
  EXPECT_EQ((*tokens)[5].kind, MysqlTokenKind::kHexOrBit);
  EXPECT_EQ((*tokens)[6].value, "1.5e3");
  EXPECT_EQ((*tokens)[7].kind, MysqlTokenKind::kVariable);
  EXPECT_FALSE(TokenizeMysql("'open").ok());
  EXPECT_FALSE(TokenizeMysql("`open").ok());
}

}  // namespace
}  // namespace schemadiff
