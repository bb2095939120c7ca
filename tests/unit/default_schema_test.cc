// The default schema's name comes from the dialect: PostgreSQL's `public` is the schema catalogs
// spell "", while on MySQL and SQLite a schema (database) named `public` is an ordinary one.
#include <string>

#include "catalog/catalog.h"
#include "catalog/dialect_mysql.h"
#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "gtest/gtest.h"
#include "introspect/yaml_loader.h"
#include "render/postgres_ddl.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::Fk;

// A foreign key to `schema`.users (id).
ForeignKey ToUsers(std::string schema) {
  ForeignKey fk = Fk("fk_users", {"user_id"}, "users", {"id"});
  fk.referred_schema = std::move(schema);
  return fk;
}

TEST(DefaultSchemaTest, OnlyPostgresNamesItsDefaultSchema) {
  EXPECT_EQ(PostgresDialect().DefaultSchemaName(), "public");
  EXPECT_EQ(MysqlDialect().DefaultSchemaName(), "");
  EXPECT_EQ(SqliteDialect().DefaultSchemaName(), "");
}

TEST(DefaultSchemaTest, PostgresForeignKeyToPublicRefersToTheDefaultSchema) {
  const Dialect& pg = PostgresDialect();
  EXPECT_EQ(ReferredSchema(pg, "billing", ToUsers("public")), "");
  EXPECT_EQ(ReferredSchema(pg, "billing", ToUsers("")), "billing");
  EXPECT_EQ(ReferredSchema(pg, "", ToUsers("billing")), "billing");
  // Rendered as the default schema's table, not as a table of the key's own schema.
  EXPECT_EQ(PgConstraintDefinition(ToUsers("public"), "billing"),
            "CONSTRAINT fk_users FOREIGN KEY (user_id) REFERENCES users (id)");
  EXPECT_EQ(PgConstraintDefinition(ToUsers(""), "billing"),
            "CONSTRAINT fk_users FOREIGN KEY (user_id) REFERENCES billing.users (id)");
}

TEST(DefaultSchemaTest, MysqlDatabaseNamedPublicIsNotTheDefaultOne) {
  EXPECT_EQ(ReferredSchema(MysqlDialect(), "", ToUsers("public")), "public");
  EXPECT_EQ(ReferredSchema(SqliteDialect(), "", ToUsers("public")), "public");

  // A YAML schema with a `users` table in the default database and one in database `public`:
  // the key naming public.users keeps its database and finds that table.
  absl::StatusOr<Catalog> catalog = ParseYamlSchema(R"y(tables:
  users:
    columns:
      id: {type: integer, primary_key: true}
  public_users:
    name: users
    schema: public
    columns:
      id: {type: integer, primary_key: true}
  orders:
    columns:
      id: {type: integer, primary_key: true}
      user_id: {type: integer, references: public.users.id}
)y",
                                                    "s.yaml", MysqlDialect());
  ASSERT_OK(catalog);
  const Table* orders = FindTable(*catalog, "", "orders");
  ASSERT_NE(orders, nullptr);
  ASSERT_EQ(orders->foreign_keys.size(), 1u);
  EXPECT_EQ(orders->foreign_keys[0].referred_schema, "public");
  EXPECT_EQ(ReferredSchema(MysqlDialect(), orders->schema, orders->foreign_keys[0]), "public");
}

}  // namespace
}  // namespace schemadiff
