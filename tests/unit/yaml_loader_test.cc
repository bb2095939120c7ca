// The YAML target schema loader: every feature of the format, and every error message with its
// exact position. YAML texts start on line 1 right after R"y( so that positions are easy to read.
#include "introspect/yaml_loader.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::SourcePath;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

absl::StatusOr<Catalog> Parse(std::string_view yaml, const Dialect& dialect = SqliteDialect()) {
  return ParseYamlSchema(yaml, "s.yaml", dialect);
}

// The error message of parsing `yaml`, or "OK".
std::string Error(std::string_view yaml, const Dialect& dialect = SqliteDialect()) {
  absl::StatusOr<Catalog> catalog = Parse(yaml, dialect);
  return catalog.ok() ? "OK" : std::string(catalog.status().message());
}

const Table& GetTable(const Catalog& catalog, std::string_view name, std::string_view schema = "") {
  const Table* table = FindTable(catalog, schema, name);
  EXPECT_NE(table, nullptr) << name;
  static const Table kEmpty;
  return table != nullptr ? *table : kEmpty;
}

const Column& GetColumn(const Table& table, std::string_view name) {
  const Column* column = FindColumn(table, name);
  EXPECT_NE(column, nullptr) << name;
  static const Column kEmpty;
  return column != nullptr ? *column : kEmpty;
}

template <typename T>
std::vector<std::string> Names(const std::vector<T>& list) {
  std::vector<std::string> names;
  for (const T& item : list) names.push_back(item.name);
  return names;
}

TEST(YamlLoaderTest, ColumnsKeepOrderAndAttributes) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(version: 1
tables:
  people:
    comment: "Everyone: staff and guests"
    renamed_from: [persons, humans]
    columns:
      id: {type: integer, primary_key: true, autoincrement: true}
      name: {type: string(100), nullable: false, comment: Full name, renamed_from: full_name}
      email: {type: varchar(255), collation: NOCASE}
      balance: {type: "numeric(12,2)"}
      born: {type: date}
      payload: {native_type: weird_type(7)}
    options: {strict: "true"}
)y");
  ASSERT_OK(catalog);
  const Table& people = GetTable(*catalog, "people");
  EXPECT_EQ(people.comment, "Everyone: staff and guests");
  EXPECT_EQ(people.renamed_from, (std::vector<std::string>{"persons", "humans"}));
  EXPECT_EQ(Names(people.columns),
            (std::vector<std::string>{"id", "name", "email", "balance", "born", "payload"}));
  const Column& id = GetColumn(people, "id");
  EXPECT_EQ(id.type.kind, TypeKind::kInteger);
  EXPECT_FALSE(id.nullable);  // primary key columns are NOT NULL by default
  EXPECT_TRUE(id.autoincrement);
  ASSERT_TRUE(people.primary_key.has_value());
  EXPECT_EQ(people.primary_key->columns, std::vector<std::string>{"id"});
  EXPECT_EQ(people.primary_key->name, "");
  const Column& name = GetColumn(people, "name");
  EXPECT_EQ(name.type, MakeVarchar(100));
  EXPECT_FALSE(name.nullable);
  EXPECT_EQ(name.comment, "Full name");
  EXPECT_EQ(name.renamed_from, std::vector<std::string>{"full_name"});
  EXPECT_TRUE(GetColumn(people, "email").nullable);
  EXPECT_EQ(GetColumn(people, "email").collation, "NOCASE");
  EXPECT_EQ(GetColumn(people, "balance").type, MakeNumeric(12, 2));
  EXPECT_EQ(GetColumn(people, "born").type.kind, TypeKind::kDate);
  EXPECT_EQ(GetColumn(people, "payload").type.kind, TypeKind::kVerbatim);
  EXPECT_EQ(people.options.at("strict"), "true");
}

TEST(YamlLoaderTest, DefaultsAreTypedByTheirYamlSpelling) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(tables:
  t:
    columns:
      word: {type: text, default: draft}
      quoted_number: {type: text, default: "42"}
      quoted_bool: {type: text, default: 'true'}
      empty: {type: text, default: ""}
      number: {type: integer, default: 42}
      negative: {type: "numeric(5,2)", default: -1.5}
      flag: {type: boolean, default: true}
      nothing: {type: text, default: null}
      created: {type: timestamp, server_default: CURRENT_TIMESTAMP}
      expression: {type: text, server_default: "(lower('X'))"}
      literal: {type: text, server_default: "'it''s'"}
)y");
  ASSERT_OK(catalog);
  const Table& t = GetTable(*catalog, "t");
  auto server_default = [&](std::string_view column) {
    return GetColumn(t, column).server_default.value_or(DefaultExpr{DefaultKind::kExpression, "?"});
  };
  EXPECT_EQ(server_default("word"), (DefaultExpr{DefaultKind::kString, "draft"}));
  EXPECT_EQ(server_default("quoted_number"), (DefaultExpr{DefaultKind::kString, "42"}));
  EXPECT_EQ(server_default("quoted_bool"), (DefaultExpr{DefaultKind::kString, "true"}));
  EXPECT_EQ(server_default("empty"), (DefaultExpr{DefaultKind::kString, ""}));
  EXPECT_EQ(server_default("number"), (DefaultExpr{DefaultKind::kNumber, "42"}));
  EXPECT_EQ(server_default("negative"), (DefaultExpr{DefaultKind::kNumber, "-1.5"}));
  EXPECT_EQ(server_default("flag"), (DefaultExpr{DefaultKind::kBoolean, "true"}));
  EXPECT_EQ(server_default("nothing"), (DefaultExpr{DefaultKind::kNull, ""}));
  EXPECT_EQ(server_default("created").kind, DefaultKind::kCurrentTimestamp);
  EXPECT_EQ(server_default("expression").kind, DefaultKind::kExpression);
  EXPECT_EQ(server_default("literal"), (DefaultExpr{DefaultKind::kString, "it's"}));
}

TEST(YamlLoaderTest, ColumnShorthandsBecomeTableObjects) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(naming_convention:
  ix: "ix_%(column_0_label)s"
  uq: "uq_%(table_name)s_%(column_0_name)s"
  fk: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"
  pk: "pk_%(table_name)s"
tables:
  users:
    columns:
      id: {type: bigint, primary_key: true}
      email: {type: string(255), unique: true}
      login: {type: string(50), unique: true, index: true}
      team_id: {type: bigint, index: true, references: teams.id, on_delete: set null, on_update: cascade}
  teams:
    columns:
      id: {type: bigint, primary_key: true}
)y");
  ASSERT_OK(catalog);
  const Table& users = GetTable(*catalog, "users");
  EXPECT_EQ(users.primary_key->name, "pk_users");
  EXPECT_EQ(users.primary_key->name_origin, NameOrigin::kConvention);
  ASSERT_EQ(users.uniques.size(), 1u);  // login's unique: true went into its unique index
  EXPECT_EQ(users.uniques[0].name, "uq_users_email");
  EXPECT_EQ(users.uniques[0].columns, std::vector<std::string>{"email"});
  ASSERT_EQ(users.indexes.size(), 2u);
  EXPECT_EQ(users.indexes[0].name, "ix_users_login");
  EXPECT_TRUE(users.indexes[0].unique);
  EXPECT_EQ(users.indexes[1].name, "ix_users_team_id");
  EXPECT_FALSE(users.indexes[1].unique);
  ASSERT_EQ(users.foreign_keys.size(), 1u);
  const ForeignKey& fk = users.foreign_keys[0];
  EXPECT_EQ(fk.name, "fk_users_team_id_teams");
  EXPECT_EQ(fk.name_origin, NameOrigin::kConvention);
  EXPECT_EQ(fk.columns, std::vector<std::string>{"team_id"});
  EXPECT_EQ(fk.referred_table, "teams");
  EXPECT_EQ(fk.referred_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(fk.on_delete, "SET NULL");
  EXPECT_EQ(fk.on_update, "CASCADE");
}

TEST(YamlLoaderTest, TableLevelConstraintsAndIndexes) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(naming_convention: {}
tables:
  lines:
    columns:
      order_id: {type: integer}
      line_no: {type: integer}
      sku: {type: text, nullable: false}
      qty: {type: integer, nullable: false}
    primary_key: {columns: [order_id, line_no], name: lines_pk}
    unique:
      - columns: [order_id, sku]
        deferrable: true
        initially: deferred
    indexes:
      - columns: [sku, {column: qty, order: desc, collation: BINARY}]
        name: ix_sku_qty
        unique: true
        where: "qty > 0"
      - columns: [{expression: "lower(sku)"}, order_id]
    foreign_keys:
      - columns: [order_id]
        references: {table: orders, columns: [id]}
        name: lines_order_fk
        on_delete: CASCADE
        match: full
        initially: deferred
    checks:
      - expression: "qty > 0"
        name: qty_positive
      - expression: "length(sku) > 0"
  orders:
    columns:
      id: {type: integer, primary_key: true}
)y");
  ASSERT_OK(catalog);
  const Table& lines = GetTable(*catalog, "lines");
  EXPECT_EQ(lines.primary_key->columns, (std::vector<std::string>{"order_id", "line_no"}));
  EXPECT_EQ(lines.primary_key->name, "lines_pk");
  EXPECT_EQ(lines.primary_key->name_origin, NameOrigin::kExplicit);
  EXPECT_FALSE(GetColumn(lines, "order_id").nullable);
  EXPECT_FALSE(GetColumn(lines, "line_no").nullable);
  ASSERT_EQ(lines.uniques.size(), 1u);
  EXPECT_EQ(lines.uniques[0].name, "");  // no convention: unnamed
  EXPECT_TRUE(lines.uniques[0].deferrable);
  EXPECT_TRUE(lines.uniques[0].initially_deferred);
  ASSERT_EQ(lines.indexes.size(), 2u);
  // Sorted by name: the unnamed expression index first.
  EXPECT_EQ(lines.indexes[0].name, "");
  EXPECT_EQ(lines.indexes[0].elements[0].expression, "lower(sku)");
  EXPECT_EQ(lines.indexes[0].elements[1].column, "order_id");
  const Index& named = lines.indexes[1];
  EXPECT_EQ(named.name, "ix_sku_qty");
  EXPECT_TRUE(named.unique);
  EXPECT_EQ(named.where, "qty > 0");
  EXPECT_EQ(named.elements[1].column, "qty");
  EXPECT_TRUE(named.elements[1].descending);
  EXPECT_EQ(named.elements[1].collation, "BINARY");
  ASSERT_EQ(lines.foreign_keys.size(), 1u);
  EXPECT_EQ(lines.foreign_keys[0].on_delete, "CASCADE");
  EXPECT_EQ(lines.foreign_keys[0].match, "FULL");
  EXPECT_TRUE(lines.foreign_keys[0].deferrable);  // implied by initially: deferred
  EXPECT_TRUE(lines.foreign_keys[0].initially_deferred);
  ASSERT_EQ(lines.checks.size(), 2u);
  EXPECT_EQ(Names(lines.checks), (std::vector<std::string>{"", "qty_positive"}));
}

TEST(YamlLoaderTest, NamingConventionFollowsSqlAlchemy) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(naming_convention:
  ix: "ix_%(column_0_label)s"
  uq: "uq_%(table_name)s_%(column_0_N_name)s"
  ck: "ck_%(table_name)s_%(constraint_name)s"
  fk: "fk_%(table_name)s_%(column_0N_name)s_%(referred_table_name)s"
tables:
  accounts:
    columns:
      id: {type: integer, primary_key: true}
      tenant: {type: integer}
      email: {type: text}
    unique:
      - columns: [tenant, email]
      - columns: [email]
        name: accounts_email_key
    indexes:
      - columns: [{expression: "lower(\"email\")"}]
      - columns: [{expression: "coalesce(tenant, 0) + 1"}, email]
        conv_name: ix_given_verbatim
    checks:
      - name: positive
        expression: "id > 0"
      - conv_name: ck_kept_as_is
        expression: "tenant > 0"
    foreign_keys:
      - columns: [tenant, id]
        references: {table: accounts, columns: [id, tenant]}
)y");
  ASSERT_OK(catalog);
  const Table& t = GetTable(*catalog, "accounts");
  EXPECT_EQ(Names(t.uniques),
            (std::vector<std::string>{"accounts_email_key", "uq_accounts_tenant_email"}));
  EXPECT_EQ(t.uniques[0].name_origin, NameOrigin::kExplicit);
  EXPECT_EQ(t.uniques[1].name_origin, NameOrigin::kConvention);
  // The expression's first column names the index, as SQLAlchemy does for func.lower(email).
  EXPECT_EQ(Names(t.indexes), (std::vector<std::string>{"ix_accounts_email", "ix_given_verbatim"}));
  EXPECT_EQ(t.indexes[1].name_origin, NameOrigin::kConvention);
  // An explicit name fills %(constraint_name)s.
  EXPECT_EQ(Names(t.checks), (std::vector<std::string>{"ck_accounts_positive", "ck_kept_as_is"}));
  EXPECT_EQ(t.checks[0].name_origin, NameOrigin::kConvention);
  EXPECT_EQ(Names(t.foreign_keys), std::vector<std::string>{"fk_accounts_tenantid_accounts"});
  EXPECT_EQ(catalog->naming_convention.at("ck"), "ck_%(table_name)s_%(constraint_name)s");
}

TEST(YamlLoaderTest, DefaultConventionNamesOnlyIndexesAndEmptyMeansNone) {
  constexpr std::string_view kTables = R"y(
tables:
  t:
    columns:
      a: {type: integer, unique: true, index: true}
      b: {type: integer, unique: true}
)y";
  absl::StatusOr<Catalog> with_default = Parse(kTables);
  ASSERT_OK(with_default);
  EXPECT_EQ(with_default->naming_convention, (NamingConvention{{"ix", "ix_%(column_0_label)s"}}));
  EXPECT_EQ(Names(GetTable(*with_default, "t").indexes), std::vector<std::string>{"ix_t_a"});
  EXPECT_EQ(Names(GetTable(*with_default, "t").uniques), std::vector<std::string>{""});

  absl::StatusOr<Catalog> without =
      Parse(std::string("naming_convention: {}") + std::string(kTables));
  ASSERT_OK(without);
  EXPECT_TRUE(without->naming_convention.empty());
  EXPECT_EQ(Names(GetTable(*without, "t").indexes), std::vector<std::string>{""});
}

TEST(YamlLoaderTest, LongConventionalNamesAreTruncatedForTheDialect) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(tables:
  a_really_long_table_name_that_goes_on_and_on_and_on_for_ever:
    columns:
      another_fairly_long_column_name: {type: integer, index: true}
)y",
                                          PostgresDialect());
  ASSERT_OK(catalog);
  // Recorded from SQLAlchemy (tests/testdata/naming/sqlalchemy_names.json).
  EXPECT_EQ(catalog->tables[0].indexes[0].name,
            "ix_a_really_long_table_name_that_goes_on_and_on_and_on__65d4");
}

TEST(YamlLoaderTest, EnumsResolveForTheDialect) {
  constexpr std::string_view kYaml = R"y(enums:
  Order_Status:
    values: [pending, paid]
    renamed_values: {completed: paid}
tables:
  orders:
    columns:
      status: {type: enum(Order_Status), default: pending}
      history: {type: array(enum(order_status))}
      inline: {type: "enum('x','yy')"}
)y";
  absl::StatusOr<Catalog> pg = Parse(kYaml, PostgresDialect());
  ASSERT_OK(pg);
  ASSERT_EQ(pg->enums.size(), 1u);
  EXPECT_EQ(pg->enums[0].name, "Order_Status");
  EXPECT_EQ(pg->enums[0].values, (std::vector<std::string>{"pending", "paid"}));
  EXPECT_EQ(pg->enums[0].renamed_values.at("completed"), "paid");
  const Table& orders = GetTable(*pg, "orders");
  EXPECT_EQ(GetColumn(orders, "status").type.kind, TypeKind::kEnum);
  EXPECT_EQ(GetColumn(orders, "status").type.enum_name, "Order_Status");
  EXPECT_EQ(GetColumn(orders, "history").type.element.at(0).enum_name, "Order_Status");

  // SQLite has no enum types: the column is a VARCHAR as long as the longest value.
  absl::StatusOr<Catalog> sqlite = Parse(kYaml);
  ASSERT_OK(sqlite);
  EXPECT_TRUE(sqlite->enums.empty());
  EXPECT_EQ(GetColumn(GetTable(*sqlite, "orders"), "status").type, MakeVarchar(7));
  EXPECT_EQ(GetColumn(GetTable(*sqlite, "orders"), "inline").type, MakeVarchar(2));
}

TEST(YamlLoaderTest, MergeKeysCopyColumnsInPlace) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(x-audit: &audit
  created_at: {type: timestamp, nullable: false}
  updated_at: {type: timestamp}
tables:
  t:
    columns:
      id: {type: integer, primary_key: true}
      <<: *audit
      updated_at: {type: date}
      note: {type: text}
)y");
  ASSERT_OK(catalog);
  const Table& t = GetTable(*catalog, "t");
  EXPECT_EQ(Names(t.columns), (std::vector<std::string>{"id", "created_at", "updated_at", "note"}));
  EXPECT_FALSE(GetColumn(t, "created_at").nullable);
  EXPECT_EQ(GetColumn(t, "updated_at").type.kind, TypeKind::kDate);  // the explicit key wins
}

TEST(YamlLoaderTest, SchemasAndNameOverrides) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(tables:
  users:
    columns:
      id: {type: integer, primary_key: true}
  audit_users:
    schema: audit
    name: users
    columns:
      id: {type: integer, primary_key: true, references: audit.users.id}
      public_id: {type: integer, index: true}
    foreign_keys:
      - columns: [public_id]
        references: {table: users, columns: [id], schema: audit}
)y",
                                          PostgresDialect());
  ASSERT_OK(catalog);
  ASSERT_EQ(catalog->tables.size(), 2u);
  const Table& audit = GetTable(*catalog, "users", "audit");
  EXPECT_EQ(audit.foreign_keys.size(), 2u);
  EXPECT_EQ(audit.indexes.at(0).name, "ix_audit_users_public_id");
}

TEST(YamlLoaderTest, PublicIsTheDefaultSchemaOnPostgres) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(enums:
  mood: {schema: public, values: [ok, sad]}
tables:
  customers:
    schema: public
    columns:
      id: {type: bigint, primary_key: true}
      feeling: {type: enum(public.mood)}
  orders:
    columns:
      id: {type: bigint, primary_key: true}
      customer_id: {type: bigint, references: public.customers.id}
  payments:
    schema: billing
    columns:
      id: {type: bigint, primary_key: true}
  invoices:
    schema: billing
    columns:
      id: {type: bigint, primary_key: true}
      order_id: {type: bigint, references: public.orders.id}
      payment_id: {type: bigint, references: billing.payments.id}
    foreign_keys:
      - columns: [id]
        references: {table: customers, columns: [id], schema: public}
)y",
                                          PostgresDialect());
  ASSERT_OK(catalog);
  // As the PostgreSQL introspector reports them: public is "", and a foreign key names it only
  // from a table in another schema.
  ASSERT_EQ(catalog->enums.size(), 1u);
  EXPECT_EQ(catalog->enums[0].schema, "");
  const Table& customers = GetTable(*catalog, "customers");
  EXPECT_EQ(GetColumn(customers, "feeling").type.enum_name, "mood");
  const Table& orders = GetTable(*catalog, "orders");
  ASSERT_EQ(orders.foreign_keys.size(), 1u);
  EXPECT_EQ(orders.foreign_keys[0].referred_schema, "");
  std::map<std::string, std::string> referred_schemas;  // referred table -> schema
  for (const ForeignKey& fk : GetTable(*catalog, "invoices", "billing").foreign_keys) {
    referred_schemas[fk.referred_table] = fk.referred_schema;
  }
  EXPECT_EQ(referred_schemas,
            (std::map<std::string, std::string>{
                {"customers", "public"}, {"orders", "public"}, {"payments", ""}}));
  // Elsewhere "public" is an ordinary schema name.
  EXPECT_EQ(Error(R"y(tables:
  a:
    columns:
      id: {type: integer, references: public.b.id}
  b:
    columns:
      id: {type: integer}
)y"),
            "s.yaml:4:39: foreign key (id) of table 'a' references missing table 'public.b'");
}

TEST(YamlLoaderTest, SerialTypesAreAutoincrementIntegers) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(tables:
  t:
    columns:
      id: {type: serial, primary_key: true}
      big: {type: BIGSERIAL}
      small: {type: smallserial}
      eight: {type: serial8, autoincrement: false}
)y",
                                          PostgresDialect());
  ASSERT_OK(catalog);
  const Table& t = GetTable(*catalog, "t");
  // What the PostgreSQL introspector reads for serial columns: the integer type, the flag, no
  // default (the nextval() is the flag) and NOT NULL.
  const Column& id = GetColumn(t, "id");
  EXPECT_EQ(id.type, MakeType(TypeKind::kInteger));
  EXPECT_TRUE(id.autoincrement);
  EXPECT_FALSE(id.server_default.has_value());
  const Column& big = GetColumn(t, "big");
  EXPECT_EQ(big.type, MakeType(TypeKind::kBigInt));
  EXPECT_TRUE(big.autoincrement);
  EXPECT_FALSE(big.nullable);
  EXPECT_EQ(GetColumn(t, "small").type, MakeType(TypeKind::kSmallInt));
  EXPECT_TRUE(GetColumn(t, "small").autoincrement);
  EXPECT_EQ(GetColumn(t, "eight").type, MakeType(TypeKind::kBigInt));
  EXPECT_FALSE(GetColumn(t, "eight").autoincrement);  // written explicitly
}

TEST(YamlLoaderTest, BareEnumNameIsTheEnum) {
  absl::StatusOr<Catalog> catalog = Parse(R"y(enums:
  order_status: {values: [pending, paid]}
tables:
  orders:
    columns:
      bare: {type: order_status}
      qualified: {type: public.order_status}
      written: {type: enum(order_status)}
      words: {type: text}
)y",
                                          PostgresDialect());
  ASSERT_OK(catalog);
  const Table& orders = GetTable(*catalog, "orders");
  const DataType& bare = GetColumn(orders, "bare").type;
  EXPECT_EQ(bare.kind, TypeKind::kEnum);
  EXPECT_EQ(bare.enum_name, "order_status");
  EXPECT_EQ(GetColumn(orders, "qualified").type, bare);
  EXPECT_EQ(GetColumn(orders, "written").type, bare);
  EXPECT_EQ(GetColumn(orders, "words").type.kind, TypeKind::kText);
}

TEST(YamlLoaderTest, ExamplesLoad) {
  absl::StatusOr<Catalog> blog =
      LoadYamlSchema(SourcePath("schemas/examples/blog.yaml"), SqliteDialect());
  ASSERT_OK(blog);
  EXPECT_EQ(blog->tables.size(), 5u);
  const Table& posts = GetTable(*blog, "posts");
  EXPECT_EQ(Names(posts.columns).back(), "updated_at");  // merged from x-timestamps
  EXPECT_EQ(Names(posts.uniques), std::vector<std::string>{"uq_posts_author_id"});
  EXPECT_EQ(Names(posts.checks), std::vector<std::string>{"ck_posts_published_has_date"});
  EXPECT_OK(LoadYamlSchema(SourcePath("schemas/examples/blog.yaml"), PostgresDialect()));

  absl::StatusOr<Catalog> every =
      LoadYamlSchema(SourcePath("schemas/examples/every_feature.yaml"), PostgresDialect());
  ASSERT_OK(every);
  EXPECT_EQ(every->dialect, "postgresql");
  EXPECT_EQ(every->enums.size(), 2u);
  const Table& customers = GetTable(*every, "customers");
  EXPECT_EQ(customers.primary_key->name, "customers_pkey");
  ASSERT_TRUE(GetColumn(customers, "id").identity.has_value());
  EXPECT_TRUE(GetColumn(customers, "id").identity->always);
  EXPECT_EQ(GetColumn(customers, "id").identity->start, 1000);
  EXPECT_EQ(Names(customers.indexes),
            (std::vector<std::string>{"ix_customers_email", "ix_customers_name",
                                      "ix_customers_tags", "ix_customers_tenant_id"}));
  const Table& orders = GetTable(*every, "orders");
  ASSERT_TRUE(GetColumn(orders, "total").generated.has_value());
  EXPECT_EQ(Names(GetTable(*every, "shipments").foreign_keys),
            std::vector<std::string>{"shipments_line_fkey"});
  EXPECT_EQ(GetTable(*every, "audit_log", "audit").indexes.at(0).name,
            "ix_audit_audit_log_table_name");
}

TEST(YamlLoaderTest, FilesAndDialectPeek) {
  TempDir dir;
  WriteFile(dir.File("a.yaml"), "dialect: SQLite\ntables: {}\n");
  WriteFile(dir.File("b.yaml"), "tables: {}\n");
  WriteFile(dir.File("c.yaml"), "dialect: oracle\n");
  EXPECT_EQ(PeekYamlDialect(dir.File("a.yaml")).value_or("?"), "sqlite");
  EXPECT_EQ(PeekYamlDialect(dir.File("b.yaml")).value_or("?"), "");
  EXPECT_EQ(PeekYamlDialect(dir.File("c.yaml")).status().message(),
            dir.File("c.yaml") +
                ":1:10: unknown dialect 'oracle' (expected sqlite, postgresql or mysql)");
  // The peek reads no further than `dialect:`; loading the file reports what follows.
  WriteFile(dir.File("d.yaml"), "dialect: postgresql\ntables: {t: [unclosed\n");
  EXPECT_EQ(PeekYamlDialect(dir.File("d.yaml")).value_or("?"), "postgresql");
  EXPECT_EQ(LoadYamlSchema(dir.File("d.yaml"), PostgresDialect()).status().message(),
            dir.File("d.yaml") +
                ":3:1: invalid YAML: did not find expected ',' or ']' while parsing a flow "
                "sequence started at line 2, column 13");
  absl::StatusOr<Catalog> loaded = LoadYamlSchema(dir.File("a.yaml"), SqliteDialect());
  ASSERT_OK(loaded);
  EXPECT_EQ(loaded->dialect, "sqlite");
  EXPECT_EQ(
      LoadYamlSchema(dir.File("missing.yaml"), SqliteDialect()).status().message(),
      "cannot read schema file '" + dir.File("missing.yaml") + "': No such file or directory");
}

// One bad input and the exact message it gets.
struct ErrorCase {
  std::string name;
  std::string yaml;
  std::string message;
};

class YamlErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(YamlErrorTest, ReportsPositionAndExpectation) {
  EXPECT_EQ(Error(GetParam().yaml), GetParam().message);
}

// Eighteen anchors, each merging the one before it twice: read naively, the last one costs
// 2^17 merges.
std::string MergeKeysDoublingEveryLevel() {
  std::string yaml = "x-a0: &a0 {k0: 1}\n";
  for (int i = 1; i < 18; ++i) {
    yaml +=
        absl::StrCat("x-a", i, ": &a", i, " {<<: [*a", i - 1, ", *a", i - 1, "], k", i, ": 1}\n");
  }
  return yaml + "tables:\n  t:\n    columns:\n      id: {type: integer}\n      <<: *a17\n";
}

// Thirty lists, each holding the one before it twice: 2^30 nodes once the aliases are followed.
std::string AliasesDoublingEveryLevel() {
  std::string yaml = "x-a0: &a0 [1]\n";
  for (int i = 1; i < 30; ++i) {
    yaml += absl::StrCat("x-a", i, ": &a", i, " [*a", i - 1, ", *a", i - 1, "]\n");
  }
  return yaml + "tables: {}\n";
}

const ErrorCase kErrorCases[] = {
    {"UnknownColumnKey", R"y(tables:
  users:
    columns:
      email: {type: text, nulable: false}
)y",
     "s.yaml:4:27: unknown key 'nulable' in column 'users.email'; did you mean 'nullable'?"},
    {"MessagesStayOnOneLine", R"y(tables:
  t:
    columns:
      "line\nbreak": {tpye: integer}
)y",
     "s.yaml:4:23: unknown key 'tpye' in column 't.line\\nbreak'; did you mean 'type'?"},
    {"LongValuesAreShortened", R"y(tables:
  t:
    columns:
      a: {type: integer, nullable: this value goes on and on and on and on and on and on and on and on}
)y",
     "s.yaml:4:36: expected true or false for 'nullable' of column 't.a', got 'this value goes "
     "on and on and on and on and on and on and...'"},
    {"UnknownTableKeyListsKeys", R"y(tables:
  users:
    colour: red
    columns:
      id: {type: integer}
)y",
     "s.yaml:3:5: unknown key 'colour' in table 'users' (expected one of: name, schema, comment, "
     "renamed_from, columns, primary_key, unique, indexes, foreign_keys, checks, options)"},
    {"UnknownTopLevelKey", R"y(tabels:
  users: {}
)y",
     "s.yaml:1:1: unknown key 'tabels' in the schema; did you mean 'tables'?"},
    {"UnknownKeyWithoutSuggestion", R"y(tables:
  t:
    columns:
      a: {type: integer}
    indexes:
      - {columns: [a], spread: wide}
)y",
     "s.yaml:6:24: unknown key 'spread' in index #1 of table 't' (expected one of: columns, "
     "name, conv_name, unique, where, method, include, nulls_not_distinct)"},
    {"UnknownType", R"y(tables:
  users:
    columns:
      email: {type: strng(255)}
)y",
     "s.yaml:4:21: unknown type 'strng(255)' for column 'users.email'; did you mean 'string'? "
     "(portable types: string(n), varchar(n), char(n), text, tinyint, smallint, mediumint, "
     "integer, bigint, numeric(p,s), float, double, boolean, date, time, timestamp, "
     "timestamp(tz), interval, uuid, json, jsonb, binary, varbinary(n), enum(name), "
     "enum('a','b'), array(type); or a native sqlite type)"},
    {"UnknownTypeNearAnEnumName", R"y(enums:
  order_status: {values: [pending, paid]}
tables:
  orders:
    columns:
      status: {type: order_statu}
)y",
     "s.yaml:6:22: unknown type 'order_statu' for column 'orders.status'; did you mean "
     "'order_status'? (portable types: string(n), varchar(n), char(n), text, tinyint, smallint, "
     "mediumint, integer, bigint, numeric(p,s), float, double, boolean, date, time, timestamp, "
     "timestamp(tz), interval, uuid, json, jsonb, binary, varbinary(n), enum(name), "
     "enum('a','b'), array(type); or a native sqlite type)"},
    {"TypeCutAtComma", R"y(tables:
  t:
    columns:
      price: {type: numeric(10,2), nullable: false}
)y",
     "s.yaml:4:21: the type of column 't.price' is cut at a comma ('numeric(10'): inside { } "
     "quote it, type: \"numeric(10,2)\""},
    {"MissingType", R"y(tables:
  t:
    columns:
      a: {nullable: false}
)y",
     "s.yaml:4:7: column 't.a' has no type (e.g. type: bigint)"},
    {"WrongBoolean", R"y(tables:
  t:
    columns:
      a: {type: integer, nullable: yes}
)y",
     "s.yaml:4:36: expected true or false for 'nullable' of column 't.a', got 'yes'"},
    {"WrongKindOfValue", R"y(tables:
  t:
    columns:
      a: {type: integer}
    indexes: {columns: [a]}
)y",
     "s.yaml:5:14: expected a list for 'indexes' of table 't', got a mapping"},
    {"ForeignKeyToMissingTable", R"y(tables:
  customers:
    columns:
      id: {type: integer, primary_key: true}
  orders:
    columns:
      customer_id: {type: integer, references: customer.id}
)y",
     "s.yaml:7:48: foreign key (customer_id) of table 'orders' references missing table "
     "'customer'; did you mean 'customers'?"},
    {"ForeignKeyToMissingColumn", R"y(tables:
  customers:
    columns:
      id: {type: integer, primary_key: true}
  orders:
    columns:
      customer_id: {type: integer}
    foreign_keys:
      - columns: [customer_id]
        references: {table: customers, columns: [uid]}
)y",
     "s.yaml:10:50: foreign key (customer_id) of table 'orders' references missing column "
     "'customers.uid'; did you mean 'id'?"},
    {"ForeignKeyColumnCount", R"y(tables:
  t:
    columns:
      a: {type: integer}
      b: {type: integer}
    foreign_keys:
      - columns: [a, b]
        references: {table: t, columns: [a]}
)y",
     "s.yaml:8:41: foreign key #1 of table 't' has 2 column(s) but references 1"},
    {"MalformedReference", R"y(tables:
  t:
    columns:
      a: {type: integer, references: t}
)y",
     "s.yaml:4:38: expected TABLE.COLUMN or SCHEMA.TABLE.COLUMN for 'references' of column "
     "'t.a', got 't' (use the table's foreign_keys for names that contain dots)"},
    {"ActionWithoutReference", R"y(tables:
  t:
    columns:
      a: {type: integer, on_delete: cascade}
)y",
     "s.yaml:4:26: 'on_delete' of column 't.a' needs 'references' (the foreign key it "
     "applies to)"},
    {"BadAction", R"y(tables:
  t:
    columns:
      a: {type: integer, references: t.a, on_delete: cascde}
)y",
     "s.yaml:4:54: expected one of cascade, set null, set default, restrict, no action for "
     "'on_delete' of column 't.a', got 'cascde'; did you mean 'cascade'?"},
    {"DuplicateTableKey", R"y(tables:
  t:
    columns:
      a: {type: integer}
  t:
    columns:
      a: {type: integer}
)y",
     "s.yaml:5:3: duplicate key 't' in tables (first at line 2)"},
    {"DuplicateTableByName", R"y(tables:
  t:
    columns:
      a: {type: integer}
  other:
    name: t
    columns:
      a: {type: integer}
)y",
     "s.yaml:5:3: duplicate table 't' (first at line 2)"},
    {"DuplicateColumn", R"y(tables:
  t:
    columns:
      a: {type: integer}
      b: {type: integer}
      a: {type: text}
)y",
     "s.yaml:6:7: duplicate key 'a' in the columns of table 't' (first at line 4)"},
    {"DuplicateConstraintName", R"y(tables:
  t:
    columns:
      a: {type: integer}
    unique:
      - {columns: [a], name: dup}
    checks:
      - {expression: "a > 0", name: dup}
)y",
     "s.yaml:8:9: duplicate name 'dup' for check (a > 0) of table 't': already used by unique "
     "constraint (a) of table 't'"},
    {"DuplicateConventionalName", R"y(tables:
  t:
    columns:
      a: {type: integer, index: true}
    indexes:
      - columns: [a]
        where: "a > 0"
)y",
     "s.yaml:6:9: duplicate name 'ix_t_a' for index (a) of table 't': already used by index (a) "
     "of table 't' (the name comes from the naming convention; give one of them an explicit "
     "name)"},
    {"DuplicateIndexAcrossTables", R"y(tables:
  t:
    columns:
      a: {type: integer}
    indexes:
      - {columns: [a], name: ix_a}
  u:
    columns:
      a: {type: integer}
    indexes:
      - {columns: [a], name: ix_a}
)y",
     "s.yaml:11:9: duplicate name 'ix_a' for index (a) of table 'u': already used by index (a) "
     "of table 't'"},
    {"IndexOnMissingColumn", R"y(tables:
  users:
    columns:
      email: {type: text}
    indexes:
      - columns: [emial]
)y",
     "s.yaml:6:19: index #1 of table 'users' refers to missing column 'emial'; did you mean "
     "'email'?"},
    {"IndexKeyOnMissingColumn", R"y(tables:
  users:
    columns:
      email: {type: text}
    indexes:
      - columns: [{column: mail, order: desc}]
)y",
     "s.yaml:6:28: index #1 of table 'users' refers to missing column 'mail'; did you mean "
     "'email'?"},
    {"UniqueOnMissingColumn", R"y(tables:
  users:
    columns:
      email: {type: text}
    unique:
      - columns: [email, tenant]
)y",
     "s.yaml:6:26: unique constraint #1 of table 'users' refers to missing column 'tenant'"},
    {"PrimaryKeyOnMissingColumn", R"y(tables:
  t:
    columns:
      a: {type: integer}
    primary_key: [a, b]
)y",
     "s.yaml:5:22: the primary key of table 't' refers to missing column 'b'"},
    {"ColumnTwiceInConstraint", R"y(tables:
  t:
    columns:
      a: {type: integer}
    unique:
      - columns: [a, a]
)y",
     "s.yaml:6:22: column 'a' appears twice in unique constraint #1 of table 't'"},
    {"PrimaryKeyTwice", R"y(tables:
  t:
    columns:
      a: {type: integer, primary_key: true}
    primary_key: [a]
)y",
     "s.yaml:4:26: table 't' declares its primary key both on column 'a' and in primary_key; "
     "keep one"},
    {"IndexKeyNeedsColumnOrExpression", R"y(tables:
  t:
    columns:
      a: {type: integer}
    indexes:
      - columns: [{column: a, expression: "a + 1"}]
)y",
     "s.yaml:6:19: each key of index #1 of table 't' needs exactly one of 'column' or "
     "'expression'"},
    {"UndefinedEnum", R"y(enums:
  order_status: {values: [new, paid]}
tables:
  orders:
    columns:
      status: {type: enum(order_state)}
)y",
     "s.yaml:6:22: type 'enum(order_state)' of column 'orders.status' refers to an undefined "
     "enum 'order_state'; did you mean 'order_status'? (define it under the top-level enums: "
     "key)"},
    {"DuplicateEnumValue", R"y(enums:
  e: {values: [a, b, a]}
)y",
     "s.yaml:2:22: value 'a' appears twice in enum 'e'"},
    {"RenamedValueMustExist", R"y(enums:
  e:
    values: [active, retired]
    renamed_values: {old: retird}
)y",
     "s.yaml:4:27: renamed value 'old' of enum 'e' becomes 'retird', which is not one of its "
     "values; did you mean 'retired'?"},
    {"BadNamingToken", R"y(naming_convention:
  uq: "uq_%(table_name)s_%(colum_0_name)s"
tables: {}
)y",
     "s.yaml:2:7: naming_convention.uq: unknown naming convention token '%(colum_0_name)s' "
     "(known: table_name, constraint_name, referred_table_name, column_0_name, column_0_label, "
     "column_0_key, referred_column_0_name, and their column_0N_* / column_0_N_* forms)"},
    {"BadNamingKey", R"y(naming_convention:
  unique: "uq_%(table_name)s"
)y",
     "s.yaml:2:3: unknown key 'unique' in naming_convention (expected one of: ix, uq, ck, fk, "
     "pk)"},
    {"ConstraintNameTokenNeedsAName", R"y(naming_convention:
  ck: "ck_%(table_name)s_%(constraint_name)s"
tables:
  t:
    columns:
      a: {type: integer}
    checks:
      - expression: "a > 0"
)y",
     "s.yaml:8:9: cannot name check (a > 0) of table 't' with naming_convention.ck: naming "
     "convention including %(constraint_name)s token requires that the constraint is "
     "explicitly named"},
    {"ReferredTableNameOutsideForeignKeys", R"y(naming_convention:
  uq: "uq_%(referred_table_name)s"
tables:
  t:
    columns:
      a: {type: integer, unique: true}
)y",
     "s.yaml:6:26: cannot name unique constraint (a) of table 't' with naming_convention.uq: "
     "%(referred_table_name)s applies only to foreign keys (fk)"},
    {"DefaultAndServerDefault", R"y(tables:
  t:
    columns:
      a: {type: integer, default: 1, server_default: "2"}
)y",
     "s.yaml:4:38: column 't.a' has both default and server_default; keep one"},
    {"DefaultMustBeScalar", R"y(tables:
  t:
    columns:
      a: {type: json, default: {x: 1}}
)y",
     "s.yaml:4:32: expected a literal (string, number, true/false or null) for 'default' of "
     "column 't.a'; use server_default for SQL expressions"},
    {"NameAndConvName", R"y(tables:
  t:
    columns:
      a: {type: integer}
    checks:
      - {expression: "a > 0", name: x, conv_name: y}
)y",
     "s.yaml:6:40: check #1 of table 't' has both name and conv_name; keep one"},
    {"InitiallyDeferredButNotDeferrable", R"y(tables:
  t:
    columns:
      a: {type: integer}
    unique:
      - {columns: [a], deferrable: false, initially: deferred}
)y",
     "s.yaml:6:43: unique constraint #1 of table 't' is initially deferred but not deferrable"},
    {"NoColumns", R"y(tables:
  t:
    comment: nothing here
)y",
     "s.yaml:3:5: table 't' has no columns (add columns: {id: {type: bigint, primary_key: "
     "true}})"},
    {"EmptyColumns", R"y(tables:
  t:
    columns: {}
)y",
     "s.yaml:3:14: table 't' has no columns"},
    {"BadMerge", R"y(tables:
  t:
    columns:
      <<: nope
)y",
     "s.yaml:4:7: the merge key '<<' in the columns of table 't' expects a mapping or a list "
     "of mappings, got 'nope'"},
    {"InvalidYaml", R"y(tables:
  t: {columns: [a
)y",
     "s.yaml:3:1: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence "
     "started at line 2, column 16"},
    {"AliasInsideItsOwnAnchor", R"y(x-loop: &loop
  again: *loop
tables: {}
)y",
     "s.yaml:2:10: invalid YAML: an alias cannot be used inside the node it refers to"},
    {"UndefinedAlias", "tables:\n  t: {columns: {a: *nowhere}}\n",
     "s.yaml:2:20: invalid YAML: the alias *nowhere refers to no anchor defined before it"},
    {"InvalidUtf8", "tables:\n  t\xff: {}\n",
     "s.yaml:2:4: invalid YAML: invalid leading UTF-8 octet (byte 0xFF)"},
    {"TabIndentation", "tables:\n\tt: {}\n",
     "s.yaml:2:1: invalid YAML: found character that cannot start any token (a tab: YAML "
     "indents with spaces) while scanning for the next token"},
    {"BadEscape", "tables:\n  t: {columns: {a: {type: \"bad \\q\"}}}\n",
     "s.yaml:2:32: invalid YAML: found unknown escape character while parsing a quoted scalar "
     "started at line 2, column 27"},
    {"DeeplyNestedAndUnclosed", "tables: " + std::string(200000, '['),
     "s.yaml:1:108: invalid YAML: lists and mappings nested more than 100 deep"},
    {"MergeKeysDoublingEveryLevel", MergeKeysDoublingEveryLevel(),
     "s.yaml:2:12: the merge keys of the columns of table 't' copy more than 100000 entries"},
    {"AliasesDoublingEveryLevel", AliasesDoublingEveryLevel(),
     "s.yaml:23:8: invalid YAML: its aliases make this node stand for more than 10000000 nodes"},
    {"SecondDocument", "tables: {}\n---\ntables: {t: {columns: {a: {type: int}}}}\n",
     "s.yaml:2:1: a schema file holds one YAML document; a second one starts here"},
    {"EmptyDocument", "# nothing\n",
     "s.yaml:1:1: empty schema (expected a mapping with version and tables)"},
    {"TopLevelNotAMapping", "- a\n- b\n",
     "s.yaml:1:1: expected a mapping for the schema, got a list"},
    {"UnsupportedVersion", "version: 2\n",
     "s.yaml:1:10: unsupported version 2 (this schemadiff reads version 1)"},
    {"DialectMismatch", "dialect: postgresql\ntables: {}\n",
     "s.yaml:1:10: this schema is for postgresql but is being compared as sqlite"},
};

INSTANTIATE_TEST_SUITE_P(Errors, YamlErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace schemadiff

namespace schemadiff {
namespace {

// `count` tables t0000.. with one column each; `column_of(i)` is table i's column mapping.
std::string ManyTables(int count, const std::function<std::string(int)>& column_of) {
  std::string yaml = "version: 1\ntables:\n";
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&yaml, "  t", 1000 + i, ":\n    columns:\n      c: ", column_of(i), "\n");
  }
  return yaml;
}

TEST(YamlLoaderTest, ManyTablesReadInDocumentOrder) {
  // Enough tables to be read side by side: the catalog keeps the file's order.
  absl::StatusOr<Catalog> catalog = Parse(ManyTables(2000, [](int i) {
    return i % 2 == 0 ? "{type: integer}" : "{type: text, nullable: false}";
  }));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  ASSERT_EQ(catalog->tables.size(), 2000u);
  for (int i = 0; i < 2000; ++i) {
    const Table& table = catalog->tables[i];
    ASSERT_EQ(table.name, absl::StrCat("t", 1000 + i));
    ASSERT_EQ(table.columns.size(), 1u);
    EXPECT_EQ(table.columns[0].nullable, i % 2 == 0) << table.name;
  }
}

TEST(YamlLoaderTest, ManyTablesReportTheFirstErrorInTheFile) {
  // Table i's key is on line 3 + 3i, its column on line 5 + 3i (before any inserted name).
  const auto broken = [](std::set<int> at) {
    return ManyTables(
        2000, [at](int i) { return at.count(i) > 0 ? "{type: integr}" : "{type: integer}"; });
  };
  const auto renamed = [](std::string yaml, int table, int as) {
    const std::string key = absl::StrCat("  t", 1000 + table, ":\n");
    return yaml.replace(yaml.find(key), key.size(),
                        absl::StrCat(key, "    name: t", 1000 + as, "\n"));
  };
  EXPECT_THAT(Error(broken({700, 1900})),
              ::testing::StartsWith("s.yaml:2105:17: unknown type 'integr' for column 't1700.c'"));
  // A repeated name before the first broken table is the first error; after it, it is not.
  EXPECT_EQ(Error(renamed(broken({1900}), 1500, 0)),
            "s.yaml:4503:3: duplicate table 't1000' (first at line 3)");
  EXPECT_THAT(Error(renamed(broken({700}), 1500, 0)),
              ::testing::StartsWith("s.yaml:2105:17: unknown type"));
}

}  // namespace
}  // namespace schemadiff
