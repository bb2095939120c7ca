#include "render/plan_scope.h"

#include <string>
#include <vector>

#include "catalog/dialect_mysql.h"
#include "catalog/dialect_postgres.h"
#include "diff/apply.h"
#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/op_plans.h"

namespace schemadiff {
namespace {

using testing::Col;
using testing::Fk;
using testing::Int;
using testing::PlanOf;
using testing::Tbl;

// The (schema.)names of the tables of `catalog`, in order.
std::vector<std::string> TableNames(const Catalog& catalog) {
  std::vector<std::string> names;
  for (const Table& table : catalog.tables)
    names.push_back(QualifiedName(table.schema, table.name));
  return names;
}

// customers <- orders <- lines, plus unrelated audit and archive tables.
Catalog Shop() {
  Catalog catalog;
  catalog.dialect = "mysql";
  catalog.tables.push_back(Tbl("customers"));
  Table orders = Tbl("orders", {Col("customer_id", Int())});
  orders.foreign_keys.push_back(Fk("fk_orders_customer", {"customer_id"}, "customers", {"id"}));
  catalog.tables.push_back(orders);
  Table lines = Tbl("lines", {Col("order_id", Int())});
  lines.foreign_keys.push_back(Fk("fk_lines_order", {"order_id"}, "orders", {"id"}));
  catalog.tables.push_back(lines);
  catalog.tables.push_back(Tbl("audit"));
  catalog.tables.push_back(Tbl("archive"));
  return catalog;
}

TEST(PlanScopeTest, NamedTablesAndOnRequestTheTablesReferringToThem) {
  const Catalog from = Shop();
  const Plan plan = PlanOf({AddColumn{"", "customers", Col("email", Int())},
                            RenameTable{"", "archive", "archive_2024"}});
  const Catalog scope = PlanScope(plan, from);
  EXPECT_EQ(TableNames(scope), (std::vector<std::string>{"customers", "archive"}));
  EXPECT_EQ(TableNames(PlanScopeWithReferrers(plan, from, MysqlDialect())),
            (std::vector<std::string>{"customers", "orders", "archive"}));

  // The plan changes the scope's tables as it changes the whole schema.
  Catalog whole = from;
  Catalog part = scope;
  for (const Step& step : plan.steps) {
    ASSERT_TRUE(ApplyOp(step.op, &whole).ok());
    ASSERT_TRUE(ApplyOp(step.op, &part).ok());
  }
  for (const Table& table : part.tables) {
    const Table* same = FindTable(whole, table.schema, table.name);
    ASSERT_NE(same, nullptr) << table.name;
    EXPECT_EQ(table, *same);
  }
}

TEST(PlanScopeTest, ForeignKeysIntoTheDefaultSchemaFollowTheDialect) {
  Catalog from;
  from.dialect = "postgresql";
  from.tables.push_back(Tbl("customers"));
  Table orders = Tbl("orders", {Col("customer_id", Int())});
  orders.schema = "sales";
  ForeignKey fk = Fk("fk_orders_customer", {"customer_id"}, "customers", {"id"});
  fk.referred_schema = "public";
  orders.foreign_keys.push_back(fk);
  from.tables.push_back(orders);
  const Plan plan = PlanOf({AddColumn{"", "customers", Col("email", Int())}});
  EXPECT_EQ(TableNames(PlanScopeWithReferrers(plan, from, PostgresDialect())),
            (std::vector<std::string>{"customers", "sales.orders"}));
}

TEST(PlanScopeTest, EmptyPlanSeesNoTables) {
  EXPECT_TRUE(PlanScopeWithReferrers(Plan{}, Shop(), MysqlDialect()).tables.empty());
}

}  // namespace
}  // namespace schemadiff
