// Specific renderings of the SQLite SQL renderer: script frame, native ALTERs, rebuild statement
// order, quoting of hostile identifiers.
#include "render/sql_sqlite.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "catalog/dialect_sqlite.h"
#include "gtest/gtest.h"
#include "render/sql_renderer.h"
#include "render/sql_writer.h"
#include "render/sqlite_alter.h"
#include "tests/support/op_plans.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::PlanOf;
using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

Column MakeColumn(std::string name, TypeKind kind, bool nullable = true) {
  Column column;
  column.name = std::move(name);
  column.type = MakeType(kind);
  column.nullable = nullable;
  return column;
}

Index MakeIndex(std::string name, std::vector<std::string> columns) {
  Index index;
  index.name = std::move(name);
  for (std::string& column : columns) {
    IndexElement element;
    element.column = std::move(column);
    index.elements.push_back(std::move(element));
  }
  return index;
}

PrimaryKey MakePrimaryKey(std::vector<std::string> columns, std::string name = "") {
  PrimaryKey key;
  key.name = std::move(name);
  key.columns = std::move(columns);
  return key;
}

ForeignKey MakeForeignKey(std::string name, std::string column, std::string referred_table,
                          std::string on_delete) {
  ForeignKey fk;
  fk.name = std::move(name);
  fk.columns = {std::move(column)};
  fk.referred_table = std::move(referred_table);
  fk.referred_columns = {"id"};
  fk.on_delete = std::move(on_delete);
  return fk;
}

CheckConstraint MakeCheck(std::string name, std::string expression) {
  CheckConstraint check;
  check.name = std::move(name);
  check.expression = std::move(expression);
  return check;
}

// Table t (id INTEGER PRIMARY KEY, name TEXT, note TEXT) with index ix_t_name on name.
Table SampleTable() {
  Table table;
  table.name = "t";
  table.columns = {MakeColumn("id", TypeKind::kInteger, false), MakeColumn("name", TypeKind::kText),
                   MakeColumn("note", TypeKind::kText)};
  table.primary_key = MakePrimaryKey({"id"});
  table.indexes = {MakeIndex("ix_t_name", {"name"})};
  return table;
}

Catalog SampleCatalog() {
  Catalog catalog;
  catalog.dialect = "sqlite";
  catalog.tables = {SampleTable()};
  return catalog;
}

std::string Render(const Plan& plan, const Catalog& from) {
  absl::StatusOr<std::string> sql = RenderSqliteSql(plan, from, SqliteDialect(), {});
  EXPECT_TRUE(sql.ok()) << sql.status();
  return sql.ok() ? *sql : "";
}

// Position of `needle` in `haystack`, failing the test when absent.
size_t Pos(const std::string& haystack, const std::string& needle) {
  const size_t pos = haystack.find(needle);
  EXPECT_NE(pos, std::string::npos) << "missing: " << needle << "\nin:\n" << haystack;
  return pos;
}

// Asserts that the needles appear in this order.
void ExpectOrder(const std::string& sql, const std::vector<std::string>& needles) {
  size_t previous = 0;
  for (size_t i = 0; i < needles.size(); ++i) {
    const size_t pos = Pos(sql, needles[i]);
    if (i > 0) {
      EXPECT_GT(pos, previous) << needles[i] << " should follow " << needles[i - 1] << "\n" << sql;
    }
    previous = pos;
  }
}

AlterColumn MakeAlter(const Column& from, Column to, uint32_t changes) {
  return AlterColumn{
      .schema = "", .table = "t", .from = from, .to = std::move(to), .changes = changes};
}

TEST(SqlSqliteTest, EmptyPlanIsOnlyComments) {
  const std::string sql = Render(Plan{}, SampleCatalog());
  for (absl::string_view line : absl::StrSplit(sql, '\n', absl::SkipEmpty())) {
    EXPECT_TRUE(absl::StartsWith(line, "-- ")) << line;
  }
  EXPECT_TRUE(absl::StrContains(sql, "No changes"));
}

TEST(SqlSqliteTest, PragmasWrapTheTransactionAsSqliteDocumentsIt) {
  const std::string sql =
      Render(PlanOf({AddColumn{"", "t", MakeColumn("extra", TypeKind::kText)}}), SampleCatalog());
  ExpectOrder(sql, {".bail on\n", "PRAGMA foreign_keys=OFF;\n", "BEGIN;\n",
                    "ALTER TABLE t ADD COLUMN extra TEXT;\n", "PRAGMA foreign_key_check;\n",
                    "COMMIT;\n", "PRAGMA foreign_keys=ON;\n"});
  // Nothing after the final pragma: foreign keys come back on outside the transaction.
  EXPECT_TRUE(absl::EndsWith(sql, "COMMIT;\nPRAGMA foreign_keys=ON;\n")) << sql;
}

TEST(SqlSqliteTest, ConstantDefaultNotNullColumnIsAddedInPlace) {
  Column column = MakeColumn("status", TypeKind::kText, false);
  column.server_default = DefaultExpr{DefaultKind::kString, "it's new"};
  const std::string sql = Render(PlanOf({AddColumn{"", "t", column}}), SampleCatalog());
  EXPECT_TRUE(
      absl::StrContains(sql, "ALTER TABLE t ADD COLUMN status TEXT NOT NULL DEFAULT 'it''s new';"))
      << sql;
  EXPECT_FALSE(absl::StrContains(sql, "_new_t")) << sql;
}

TEST(SqlSqliteTest, ColumnsSqliteCannotAddInPlaceRebuildTheTable) {
  Column not_null = MakeColumn("n", TypeKind::kInteger, false);
  Column timestamp = MakeColumn("at", TypeKind::kTimestamp);
  timestamp.server_default = DefaultExpr{DefaultKind::kCurrentTimestamp, ""};
  for (const Column& column : {not_null, timestamp}) {
    EXPECT_FALSE(SqliteCanAddColumn(column)) << column.name;
    const std::string sql = Render(PlanOf({AddColumn{"", "t", column}}), SampleCatalog());
    EXPECT_TRUE(absl::StrContains(sql, "CREATE TABLE _new_t (")) << sql;
    // The new column is not copied: it takes its default.
    EXPECT_TRUE(absl::StrContains(sql,
                                  "INSERT INTO _new_t (id, name, note)\n  SELECT id, name, "
                                  "note FROM t;"))
        << sql;
  }
}

TEST(SqlSqliteTest, RebuildFollowsTheDocumentedStatementOrder) {
  const Table table = SampleTable();
  Column to = table.columns[2];
  to.type = MakeVarchar(20);
  const std::string sql =
      Render(PlanOf({MakeAlter(table.columns[2], to, kAlterType)}), SampleCatalog());
  ExpectOrder(
      sql, {"PRAGMA foreign_keys=OFF;", "BEGIN;", "CREATE TABLE _new_t (", "note VARCHAR(20)",
            "INSERT INTO _new_t (id, name, note)", "SELECT id, name, note FROM t;", "DROP TABLE t;",
            "PRAGMA legacy_alter_table=ON;", "ALTER TABLE _new_t RENAME TO t;",
            "PRAGMA legacy_alter_table=OFF;", "CREATE INDEX ix_t_name ON t (name);",
            "PRAGMA foreign_key_check;", "COMMIT;", "PRAGMA foreign_keys=ON;"});
}

TEST(SqlSqliteTest, RebuildKeepsRowsIndexesAndTriggersInARealDatabase) {
  TempDir dir;
  const std::string db = dir.File("t.db");
  WriteFile(dir.File("from.sql"), R"sql(
CREATE TABLE t (id INTEGER NOT NULL, name TEXT, note TEXT, PRIMARY KEY (id));
CREATE INDEX ix_t_name ON t (name);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.name); END;
INSERT INTO t VALUES (1, 'a', 'long note'), (2, NULL, NULL);
)sql");
  ASSERT_EQ(RunCommand("sqlite3 -bail '" + db + "' < '" + dir.File("from.sql") + "'").exit_code, 0);
  Catalog catalog = SampleCatalog();
  catalog.tables[0].triggers = {
      {"t_ins",
       "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.name); "
       "END"}};
  Table log;
  log.name = "log";
  log.columns = {MakeColumn("msg", TypeKind::kText)};
  catalog.tables.push_back(log);
  Column to = catalog.tables[0].columns[2];
  to.type = MakeVarchar(20);
  const std::string sql =
      Render(PlanOf({MakeAlter(catalog.tables[0].columns[2], to, kAlterType)}), catalog);
  WriteFile(dir.File("up.sql"), sql);
  const auto applied = RunCommand("sqlite3 '" + db + "' < '" + dir.File("up.sql") + "'");
  ASSERT_EQ(applied.exit_code, 0) << applied.err << "\n" << sql;
  EXPECT_EQ(applied.out, "") << sql;

  WriteFile(dir.File("check.sql"), R"sql(
INSERT INTO t VALUES (3, 'fired', NULL);
SELECT group_concat(msg) FROM log;
SELECT group_concat(id || ':' || ifnull(name, '-') || ':' || ifnull(note, '-'), ' ') FROM t;
SELECT group_concat(name) FROM sqlite_schema WHERE type IN ('index', 'trigger');
SELECT sql LIKE '%VARCHAR(20)%' FROM sqlite_schema WHERE name = 't';
)sql");
  const auto checked = RunCommand("sqlite3 -bail '" + db + "' < '" + dir.File("check.sql") + "'");
  // The seed fired the trigger once ("a"); copying the rows must not fire it again.
  EXPECT_EQ(checked.out, "a,fired\n1:a:long note 2:-:- 3:fired:-\nix_t_name,t_ins\n1\n")
      << checked.err << "\n"
      << sql;
}

TEST(SqlSqliteTest, TriggerUsingARenamedColumnIsFlagged) {
  Catalog catalog = SampleCatalog();
  catalog.tables[0].triggers = {
      {"t_upd", "CREATE TRIGGER t_upd AFTER UPDATE ON t BEGIN SELECT new.note; END"},
      {"t_ins", "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT new.name; END"}};
  Column to = catalog.tables[0].columns[1];
  to.nullable = false;
  const std::string sql =
      Render(PlanOf({MakeAlter(catalog.tables[0].columns[1], to, kAlterNullable),
                     RenameColumn{"", "t", "note", "remark"}}),
             catalog);
  ExpectOrder(sql, {"ALTER TABLE _new_t RENAME TO t;",
                    "-- WARNING [trigger]: trigger t_upd is re-created as it was, but t no longer "
                    "has column(s) note",
                    "CREATE TRIGGER t_upd", "CREATE TRIGGER t_ins"});
  EXPECT_EQ(sql.find("WARNING [trigger]"), sql.rfind("WARNING [trigger]")) << sql;
}

TEST(SqlSqliteTest, RebuildFoldsEveryLaterOpOfTheTable) {
  const Table table = SampleTable();
  Column to = table.columns[2];
  to.type = MakeVarchar(20);
  const std::string sql = Render(PlanOf({MakeAlter(table.columns[2], to, kAlterType),
                                         CreateIndex{"", "t", MakeIndex("ix_t_note", {"note"})},
                                         AddColumn{"", "t", MakeColumn("extra", TypeKind::kText)}}),
                                 SampleCatalog());
  EXPECT_EQ(sql.find("ALTER TABLE t ADD COLUMN"), std::string::npos) << sql;
  EXPECT_EQ(sql.find("DROP TABLE t;"), sql.rfind("DROP TABLE t;")) << "one rebuild\n" << sql;
  ExpectOrder(sql, {"extra TEXT", "ALTER TABLE _new_t RENAME TO t;", "CREATE INDEX ix_t_note"});
}

TEST(SqlSqliteTest, InPlaceAltersBeforeARebuildOfTheSameTableAreFolded) {
  const Table table = SampleTable();
  Column to = table.columns[1];
  to.type = MakeVarchar(40);
  Plan plan = PlanOf({DropColumn{"", "t", table.columns[2]},
                      AddColumn{"", "u", MakeColumn("x", TypeKind::kText)},
                      MakeAlter(table.columns[1], to, kAlterType)});
  Catalog catalog = SampleCatalog();
  Table other = SampleTable();
  other.name = "u";
  other.indexes.clear();
  catalog.tables.push_back(other);
  const std::string sql = Render(plan, catalog);
  EXPECT_FALSE(absl::StrContains(sql, "DROP COLUMN")) << sql;
  ExpectOrder(sql,
              {"CREATE TABLE _new_t (", "INSERT INTO _new_t (id, name)\n  SELECT id, name FROM t;",
               "ALTER TABLE u ADD COLUMN x TEXT;"});
}

TEST(SqlSqliteTest, RenameInsideARebuildIsNativeSoOtherTablesFollow) {
  const Table table = SampleTable();
  Column to = table.columns[1];
  to.nullable = false;
  to.server_default = DefaultExpr{DefaultKind::kString, "anon"};
  const std::string sql =
      Render(PlanOf({MakeAlter(table.columns[1], to, kAlterNullable | kAlterDefault),
                     RenameColumn{"", "t", "name", "label"}}),
             SampleCatalog());
  ExpectOrder(sql, {"ALTER TABLE t RENAME COLUMN name TO label;", "CREATE TABLE _new_t (",
                    "label TEXT NOT NULL DEFAULT 'anon'", "INSERT INTO _new_t (id, label, note)",
                    "SELECT id, COALESCE(label, 'anon'), note FROM t;",
                    "CREATE INDEX ix_t_name ON t (label);"});
}

TEST(SqlSqliteTest, DropColumnIsNativeUnlessSomethingUsesIt) {
  const Table table = SampleTable();
  const std::string plain =
      Render(PlanOf({DropColumn{"", "t", table.columns[2]}}), SampleCatalog());
  EXPECT_TRUE(absl::StrContains(plain, "ALTER TABLE t DROP COLUMN note;")) << plain;

  // "name" is indexed: the plan drops the index first, then the column; SQLite then can drop
  // it in place. With a CHECK still mentioning it, only a rebuild works.
  Catalog checked = SampleCatalog();
  checked.tables[0].checks.push_back(MakeCheck("ck_name", "length(\"name\") > 0"));
  checked.tables[0].indexes.clear();
  EXPECT_FALSE(SqliteCanDropColumn(checked, checked.tables[0], "name"));
  EXPECT_FALSE(SqliteCanDropColumn(SampleCatalog(), SampleCatalog().tables[0], "name"));
  EXPECT_FALSE(SqliteCanDropColumn(SampleCatalog(), SampleCatalog().tables[0], "id"));
  EXPECT_TRUE(SqliteCanDropColumn(checked, checked.tables[0], "note"));
}

TEST(SqlSqliteTest, ExpressionMentionsHandlesQuotingAndStrings) {
  EXPECT_TRUE(ExpressionMentions("length(name) > 0", "NAME"));
  EXPECT_TRUE(ExpressionMentions("\"we\"\"ird\" IS NOT NULL", "we\"ird"));
  EXPECT_TRUE(ExpressionMentions("[a b] + 1", "a b"));
  EXPECT_FALSE(ExpressionMentions("surname = 'name'", "name"));
  EXPECT_FALSE(ExpressionMentions("name_2 > 0", "name"));
}

TEST(SqlSqliteTest, CreateTableAbsorbsLaterConstraintsOfAForeignKeyCycle) {
  Table a;
  a.name = "a";
  a.columns = {MakeColumn("id", TypeKind::kInteger, false), MakeColumn("b_id", TypeKind::kInteger)};
  a.primary_key = MakePrimaryKey({"id"});
  Table b;
  b.name = "b";
  b.columns = {MakeColumn("id", TypeKind::kInteger, false), MakeColumn("a_id", TypeKind::kInteger)};
  b.primary_key = MakePrimaryKey({"id"});
  b.foreign_keys = {MakeForeignKey("fk_b_a", "a_id", "a", "cascade")};
  const ForeignKey a_to_b = MakeForeignKey("fk_a_b", "b_id", "b", "SET NULL");
  Catalog empty;
  const std::string sql =
      Render(PlanOf({CreateTable{a}, CreateTable{b}, AddConstraint{"", "a", a_to_b}}), empty);
  EXPECT_FALSE(absl::StrContains(sql, "_new_")) << sql;
  ExpectOrder(sql, {"CREATE TABLE a (",
                    "CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL",
                    "CREATE TABLE b (",
                    "CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE"});

  ForeignKey bad = a_to_b;
  bad.on_delete = "CASCADE; DROP TABLE a";
  EXPECT_FALSE(RenderSqliteSql(PlanOf({CreateTable{a}, AddConstraint{"", "a", bad}}), empty,
                               SqliteDialect(), {})
                   .ok());
}

TEST(SqlSqliteTest, RenameIndexIsDropAndCreate) {
  const std::string sql =
      Render(PlanOf({RenameIndex{"", "t", "ix_t_name", "ix_name"}}), SampleCatalog());
  ExpectOrder(sql, {"DROP INDEX ix_t_name;", "CREATE INDEX ix_name ON t (name);"});
}

TEST(SqlSqliteTest, AutoincrementKeyIsWrittenOnTheColumn) {
  Table table = SampleTable();
  table.name = "counter";
  table.columns[0].autoincrement = true;
  table.primary_key->name = "pk_counter";
  const std::string sql = Render(PlanOf({CreateTable{table}}), Catalog{});
  EXPECT_TRUE(absl::StrContains(
      sql, "id INTEGER NOT NULL CONSTRAINT pk_counter PRIMARY KEY AUTOINCREMENT,"))
      << sql;
  EXPECT_FALSE(absl::StrContains(sql, "PRIMARY KEY (id)")) << sql;
}

TEST(SqlSqliteTest, TemporaryTableNameAvoidsExistingTables) {
  Catalog catalog = SampleCatalog();
  Table clash = SampleTable();
  clash.name = "_NEW_t";
  clash.indexes.clear();
  catalog.tables.push_back(clash);
  Column to = catalog.tables[0].columns[2];
  to.nullable = false;
  const std::string sql =
      Render(PlanOf({MakeAlter(catalog.tables[0].columns[2], to, kAlterNullable)}), catalog);
  EXPECT_TRUE(absl::StrContains(sql, "CREATE TABLE _new_t_2 (")) << sql;
}

TEST(SqlSqliteTest, WarningsAreCommentsAboveTheirStatements) {
  Plan plan = PlanOf({DropColumn{"", "t", SampleTable().columns[2]}});
  plan.steps[0].warnings.push_back(
      {"drop-column", Severity::kDanger, "dropping t.note loses its data\nDROP TABLE t;"});
  plan.notes.push_back({"naming-convention", Severity::kInfo, "ix_t_name is fine"});
  const std::string sql = Render(plan, SampleCatalog());
  ExpectOrder(sql, {"-- WARNING [naming-convention]: ix_t_name is fine\n",
                    "-- WARNING [drop-column]: dropping t.note loses its data\\nDROP TABLE t;\n",
                    "ALTER TABLE t DROP COLUMN note;"});
  EXPECT_FALSE(absl::StrContains(sql, "\nDROP TABLE t;")) << sql;
}

TEST(SqlSqliteTest, SanitizeCommentEscapesControlCharacters) {
  EXPECT_EQ(SanitizeComment("a\nb\rc\x01"), "a\\nb\\rc\\x01");
  EXPECT_EQ(SanitizeComment("naïve\tok"), "naïve\tok");
}

TEST(SqlSqliteTest, HostileIdentifiersSurviveTheSqliteShell) {
  const std::string hostile = "we\"ird'; DROP TABLE x; --\nname ünï";
  Table table;
  table.name = hostile;
  table.columns = {MakeColumn(hostile, TypeKind::kInteger, false),
                   MakeColumn("select", TypeKind::kText)};
  table.columns[1].server_default = DefaultExpr{DefaultKind::kString, "it's; --"};
  table.primary_key = MakePrimaryKey({hostile}, hostile);
  table.indexes = {MakeIndex(hostile + "_ix", {"select"})};
  table.checks = {MakeCheck(hostile + "_ck", "\"select\" != ''")};

  const std::string sql = Render(PlanOf({CreateTable{table}}), Catalog{});
  EXPECT_TRUE(absl::StrContains(sql, "CREATE TABLE \"we\"\"ird'; DROP TABLE x; --\nname ünï\""))
      << sql;

  TempDir dir;
  WriteFile(dir.File("up.sql"), sql);
  const std::string db = dir.File("hostile.db");
  const auto applied = RunCommand("sqlite3 '" + db + "' < '" + dir.File("up.sql") + "'");
  ASSERT_EQ(applied.exit_code, 0) << applied.err << "\n" << sql;
  WriteFile(dir.File("query.sql"), "SELECT type FROM sqlite_schema WHERE name IN (" +
                                       SqliteDialect().QuoteString(hostile) + ", " +
                                       SqliteDialect().QuoteString(hostile + "_ix") +
                                       ") ORDER BY type;\n");
  const auto names = RunCommand("sqlite3 '" + db + "' < '" + dir.File("query.sql") + "'");
  EXPECT_EQ(names.out, "index\ntable\n") << names.err;
}

// A dialect with another name, to reach the dispatcher's error.
class OtherDialect : public Dialect {
 public:
  std::string_view name() const override { return "oracle"; }
  const DialectCapabilities& capabilities() const override { return caps_; }
  absl::StatusOr<DataType> ParseType(std::string_view, bool) const override {
    return MakeType(TypeKind::kText);
  }
  std::string RenderType(const DataType&) const override { return "text"; }
  DataType NormalizeType(const DataType& type) const override { return type; }
  DefaultExpr ParseDefault(std::string_view, const DataType&) const override { return {}; }
  std::string RenderDefault(const DefaultExpr&, const DataType&) const override { return ""; }
  std::string NormalizeExpression(std::string_view sql) const override { return std::string(sql); }
  std::string QuoteIdentifier(std::string_view name) const override { return std::string(name); }
  std::string QuoteString(std::string_view value) const override { return std::string(value); }

 private:
  DialectCapabilities caps_;
};

TEST(SqlRendererTest, DispatchesByDialectName) {
  EXPECT_TRUE(RenderSql(Plan{}, Catalog{}, SqliteDialect(), {}).ok());
  const absl::StatusOr<std::string> other = RenderSql(Plan{}, Catalog{}, OtherDialect(), {});
  EXPECT_EQ(other.status().code(), absl::StatusCode::kUnimplemented);
}

}  // namespace
}  // namespace schemadiff
