#include "diff/ops.h"

#include <set>
#include <string>
#include <variant>

#include "diff/plan.h"
#include "diff/warnings.h"
#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/sample_ops.h"

namespace schemadiff {
namespace {

using testing::SampleOpOfEveryKind;

TEST(OpsTest, SamplesCoverEveryKind) {
  std::set<size_t> kinds;
  for (const Op& op : SampleOpOfEveryKind()) kinds.insert(op.index());
  EXPECT_EQ(kinds.size(), std::variant_size_v<Op>);
}

TEST(OpsTest, ReverseIsItsOwnInverse) {
  for (const Op& op : SampleOpOfEveryKind()) {
    const Op reversed = Reverse(op);
    EXPECT_NE(reversed, op) << DescribeOp(op);
    EXPECT_EQ(Reverse(reversed), op) << DescribeOp(op);
  }
}

TEST(OpsTest, ReversePairsOpKinds) {
  const std::vector<Op> ops = SampleOpOfEveryKind();
  auto kind_of_reverse = [&](size_t i) { return Reverse(ops[i]).index(); };
  EXPECT_TRUE(std::holds_alternative<DropTable>(Reverse(ops[0])));
  EXPECT_TRUE(std::holds_alternative<CreateTable>(Reverse(ops[1])));
  EXPECT_TRUE(std::holds_alternative<DropColumn>(Reverse(ops[3])));
  EXPECT_TRUE(std::holds_alternative<AddColumn>(Reverse(ops[4])));
  EXPECT_TRUE(std::holds_alternative<DropIndex>(Reverse(ops[7])));
  EXPECT_TRUE(std::holds_alternative<CreateIndex>(Reverse(ops[8])));
  EXPECT_TRUE(std::holds_alternative<DropConstraint>(Reverse(ops[10])));
  EXPECT_TRUE(std::holds_alternative<AddConstraint>(Reverse(ops[11])));
  EXPECT_TRUE(std::holds_alternative<DropEnum>(Reverse(ops[15])));
  EXPECT_TRUE(std::holds_alternative<CreateEnum>(Reverse(ops[16])));
  // Renames, alters and attribute changes stay the same kind, sides swapped.
  for (size_t i : {2, 5, 6, 9, 12, 13, 14, 17}) EXPECT_EQ(kind_of_reverse(i), ops[i].index());
  const auto rename = std::get<RenameTable>(Reverse(ops[2]));
  EXPECT_EQ(rename.from, "orders");
  EXPECT_EQ(rename.to, "order");
  const auto alter = std::get<AlterColumn>(Reverse(ops[5]));
  EXPECT_EQ(alter.from, std::get<AlterColumn>(ops[5]).to);
  EXPECT_EQ(alter.changes, std::get<AlterColumn>(ops[5]).changes);
}

TEST(OpsTest, ReverseOfAlterEnumInvertsValueRenames) {
  const AlterEnum op = std::get<AlterEnum>(SampleOpOfEveryKind()[17]);
  const AlterEnum reversed = std::get<AlterEnum>(Reverse(op));
  EXPECT_EQ(reversed.from.values, op.to.values);
  EXPECT_EQ(reversed.to.values, op.from.values);
  // "done" became "finished"; going back, "finished" becomes "done".
  EXPECT_EQ(reversed.to.renamed_values, (std::map<std::string, std::string>{{"finished", "done"}}));
}

TEST(OpsTest, OpTableNamesTheTableOrNothingForEnums) {
  for (const Op& op : SampleOpOfEveryKind()) {
    const auto [schema, table] = OpTable(op);
    EXPECT_EQ(schema, "");
    const bool enum_op = std::holds_alternative<CreateEnum>(op) ||
                         std::holds_alternative<DropEnum>(op) ||
                         std::holds_alternative<AlterEnum>(op);
    EXPECT_EQ(table, enum_op ? "" : "orders") << DescribeOp(op);
  }
}

TEST(OpsTest, DescribesEveryKind) {
  const std::vector<std::string> want = {
      "create table orders",
      "drop table orders",
      "rename table order to orders",
      "add column orders.note (text, nullable)",
      "drop column orders.note",
      "alter column orders.note: type text -> varchar(40), nullable -> not null, comment none -> "
      "'short note'",
      "rename column orders.remark to note",
      "create index ix_orders_total on orders (total)",
      "drop unique index ix_orders_total on orders (total)",
      "rename index ix_total to ix_orders_total on orders",
      "add check constraint ck_orders_total on orders (total >= 0)",
      "drop foreign key fk_orders_customer on orders (customer_id) -> customers (id)",
      "rename constraint uq_note to uq_orders_note on orders",
      "set comment on table orders: none -> 'all orders'",
      "alter table options of orders: engine=MyISAM -> engine=InnoDB",
      "create enum status ('new', 'done')",
      "drop enum status",
      "alter enum status ('new', 'done') -> ('new', 'finished', 'cancelled')",
  };
  const std::vector<Op> ops = SampleOpOfEveryKind();
  ASSERT_EQ(ops.size(), want.size());
  for (size_t i = 0; i < ops.size(); ++i) EXPECT_EQ(DescribeOp(ops[i]), want[i]);
}

TEST(OpsTest, DescribeOpQualifiesSchemas) {
  Column c = testing::Col("n", testing::Int(), false);
  c.server_default = DefaultExpr{DefaultKind::kNumber, "0"};
  EXPECT_EQ(DescribeOp(AddColumn{"sales", "orders", c}),
            "add column sales.orders.n (integer, not null, default 0)");
}

TEST(OpsTest, ConstraintNameReadsEveryAlternative) {
  EXPECT_EQ(ConstraintName(testing::Pk({"id"}, "pk_t")), "pk_t");
  EXPECT_EQ(ConstraintName(testing::Uq("uq_t", {"a"})), "uq_t");
  EXPECT_EQ(ConstraintName(testing::Fk("fk_t", {"a"}, "u", {"id"})), "fk_t");
  EXPECT_EQ(ConstraintName(testing::Ck("ck_t", "a > 0")), "ck_t");
}

TEST(ReversePlanTest, ReversesOrderAndRecomputesWarnings) {
  Plan plan;
  const Table t = testing::Tbl("t", {testing::Col("a", testing::Int())});
  plan.steps.push_back({CreateTable{t}, {}});
  plan.steps.push_back({AddColumn{"", "t", testing::Col("b", testing::Text())}, {}});
  plan.notes.push_back({kWarnNamingConvention, Severity::kInfo, "n"});
  const Plan down = ReversePlan(plan);
  ASSERT_EQ(down.steps.size(), 2u);
  EXPECT_EQ(down.steps[0].op, (Op{DropColumn{"", "t", testing::Col("b", testing::Text())}}));
  EXPECT_EQ(down.steps[1].op, (Op{DropTable{t}}));
  ASSERT_EQ(down.steps[0].warnings.size(), 1u);
  EXPECT_EQ(down.steps[0].warnings[0].code, kWarnDropColumn);
  EXPECT_EQ(down.steps[0].warnings[0].severity, Severity::kDanger);
  ASSERT_EQ(down.steps[1].warnings.size(), 1u);
  EXPECT_EQ(down.steps[1].warnings[0].code, kWarnDropTable);
  EXPECT_TRUE(down.notes.empty());
  EXPECT_EQ(ReversePlan(down).steps.size(), 2u);
  EXPECT_EQ(ReversePlan(down).steps[0].op, plan.steps[0].op);
}

}  // namespace
}  // namespace schemadiff
