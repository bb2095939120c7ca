// PostgreSQL and the YAML format: a database equals its own `introspect` output, and a
// hand-written application schema (tests/testdata/postgres/app.yaml) builds a database from
// empty that then diffs clean against it, and back.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "diff/differ.h"
#include "diff/plan.h"
#include "gtest/gtest.h"
#include "introspect/yaml_loader.h"
#include "render/sql_renderer.h"
#include "render/yaml_writer.h"
#include "tests/integration/postgres_test_db.h"
#include "tests/support/database_state.h"
#include "tests/support/plan_text.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::DescribePlan;
using ::schemadiff::testing::IntrospectOrFail;
using ::schemadiff::testing::PgTestDatabase;
using ::schemadiff::testing::SourcePath;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

const std::vector<std::string> kSchemas = {"public", "billing"};

// The catalog of `db`'s schemas kSchemas, failing the test on error.
Catalog Introspect(const PgTestDatabase& db) {
  return IntrospectOrFail(db.url(), PostgresDialect(), kSchemas);
}

// Expects no difference between `a` and `b`, in both directions.
void ExpectSame(const Catalog& a, const Catalog& b, const std::string& context) {
  absl::StatusOr<Plan> forward = Diff(a, b, PostgresDialect());
  ASSERT_OK(forward);
  EXPECT_TRUE(forward->empty()) << context << ":\n" << DescribePlan(*forward);
  absl::StatusOr<Plan> backward = Diff(b, a, PostgresDialect());
  ASSERT_OK(backward);
  EXPECT_TRUE(backward->empty()) << context << " (reversed):\n" << DescribePlan(*backward);
}

// The database's `introspect` output reads back as the same schema.
void ExpectYamlRoundTrip(const Catalog& db) {
  const std::string yaml = WriteYamlSchema(db, PostgresDialect());
  absl::StatusOr<Catalog> read = ParseYamlSchema(yaml, "introspected.yaml", PostgresDialect());
  ASSERT_TRUE(read.ok()) << read.status() << "\n" << yaml;
  ExpectSame(db, *read, "database vs its introspect YAML\n" + yaml);
}

TEST(PostgresYamlTest, DatabaseEqualsItsIntrospectOutput) {
  SKIP_WITHOUT_POSTGRES();
  PgTestDatabase db;
  ASSERT_EQ(db.Exec(R"sql(
CREATE SCHEMA billing;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s "fine"');
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email citext NOT NULL,
  handle varchar(40) COLLATE "C" UNIQUE,
  m mood DEFAULT 'ok',
  moods mood[],
  tags text[] NOT NULL DEFAULT '{}',
  score numeric(10,2) DEFAULT 1.50 CHECK (score >= 0),
  ratio double precision,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  born date,
  wake time,
  span interval,
  blob bytea,
  uid uuid DEFAULT gen_random_uuid(),
  doc json,
  p posint,
  ident int GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5),
  total numeric GENERATED ALWAYS AS (score * 2) STORED,
  "Weird ""Col""" int,
  CONSTRAINT uq_nnd UNIQUE NULLS NOT DISTINCT (handle, p) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE users IS E'People: "all" of them\nsecond line';
COMMENT ON COLUMN users.email IS 'it''s the email';
CREATE TABLE billing.invoices (
  id serial PRIMARY KEY,
  user_id bigint NOT NULL,
  st billing.state NOT NULL DEFAULT 'open'
);
CREATE TABLE "Line Items" (
  id int PRIMARY KEY,
  invoice_id int REFERENCES billing.invoices (id) MATCH FULL ON UPDATE SET NULL DEFERRABLE,
  qty int NOT NULL DEFAULT 1
);
ALTER TABLE "Line Items" ADD CONSTRAINT ck_qty CHECK (qty > 0 AND qty < 10000) NOT VALID;
CREATE INDEX ix_users_lower ON users (lower(email::text) text_pattern_ops, created_at DESC NULLS LAST)
  INCLUDE (handle) WHERE handle IS NOT NULL;
CREATE INDEX ix_users_tags ON users USING gin (tags);
CREATE UNIQUE INDEX ix_users_handle ON users (handle) NULLS NOT DISTINCT;
)sql"),
            "");
  const Catalog catalog = Introspect(db);
  ASSERT_EQ(catalog.tables.size(), 3u);
  ExpectSame(catalog, catalog, "database vs itself");
  ExpectYamlRoundTrip(catalog);
}

TEST(PostgresYamlTest, HandWrittenApplicationSchemaBuildsAndDiffsClean) {
  SKIP_WITHOUT_POSTGRES();
  absl::StatusOr<Catalog> app =
      LoadYamlSchema(SourcePath("tests/testdata/postgres/app.yaml"), PostgresDialect());
  ASSERT_OK(app);
  PgTestDatabase db;
  const Catalog empty = Introspect(db);
  ASSERT_TRUE(empty.tables.empty());

  absl::StatusOr<Plan> plan = Diff(empty, *app, PostgresDialect());
  ASSERT_OK(plan);
  absl::StatusOr<std::string> upgrade =
      RenderSql(*plan, empty, PostgresDialect(), SqlRenderOptions{});
  ASSERT_OK(upgrade);
  TempDir dir;
  WriteFile(dir.File("up.sql"), *upgrade);
  const auto up = db.Psql(dir.File("up.sql"));
  ASSERT_EQ(up.exit_code, 0) << up.err << "\n" << *upgrade;

  const Catalog built = Introspect(db);
  ExpectSame(built, *app, "database built from app.yaml vs app.yaml");
  ExpectYamlRoundTrip(built);

  // The application works on it: the defaults, keys and checks do what the YAML says.
  EXPECT_EQ(db.Exec(R"sql(
INSERT INTO organizations (slug, name) VALUES ('acme', 'Acme');
INSERT INTO users (organization_id, email, display_name) VALUES (1, 'Ann@x', 'Ann');
INSERT INTO projects (organization_id, key, name) VALUES (1, 'OPS', 'Operations');
INSERT INTO tasks (project_id, number, title, tags) VALUES (1, 1, 'Set up', '{infra}');
INSERT INTO billing.invoices (organization_id, amount) VALUES (1, 10);
)sql"),
            "");
  EXPECT_EQ(db.Query("SELECT plan, settings FROM organizations"), "free|{}");
  EXPECT_EQ(db.Query("SELECT status, priority FROM tasks"), "todo|3");
  EXPECT_EQ(db.Query("SELECT state, currency FROM billing.invoices"), "draft|EUR");
  EXPECT_NE(db.Exec("INSERT INTO projects (organization_id, key, name) VALUES (1, 'ops', 'x')"),
            "");

  // And the downgrade takes it back to empty.
  absl::StatusOr<std::string> downgrade =
      RenderSql(ReversePlan(*plan), *app, PostgresDialect(), SqlRenderOptions{});
  ASSERT_OK(downgrade);
  WriteFile(dir.File("down.sql"), *downgrade);
  const auto down = db.Psql(dir.File("down.sql"));
  ASSERT_EQ(down.exit_code, 0) << down.err << "\n" << *downgrade;
  ExpectSame(Introspect(db), empty, "after the downgrade");
}

}  // namespace
}  // namespace schemadiff
