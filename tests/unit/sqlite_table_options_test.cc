// SQLite table options read one way everywhere: the SQL renderer's CREATE TABLE and rebuilds and
// the Alembic renderer agree on WITHOUT ROWID, on rowids a rebuild carries over, and on
// AUTOINCREMENT, whatever spelling an option value has.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "catalog/dialect_sqlite.h"
#include "diff/apply.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/alembic.h"
#include "render/sql_renderer.h"
#include "render/sqlite_ddl.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/op_plans.h"
#include "tests/support/sqlite_pairs.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::AlembicRevisionOf;
using ::schemadiff::testing::Col;
using ::schemadiff::testing::CommandResult;
using ::schemadiff::testing::Int;
using ::schemadiff::testing::Pk;
using ::schemadiff::testing::PlanOf;
using ::schemadiff::testing::Sqlite;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::Text;
using ::schemadiff::testing::Varchar;

std::string Sql(const std::vector<Op>& ops, const Catalog& from) {
  absl::StatusOr<std::string> sql =
      RenderSql(PlanOf(ops), from, SqliteDialect(), SqlRenderOptions{});
  EXPECT_TRUE(sql.ok()) << sql.status();
  return sql.ok() ? *sql : "";
}

std::string Alembic(const std::vector<Op>& ops, const Catalog& from) {
  return AlembicRevisionOf(ops, from, SqliteDialect());
}

Catalog Empty() {
  Catalog c;
  c.dialect = "sqlite";
  return c;
}

// A table keyed by text, so WITHOUT ROWID is possible, with option without_rowid = `value`.
Table KeyValue(const std::string& value) {
  Table t;
  t.name = "kv";
  t.columns = {Col("k", Text(), false), Col("v", Int())};
  t.primary_key = Pk({"k"});
  t.options = {{"without_rowid", value}};
  return t;
}

TEST(SqliteTableOptions, OffSpellingsAreOffInAnyCase) {
  for (const char* value : {"false", "FALSE", "False", "0", "no", "NO", "No"}) {
    EXPECT_FALSE(SqliteOptionOn(KeyValue(value), "without_rowid")) << value;
  }
  for (const char* value : {"true", "TRUE", "1", "yes", ""}) {
    EXPECT_TRUE(SqliteOptionOn(KeyValue(value), "without_rowid")) << value;
  }
  EXPECT_FALSE(SqliteOptionOn(KeyValue("true"), "strict"));
}

TEST(SqliteTableOptions, SqlAndAlembicAgreeOnWithoutRowid) {
  for (const char* value : {"0", "no", "False", "1", "yes", "true"}) {
    const bool on = SqliteOptionOn(KeyValue(value), "without_rowid");
    const std::vector<Op> ops = {CreateTable{KeyValue(value)}};
    const std::string sql = Sql(ops, Empty());
    const std::string alembic = Alembic(ops, Empty());
    EXPECT_EQ(absl::StrContains(sql, "WITHOUT ROWID"), on) << value << "\n" << sql;
    EXPECT_EQ(absl::StrContains(alembic, "sqlite_with_rowid=False"), on) << value << "\n"
                                                                         << alembic;
  }
}

TEST(SqliteTableOptions, RebuildsOfARowidTableKeepItsRowidsWhateverTheOffSpelling) {
  for (const char* value : {"0", "no", "False"}) {
    Catalog from = Empty();
    Table notes;
    notes.name = "notes";
    notes.columns = {Col("body", Text()), Col("tag", Text())};
    notes.options = {{"without_rowid", value}};
    from.tables = {notes};
    const std::vector<Op> ops = {
        AlterColumn{"", "notes", notes.columns[0], Col("body", Varchar(50)), kAlterType}};
    // The SQL rebuild carries the rows over with their rowids, on a real database.
    TempDir dir;
    const std::string db = dir.File("notes.db");
    ASSERT_EQ(
        Sqlite(dir, db,
               "CREATE TABLE notes (body TEXT, tag TEXT);\n"
               "INSERT INTO notes (rowid, body, tag) VALUES (10, 'a', 'x'), (20, 'b', 'y');\n")
            .exit_code,
        0);
    const CommandResult applied = Sqlite(dir, db, Sql(ops, from));
    ASSERT_EQ(applied.exit_code, 0) << value << "\n" << applied.err;
    const CommandResult rows =
        Sqlite(dir, db, "SELECT rowid, body, tag FROM notes ORDER BY rowid;");
    EXPECT_EQ(rows.out, "10|a|x\n20|b|y\n") << value;
    // Batch mode cannot carry rowids over, and the revision says so.
    const std::string alembic = Alembic(ops, from);
    EXPECT_TRUE(absl::StrContains(alembic, "notes has no INTEGER PRIMARY KEY")) << value << "\n"
                                                                                << alembic;
  }
}

TEST(SqliteTableOptions, AutoincrementOnlyOnASingleColumnKey) {
  Table t;
  t.name = "pairs";
  t.columns = {Col("a", Int(), false), Col("b", Int(), false)};
  t.columns[0].autoincrement = true;
  t.primary_key = Pk({"a", "b"});
  const std::vector<Op> ops = {CreateTable{t}};
  EXPECT_FALSE(absl::StrContains(Sql(ops, Empty()), "AUTOINCREMENT"));
  EXPECT_FALSE(absl::StrContains(Alembic(ops, Empty()), "sqlite_autoincrement"));

  t.primary_key = Pk({"a"});
  const std::vector<Op> single = {CreateTable{t}};
  EXPECT_TRUE(absl::StrContains(Sql(single, Empty()), "AUTOINCREMENT"));
  EXPECT_TRUE(absl::StrContains(Alembic(single, Empty()), "sqlite_autoincrement=True"));
}

}  // namespace
}  // namespace schemadiff
