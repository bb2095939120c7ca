// Golden files for the exact text of Alembic revisions (tests/testdata/alembic/*.py). Plans are
// built here directly, independent of the differ. SCHEMADIFF_UPDATE_GOLDEN=1 rewrites the golden
// files; every golden must also pass `python3 -m py_compile`.
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/dialect_mysql.h"
#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "diff/apply.h"
#include "diff/plan.h"
#include "diff/warnings.h"
#include "gtest/gtest.h"
#include "render/alembic.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::SourcePath;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

// --- small builders ---

Column Col(const std::string& name, DataType type, bool nullable = true) {
  Column c;
  c.name = name;
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

Column WithDefault(Column c, DefaultKind kind, const std::string& text) {
  c.server_default = DefaultExpr{kind, text};
  return c;
}

DataType Int() { return MakeType(TypeKind::kInteger); }
DataType Text() { return MakeType(TypeKind::kText); }
DataType Varchar(int n) { return MakeVarchar(n); }

IndexElement Key(const std::string& column, bool descending = false) {
  IndexElement e;
  e.column = column;
  e.descending = descending;
  return e;
}

IndexElement ExprKey(const std::string& expression) {
  IndexElement e;
  e.expression = expression;
  return e;
}

Index MakeIndex(const std::string& name, std::vector<IndexElement> keys, bool unique = false,
                NameOrigin origin = NameOrigin::kExplicit) {
  Index index;
  index.name = name;
  index.name_origin = origin;
  index.elements = std::move(keys);
  index.unique = unique;
  return index;
}

PrimaryKey Pk(std::vector<std::string> columns, const std::string& name = "") {
  PrimaryKey pk;
  pk.name = name;
  pk.columns = std::move(columns);
  return pk;
}

UniqueConstraint Unique(const std::string& name, std::vector<std::string> columns,
                        NameOrigin origin = NameOrigin::kExplicit) {
  UniqueConstraint u;
  u.name = name;
  u.name_origin = origin;
  u.columns = std::move(columns);
  return u;
}

CheckConstraint Check(const std::string& name, const std::string& expression) {
  CheckConstraint c;
  c.name = name;
  c.expression = expression;
  return c;
}

ForeignKey Fk(const std::string& name, std::vector<std::string> columns, const std::string& table,
              std::vector<std::string> referred, NameOrigin origin = NameOrigin::kExplicit) {
  ForeignKey f;
  f.name = name;
  f.name_origin = origin;
  f.columns = std::move(columns);
  f.referred_table = table;
  f.referred_columns = std::move(referred);
  return f;
}

Table MakeTable(const std::string& name, std::vector<Column> columns) {
  Table t;
  t.name = name;
  t.columns = std::move(columns);
  return t;
}

// A step with the warnings the differ attaches to its kind of op.
Step S(Op op) {
  std::vector<Warning> warnings = OpWarnings(op);
  return Step{std::move(op), std::move(warnings)};
}

// --- the cases ---

struct GoldenCase {
  std::string name;
  const Dialect* dialect;
  Catalog from;
  Plan plan;
  std::string message;
};

GoldenCase CreateTableCase() {
  GoldenCase c{"create_table", &SqliteDialect(), {}, {}, "create customers and orders"};
  c.from.dialect = "sqlite";
  Table customers = MakeTable("customers", {Col("id", Int(), false), Col("name", Text(), false)});
  customers.primary_key = Pk({"id"});

  Column id = Col("id", Int(), false);
  id.autoincrement = true;
  Column note = Col("note", Text());
  note.collation = "NOCASE";
  note.comment = "free text, \"quoted\"";
  Column total = Col("total", MakeNumeric(14, 2));
  total.generated = Generated{"amount * 2", true};
  Table orders = MakeTable(
      "orders",
      {id, WithDefault(Col("code", Varchar(32), false), DefaultKind::kString, "new"),
       WithDefault(Col("amount", MakeNumeric(12, 2), false), DefaultKind::kNumber, "0"),
       WithDefault(Col("created_at", MakeType(TypeKind::kTimestamp)),
                   DefaultKind::kCurrentTimestamp, "CURRENT_TIMESTAMP"),
       WithDefault(Col("paid", MakeType(TypeKind::kBoolean), false), DefaultKind::kBoolean,
                   "false"),
       note, Col("payload", MakeType(TypeKind::kJson)), total, Col("customer_id", Int())});
  orders.primary_key = Pk({"id"});
  orders.uniques = {Unique("uq_orders_code", {"code"}, NameOrigin::kConvention)};
  ForeignKey fk = Fk("fk_orders_customer_id_customers", {"customer_id"}, "customers", {"id"},
                     NameOrigin::kConvention);
  fk.on_delete = "CASCADE";
  fk.on_update = "SET NULL";
  orders.foreign_keys = {fk};
  orders.checks = {Check("ck_orders_amount", "amount >= 0"), Check("", "paid IN (0, 1)")};

  Index open = MakeIndex("ix_orders_open", {Key("created_at", true)});
  open.where = "paid = 0";
  c.plan.steps = {
      S(CreateTable{customers}), S(CreateTable{orders}),
      S(CreateIndex{"", "orders",
                    MakeIndex("ix_orders_customer_id", {Key("customer_id")}, false,
                              NameOrigin::kConvention)}),
      S(CreateIndex{"", "orders", open}),
      S(CreateIndex{"", "orders",
                    MakeIndex("ux_orders_lower_code", {ExprKey("lower(code)")}, true)})};
  return c;
}

GoldenCase ColumnsCase() {
  GoldenCase c{"columns_postgresql", &PostgresDialect(), {}, {}, "account columns"};
  c.from.dialect = "postgresql";
  Column name = Col("name", Text());
  Table accounts = MakeTable(
      "accounts",
      {Col("id", MakeType(TypeKind::kBigInt), false), Col("email", Varchar(100), false), name,
       WithDefault(Col("age", Int()), DefaultKind::kNumber, "0"), Col("legacy", Text()),
       WithDefault(Col("code", Text()), DefaultKind::kString, "0")});
  accounts.schema = "crm";
  accounts.primary_key = Pk({"id"}, "accounts_pkey");
  c.from.tables = {accounts};

  Column status = WithDefault(Col("status", Varchar(20), false), DefaultKind::kString, "active");
  Column email_to = Col("email", Varchar(255), false);
  Column age_to = WithDefault(Col("age", Int(), false), DefaultKind::kNumber, "18");
  Column name_to = name;
  name_to.comment = "display name";
  Column created = WithDefault(Col("created_at", MakeType(TypeKind::kTimestamp), false),
                               DefaultKind::kCurrentTimestamp, "CURRENT_TIMESTAMP");
  created.type.with_timezone = true;
  Column identity = accounts.columns[0];
  identity.identity = Identity{false, std::nullopt, std::nullopt};

  c.plan.notes = {Warning{"possible-rename", Severity::kWarning,
                          "crm.accounts: legacy was dropped and status added; add "
                          "renamed_from: [legacy] to status if it is a rename"}};
  c.plan.steps = {
      S(AddColumn{"crm", "accounts", status}),
      S(AddColumn{"crm", "accounts", created}),
      S(AlterColumn{"crm", "accounts", accounts.columns[1], email_to, kAlterType}),
      S(AlterColumn{"crm", "accounts", accounts.columns[3], age_to,
                    kAlterNullable | kAlterDefault}),
      S(AlterColumn{"crm", "accounts", name, name_to, kAlterComment}),
      S(RenameColumn{"crm", "accounts", "name", "full_name"}),
      S(DropColumn{"crm", "accounts", accounts.columns[4]}),
      S(AlterColumn{"crm", "accounts", accounts.columns[5],
                    WithDefault(Col("code", Int()), DefaultKind::kNumber, "0"),
                    kAlterType | kAlterDefault}),
      S(AlterColumn{"crm", "accounts", accounts.columns[0], identity, kAlterAutoincrement}),
  };
  return c;
}

GoldenCase SqliteBatchCase() {
  GoldenCase c{"sqlite_batch", &SqliteDialect(), {}, {}, "tighten users"};
  c.from.dialect = "sqlite";
  Table users = MakeTable(
      "users", {Col("id", Int(), false), Col("email", Varchar(100), false), Col("name", Text()),
                WithDefault(Col("age", Int()), DefaultKind::kNumber, "0")});
  users.primary_key = Pk({"id"});
  users.uniques = {Unique("", {"email"})};
  users.checks = {Check("", "age >= 0")};
  Index adults = MakeIndex("ix_adults", {Key("age")});
  adults.where = "age >= 18";
  users.indexes = {MakeIndex("ix_users_name", {Key("name")}),
                   MakeIndex("ix_users_lower_email", {ExprKey("lower(email)")}), adults};
  c.from.tables = {users};

  c.plan.steps = {
      S(DropIndex{"", "users", users.indexes[0]}),
      S(DropConstraint{"", "users", users.checks[0]}),
      S(AddConstraint{"", "users", Check("ck_users_email", "email LIKE '%@%'")}),
      S(AlterColumn{"", "users", users.columns[1], Col("email", Varchar(255), false), kAlterType}),
      S(AlterColumn{"", "users", users.columns[2],
                    WithDefault(Col("name", Text(), false), DefaultKind::kString, "anonymous"),
                    kAlterNullable | kAlterDefault}),
      S(DropConstraint{"", "users", users.uniques[0]}),
      S(AddColumn{"", "users", Col("nickname", Varchar(40))}),
      S(AddConstraint{"", "users", Unique("", {"nickname"})}),
      S(AddColumn{"", "users", Col("bio", Text())}),
      S(CreateIndex{
          "", "users",
          MakeIndex("ix_users_name", {Key("name"), Key("email")}, false, NameOrigin::kConvention)}),
  };
  return c;
}

GoldenCase PostgresObjectsCase() {
  GoldenCase c{
      "indexes_constraints_postgresql", &PostgresDialect(), {}, {}, "orders indexes, keys, enums"};
  c.from.dialect = "postgresql";
  Enum status{"", "order_status", {"new", "paid"}, {}};
  c.from.enums = {status};
  Table customers = MakeTable("customers", {Col("id", Int(), false), Col("email", Text())});
  customers.primary_key = Pk({"id"}, "customers_pkey");
  customers.uniques = {Unique("customers_email_key", {"email"})};
  DataType status_type = MakeType(TypeKind::kEnum);
  status_type.enum_name = "order_status";
  DataType tags = MakeType(TypeKind::kArray);
  tags.element = {Text()};
  tags.array_dimensions = 1;
  Table orders = MakeTable(
      "orders", {Col("id", Int(), false), Col("customer_id", Int()),
                 WithDefault(Col("status", status_type, false), DefaultKind::kString, "new"),
                 Col("total", MakeNumeric(12, 2)), Col("data", MakeType(TypeKind::kJsonb)),
                 Col("tags", tags), Col("ref", MakeType(TypeKind::kUuid))});
  orders.primary_key = Pk({"id"}, "orders_pkey");
  orders.indexes = {MakeIndex("ix_orders_total", {Key("total")}),
                    MakeIndex("orders_old_name", {Key("customer_id")})};
  orders.checks = {Check("orders_total_check", "total >= 0")};
  orders.comment = "customer orders";
  c.from.tables = {customers, orders};

  Enum status_to{"", "order_status", {"new", "paid", "shipped"}, {}};
  Enum shipping{"", "shipping", {"ground", "air"}, {}};
  DataType shipping_type = MakeType(TypeKind::kEnum);
  shipping_type.enum_name = "shipping";
  Index search = MakeIndex("ix_orders_data", {ExprKey("data")});
  search.elements[0].opclass = "jsonb_path_ops";
  search.method = "gin";
  Index recent = MakeIndex("ix_orders_recent", {Key("customer_id"), Key("total", true)});
  recent.elements[1].nulls = "last";
  recent.where = "status <> 'new'::order_status";
  recent.include = {"ref"};
  ForeignKey fk = Fk("fk_orders_customer_id_customers", {"customer_id"}, "customers", {"id"},
                     NameOrigin::kConvention);
  fk.on_delete = "SET NULL";
  fk.deferrable = true;
  fk.initially_deferred = true;
  // A table the migration creates: its index needs no CONCURRENTLY, either way.
  Table shipments = MakeTable("shipments", {Col("id", Int(), false), Col("order_id", Int())});
  shipments.primary_key = Pk({"id"}, "shipments_pkey");
  c.plan.steps = {
      S(CreateTable{shipments}),
      S(CreateIndex{"", "shipments", MakeIndex("ix_shipments_order_id", {Key("order_id")})}),
      S(CreateEnum{shipping}),
      S(AlterEnum{status, status_to}),
      S(AddColumn{"", "orders", Col("shipping", shipping_type)}),
      S(DropIndex{"", "orders", orders.indexes[0]}),
      S(CreateIndex{"", "orders", search}),
      S(CreateIndex{"", "orders", recent}),
      S(AddConstraint{"", "orders", fk}),
      S(DropConstraint{"", "orders", orders.checks[0]}),
      S(AddConstraint{"", "orders", Check("ck_orders_total_positive", "total > 0")}),
      S(AddConstraint{"", "orders", Unique("uq_orders_ref", {"ref"}, NameOrigin::kConvention)}),
      S(RenameIndex{"", "orders", "orders_old_name", "ix_orders_customer_id"}),
      S(RenameConstraint{"", "customers", "customers_email_key", "uq_customers_email"}),
      S(SetTableComment{"", "orders", "customer orders", "orders placed by customers"}),
      S(SetTableComment{"", "customers", std::nullopt, "people who order"}),
  };
  return c;
}

GoldenCase RenamesCase() {
  GoldenCase c{"renames_sqlite", &SqliteDialect(), {}, {}, "rename users to members"};
  c.from.dialect = "sqlite";
  Table users = MakeTable(
      "users", {Col("id", Int(), false), Col("email", Varchar(100), false), Col("name", Text())});
  users.primary_key = Pk({"id"});
  users.uniques = {Unique("uq_a", {"email"})};
  users.indexes = {MakeIndex("ix_a", {Key("name"), Key("email", true)})};
  c.from.tables = {users};
  c.plan.steps = {
      S(RenameTable{"", "users", "members"}),
      S(RenameColumn{"", "members", "name", "full_name"}),
      S(RenameIndex{"", "members", "ix_a", "ix_b"}),
      S(RenameConstraint{"", "members", "uq_a", "uq_b"}),
  };
  return c;
}

GoldenCase HostileNamesCase() {
  GoldenCase c{
      "hostile_names", &SqliteDialect(), {}, {}, "hostile \"\"\" names \\ ünïcødé\nsecond line"};
  c.from.dialect = "sqlite";
  const std::string table = "we\"ird'); import os; #\ntable";
  Column odd = WithDefault(Col("o'clock\\ \"q\"", Varchar(20), false), DefaultKind::kString,
                           "it's; DROP TABLE x; --\n\"\"\"");
  odd.comment = "ünïcødé \u202e bidi";
  Table t = MakeTable(table, {Col("id", Int(), false), odd});
  t.primary_key = Pk({"id"});
  t.checks = {Check("ck \"quoted\"; --", "\"o'clock\\ \"\"q\"\"\" <> ':name' AND 1 = 1")};
  c.plan.steps = {
      S(CreateTable{t}),
      Step{AddColumn{"", table, Col("new\nline", Text())},
           {Warning{"data-loss", Severity::kDanger, "multi\nline ''' \"\"\" warning \u00e9"}}},
      S(AlterColumn{
          "", table, odd,
          WithDefault(Col(odd.name, Text(), false), DefaultKind::kExpression, "(':x' || '\\:y')"),
          kAlterType | kAlterDefault}),
      S(CreateIndex{"", table, MakeIndex("ix ünï \"odd\"\nname", {Key("new\nline", true)})}),
  };
  return c;
}

// Rebuild details: AUTOINCREMENT counters kept, rowids of key-less tables, WITHOUT ROWID.
GoldenCase SqliteRebuildDetailsCase() {
  GoldenCase c{"sqlite_rebuild_details", &SqliteDialect(), {}, {}, "rebuild details"};
  c.from.dialect = "sqlite";
  Column id = Col("id", Int(), false);
  id.autoincrement = true;
  Table events = MakeTable("events", {id, Col("kind", Text())});
  events.primary_key = Pk({"id"});
  Table notes = MakeTable("notes", {Col("body", Text()), Col("tag", Text())});
  Table kv = MakeTable("kv", {Col("k", Text(), false), Col("v", Int())});
  kv.primary_key = Pk({"k"});
  c.from.tables = {events, notes, kv};
  c.plan.steps = {
      S(AlterColumn{"", "events", events.columns[1], Col("kind", Varchar(20)), kAlterType}),
      S(DropColumn{"", "notes", notes.columns[1]}),
      S(AlterColumn{"", "notes", notes.columns[0], Col("body", Varchar(50)), kAlterType}),
      S(AlterTableOptions{"", "kv", {}, {{"without_rowid", "true"}}}),
  };
  return c;
}

GoldenCase EmptyCase() {
  GoldenCase c{"empty", &SqliteDialect(), {}, {}, "nothing to do"};
  c.from.dialect = "sqlite";
  return c;
}

GoldenCase MysqlCase() {
  GoldenCase c{"mysql_columns", &MysqlDialect(), {}, {}, "mysql flavours"};
  c.from.dialect = "mysql";
  DataType flag = MakeType(TypeKind::kTinyInt);
  flag.display_width = 1;
  DataType state = MakeType(TypeKind::kEnum);
  state.enum_values = {"draft", "live"};
  DataType count = Int();
  count.is_unsigned = true;
  DataType stamp = MakeType(TypeKind::kTimestamp);
  stamp.precision = 6;
  Column updated = WithDefault(Col("updated_at", stamp, false), DefaultKind::kCurrentTimestamp,
                               "CURRENT_TIMESTAMP");
  updated.on_update = "CURRENT_TIMESTAMP(6)";
  updated.server_default->text = "CURRENT_TIMESTAMP(6)";
  Column id = Col("id", Int(), false);
  id.autoincrement = true;
  // MySQL 8 takes a literal default on TEXT only as an expression.
  Column body = WithDefault(Col("body", Text()), DefaultKind::kString, "n/a");
  Table pages = MakeTable("pages", {id, Col("published", flag, false), Col("state", state),
                                    Col("views", count), updated, body});
  pages.primary_key = Pk({"id"});
  pages.options = {{"engine", "InnoDB"}, {"charset", "utf8mb4"}};
  Column title = Col("title", Varchar(100));
  title.comment = "shown in lists";
  Table posts = MakeTable("posts", {Col("id", Int(), false), title});
  posts.primary_key = Pk({"id"});
  posts.options = {{"engine", "MyISAM"}};
  c.from.tables = {posts};
  Column title_to = title;
  title_to.type = Varchar(200);
  title_to.nullable = false;
  c.plan.steps = {
      S(CreateTable{pages}),
      S(AlterColumn{"", "posts", title, title_to, kAlterType | kAlterNullable}),
      S(AlterTableOptions{"", "posts", {{"engine", "MyISAM"}}, {{"engine", "InnoDB"}}}),
  };
  return c;
}

std::vector<std::function<GoldenCase()>> Cases() {
  return {CreateTableCase,          ColumnsCase, SqliteBatchCase,
          PostgresObjectsCase,      RenamesCase, HostileNamesCase,
          SqliteRebuildDetailsCase, EmptyCase,   MysqlCase};
}

// The revision text of a case: upgrade against `from`, ReversePlan against the target.
std::string Render(const GoldenCase& c) {
  Catalog to = c.from;
  for (const Step& step : c.plan.steps) {
    const absl::Status applied = ApplyOp(step.op, &to);
    EXPECT_TRUE(applied.ok()) << c.name << ": " << applied << "\n" << DescribeOp(step.op);
  }
  RevisionInfo info;
  info.message = c.message;
  info.revision_id = "3f2a1b4c5d6e";
  info.down_revision = c.name == "empty" ? "" : "9e8d7c6b5a40";
  info.create_date = "2024-05-01 12:34:56.000000";
  absl::StatusOr<std::string> text =
      RenderAlembicRevision(c.plan, ReversePlan(c.plan), c.from, to, *c.dialect, info);
  EXPECT_TRUE(text.ok()) << c.name << ": " << text.status();
  return text.ok() ? *text : "";
}

class AlembicGoldenTest : public ::testing::TestWithParam<std::function<GoldenCase()>> {};

TEST_P(AlembicGoldenTest, MatchesGoldenAndCompiles) {
  const GoldenCase c = GetParam()();
  const std::string text = Render(c);
  ASSERT_FALSE(text.empty());
  const std::string golden = SourcePath(absl::StrCat("tests/testdata/alembic/", c.name, ".py"));
  const char* update = std::getenv("SCHEMADIFF_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") WriteFile(golden, text);
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; run with SCHEMADIFF_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(text, ReadFile(golden))
      << "rendered text differs from " << golden << " (SCHEMADIFF_UPDATE_GOLDEN=1 rewrites it)";

  // Compile a copy, so no __pycache__ lands in the source tree.
  TempDir dir;
  const std::string copy = dir.File("revision.py");
  WriteFile(copy, text);
  const auto compiled = RunCommand("/usr/bin/python3 -m py_compile '" + copy + "'");
  EXPECT_EQ(compiled.exit_code, 0) << compiled.err << "\n" << text;
}

INSTANTIATE_TEST_SUITE_P(Revisions, AlembicGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::function<GoldenCase()>>& info) {
                           return info.param().name;
                         });

// Every golden file belongs to a case (a stale golden would test nothing).
TEST(AlembicGoldenFiles, NoStrayGoldens) {
  std::set<std::string> names;
  for (const auto& make : Cases()) names.insert(make().name + ".py");
  for (const auto& entry :
       std::filesystem::directory_iterator(SourcePath("tests/testdata/alembic"))) {
    EXPECT_TRUE(names.count(entry.path().filename().string())) << entry.path();
  }
}

}  // namespace
}  // namespace schemadiff
