// Introspection of real SQLite files: every object kind, hostile names, what is skipped, errors.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "introspect/sqlite_introspector.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Creates (or extends) the database at `path` with `sql`.
void ExecSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

// Introspects a fresh database made of `sql`.
Catalog IntrospectSql(const testing::TempDir& dir, const std::string& sql) {
  const std::string path = dir.File("test.db");
  ExecSql(path, sql);
  absl::StatusOr<Catalog> catalog = IntrospectSqlite(path);
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return catalog.ok() ? *catalog : Catalog{};
}

const Table& GetTable(const Catalog& catalog, std::string_view name) {
  const Table* table = FindTable(catalog, "", name);
  if (table == nullptr) {
    ADD_FAILURE() << "no table " << name;
    static const Table kEmpty;
    return kEmpty;
  }
  return *table;
}

const Column& GetColumn(const Table& table, std::string_view name) {
  const Column* column = FindColumn(table, name);
  if (column == nullptr) {
    ADD_FAILURE() << "no column " << name << " in " << table.name;
    static const Column kEmpty;
    return kEmpty;
  }
  return *column;
}

std::vector<std::string> TableNames(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const Table& table : catalog.tables) names.push_back(table.name);
  return names;
}

constexpr char kShopSql[] = R"sql(
CREATE TABLE parent (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code VARCHAR(10) NOT NULL COLLATE nocase,
  CONSTRAINT uq_parent_code UNIQUE (code)
);
CREATE TABLE child (
  id INTEGER NOT NULL,
  parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name VARCHAR(100) NOT NULL DEFAULT 'n/a',
  email TEXT UNIQUE,
  amount NUMERIC(12, 2) CONSTRAINT ck_child_amount CHECK (amount>=0),
  active BOOLEAN NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
  doubled REAL GENERATED ALWAYS AS (amount * 2) STORED,
  note TEXT AS (upper(name)),
  CONSTRAINT pk_child PRIMARY KEY (id),
  CONSTRAINT fk_child_name_parent FOREIGN KEY (name) REFERENCES parent (code) ON UPDATE SET NULL,
  CHECK (length(name) > 0)
);
CREATE INDEX ix_child_name ON child (name DESC);
CREATE UNIQUE INDEX ux_child_lower ON child (lower(name) COLLATE NOCASE, parent_id)
  WHERE active = 1;
CREATE VIEW v_child AS SELECT id FROM child;
CREATE TRIGGER tr_child AFTER INSERT ON child BEGIN SELECT 1; END;
CREATE TRIGGER tr_view INSTEAD OF INSERT ON v_child BEGIN SELECT 1; END;
)sql";

TEST(SqliteIntrospect, ReadsEveryObjectKind) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, kShopSql);
  EXPECT_EQ(catalog.dialect, "sqlite");
  // sqlite_sequence (made by AUTOINCREMENT), the view and the trigger are not tables.
  EXPECT_THAT(TableNames(catalog), ElementsAre("child", "parent"));

  const Table& parent = GetTable(catalog, "parent");
  const Column& parent_id = GetColumn(parent, "id");
  EXPECT_EQ(parent_id.type, MakeType(TypeKind::kInteger));
  EXPECT_TRUE(parent_id.autoincrement);
  EXPECT_FALSE(parent_id.nullable);  // the rowid alias is never NULL
  ASSERT_TRUE(parent.primary_key.has_value());
  EXPECT_EQ(parent.primary_key->name, "");
  EXPECT_THAT(parent.primary_key->columns, ElementsAre("id"));
  EXPECT_EQ(GetColumn(parent, "code").collation, "NOCASE");
  EXPECT_EQ(GetColumn(parent, "code").type, MakeVarchar(10));
  ASSERT_EQ(parent.uniques.size(), 1u);
  EXPECT_EQ(parent.uniques[0].name, "uq_parent_code");
  EXPECT_THAT(parent.uniques[0].columns, ElementsAre("code"));
  EXPECT_TRUE(parent.indexes.empty());  // autoindexes are constraints, not indexes

  const Table& child = GetTable(catalog, "child");
  ASSERT_TRUE(child.primary_key.has_value());
  EXPECT_EQ(child.primary_key->name, "pk_child");
  EXPECT_THAT(child.primary_key->columns, ElementsAre("id"));
  EXPECT_FALSE(GetColumn(child, "id").autoincrement);
  EXPECT_TRUE(GetColumn(child, "parent_id").nullable);
  EXPECT_FALSE(GetColumn(child, "name").nullable);
  EXPECT_EQ(GetColumn(child, "amount").type, MakeNumeric(12, 2));

  EXPECT_EQ(GetColumn(child, "name").server_default, (DefaultExpr{DefaultKind::kString, "n/a"}));
  EXPECT_EQ(GetColumn(child, "active").server_default,
            (DefaultExpr{DefaultKind::kBoolean, "true"}));
  EXPECT_EQ(GetColumn(child, "created_at").server_default,
            (DefaultExpr{DefaultKind::kCurrentTimestamp, ""}));
  EXPECT_FALSE(GetColumn(child, "email").server_default.has_value());

  const Column& doubled = GetColumn(child, "doubled");
  ASSERT_TRUE(doubled.generated.has_value());
  EXPECT_EQ(doubled.generated->expression, "amount * 2");
  EXPECT_TRUE(doubled.generated->stored);
  const Column& note = GetColumn(child, "note");
  ASSERT_TRUE(note.generated.has_value());
  EXPECT_EQ(note.generated->expression, "upper(name)");
  EXPECT_FALSE(note.generated->stored);
  EXPECT_THAT(child.columns.back().name, "note");  // declaration order, hidden columns too

  ASSERT_EQ(child.uniques.size(), 1u);
  EXPECT_EQ(child.uniques[0].name, "");
  EXPECT_THAT(child.uniques[0].columns, ElementsAre("email"));

  ASSERT_EQ(child.checks.size(), 2u);
  EXPECT_EQ(child.checks[0].name, "");
  EXPECT_EQ(child.checks[0].expression, "length(name) > 0");
  EXPECT_EQ(child.checks[1].name, "ck_child_amount");
  EXPECT_EQ(child.checks[1].expression, "amount >= 0");

  ASSERT_EQ(child.foreign_keys.size(), 2u);
  const ForeignKey& to_id = child.foreign_keys[0];  // unnamed sorts first
  EXPECT_EQ(to_id.name, "");
  EXPECT_THAT(to_id.columns, ElementsAre("parent_id"));
  EXPECT_EQ(to_id.referred_table, "parent");
  EXPECT_THAT(to_id.referred_columns, ElementsAre("id"));
  EXPECT_EQ(to_id.on_delete, "CASCADE");
  EXPECT_EQ(to_id.on_update, "");
  EXPECT_TRUE(to_id.deferrable);
  EXPECT_TRUE(to_id.initially_deferred);
  const ForeignKey& to_code = child.foreign_keys[1];
  EXPECT_EQ(to_code.name, "fk_child_name_parent");
  EXPECT_THAT(to_code.columns, ElementsAre("name"));
  EXPECT_THAT(to_code.referred_columns, ElementsAre("code"));
  EXPECT_EQ(to_code.on_update, "SET NULL");
  EXPECT_FALSE(to_code.deferrable);

  ASSERT_EQ(child.indexes.size(), 2u);
  const Index& by_name = child.indexes[0];
  EXPECT_EQ(by_name.name, "ix_child_name");
  EXPECT_FALSE(by_name.unique);
  ASSERT_EQ(by_name.elements.size(), 1u);
  EXPECT_EQ(by_name.elements[0].column, "name");
  EXPECT_TRUE(by_name.elements[0].descending);
  EXPECT_EQ(by_name.where, "");
  const Index& lower = child.indexes[1];
  EXPECT_EQ(lower.name, "ux_child_lower");
  EXPECT_TRUE(lower.unique);
  ASSERT_EQ(lower.elements.size(), 2u);
  EXPECT_EQ(lower.elements[0].column, "");
  EXPECT_EQ(lower.elements[0].expression, "lower(name)");
  EXPECT_EQ(lower.elements[0].collation, "NOCASE");
  EXPECT_FALSE(lower.elements[0].descending);
  EXPECT_EQ(lower.elements[1].column, "parent_id");
  EXPECT_EQ(lower.elements[1].collation, "");
  EXPECT_EQ(lower.where, "active = 1");

  // Triggers ride along verbatim with their table (those on views are not a table's).
  ASSERT_EQ(child.triggers.size(), 1u);
  EXPECT_EQ(child.triggers[0].name, "tr_child");
  EXPECT_EQ(child.triggers[0].sql,
            "CREATE TRIGGER tr_child AFTER INSERT ON child BEGIN SELECT 1; END");
  EXPECT_TRUE(parent.triggers.empty());
}

TEST(SqliteIntrospect, HostileIdentifiersKeepTheirExactNames) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, R"sql(
CREATE TABLE "we""ird tbl" (
  "select" INTEGER PRIMARY KEY,
  "col ümlaut" TEXT DEFAULT 'it''s',
  [bracket name] INTEGER,
  `back``tick` TEXT,
  CONSTRAINT "uq ""q""" UNIQUE ("col ümlaut", [bracket name]),
  CONSTRAINT "ck;drop" CHECK ("select" > 0 AND "col ümlaut" != 'x''y')
);
CREATE TABLE "日本" (
  id INTEGER PRIMARY KEY,
  ref INTEGER CONSTRAINT "fk -- comment" REFERENCES "we""ird tbl" ("select")
);
CREATE INDEX "ix ""quoted"" name" ON "we""ird tbl" ("back`tick");
)sql");
  EXPECT_THAT(TableNames(catalog), ElementsAre("we\"ird tbl", "日本"));
  const Table& weird = GetTable(catalog, "we\"ird tbl");
  std::vector<std::string> columns;
  for (const Column& column : weird.columns) columns.push_back(column.name);
  EXPECT_THAT(columns, ElementsAre("select", "col ümlaut", "bracket name", "back`tick"));
  EXPECT_EQ(GetColumn(weird, "col ümlaut").server_default,
            (DefaultExpr{DefaultKind::kString, "it's"}));
  ASSERT_EQ(weird.uniques.size(), 1u);
  EXPECT_EQ(weird.uniques[0].name, "uq \"q\"");
  EXPECT_THAT(weird.uniques[0].columns, ElementsAre("col ümlaut", "bracket name"));
  ASSERT_EQ(weird.checks.size(), 1u);
  EXPECT_EQ(weird.checks[0].name, "ck;drop");
  EXPECT_EQ(weird.checks[0].expression, "\"select\" > 0 and \"col ümlaut\" != 'x''y'");
  ASSERT_EQ(weird.indexes.size(), 1u);
  EXPECT_EQ(weird.indexes[0].name, "ix \"quoted\" name");
  ASSERT_EQ(weird.indexes[0].elements.size(), 1u);
  EXPECT_EQ(weird.indexes[0].elements[0].column, "back`tick");

  const Table& japanese = GetTable(catalog, "日本");
  ASSERT_EQ(japanese.foreign_keys.size(), 1u);
  EXPECT_EQ(japanese.foreign_keys[0].name, "fk -- comment");
  EXPECT_EQ(japanese.foreign_keys[0].referred_table, "we\"ird tbl");
  EXPECT_THAT(japanese.foreign_keys[0].referred_columns, ElementsAre("select"));
}

TEST(SqliteIntrospect, ResolvesImplicitAndDifferentlyCasedReferences) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, R"sql(
CREATE TABLE Accounts (Id INTEGER, Region TEXT, PRIMARY KEY (Region, Id));
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER,
  region TEXT,
  other_id INTEGER,
  FOREIGN KEY (region, account_id) REFERENCES ACCOUNTS,
  FOREIGN KEY (other_id) REFERENCES accounts (ID),
  FOREIGN KEY (other_id) REFERENCES missing_table (x)
);
)sql");
  const Table& accounts = GetTable(catalog, "Accounts");
  ASSERT_TRUE(accounts.primary_key.has_value());
  EXPECT_THAT(accounts.primary_key->columns, ElementsAre("Region", "Id"));
  // A composite key in a rowid table: SQLite lets its columns hold NULL.
  EXPECT_TRUE(GetColumn(accounts, "Id").nullable);

  const Table& orders = GetTable(catalog, "orders");
  ASSERT_EQ(orders.foreign_keys.size(), 3u);
  // Unnamed keys are ordered by their definition (columns first).
  EXPECT_THAT(orders.foreign_keys[0].columns, ElementsAre("other_id"));
  EXPECT_EQ(orders.foreign_keys[0].referred_table, "Accounts");
  EXPECT_THAT(orders.foreign_keys[0].referred_columns, ElementsAre("Id"));
  EXPECT_EQ(orders.foreign_keys[1].referred_table, "missing_table");
  EXPECT_THAT(orders.foreign_keys[1].referred_columns, ElementsAre("x"));
  EXPECT_THAT(orders.foreign_keys[2].columns, ElementsAre("region", "account_id"));
  EXPECT_EQ(orders.foreign_keys[2].referred_table, "Accounts");
  EXPECT_THAT(orders.foreign_keys[2].referred_columns, ElementsAre("Region", "Id"));
}

TEST(SqliteIntrospect, WithoutRowidAndStrictTables) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, R"sql(
CREATE TABLE kv (k TEXT, v ANY, n INT, PRIMARY KEY (k)) WITHOUT ROWID, STRICT;
CREATE TABLE legacy (id INT PRIMARY KEY, data);
)sql");
  const Table& kv = GetTable(catalog, "kv");
  EXPECT_EQ(kv.options.at("without_rowid"), "true");
  EXPECT_EQ(kv.options.at("strict"), "true");
  EXPECT_FALSE(GetColumn(kv, "k").nullable);
  EXPECT_TRUE(kv.indexes.empty());
  EXPECT_TRUE(kv.uniques.empty());
  EXPECT_EQ(GetColumn(kv, "v").type, MakeVerbatim("any"));

  const Table& legacy = GetTable(catalog, "legacy");
  EXPECT_TRUE(legacy.options.empty());
  // INT PRIMARY KEY is not the rowid alias: SQLite accepts NULL in it.
  EXPECT_TRUE(GetColumn(legacy, "id").nullable);
  EXPECT_EQ(GetColumn(legacy, "data").type, MakeVerbatim(""));
}

TEST(SqliteIntrospect, SkipsVirtualAndShadowTables) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, R"sql(
CREATE VIRTUAL TABLE docs USING fts5(body);
CREATE TABLE t (a INTEGER);
)sql");
  EXPECT_THAT(TableNames(catalog), ElementsAre("t"));
}

TEST(SqliteIntrospect, ReadsUnusualButValidDefinitions) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, R"sql(
CREATE TABLE IF NOT EXISTS main."t" (
  id INTEGER, -- the key, with ) and , in a comment
  ref INTEGER REFERENCES t (id) NOT NULL /* NOT NULL after REFERENCES */,
  ref2 INTEGER CONSTRAINT fk_ref2 REFERENCES T MATCH FULL NOT DEFERRABLE,
  code TEXT UNIQUE ON CONFLICT REPLACE DEFAULT (strftime('%s','now')),
  delta INTEGER DEFAULT -5 CHECK (delta != ')'),
  ratio DOUBLE PRECISION,
  width VARCHAR ( 10 ),
  big UNSIGNED BIG INT,
  PRIMARY KEY (id AUTOINCREMENT),
  UNIQUE (ref2, Code),
  CHECK ((delta > -10) AND (ratio IS NULL OR ratio < 1.5))
);
CREATE INDEX IF NOT EXISTS main.ix_sub ON t (substr(code, 1, 3), [ID] ASC, CODE COLLATE rtrim DESC)
  WHERE (delta > 0 AND code LIKE 'a%');
)sql");
  const Table& t = GetTable(catalog, "t");
  EXPECT_TRUE(GetColumn(t, "id").autoincrement);
  EXPECT_FALSE(GetColumn(t, "id").nullable);
  EXPECT_FALSE(GetColumn(t, "ref").nullable);
  EXPECT_EQ(GetColumn(t, "code").server_default,
            (DefaultExpr{DefaultKind::kExpression, "strftime('%s', 'now')"}));
  EXPECT_EQ(GetColumn(t, "delta").server_default, (DefaultExpr{DefaultKind::kNumber, "-5"}));
  EXPECT_EQ(GetColumn(t, "ratio").type, MakeType(TypeKind::kDouble));
  EXPECT_EQ(GetColumn(t, "width").type, MakeVarchar(10));
  EXPECT_EQ(GetColumn(t, "big").type, MakeType(TypeKind::kBigInt));

  ASSERT_EQ(t.foreign_keys.size(), 2u);
  EXPECT_EQ(t.foreign_keys[0].name, "");
  EXPECT_THAT(t.foreign_keys[0].columns, ElementsAre("ref"));
  EXPECT_EQ(t.foreign_keys[1].name, "fk_ref2");
  EXPECT_EQ(t.foreign_keys[1].referred_table, "t");
  EXPECT_THAT(t.foreign_keys[1].referred_columns, ElementsAre("id"));
  EXPECT_EQ(t.foreign_keys[1].match, "FULL");
  EXPECT_FALSE(t.foreign_keys[1].deferrable);

  ASSERT_EQ(t.uniques.size(), 2u);
  std::vector<std::vector<std::string>> unique_columns;
  for (const UniqueConstraint& unique : t.uniques) unique_columns.push_back(unique.columns);
  EXPECT_THAT(unique_columns,
              ::testing::UnorderedElementsAre(ElementsAre("code"), ElementsAre("ref2", "code")));

  ASSERT_EQ(t.checks.size(), 2u);
  std::vector<std::string> checks = {t.checks[0].expression, t.checks[1].expression};
  EXPECT_THAT(checks, ::testing::UnorderedElementsAre(
                          "delta != ')'", "(delta > -10) and (ratio is null or ratio < 1.5)"));

  ASSERT_EQ(t.indexes.size(), 1u);
  const Index& sub = t.indexes[0];
  EXPECT_EQ(sub.name, "ix_sub");
  ASSERT_EQ(sub.elements.size(), 3u);
  EXPECT_EQ(sub.elements[0].expression, "substr(code, 1, 3)");
  EXPECT_EQ(sub.elements[1].column, "id");
  EXPECT_FALSE(sub.elements[1].descending);
  EXPECT_EQ(sub.elements[2].column, "code");
  EXPECT_EQ(sub.elements[2].collation, "RTRIM");
  EXPECT_TRUE(sub.elements[2].descending);
  EXPECT_EQ(sub.where, "delta > 0 and code like 'a%'");
}

TEST(SqliteIntrospect, EmptyDatabase) {
  testing::TempDir dir;
  const Catalog catalog = IntrospectSql(dir, "PRAGMA user_version = 1;");
  EXPECT_TRUE(catalog.tables.empty());
}

TEST(SqliteIntrospect, DoesNotChangeTheFile) {
  testing::TempDir dir;
  const std::string path = dir.File("test.db");
  ExecSql(path, kShopSql);
  const std::string before = testing::ReadFile(path);
  ASSERT_OK(IntrospectSqlite(path));
  EXPECT_EQ(testing::ReadFile(path), before);
}

TEST(SqliteIntrospect, ReportsMissingFilesAndNonDatabases) {
  testing::TempDir dir;
  const std::string missing = dir.File("nope.db");
  absl::StatusOr<Catalog> result = IntrospectSqlite(missing);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "sqlite database '" + missing + "' does not exist");

  const std::string garbage = dir.File("garbage.db");
  testing::WriteFile(garbage, std::string(4096, 'x'));
  result = IntrospectSqlite(garbage);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("sqlite database '" + garbage + "'"));
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("not a database"));

  result = IntrospectSqlite(dir.path());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "sqlite database '" + dir.path() + "' is not a file");
}

}  // namespace
}  // namespace schemadiff
