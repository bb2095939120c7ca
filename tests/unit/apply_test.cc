#include "diff/apply.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using testing::Ck;
using testing::Col;
using testing::Fk;
using testing::Int;
using testing::Ix;
using testing::MakeEnum;
using testing::Pk;
using testing::Tbl;
using testing::Text;
using testing::Uq;

// customers(id, email) and orders(id, customer_id -> customers.id, note) with an index, a
// unique and a check; enum status.
Catalog Shop() {
  Catalog c;
  Table customers = Tbl("customers", {Col("email", Text(), false)}, "pk_customers");
  customers.uniques.push_back(Uq("uq_customers_email", {"email"}));
  Table orders = Tbl("orders", {Col("customer_id", Int(), false), Col("note", Text())});
  orders.foreign_keys.push_back(Fk("fk_orders_customer", {"customer_id"}, "customers", {"id"}));
  orders.indexes.push_back(Ix("ix_orders_customer_id", {"customer_id"}));
  orders.checks.push_back(Ck("ck_orders_id", "id > 0"));
  c.tables = {customers, orders};
  c.enums = {MakeEnum("status", {"new", "done"})};
  return c;
}

// `c` with every list sorted by name, so that catalogs equal up to order compare equal.
Catalog Sorted(Catalog c) {
  auto by_name = [](auto& list) {
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
  };
  by_name(c.tables);
  by_name(c.enums);
  for (Table& t : c.tables) {
    by_name(t.columns);
    by_name(t.uniques);
    by_name(t.indexes);
    by_name(t.foreign_keys);
    by_name(t.checks);
  }
  return c;
}

const Table& Get(const Catalog& c, const std::string& name) {
  const Table* t = FindTable(c, "", name);
  EXPECT_NE(t, nullptr) << name;
  return *t;
}

struct RoundTripCase {
  std::string name;
  Op op;
};

// Every op kind applied to Shop(), then its reverse: back to Shop().
std::vector<RoundTripCase> RoundTripCases() {
  const Catalog shop = Shop();
  const Table& orders = Get(shop, "orders");
  Table payments = Tbl("payments", {Col("order_id", Int())});
  payments.foreign_keys.push_back(Fk("fk_payments_order", {"order_id"}, "orders", {"id"}));
  Column note_changed = Col("note", testing::Varchar(50), false);
  Enum status_after = MakeEnum("status", {"new", "shipped", "done"});
  return {
      {"create_table", CreateTable{payments}},
      {"drop_table", DropTable{orders}},
      {"rename_table", RenameTable{"", "customers", "clients"}},
      {"add_column", AddColumn{"", "orders", Col("paid", testing::BigInt())}},
      {"drop_column", DropColumn{"", "orders", *FindColumn(orders, "note")}},
      {"alter_column", AlterColumn{"", "orders", *FindColumn(orders, "note"), note_changed,
                                   kAlterType | kAlterNullable}},
      {"rename_column", RenameColumn{"", "customers", "id", "customer_no"}},
      {"create_index", CreateIndex{"", "orders", Ix("ix_orders_note", {"note"})}},
      {"drop_index", DropIndex{"", "orders", orders.indexes[0]}},
      {"rename_index", RenameIndex{"", "orders", "ix_orders_customer_id", "ix_customer"}},
      {"add_unique", AddConstraint{"", "orders", Uq("uq_orders_note", {"note"})}},
      {"add_check", AddConstraint{"", "orders", Ck("ck_orders_note", "note <> ''")}},
      {"drop_primary_key", DropConstraint{"", "orders", *orders.primary_key}},
      {"drop_foreign_key", DropConstraint{"", "orders", orders.foreign_keys[0]}},
      {"rename_constraint", RenameConstraint{"", "customers", "pk_customers", "customers_pkey"}},
      {"set_comment", SetTableComment{"", "orders", std::nullopt, "all orders"}},
      {"options", AlterTableOptions{"", "orders", {}, {{"engine", "InnoDB"}}}},
      {"create_enum", CreateEnum{MakeEnum("color", {"red"})}},
      {"drop_enum", DropEnum{shop.enums[0]}},
      {"alter_enum", AlterEnum{shop.enums[0], status_after}},
  };
}

class ApplyRoundTripTest : public ::testing::TestWithParam<RoundTripCase> {};

TEST_P(ApplyRoundTripTest, ApplyThenReverseRestoresTheCatalog) {
  const Catalog original = Shop();
  Catalog c = original;
  ASSERT_OK(ApplyOp(GetParam().op, &c));
  EXPECT_NE(Sorted(c), Sorted(original));
  ASSERT_OK(ApplyOp(Reverse(GetParam().op), &c));
  EXPECT_EQ(Sorted(c), Sorted(original));
}

INSTANTIATE_TEST_SUITE_P(EveryKind, ApplyRoundTripTest, ::testing::ValuesIn(RoundTripCases()),
                         [](const auto& info) { return info.param.name; });

TEST(ApplyOpTest, RenameTableUpdatesReferringForeignKeys) {
  Catalog c = Shop();
  ASSERT_OK(ApplyOp(RenameTable{"", "customers", "clients"}, &c));
  EXPECT_EQ(FindTable(c, "", "customers"), nullptr);
  EXPECT_EQ(Get(c, "orders").foreign_keys[0].referred_table, "clients");
}

TEST(ApplyOpTest, RenameColumnUpdatesKeysIndexesAndReferences) {
  Catalog c = Shop();
  ASSERT_OK(ApplyOp(RenameColumn{"", "orders", "customer_id", "client_id"}, &c));
  ASSERT_OK(ApplyOp(RenameColumn{"", "customers", "id", "customer_no"}, &c));
  const Table& orders = Get(c, "orders");
  EXPECT_NE(FindColumn(orders, "client_id"), nullptr);
  EXPECT_EQ(orders.indexes[0].elements[0].column, "client_id");
  EXPECT_EQ(orders.foreign_keys[0].columns, std::vector<std::string>{"client_id"});
  EXPECT_EQ(orders.foreign_keys[0].referred_columns, std::vector<std::string>{"customer_no"});
  EXPECT_EQ(Get(c, "customers").primary_key->columns, std::vector<std::string>{"customer_no"});
}

TEST(ApplyOpTest, RenameColumnRewritesExpressionsAsTheDatabaseDoes) {
  Catalog c = Shop();
  c.dialect = "postgresql";
  Table& orders = *FindTable(c, "", "orders");
  orders.checks.push_back(Ck("ck_orders_note", "length(note) < orders.id"));
  Index lowered = Ix("ix_orders_lower_note", {});
  IndexElement expression;
  expression.expression = "lower(note)";
  lowered.elements.push_back(expression);
  lowered.where = "note IS NOT NULL";
  orders.indexes.push_back(lowered);
  ASSERT_OK(ApplyOp(RenameColumn{"", "orders", "note", "Remark"}, &c));
  ASSERT_OK(ApplyOp(RenameColumn{"", "orders", "id", "order_no"}, &c));
  const Table& renamed = Get(c, "orders");
  EXPECT_EQ(renamed.checks[0].expression, "order_no > 0");
  EXPECT_EQ(renamed.checks[1].expression, "length(\"Remark\") < orders.order_no");
  EXPECT_EQ(renamed.indexes[1].elements[0].expression, "lower(\"Remark\")");
  EXPECT_EQ(renamed.indexes[1].where, "\"Remark\" IS NOT NULL");
}

TEST(ApplyOpTest, AlterColumnReplacesTheColumn) {
  Catalog c = Shop();
  Column after = Col("note", testing::Varchar(10), false);
  after.server_default = DefaultExpr{DefaultKind::kString, "x"};
  ASSERT_OK(ApplyOp(AlterColumn{"", "orders", *FindColumn(Get(c, "orders"), "note"), after,
                                kAlterType | kAlterNullable | kAlterDefault},
                    &c));
  EXPECT_EQ(*FindColumn(Get(c, "orders"), "note"), after);
}

TEST(ApplyOpTest, UnnamedConstraintsAreFoundByDefinition) {
  Catalog c = Shop();
  Table& orders = *FindTable(c, "", "orders");
  orders.uniques.push_back(Uq("", {"note"}));
  orders.uniques.push_back(Uq("", {"customer_id", "note"}));
  ASSERT_OK(ApplyOp(DropConstraint{"", "orders", Uq("", {"customer_id", "note"})}, &c));
  ASSERT_EQ(Get(c, "orders").uniques.size(), 1u);
  EXPECT_EQ(Get(c, "orders").uniques[0].columns, std::vector<std::string>{"note"});
  EXPECT_FALSE(ApplyOp(DropConstraint{"", "orders", Uq("", {"id"})}, &c).ok());
}

struct ErrorCase {
  std::string name;
  Op op;
  std::string why;  // expected in the message
};

class ApplyErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ApplyErrorTest, RejectsOpsThatDoNotFit) {
  Catalog c = Shop();
  const Catalog before = c;
  const absl::Status s = ApplyOp(GetParam().op, &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot "), absl::string_view::npos) << s;
  EXPECT_NE(s.message().find(GetParam().why), absl::string_view::npos) << s;
  EXPECT_EQ(c, before) << "a failed op must leave the catalog alone";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ApplyErrorTest,
    ::testing::Values(
        ErrorCase{"create_existing", CreateTable{Tbl("orders")}, "already exists"},
        ErrorCase{"drop_missing", DropTable{Tbl("nope")}, "does not exist"},
        ErrorCase{"drop_referenced", DropTable{Tbl("customers")},
                  "fk_orders_customer of table orders still refers to it"},
        ErrorCase{"rename_onto_existing", RenameTable{"", "customers", "orders"}, "already exists"},
        ErrorCase{"rename_missing_table", RenameTable{"", "nope", "x"},
                  "table nope does not exist"},
        ErrorCase{"add_existing_column", AddColumn{"", "orders", Col("note", Text())},
                  "already exists"},
        ErrorCase{"add_column_missing_table", AddColumn{"", "nope", Col("x", Text())},
                  "table nope does not exist"},
        ErrorCase{"drop_indexed_column", DropColumn{"", "orders", Col("customer_id", Int())},
                  "index ix_orders_customer_id still uses it"},
        ErrorCase{"drop_referenced_column", DropColumn{"", "customers", Col("id", Int())},
                  "primary key still uses it"},
        ErrorCase{"drop_missing_column", DropColumn{"", "orders", Col("x", Int())},
                  "does not exist"},
        ErrorCase{"alter_missing_column",
                  AlterColumn{"", "orders", Col("x", Int()), Col("x", Text()), kAlterType},
                  "does not exist"},
        ErrorCase{"alter_renaming",
                  AlterColumn{"", "orders", Col("note", Text()), Col("memo", Text()), kAlterType},
                  "cannot rename"},
        ErrorCase{"rename_column_onto_existing", RenameColumn{"", "orders", "note", "id"},
                  "column id already exists"},
        ErrorCase{"create_existing_index",
                  CreateIndex{"", "orders", Ix("ix_orders_customer_id", {"note"})},
                  "already exists"},
        ErrorCase{"drop_missing_index", DropIndex{"", "orders", Ix("ix_nope", {"note"})},
                  "does not exist"},
        ErrorCase{"rename_missing_index", RenameIndex{"", "orders", "ix_nope", "ix_x"},
                  "does not exist"},
        ErrorCase{"second_primary_key", AddConstraint{"", "orders", Pk({"note"}, "pk2")},
                  "already has a primary key"},
        ErrorCase{"duplicate_constraint_name",
                  AddConstraint{"", "orders", Uq("ck_orders_id", {"note"})}, "already exists"},
        ErrorCase{"drop_missing_constraint", DropConstraint{"", "orders", Ck("ck_nope", "1")},
                  "does not exist"},
        ErrorCase{"rename_constraint_onto_taken",
                  RenameConstraint{"", "orders", "ck_orders_id", "fk_orders_customer"},
                  "empty or taken"},
        ErrorCase{"create_existing_enum", CreateEnum{MakeEnum("status", {"x"})}, "already exists"},
        ErrorCase{"drop_missing_enum", DropEnum{MakeEnum("color", {"x"})}, "does not exist"},
        ErrorCase{"alter_missing_enum",
                  AlterEnum{MakeEnum("color", {"x"}), MakeEnum("color", {"y"})}, "does not exist"}),
    [](const auto& info) { return info.param.name; });

// A key naming schema `public` refers to the default schema on PostgreSQL only: on MySQL,
// `public` is a database like any other.
TEST(ApplyTest, KeysNamingPublicFollowTheCatalogsDialect) {
  for (const std::string dialect : {"postgresql", "mysql"}) {
    Catalog c;
    c.dialect = dialect;
    c.tables.push_back(Tbl("users"));
    Table orders = Tbl("orders", {Col("user_id", Int())});
    orders.schema = "sales";
    orders.foreign_keys.push_back(Fk("fk_orders_user", {"user_id"}, "users", {"id"}));
    orders.foreign_keys[0].referred_schema = "public";
    c.tables.push_back(orders);

    Catalog renamed = c;
    ASSERT_TRUE(ApplyOp(RenameTable{"", "users", "members"}, &renamed).ok()) << dialect;
    const bool postgres = dialect == "postgresql";
    EXPECT_EQ(FindTable(renamed, "sales", "orders")->foreign_keys[0].referred_table,
              postgres ? "members" : "users")
        << dialect;
    EXPECT_EQ(ApplyOp(DropTable{c.tables[0]}, &c).ok(), !postgres) << dialect;
  }
}

}  // namespace
}  // namespace schemadiff
