// The PostgreSQL SQL renderer without a server: the lock-safe forms and where they run
// (inside or outside transaction blocks), the plain form, enum changes and quoting.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "catalog/dialect_postgres.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "render/sql_renderer.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::Ck;
using ::schemadiff::testing::Col;
using ::schemadiff::testing::Fk;
using ::schemadiff::testing::Int;
using ::schemadiff::testing::Ix;
using ::schemadiff::testing::Tbl;
using ::schemadiff::testing::Text;
using ::schemadiff::testing::Uq;
using ::schemadiff::testing::Varchar;

Catalog Shop() {
  Catalog c;
  c.dialect = "postgresql";
  c.tables.push_back(Tbl("users", {Col("email", Varchar(100)), Col("name", Text())}, "users_pkey"));
  c.tables.push_back(Tbl("orders", {Col("user_id", Int()), Col("qty", Int())}, "orders_pkey"));
  Enum mood{"", "mood", {"sad", "ok"}, {}};
  c.enums.push_back(mood);
  DataType mood_type = MakeType(TypeKind::kEnum);
  mood_type.enum_name = "mood";
  Column m = Col("m", mood_type);
  m.server_default = DefaultExpr{DefaultKind::kString, "ok"};
  c.tables[0].columns.push_back(m);
  return c;
}

std::string Render(const std::vector<Op>& ops, const Catalog& from, bool safe = true) {
  Plan plan;
  for (const Op& op : ops) plan.steps.push_back({op, {}});
  absl::StatusOr<std::string> sql =
      RenderSql(plan, from, PostgresDialect(), SqlRenderOptions{.safe = safe});
  EXPECT_TRUE(sql.ok()) << sql.status();
  return sql.ok() ? *sql : "";
}

// The statements of a script (lines ending with ';'), in order.
std::vector<std::string> Statements(const std::string& script) {
  std::vector<std::string> out;
  for (absl::string_view line : absl::StrSplit(script, '\n')) {
    if (!line.empty() && line.back() == ';' && !absl::StartsWith(line, "--")) {
      out.emplace_back(line);
    }
  }
  return out;
}

// True when statement `sql` runs inside a BEGIN ... COMMIT block of `script`.
bool InTransaction(const std::string& script, const std::string& sql) {
  bool open = false;
  for (const std::string& s : Statements(script)) {
    if (s == "BEGIN;") open = true;
    if (s == "COMMIT;") open = false;
    if (s == sql) return open;
  }
  ADD_FAILURE() << "no statement " << sql << " in\n" << script;
  return false;
}

TEST(PostgresRenderTest, SafeScriptStartsWithLockTimeoutAndStopsOnErrors) {
  const std::string sql = Render({AddColumn{"", "users", Col("note", Text())}}, Shop());
  const std::vector<std::string> statements = Statements(sql);
  ASSERT_GE(statements.size(), 2u);
  EXPECT_EQ(statements[0], "SET lock_timeout = '5s';");
  EXPECT_TRUE(absl::StrContains(sql, "\\set ON_ERROR_STOP on\n"));
  EXPECT_TRUE(InTransaction(sql, "ALTER TABLE users ADD COLUMN note text;"));
  EXPECT_FALSE(absl::StrContains(Render({}, Shop()), "BEGIN"));
}

TEST(PostgresRenderTest, IndexesOnExistingTablesAreConcurrentOutsideTransactions) {
  Catalog from = Shop();
  from.tables[0].indexes.push_back(Ix("ix_old", {"name"}));
  const std::string sql = Render({CreateIndex{"", "orders", Ix("ix_orders_user", {"user_id"})},
                                  DropIndex{"", "users", Ix("ix_old", {"name"})}},
                                 from);
  EXPECT_FALSE(InTransaction(sql, "CREATE INDEX CONCURRENTLY ix_orders_user ON orders (user_id);"));
  EXPECT_FALSE(InTransaction(sql, "DROP INDEX CONCURRENTLY ix_old;"));

  // A table created by the same migration is empty: the plain form, in the transaction.
  Table fresh = Tbl("fresh", {Col("a", Int())});
  const std::string created =
      Render({CreateTable{fresh}, CreateIndex{"", "fresh", Ix("ix_fresh_a", {"a"})}}, from);
  EXPECT_TRUE(InTransaction(created, "CREATE INDEX ix_fresh_a ON fresh (a);"));

  // Plain mode: everything in one transaction.
  const std::string plain =
      Render({CreateIndex{"", "orders", Ix("ix_orders_user", {"user_id"})}}, from, false);
  EXPECT_TRUE(InTransaction(plain, "CREATE INDEX ix_orders_user ON orders (user_id);"));
  EXPECT_FALSE(absl::StrContains(plain, "lock_timeout"));
}

TEST(PostgresRenderTest, ForeignKeysAndChecksAreValidatedSeparately) {
  const std::string sql =
      Render({AddConstraint{"", "orders", Fk("fk_orders_user", {"user_id"}, "users", {"id"})},
              AddConstraint{"", "orders", Ck("ck_qty", "qty > 0")}},
             Shop());
  EXPECT_TRUE(InTransaction(sql,
                            "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY "
                            "(user_id) REFERENCES users (id) NOT VALID;"));
  EXPECT_FALSE(InTransaction(sql, "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;"));
  EXPECT_TRUE(
      InTransaction(sql, "ALTER TABLE orders ADD CONSTRAINT ck_qty CHECK (qty > 0) NOT VALID;"));
  EXPECT_FALSE(InTransaction(sql, "ALTER TABLE orders VALIDATE CONSTRAINT ck_qty;"));

  const std::string plain =
      Render({AddConstraint{"", "orders", Ck("ck_qty", "qty > 0")}}, Shop(), false);
  EXPECT_TRUE(InTransaction(plain, "ALTER TABLE orders ADD CONSTRAINT ck_qty CHECK (qty > 0);"));
}

TEST(PostgresRenderTest, UniqueKeysAreBuiltConcurrentlyThenAttached) {
  const std::string sql =
      Render({AddConstraint{"", "users", Uq("uq_users_email", {"email"})}}, Shop());
  EXPECT_FALSE(
      InTransaction(sql, "CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);"));
  EXPECT_TRUE(InTransaction(
      sql, "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;"));
}

TEST(PostgresRenderTest, SetNotNullGoesThroughAValidatedCheck) {
  const Catalog from = Shop();
  Column nullable = from.tables[0].columns[1];  // users.email
  Column required = nullable;
  required.nullable = false;
  const std::string sql =
      Render({AlterColumn{"", "users", nullable, required, kAlterNullable}}, from);
  const std::vector<std::string> s = Statements(sql);
  const std::vector<std::string> expected = {
      "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      "ALTER TABLE users DROP CONSTRAINT users_email_not_null;",
  };
  std::vector<std::string> relevant;
  for (const std::string& statement : s) {
    if (absl::StrContains(statement, "users")) relevant.push_back(statement);
  }
  EXPECT_EQ(relevant, expected) << sql;
  EXPECT_FALSE(InTransaction(sql, expected[1]));
}

TEST(PostgresRenderTest, TypeChangesConvertWithUsing) {
  const Catalog from = Shop();
  Column before = Col("qty", Int());
  Column after = Col("qty", Text());
  const std::string widen = Render({AlterColumn{"", "orders", before, after, kAlterType}}, from);
  EXPECT_TRUE(
      absl::StrContains(widen, "ALTER TABLE orders ALTER COLUMN qty TYPE text USING qty::text;"))
      << widen;
  EXPECT_TRUE(absl::StrContains(widen, "WARNING [lock]")) << widen;
  Column narrow = Col("email", Varchar(100));
  Column wide = Col("email", Varchar(200));
  const std::string cheap = Render({AlterColumn{"", "users", narrow, wide, kAlterType}}, from);
  EXPECT_TRUE(absl::StrContains(cheap, "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);"))
      << cheap;
  EXPECT_FALSE(absl::StrContains(cheap, "WARNING [lock]")) << cheap;
}

TEST(PostgresRenderTest, EnumAdditionsAreAddValueOutsideTransactions) {
  const Catalog from = Shop();
  Enum to = from.enums[0];
  to.values = {"meh", "sad", "ok", "great"};
  const std::string sql = Render({AlterEnum{from.enums[0], to}}, from);
  EXPECT_FALSE(InTransaction(sql, "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad';"));
  EXPECT_FALSE(InTransaction(sql, "ALTER TYPE mood ADD VALUE 'great' AFTER 'ok';"));
  EXPECT_FALSE(absl::StrContains(sql, "CREATE TYPE"));
}

TEST(PostgresRenderTest, EnumRemovalsSwapTheTypeWithAWarning) {
  const Catalog from = Shop();
  Enum to = from.enums[0];
  to.values = {"ok", "fine"};
  to.renamed_values = {{"sad", "fine"}};
  Enum removal = from.enums[0];
  removal.values = {"ok"};
  const std::string renamed = Render({AlterEnum{from.enums[0], to}}, from);
  EXPECT_TRUE(absl::StrContains(renamed, "ALTER TYPE mood RENAME VALUE 'sad' TO 'fine';"));
  // 'ok' now comes first: a reorder, so the type is swapped.
  const std::vector<std::string> expected = {
      "CREATE TYPE mood__new AS ENUM ('ok', 'fine');",
      "ALTER TABLE users ALTER COLUMN m DROP DEFAULT;",
      "ALTER TABLE users ALTER COLUMN m TYPE mood__new USING m::text::mood__new;",
      "ALTER TABLE users ALTER COLUMN m SET DEFAULT 'ok';",
      "DROP TYPE mood;",
      "ALTER TYPE mood__new RENAME TO mood;",
  };
  std::vector<std::string> swap;
  for (const std::string& s : Statements(renamed)) {
    if (absl::StrContains(s, "mood__new") || absl::StrContains(s, "DEFAULT") ||
        s == "DROP TYPE mood;") {
      swap.push_back(s);
    }
  }
  EXPECT_EQ(swap, expected) << renamed;
  EXPECT_FALSE(absl::StrContains(renamed, "WARNING [data-loss]"));
  const std::string removed = Render({AlterEnum{from.enums[0], removal}}, from);
  EXPECT_TRUE(absl::StrContains(removed, "WARNING [data-loss]: enum mood loses value(s) 'sad'"))
      << removed;
}

TEST(PostgresRenderTest, HostileNamesAreQuoted) {
  Catalog from;
  Table t = Tbl("Order \"Items\"", {Col("select", Text())});
  t.columns[1].comment = "it's -- not\na comment";
  const std::string sql = Render({CreateTable{t}}, from);
  EXPECT_TRUE(absl::StrContains(sql, "CREATE TABLE \"Order \"\"Items\"\"\" (")) << sql;
  EXPECT_TRUE(absl::StrContains(sql, "    \"select\" text")) << sql;
  EXPECT_TRUE(absl::StrContains(
      sql, "COMMENT ON COLUMN \"Order \"\"Items\"\"\".\"select\" IS E'it''s -- not\\na comment';"))
      << sql;
}

TEST(PostgresRenderTest, NewSchemasAreCreated) {
  Catalog from;
  Table t = Tbl("invoices");
  t.schema = "billing";
  const std::string sql = Render({CreateTable{t}}, from);
  EXPECT_TRUE(
      absl::StrContains(sql, "CREATE SCHEMA IF NOT EXISTS billing;\nCREATE TABLE billing.invoices"))
      << sql;
}

}  // namespace
}  // namespace schemadiff
