// The YAML writer: exact output for a small schema, and ParseYamlSchema(WriteYamlSchema(c)) == c
// for every feature and for hostile names, compared through a dump of every catalog field.
#include "render/yaml_writer.h"

#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "catalog/normalize.h"
#include "gtest/gtest.h"
#include "introspect/sqlite_introspector.h"
#include "introspect/yaml_loader.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::SourcePath;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

std::string Dump(const DataType& t) {
  std::vector<std::string> elements;
  for (const DataType& e : t.element) elements.push_back(Dump(e));
  return absl::StrCat("type{kind=", static_cast<int>(t.kind), " len=", t.length.value_or(-1),
                      " prec=", t.precision.value_or(-1), " scale=", t.scale.value_or(-1),
                      " tz=", t.with_timezone, " unsigned=", t.is_unsigned,
                      " fixed=", t.fixed_binary, " width=", t.display_width.value_or(-1),
                      " enum=", t.enum_name, " values=[", absl::StrJoin(t.enum_values, "|"),
                      "] element=[", absl::StrJoin(elements, ","), "] dims=", t.array_dimensions,
                      " verbatim=", t.verbatim, "}");
}

std::string Dump(const std::optional<DefaultExpr>& d) {
  if (!d) return "none";
  return absl::StrCat("default{", static_cast<int>(d->kind), ":", d->text, "}");
}

std::string Origin(NameOrigin origin) { return origin == NameOrigin::kExplicit ? "E" : "C"; }

// Every field of the catalog, one item per line.
std::string Dump(const Catalog& c) {
  std::ostringstream out;
  out << "dialect=" << c.dialect << "\n";
  for (const auto& [kind, naming_template] : c.naming_convention) {
    out << "convention " << kind << "=" << naming_template << "\n";
  }
  for (const Enum& e : c.enums) {
    out << "enum " << e.schema << "." << e.name << " [" << absl::StrJoin(e.values, "|") << "]";
    for (const auto& [from, to] : e.renamed_values) out << " " << from << "->" << to;
    out << "\n";
  }
  for (const Table& t : c.tables) {
    out << "table " << t.schema << "." << t.name << " comment=" << t.comment.value_or("<none>")
        << " renamed=[" << absl::StrJoin(t.renamed_from, "|") << "]\n";
    for (const auto& [key, value] : t.options) out << "  option " << key << "=" << value << "\n";
    for (const Column& col : t.columns) {
      out << "  column " << col.name << " " << Dump(col.type) << " null=" << col.nullable << " "
          << Dump(col.server_default) << " auto=" << col.autoincrement;
      if (col.identity) {
        out << " identity=" << col.identity->always << "/" << col.identity->start.value_or(-1)
            << "/" << col.identity->increment.value_or(-1);
      }
      if (col.generated) {
        out << " generated=" << col.generated->expression << "/" << col.generated->stored;
      }
      out << " comment=" << col.comment.value_or("<none>") << " collation=" << col.collation
          << " charset=" << col.charset << " on_update=" << col.on_update << " renamed=["
          << absl::StrJoin(col.renamed_from, "|") << "]\n";
    }
    if (t.primary_key) {
      out << "  pk " << t.primary_key->name << Origin(t.primary_key->name_origin) << " ["
          << absl::StrJoin(t.primary_key->columns, "|") << "]\n";
    }
    for (const UniqueConstraint& u : t.uniques) {
      out << "  unique " << u.name << Origin(u.name_origin) << " [" << absl::StrJoin(u.columns, "|")
          << "] nnd=" << u.nulls_not_distinct << " def=" << u.deferrable << u.initially_deferred
          << "\n";
    }
    for (const Index& ix : t.indexes) {
      out << "  index " << ix.name << Origin(ix.name_origin) << " unique=" << ix.unique
          << " where=" << ix.where << " method=" << ix.method << " include=["
          << absl::StrJoin(ix.include, "|") << "] nnd=" << ix.nulls_not_distinct;
      for (const IndexElement& e : ix.elements) {
        out << " <" << e.column << "|" << e.expression << "|" << e.descending << "|" << e.nulls
            << "|" << e.opclass << "|" << e.collation << "|" << e.prefix_length.value_or(-1) << ">";
      }
      out << "\n";
    }
    for (const ForeignKey& fk : t.foreign_keys) {
      out << "  fk " << fk.name << Origin(fk.name_origin) << " [" << absl::StrJoin(fk.columns, "|")
          << "] -> " << fk.referred_schema << "." << fk.referred_table << " ["
          << absl::StrJoin(fk.referred_columns, "|") << "] del=" << fk.on_delete
          << " upd=" << fk.on_update << " match=" << fk.match << " def=" << fk.deferrable
          << fk.initially_deferred << " nv=" << fk.not_valid << "\n";
    }
    for (const CheckConstraint& ck : t.checks) {
      out << "  check " << ck.name << Origin(ck.name_origin) << " (" << ck.expression
          << ") nv=" << ck.not_valid << "\n";
    }
  }
  return out.str();
}

// Aggregate-free constructors (the catalog structs have many defaulted fields).
Column MakeColumn(std::string name, DataType type, bool nullable) {
  Column column;
  column.name = std::move(name);
  column.type = std::move(type);
  column.nullable = nullable;
  return column;
}

UniqueConstraint MakeUnique(std::vector<std::string> columns) {
  UniqueConstraint unique;
  unique.columns = std::move(columns);
  return unique;
}

IndexElement ColumnKey(std::string column) {
  IndexElement element;
  element.column = std::move(column);
  return element;
}

CheckConstraint MakeCheck(std::string name, std::string expression) {
  CheckConstraint check;
  check.name = std::move(name);
  check.expression = std::move(expression);
  return check;
}

// Writes `catalog`, reads the text back and expects the same catalog.
void ExpectRoundTrip(const Catalog& catalog, const Dialect& dialect) {
  const std::string yaml = WriteYamlSchema(catalog, dialect);
  absl::StatusOr<Catalog> reread = ParseYamlSchema(yaml, "written.yaml", dialect);
  ASSERT_TRUE(reread.ok()) << reread.status() << "\n" << yaml;
  EXPECT_EQ(Dump(*reread), Dump(catalog)) << yaml;
  EXPECT_EQ(WriteYamlSchema(*reread, dialect), yaml);
}

TEST(YamlWriterTest, WritesTheDocumentedFormat) {
  absl::StatusOr<Catalog> catalog = ParseYamlSchema(R"y(naming_convention:
  ix: "ix_%(column_0_label)s"
  fk: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"
tables:
  orders:
    comment: Orders; one row each
    columns:
      id: {type: integer, primary_key: true, autoincrement: true}
      customer_id: {type: integer, nullable: false, references: customers.id, on_delete: cascade}
      status: {type: string(20), nullable: false, default: "new"}
      total: {type: "numeric(12,2)", nullable: false, default: 0}
      placed_at: {type: timestamp, server_default: CURRENT_TIMESTAMP, index: true}
    unique:
      - {columns: [customer_id, placed_at], name: orders_once}
    checks:
      - {expression: "total >= 0", name: total_positive}
  customers:
    columns:
      id: {type: integer, primary_key: true}
      email: {type: text, nullable: false}
)y",
                                                    "in.yaml", SqliteDialect());
  ASSERT_OK(catalog);
  EXPECT_EQ(WriteYamlSchema(*catalog, SqliteDialect()), R"y(version: 1
naming_convention:
  ix: "ix_%(column_0_label)s"
  fk: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"
tables:
  customers:
    columns:
      id: {type: integer, primary_key: true}
      email: {type: text, nullable: false}

  orders:
    comment: "Orders; one row each"
    columns:
      id: {type: integer, primary_key: true, autoincrement: true}
      customer_id: {type: integer, nullable: false}
      status: {type: varchar(20), nullable: false, default: new}
      total: {type: "numeric(12,2)", nullable: false, default: 0}
      placed_at: {type: timestamp, server_default: CURRENT_TIMESTAMP}
    unique:
      - {columns: [customer_id, placed_at], name: orders_once}
    indexes:
      - {columns: [placed_at], conv_name: ix_orders_placed_at}
    foreign_keys:
      - {columns: [customer_id], references: {table: customers, columns: [id]}, conv_name: fk_orders_customer_id_customers, on_delete: cascade}
    checks:
      - {expression: "total >= 0", name: total_positive}
)y");
}

TEST(YamlWriterTest, RoundTripsEveryFeature) {
  absl::StatusOr<Catalog> every =
      LoadYamlSchema(SourcePath("schemas/examples/every_feature.yaml"), PostgresDialect());
  ASSERT_OK(every);
  ExpectRoundTrip(*every, PostgresDialect());
  absl::StatusOr<Catalog> blog =
      LoadYamlSchema(SourcePath("schemas/examples/blog.yaml"), SqliteDialect());
  ASSERT_OK(blog);
  ExpectRoundTrip(*blog, SqliteDialect());
}

TEST(YamlWriterTest, IntrospectedCatalogsKeepNamesAndNoConvention) {
  // What an introspector returns: explicit names, unnamed constraints, no convention.
  Catalog catalog;
  catalog.dialect = "sqlite";
  Table t;
  t.name = "t";
  t.columns.push_back(MakeColumn("id", MakeType(TypeKind::kInteger), false));
  t.columns.push_back(MakeColumn("code", MakeVarchar(10), true));
  t.columns.push_back(MakeColumn("weird", MakeVerbatim("geometry_thing"), true));
  t.primary_key = PrimaryKey{"", NameOrigin::kExplicit, {"id"}};
  t.uniques.push_back(MakeUnique({"code"}));
  Index index;
  index.name = "t_code_idx";
  index.elements.push_back(ColumnKey("code"));
  t.indexes.push_back(index);
  t.checks.push_back(MakeCheck("", "length(code) = 10"));
  catalog.tables.push_back(t);
  ASSERT_OK(NormalizeCatalog(SqliteDialect(), &catalog));
  const std::string yaml = WriteYamlSchema(catalog, SqliteDialect());
  EXPECT_NE(yaml.find("naming_convention: {}\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("weird: {native_type: geometry_thing}"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("{columns: [code], name: t_code_idx}"), std::string::npos) << yaml;
  ExpectRoundTrip(catalog, SqliteDialect());
}

TEST(YamlWriterTest, ExplicitNamesSurviveConstraintNameTemplates) {
  absl::StatusOr<Catalog> catalog = ParseYamlSchema(R"y(naming_convention:
  ck: "ck_%(table_name)s_%(constraint_name)s"
tables:
  t:
    columns:
      a: {type: integer}
    checks:
      - {expression: "a > 0", name: positive}
)y",
                                                    "in.yaml", SqliteDialect());
  ASSERT_OK(catalog);
  ASSERT_EQ(catalog->tables[0].checks[0].name, "ck_t_positive");
  const std::string yaml = WriteYamlSchema(*catalog, SqliteDialect());
  EXPECT_NE(yaml.find("conv_name: ck_t_positive"), std::string::npos) << yaml;
  ExpectRoundTrip(*catalog, SqliteDialect());
}

// Names and strings that break naive YAML (and SQL) writers.
const std::vector<std::string>& HostileNames() {
  static const std::vector<std::string> kNames = {
      "we\"ird:name #1",
      "line\nbreak",
      "tab\there",
      "naïve ✓ 日本",
      "<<",
      "true",
      "Null",
      "123",
      "- dash",
      "a, b",
      "[x]",
      "{y}",
      "key: value",
      " padded ",
      "back\\slash",
      "x-ext",
      "'single'",
      "%(table_name)s",
      "emoji 🎉",
      "sep\u2028arator",
      "?",
      "&anchor",
      "*alias",
      "!tag",
      "|",
      ">",
      "@at",
      "`tick`",
      "yes",
      "~",
      "0x1F",
      "1e5",
      ".inf",
  };
  return kNames;
}

TEST(YamlWriterTest, RoundTripsHostileNames) {
  Catalog catalog;
  catalog.naming_convention = {};
  std::vector<std::string> names = HostileNames();
  for (size_t i = 0; i < names.size(); ++i) {
    Table t;
    t.name = names[i];
    t.comment = absl::StrCat("comment of ", names[i]);
    Column id = MakeColumn(names[(i + 1) % names.size()], MakeType(TypeKind::kInteger), false);
    Column text = MakeColumn(names[(i + 2) % names.size()], MakeType(TypeKind::kText), true);
    text.server_default = DefaultExpr{DefaultKind::kString, names[(i + 3) % names.size()]};
    text.comment = names[(i + 4) % names.size()];
    t.columns = {id, text};
    t.primary_key = PrimaryKey{absl::StrCat("pk ", names[i]), NameOrigin::kExplicit, {id.name}};
    Index index;
    index.name = absl::StrCat("ix ", names[i]);
    index.elements.push_back(ColumnKey(text.name));
    t.indexes.push_back(index);
    t.checks.push_back(
        MakeCheck(absl::StrCat("ck ", names[i]), absl::StrCat("length(\"x\") > 0 -- ", i)));
    if (i > 0) {
      ForeignKey fk;
      fk.name = absl::StrCat("fk ", names[i]);
      fk.columns = {id.name};
      fk.referred_table = names[i - 1];
      fk.referred_columns = {names[i % names.size()]};
      t.foreign_keys.push_back(fk);
    }
    t.options[names[i]] = names[(i + 5) % names.size()];
    catalog.tables.push_back(t);
  }
  ASSERT_OK(NormalizeCatalog(SqliteDialect(), &catalog));
  ExpectRoundTrip(catalog, SqliteDialect());
}

TEST(YamlWriterTest, RoundTripsHostileEnumsAndSchemas) {
  Catalog catalog;
  catalog.dialect = "postgresql";
  catalog.naming_convention = {{"pk", "pk_%(table_name)s"}};
  Enum e;
  e.name = "Status \"quoted\"";
  e.values = {"a:b", "true", "", "line\nbreak"};
  e.renamed_values = {{"old: value", "a:b"}};
  catalog.enums.push_back(e);
  for (const char* schema : {"", "other schema"}) {
    Table t;
    t.schema = schema;
    t.name = "users";
    DataType status = MakeType(TypeKind::kEnum);
    status.enum_name = e.name;
    t.columns = {MakeColumn("id", MakeType(TypeKind::kBigInt), false),
                 MakeColumn("status", status, true)};
    t.primary_key = PrimaryKey{"pk_users", NameOrigin::kConvention, {"id"}};
    catalog.tables.push_back(t);
  }
  ASSERT_OK(NormalizeCatalog(PostgresDialect(), &catalog));
  ExpectRoundTrip(catalog, PostgresDialect());
}

TEST(YamlWriterTest, RoundTripsAnIntrospectedSqliteDatabase) {
  TempDir dir;
  WriteFile(dir.File("extra.sql"), R"sql(
CREATE TABLE "odd ""table"": one" (
  "id" INTEGER PRIMARY KEY,
  "line
break" TEXT DEFAULT 'it''s: #1' COLLATE NOCASE,
  "naïve ✓" VARCHAR(10) NOT NULL DEFAULT (lower('X')),
  "when" DATETIME DEFAULT CURRENT_TIMESTAMP,
  payload GEOMETRY_THING,
  amount REAL DEFAULT -1.5 CHECK (amount <> 0),
  UNIQUE ("naïve ✓", "when")
);
CREATE INDEX "ix: odd" ON "odd ""table"": one" (lower("line
break"), "when" DESC) WHERE amount > 0;
)sql");
  const std::string db = dir.File("shop.db");
  const auto result =
      RunCommand("sqlite3 " + db + " < " + SourcePath("schemas/examples/shop_v1.sql") +
                 " && sqlite3 " + db + " < " + dir.File("extra.sql"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  absl::StatusOr<Catalog> catalog = IntrospectSqlite(db);
  ASSERT_OK(catalog);
  ExpectRoundTrip(*catalog, SqliteDialect());
}

TEST(YamlWriterTest, EmptyCatalog) {
  Catalog catalog;
  EXPECT_EQ(WriteYamlSchema(catalog, SqliteDialect()),
            "version: 1\nnaming_convention: {}\ntables: {}\n");
  ExpectRoundTrip(catalog, SqliteDialect());
}

}  // namespace
}  // namespace schemadiff
