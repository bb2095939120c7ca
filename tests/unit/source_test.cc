// ParseSource: SQLAlchemy URL conventions, YAML paths and malformed URLs.
#include "introspect/source.h"

#include <string>
#include <utility>
#include <vector>

#include "catalog/dialect_sqlite.h"
#include "gtest/gtest.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

struct UrlCase {
  std::string text;
  std::string dialect;
  std::string user;
  std::string password;
  std::string host;
  int port;
  std::string database;
  Query query;
};

class ParseUrlTest : public ::testing::TestWithParam<UrlCase> {};

TEST_P(ParseUrlTest, ParsesComponents) {
  const UrlCase& c = GetParam();
  absl::StatusOr<Source> source = ParseSource(c.text);
  ASSERT_OK(source);
  EXPECT_TRUE(source->is_url);
  EXPECT_EQ(source->text, c.text);
  EXPECT_EQ(source->url.dialect, c.dialect);
  EXPECT_EQ(source->url.user, c.user);
  EXPECT_EQ(source->url.password, c.password);
  EXPECT_EQ(source->url.host, c.host);
  EXPECT_EQ(source->url.port, c.port);
  EXPECT_EQ(source->url.database, c.database);
  EXPECT_EQ(source->url.query, c.query);
}

INSTANTIATE_TEST_SUITE_P(
    Urls, ParseUrlTest,
    ::testing::Values(
        UrlCase{"sqlite:///shop.db", "sqlite", "", "", "", 0, "shop.db", {}},
        UrlCase{"sqlite:///data/shop.db", "sqlite", "", "", "", 0, "data/shop.db", {}},
        UrlCase{"sqlite:////var/lib/shop.db", "sqlite", "", "", "", 0, "/var/lib/shop.db", {}},
        UrlCase{"sqlite+pysqlite:///shop.db", "sqlite", "", "", "", 0, "shop.db", {}},
        UrlCase{"sqlite:///shop.db?mode=ro", "sqlite", "", "", "", 0, "shop.db", {{"mode", "ro"}}},
        UrlCase{"postgresql://app:secret@db.example.com:5433/shop",
                "postgresql",
                "app",
                "secret",
                "db.example.com",
                5433,
                "shop",
                {}},
        UrlCase{"postgresql+psycopg2://app:p%40ss%3Aw%2Fd@localhost/shop",
                "postgresql",
                "app",
                "p@ss:w/d",
                "localhost",
                0,
                "shop",
                {}},
        UrlCase{
            "postgres://app@localhost/shop", "postgresql", "app", "", "localhost", 0, "shop", {}},
        UrlCase{"postgresql://us%65r:pw@[::1]:5432/shop",
                "postgresql",
                "user",
                "pw",
                "::1",
                5432,
                "shop",
                {}},
        UrlCase{"postgresql:///shop?host=/var/run/postgresql",
                "postgresql",
                "",
                "",
                "",
                0,
                "shop",
                {{"host", "/var/run/postgresql"}}},
        UrlCase{"postgresql://localhost", "postgresql", "", "", "localhost", 0, "", {}},
        UrlCase{"postgresql://a:b@h/db?sslmode=require&application_name=schema+diff%21",
                "postgresql",
                "a",
                "b",
                "h",
                0,
                "db",
                {{"sslmode", "require"}, {"application_name", "schema diff!"}}},
        UrlCase{"mysql+pymysql://root:pw@127.0.0.1:3306/shop?charset=utf8mb4",
                "mysql",
                "root",
                "pw",
                "127.0.0.1",
                3306,
                "shop",
                {{"charset", "utf8mb4"}}},
        UrlCase{"mariadb+mariadbconnector://u:@h/shop", "mysql", "u", "", "h", 0, "shop", {}},
        UrlCase{"mysql://user:with@at@h/shop", "mysql", "user", "with@at", "h", 0, "shop", {}}));

TEST(ParseSourceTest, PathsAreYamlSchemas) {
  for (const std::string text : {"schemas/examples/shop_v2.yaml", "/abs/shop.yaml", "shop.yml",
                                 "./odd://name.yaml", "C:/schemas/shop.yaml"}) {
    absl::StatusOr<Source> source = ParseSource(text);
    ASSERT_OK(source);
    EXPECT_FALSE(source->is_url) << text;
    EXPECT_EQ(source->text, text);
  }
}

struct ErrorCase {
  std::string text;
  std::string expected;  // substring of the message
};

class ParseSourceErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParseSourceErrorTest, OneClearError) {
  const ErrorCase& c = GetParam();
  absl::StatusOr<Source> source = ParseSource(c.text);
  ASSERT_FALSE(source.ok()) << c.text;
  const std::string message(source.status().message());
  EXPECT_NE(message.find(c.expected), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Errors, ParseSourceErrorTest,
    ::testing::Values(
        ErrorCase{"", "empty source"},
        ErrorCase{"http://example.com/shop", "unsupported database URL scheme 'http'"},
        ErrorCase{"oracle+cx://u:p@h/db", "unsupported database URL scheme 'oracle+cx'"},
        ErrorCase{"postgresql+://h/db", "empty driver name"},
        ErrorCase{"postgresql://h:abc/db", "port 'abc' is not a number between 1 and 65535"},
        ErrorCase{"postgresql://h:70000/db", "port '70000'"},
        ErrorCase{"postgresql://h:-1/db", "port '-1'"},
        ErrorCase{"postgresql://[::1/db", "unterminated [IPv6 address]"},
        ErrorCase{"postgresql://[::1]x/db", "unexpected text after ]"},
        ErrorCase{"postgresql://:5432/db", "a port without a host"},
        ErrorCase{"postgresql://h/db/extra", "database name 'db/extra' contains '/'"},
        ErrorCase{"postgresql://u%zz:p@h/db", "bad %-escape in the user name"},
        ErrorCase{"postgresql://h/db?x=%4", "bad %-escape in query parameter 'x'"},
        ErrorCase{"postgresql://h/db?=v", "query parameter without a name"},
        ErrorCase{"sqlite://host/shop.db", "a sqlite URL has no host"},
        ErrorCase{"sqlite:///", "no database file"}, ErrorCase{"sqlite://", "no database file"}));

TEST(ParseSourceTest, ErrorsNeverShowThePassword) {
  absl::StatusOr<Source> source = ParseSource("postgresql://app:hunter2@db:99999/shop");
  ASSERT_FALSE(source.ok());
  const std::string message(source.status().message());
  EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
  EXPECT_NE(message.find("postgresql://app:***@db:99999/shop"), std::string::npos) << message;

  source = ParseSource("postgresql://app:bad%zzsecret@db/shop");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(std::string(source.status().message()).find("secret"), std::string::npos)
      << source.status();
}

TEST(LoadSourceTest, SqliteHasNoSchemasToSelect) {
  absl::StatusOr<Source> source = ParseSource("sqlite:///shop.db");
  ASSERT_OK(source);
  LoadOptions options;
  options.schemas = {"sales"};
  absl::StatusOr<Catalog> catalog = LoadSource(*source, SqliteDialect(), options);
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(std::string(catalog.status().message()).find("SQLite databases have no schemas"),
            std::string::npos)
      << catalog.status();
}

TEST(LoadSourceTest, MysqlSchemasComeFromTheUrl) {
  absl::StatusOr<Source> source = ParseSource("mysql://u:secret@127.0.0.1:1/shop");
  ASSERT_OK(source);
  absl::StatusOr<const Dialect*> mysql = DialectByName("mysql");
  ASSERT_OK(mysql);
  LoadOptions options;
  options.schemas = {"other"};
  absl::StatusOr<Catalog> catalog = LoadSource(*source, **mysql, options);
  ASSERT_FALSE(catalog.ok());
  const std::string message(catalog.status().message());
  EXPECT_NE(message.find("schemas cannot be selected for MySQL"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;
}

TEST(LoadSourceTest, UrlDialectMustMatchTheComparison) {
  absl::StatusOr<Source> source = ParseSource("mysql://u@127.0.0.1:1/shop");
  ASSERT_OK(source);
  absl::StatusOr<Catalog> catalog = LoadSource(*source, SqliteDialect(), LoadOptions());
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(std::string(catalog.status().message()).find("is a mysql database"), std::string::npos)
      << catalog.status();
}

TEST(LoadSourceTest, MissingSqliteFileIsAnError) {
  testing::TempDir dir;
  absl::StatusOr<Source> source = ParseSource("sqlite:///" + dir.File("missing.db"));
  ASSERT_OK(source);
  absl::StatusOr<Catalog> catalog = LoadSource(*source, SqliteDialect(), LoadOptions());
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(std::string(catalog.status().message()).find("missing.db"), std::string::npos)
      << catalog.status();
}

}  // namespace
}  // namespace schemadiff
