#include "diff/differ.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "catalog/dialect_postgres.h"
#include "catalog/dialect_sqlite.h"
#include "diff/apply.h"
#include "diff/warnings.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/catalog_builder.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using testing::BigInt;
using testing::Ck;
using testing::Col;
using ::testing::ElementsAre;
using testing::Fk;
using ::testing::HasSubstr;
using testing::Int;
using ::testing::IsEmpty;
using testing::Ix;
using testing::MakeEnum;
using testing::Pk;
using testing::Tbl;
using testing::Text;
using testing::Uq;
using testing::Varchar;

const Dialect& D() { return SqliteDialect(); }

Catalog Cat(std::vector<Table> tables, std::vector<Enum> enums = {}) {
  Catalog c;
  c.tables = std::move(tables);
  c.enums = std::move(enums);
  return c;
}

std::vector<std::string> Describe(const Plan& plan) {
  std::vector<std::string> out;
  for (const Step& s : plan.steps) out.push_back(DescribeOp(s.op));
  return out;
}

// Table `name` (id primary key) with `columns`, then `edit` applied.
Table T(const std::string& name, std::vector<Column> columns,
        const std::function<void(Table&)>& edit = nullptr) {
  Table t = Tbl(name, std::move(columns));
  if (edit) edit(t);
  return t;
}

Column WithDefault(Column c, DefaultKind kind, std::string text) {
  c.server_default = DefaultExpr{kind, std::move(text)};
  return c;
}

Column Hinted(Column c, std::vector<std::string> former) {
  c.renamed_from = std::move(former);
  return c;
}

struct DiffCase {
  std::string name;
  Catalog from;
  Catalog to;
  std::vector<std::string> want;  // DescribeOp of each step, in order
};

std::vector<DiffCase> Cases() {
  const Table customers = T("customers", {Col("email", Text(), false)});
  const Table orders = T("orders", {Col("customer_id", Int()), Col("note", Text())}, [](Table& t) {
    t.foreign_keys.push_back(Fk("fk_orders_customer", {"customer_id"}, "customers", {"id"}));
    t.indexes.push_back(Ix("ix_orders_note", {"note"}));
  });
  const Catalog shop = Cat({customers, orders});
  auto with = [](Table t, const std::function<void(Table&)>& edit) {
    edit(t);
    return t;
  };
  Table items = T("items", {Col("name", Text())}, [](Table& t) {
    t.indexes.push_back(Ix("ix_items_name", {"name"}));
    t.comment = "things";
  });
  // a -> b -> c, created c, b, a.
  Table a = T("a", {Col("b_id", Int())},
              [](Table& t) { t.foreign_keys.push_back(Fk("fk_a_b", {"b_id"}, "b", {"id"})); });
  Table b = T("b", {Col("c_id", Int())},
              [](Table& t) { t.foreign_keys.push_back(Fk("fk_b_c", {"c_id"}, "c", {"id"})); });
  Table c = T("c", {});
  // x <-> y: a cycle.
  Table x = T("x", {Col("y_id", Int())},
              [](Table& t) { t.foreign_keys.push_back(Fk("fk_x_y", {"y_id"}, "y", {"id"})); });
  Table y = T("y", {Col("x_id", Int())}, [](Table& t) {
    t.foreign_keys.push_back(Fk("fk_y_x", {"x_id"}, "x", {"id"}));
    t.foreign_keys.push_back(Fk("fk_y_self", {"x_id"}, "y", {"id"}));
  });
  const Table plain = T("t", {Col("a", Int()), Col("b", Text())});

  return {
      {"identical", shop, shop, {}},
      {"create_table",
       shop,
       Cat({customers, orders, items}),
       {"create table items", "create index ix_items_name on items (name)",
        "set comment on table items: none -> 'things'"}},
      {"drop_table",
       Cat({customers, orders, items}),
       shop,
       {"set comment on table items: 'things' -> none", "drop index ix_items_name on items (name)",
        "drop table items"}},
      {"create_in_dependency_order",
       Cat({}),
       Cat({a, b, c}),
       {"create table c", "create table b", "create table a"}},
      {"drop_in_reverse_dependency_order",
       Cat({a, b, c}),
       Cat({}),
       {"drop table a", "drop table b", "drop table c"}},
      {"create_fk_cycle",
       Cat({}),
       Cat({x, y}),
       {"create table x", "create table y", "add foreign key fk_x_y on x (y_id) -> y (id)"}},
      {"drop_fk_cycle",
       Cat({x, y}),
       Cat({}),
       {"drop foreign key fk_x_y on x (y_id) -> y (id)", "drop table y", "drop table x"}},
      {"add_column",
       Cat({plain}),
       Cat({with(plain, [](Table& t) { t.columns.push_back(Col("c", BigInt(), false)); })}),
       {"add column t.c (bigint, not null)"}},
      {"drop_column",
       Cat({plain}),
       Cat({with(plain, [](Table& t) { t.columns.pop_back(); })}),
       {"drop column t.b"}},
      {"alter_column_type_nullability_default",
       Cat({plain}),
       Cat({with(plain,
                 [](Table& t) {
                   t.columns[1] = WithDefault(Col("a", BigInt(), false), DefaultKind::kNumber, "0");
                 })}),
       {"alter column t.a: type integer -> bigint, nullable -> not null, default none -> 0"}},
      {"alter_column_other_attributes",
       Cat({plain}),
       Cat({with(plain,
                 [](Table& t) {
                   Column& b = t.columns[2];
                   b.comment = "hi";
                   b.collation = "nocase";
                   b.on_update = "CURRENT_TIMESTAMP";
                   b.generated = Generated{"upper(a)", true};
                   t.columns[1].autoincrement = true;
                 })}),
       {"alter column t.a: autoincrement plain -> autoincrement",
        "alter column t.b: comment none -> 'hi', generated none -> (upper(a)), collation default "
        "-> "
        "nocase, on update none -> CURRENT_TIMESTAMP"}},
      {"rename_table_by_hint",
       shop,
       Cat({with(customers,
                 [](Table& t) {
                   t.name = "clients";
                   t.renamed_from = {"customers"};
                 }),
            with(orders, [](Table& t) { t.foreign_keys[0].referred_table = "clients"; })}),
       {"rename table customers to clients"}},
      {"rename_column_by_hint",
       Cat({plain}),
       Cat({with(plain, [](Table& t) { t.columns[2] = Hinted(Col("body", Text()), {"b"}); })}),
       {"rename column t.b to body"}},
      {"hint_already_applied",
       Cat({plain}),
       Cat({with(plain,
                 [](Table& t) {
                   t.renamed_from = {"old_t"};
                   t.columns[2].renamed_from = {"old_b"};
                 })}),
       {}},
      {"rename_table_and_column",
       shop,
       Cat({customers, with(orders,
                            [](Table& t) {
                              t.name = "purchases";
                              t.renamed_from = {"orders"};
                              t.columns[1] = Hinted(Col("client_id", Int()), {"customer_id"});
                              t.foreign_keys[0].columns = {"client_id"};
                            })}),
       {"rename table orders to purchases", "rename column purchases.customer_id to client_id"}},
      {"primary_key_change",
       Cat({plain}),
       Cat({with(plain,
                 [](Table& t) {
                   t.primary_key = Pk({"id", "a"}, "pk_t");
                 })}),
       {"drop primary key on t (id)", "add primary key pk_t on t (id, a)"}},
      {"primary_key_named_to_unnamed_is_no_change",
       Cat({with(plain, [](Table& t) { t.primary_key->name = "t_pkey"; })}),
       Cat({plain}),
       {}},
      {"primary_key_rename",
       Cat({with(plain, [](Table& t) { t.primary_key->name = "t_pkey"; })}),
       Cat({with(plain, [](Table& t) { t.primary_key->name = "pk_t"; })}),
       {"rename constraint t_pkey to pk_t on t"}},
      {"primary_key_unnamed_to_named",
       Cat({plain}),
       Cat({with(plain, [](Table& t) { t.primary_key->name = "pk_t"; })}),
       {"drop primary key on t (id)", "add primary key pk_t on t (id)"}},
      {"unique_add_drop",
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("uq_a", {"a"})); })}),
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("uq_b", {"b"})); })}),
       {"drop unique constraint uq_a on t (a)", "add unique constraint uq_b on t (b)"}},
      {"unique_rename",
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("t_a_key", {"a"})); })}),
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("uq_t_a", {"a"})); })}),
       {"rename constraint t_a_key to uq_t_a on t"}},
      {"unique_unnamed_target_matches_by_definition",
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("t_a_key", {"a"})); })}),
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("", {"a"})); })}),
       {}},
      {"unique_definition_change_keeps_name",
       Cat({with(plain, [](Table& t) { t.uniques.push_back(Uq("uq_t", {"a"})); })}),
       Cat({with(plain,
                 [](Table& t) {
                   t.uniques.push_back(Uq("uq_t", {"a", "b"}));
                 })}),
       {"drop unique constraint uq_t on t (a)", "add unique constraint uq_t on t (a, b)"}},
      {"check_rename_and_change",
       Cat({with(plain,
                 [](Table& t) {
                   t.checks = {Ck("ck_old", "a > 0"), Ck("ck_b", "b <> ''")};
                 })}),
       Cat({with(plain,
                 [](Table& t) {
                   t.checks = {Ck("ck_a", "a > 0"), Ck("ck_b", "length(b) > 0")};
                 })}),
       {"drop check constraint ck_b on t (b <> '')", "rename constraint ck_old to ck_a on t",
        "add check constraint ck_b on t (length(b) > 0)"}},
      {"index_add_drop_rename_change",
       Cat({with(plain,
                 [](Table& t) {
                   t.indexes = {Ix("ix_a", {"a"}), Ix("ix_b", {"b"}), Ix("ix_old", {"a", "b"})};
                 })}),
       Cat({with(
           plain,
           [](Table& t) {
             t.indexes = {Ix("ix_a", {"a"}, true), Ix("ix_ab", {"a", "b"}), Ix("ix_id", {"id"})};
           })}),
       {"drop index ix_a on t (a)", "drop index ix_b on t (b)", "rename index ix_old to ix_ab on t",
        "create unique index ix_a on t (a)", "create index ix_id on t (id)"}},
      {"index_name_swap",
       Cat({with(plain,
                 [](Table& t) {
                   t.indexes = {Ix("ix_1", {"a"}), Ix("ix_2", {"b"})};
                 })}),
       Cat({with(plain,
                 [](Table& t) {
                   t.indexes = {Ix("ix_1", {"b"}), Ix("ix_2", {"a"})};
                 })}),
       {"drop index ix_2 on t (b)", "rename index ix_1 to ix_2 on t",
        "create index ix_1 on t (b)"}},
      {"foreign_key_change_to_new_table",
       shop,
       Cat({customers, items,
            with(orders,
                 [](Table& t) {
                   t.columns.push_back(Col("item_id", Int()));
                   t.foreign_keys[0].on_delete = "CASCADE";
                   t.foreign_keys.push_back(Fk("fk_orders_item", {"item_id"}, "items", {"id"}));
                 })}),
       {"drop foreign key fk_orders_customer on orders (customer_id) -> customers (id)",
        "add column orders.item_id (integer, nullable)", "create table items",
        "create index ix_items_name on items (name)",
        "set comment on table items: none -> 'things'",
        "add foreign key fk_orders_customer on orders (customer_id) -> customers (id)",
        "add foreign key fk_orders_item on orders (item_id) -> items (id)"}},
      {"foreign_key_rename",
       shop,
       Cat({customers,
            with(orders, [](Table& t) { t.foreign_keys[0].name = "orders_customer_id_fkey"; })}),
       {"rename constraint fk_orders_customer to orders_customer_id_fkey on orders"}},
      {"drop_referenced_table_and_column",
       shop,
       Cat({with(orders,
                 [](Table& t) {
                   t.foreign_keys.clear();
                   t.columns.erase(t.columns.begin() + 1);
                 })}),
       {"drop foreign key fk_orders_customer on orders (customer_id) -> customers (id)",
        "drop table customers", "drop column orders.customer_id"}},
      {"recreated_key_takes_its_foreign_keys_along",
       shop,
       Cat({with(customers, [](Table& t) { t.primary_key->name = "pk_customers"; }), orders}),
       {"drop foreign key fk_orders_customer on orders (customer_id) -> customers (id)",
        "drop primary key on customers (id)", "add primary key pk_customers on customers (id)",
        "add foreign key fk_orders_customer on orders (customer_id) -> customers (id)"}},
      {"table_comment_and_options",
       Cat({plain}),
       Cat({with(plain,
                 [](Table& t) {
                   t.comment = "tee";
                   t.options = {{"engine", "InnoDB"}};
                 })}),
       {"set comment on table t: none -> 'tee'",
        "alter table options of t: defaults -> engine=InnoDB"}},
      {"enums",
       Cat({}, {MakeEnum("gone", {"x"}), MakeEnum("status", {"new", "done"})}),
       Cat({T("t", {Col("s",
                        []() {
                          DataType e = MakeType(TypeKind::kEnum);
                          e.enum_name = "color";
                          return e;
                        }())})},
           {MakeEnum("color", {"red"}), MakeEnum("status", {"new", "shipped", "done"})}),
       {"create enum color ('red')",
        "alter enum status ('new', 'done') -> ('new', 'shipped', "
        "'done')",
        "create table t", "drop enum gone"}},
  };
}

// Applies every op of `plan` to `catalog`.
absl::Status ApplyPlan(const Plan& plan, Catalog* catalog) {
  for (const Step& step : plan.steps) {
    absl::Status s = ApplyOp(step.op, catalog);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

class DifferTest : public ::testing::TestWithParam<DiffCase> {};

TEST_P(DifferTest, ProducesTheExpectedOps) {
  const DiffCase& c = GetParam();
  const absl::StatusOr<Plan> plan = Diff(c.from, c.to, D());
  ASSERT_OK(plan);
  EXPECT_EQ(Describe(*plan), c.want);
}

TEST_P(DifferTest, ApplyingThePlanReachesTheTarget) {
  const DiffCase& c = GetParam();
  const absl::StatusOr<Plan> plan = Diff(c.from, c.to, D());
  ASSERT_OK(plan);
  Catalog state = c.from;
  ASSERT_OK(ApplyPlan(*plan, &state));
  const absl::StatusOr<Plan> rest = Diff(state, c.to, D());
  ASSERT_OK(rest);
  EXPECT_THAT(Describe(*rest), IsEmpty());
}

TEST_P(DifferTest, ApplyingTheReversePlanRestoresTheSource) {
  const DiffCase& c = GetParam();
  const absl::StatusOr<Plan> plan = Diff(c.from, c.to, D());
  ASSERT_OK(plan);
  Catalog state = c.from;
  ASSERT_OK(ApplyPlan(*plan, &state));
  ASSERT_OK(ApplyPlan(ReversePlan(*plan), &state));
  const absl::StatusOr<Plan> rest = Diff(state, c.from, D());
  ASSERT_OK(rest);
  EXPECT_THAT(Describe(*rest), IsEmpty());
}

TEST_P(DifferTest, EachSideAgainstItselfIsEmpty) {
  const DiffCase& c = GetParam();
  for (const Catalog* side : {&c.from, &c.to}) {
    const absl::StatusOr<Plan> plan = Diff(*side, *side, D());
    ASSERT_OK(plan);
    EXPECT_THAT(Describe(*plan), IsEmpty());
  }
}

TEST_P(DifferTest, OutputDoesNotDependOnInputOrder) {
  const DiffCase& c = GetParam();
  auto reversed = [](Catalog cat) {
    std::reverse(cat.tables.begin(), cat.tables.end());
    std::reverse(cat.enums.begin(), cat.enums.end());
    for (Table& t : cat.tables) std::reverse(t.columns.begin(), t.columns.end());
    return cat;
  };
  const absl::StatusOr<Plan> plan = Diff(c.from, c.to, D());
  const absl::StatusOr<Plan> again = Diff(reversed(c.from), reversed(c.to), D());
  ASSERT_OK(plan);
  ASSERT_OK(again);
  // Column order is a table's own business: column ops follow it, everything else is sorted.
  auto split = [](const std::vector<std::string>& ops) {
    std::vector<std::string> column_ops;
    std::vector<std::string> others;
    for (const std::string& op : ops) {
      const bool column = op.starts_with("add column") || op.starts_with("drop column") ||
                          op.starts_with("alter column");
      (column ? column_ops : others).push_back(op);
    }
    std::sort(column_ops.begin(), column_ops.end());
    return std::make_pair(column_ops, others);
  };
  EXPECT_EQ(split(Describe(*again)), split(Describe(*plan)));
}

INSTANTIATE_TEST_SUITE_P(Cases, DifferTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param.name; });

// The codes of the warnings of every step, in order.
std::vector<std::string> Codes(const Plan& plan) {
  std::vector<std::string> out;
  for (const Step& s : plan.steps) {
    for (const Warning& w : s.warnings) out.push_back(w.code);
  }
  return out;
}

TEST(DifferWarningsTest, DropsAreDangerous) {
  const Catalog from = Cat({T("t", {Col("a", Int())}), T("u", {})});
  const Catalog to = Cat({T("t", {})});
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  EXPECT_THAT(Codes(*plan), ElementsAre(kWarnDropTable, kWarnDropColumn));
  for (const Step& s : plan->steps) EXPECT_EQ(s.warnings[0].severity, Severity::kDanger);
}

TEST(DifferWarningsTest, PossibleRenameNamesTheHint) {
  const Catalog from = Cat({T("t", {Col("old_name", Varchar(20)), Col("x", Int())})});
  const Catalog to = Cat({T("t", {Col("new_name", Varchar(20)), Col("y", Text())})});
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  std::vector<std::string> messages;
  for (const Step& s : plan->steps) {
    for (const Warning& w : s.warnings) {
      if (w.code == kWarnPossibleRename) messages.push_back(w.message);
    }
  }
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_THAT(messages[0], HasSubstr("old_name"));
  EXPECT_THAT(messages[0], HasSubstr("renamed_from: [old_name]"));
  EXPECT_THAT(messages[0], HasSubstr("new_name"));
}

TEST(DifferWarningsTest, NoPossibleRenameWhenTypesDifferOrAreAmbiguous) {
  const Catalog from = Cat({T("t", {Col("a", Int()), Col("b", Int())})});
  const Catalog to = Cat({T("t", {Col("c", Int()), Col("d", Text())})});
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  EXPECT_THAT(Codes(*plan), ::testing::Not(::testing::Contains(kWarnPossibleRename)));
}

TEST(DifferWarningsTest, TypeChangesAreClassified) {
  const Catalog from = Cat({T("t", {Col("a", BigInt()), Col("b", Text()), Col("c", Varchar(5))})});
  const Catalog to = Cat({T("t", {Col("a", Int()), Col("b", Int()), Col("c", Varchar(50))})});
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  EXPECT_THAT(Codes(*plan), ElementsAre(kWarnTypeNarrowing, kWarnDataLoss));
}

TEST(DifferWarningsTest, NotNullWithoutDefaultAndEnumChanges) {
  const Catalog from = Cat({T("t", {Col("a", Int())})}, {MakeEnum("e", {"x", "y"})});
  const Catalog to = Cat({T("t", {Col("a", Int(), false), Col("b", Int(), false),
                                  WithDefault(Col("c", Int(), false), DefaultKind::kNumber, "0")})},
                         {MakeEnum("e", {"x"})});
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  EXPECT_THAT(Codes(*plan),
              ElementsAre(kWarnEnumChange, kWarnDataLoss, kWarnNotNull, kWarnNotNull));
}

TEST(DifferWarningsTest, NamingConventionNotes) {
  Catalog to = Cat({T("t", {Col("a", Int()), Col("b", Int())}, [](Table& t) {
    t.uniques.push_back(Uq("a_unique", {"a"}));
    t.uniques.push_back(Uq("uq_t_b", {"b"}));
    UniqueConstraint by_convention = Uq("whatever", {"a", "b"});
    by_convention.name_origin = NameOrigin::kConvention;
    t.uniques.push_back(by_convention);
    t.indexes.push_back(Ix("idx_b", {"b"}));
    t.checks.push_back(Ck("positive", "a > 0"));
  })});
  to.naming_convention = {{"uq", "uq_%(table_name)s_%(column_0_name)s"},
                          {"ix", "ix_%(column_0_label)s"},
                          {"ck", "ck_%(table_name)s_%(constraint_name)s"}};
  const absl::StatusOr<Plan> plan = Diff(Cat({}), to, D());
  ASSERT_OK(plan);
  std::vector<std::string> notes;
  for (const Warning& w : plan->notes) {
    EXPECT_EQ(w.code, kWarnNamingConvention);
    EXPECT_EQ(w.severity, Severity::kInfo);
    notes.push_back(w.message);
  }
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_THAT(notes[0], HasSubstr("unique constraint a_unique"));
  EXPECT_THAT(notes[0], HasSubstr("uq_t_a"));
  EXPECT_THAT(notes[1], HasSubstr("index idx_b"));
  EXPECT_THAT(notes[1], HasSubstr("ix_t_b"));

  const absl::StatusOr<Plan> quiet = Diff(Cat({}), to, D(), DiffOptions{.check_naming = false});
  ASSERT_OK(quiet);
  EXPECT_THAT(quiet->notes, IsEmpty());
}

// The database rewrites a renamed column's CHECKs and index expressions itself: the plan is the
// rename alone.
TEST(DifferTest, RenamedColumnInExpressionsIsOnlyARename) {
  auto prices = [](const std::string& column, std::vector<std::string> former) {
    Table t = Tbl("prices", {Hinted(Col(column, Int()), std::move(former))});
    t.checks.push_back(Ck("ck_prices_amount", column + " >= 0"));
    Index rounded = Ix("ix_prices_rounded", {});
    IndexElement key;
    key.expression = "abs(" + column + ")";
    rounded.elements.push_back(key);
    rounded.where = column + " > 0";
    t.indexes.push_back(rounded);
    return t;
  };
  Catalog from = Cat({prices("amount", {})});
  Catalog to = Cat({prices("net", {"amount"})});
  from.dialect = to.dialect = "sqlite";
  const absl::StatusOr<Plan> plan = Diff(from, to, D());
  ASSERT_OK(plan);
  EXPECT_THAT(Describe(*plan), ElementsAre("rename column prices.amount to net"));
}

// Index names are unique per schema on PostgreSQL: a name moving from table b to table a is
// dropped from b before a takes it, although a's changes otherwise come first.
TEST(DifferTest, IndexNameMovingBetweenTablesIsFreedFirst) {
  auto table = [](const std::string& name, bool indexed) {
    Table t = Tbl(name, {Col("v", Int())});
    if (indexed) t.indexes.push_back(Ix("ix_v", {"v"}));
    return t;
  };
  const Catalog from = Cat({table("a", false), table("b", true)});
  const Catalog to = Cat({table("a", true), table("b", false)});
  const absl::StatusOr<Plan> plan = Diff(from, to, PostgresDialect());
  ASSERT_OK(plan);
  EXPECT_THAT(Describe(*plan),
              ElementsAre("drop index ix_v on b (v)", "create index ix_v on a (v)"));
}

// A key from another schema names PostgreSQL's default schema `public`: renaming the referred
// table follows it like any other reference.
TEST(DifferTest, KeysToThePublicSchemaFollowARename) {
  auto catalog = [](const std::string& customers, std::vector<std::string> former) {
    Table referred = Tbl(customers, {});
    referred.renamed_from = std::move(former);
    Table invoices = Tbl("invoices", {Col("customer_id", Int())});
    invoices.schema = "billing";
    invoices.foreign_keys.push_back(Fk("fk_invoices_customer", {"customer_id"}, customers, {"id"}));
    invoices.foreign_keys[0].referred_schema = "public";
    Catalog c = Cat({referred, invoices});
    c.dialect = "postgresql";  // whose default schema is named public
    return c;
  };
  const absl::StatusOr<Plan> plan =
      Diff(catalog("customers", {}), catalog("clients", {"customers"}), PostgresDialect());
  ASSERT_OK(plan);
  EXPECT_THAT(Describe(*plan), ElementsAre("rename table customers to clients"));
}

TEST(DifferTest, IsDeterministicByteForByte) {
  for (const DiffCase& c : Cases()) {
    const absl::StatusOr<Plan> first = Diff(c.from, c.to, D());
    const absl::StatusOr<Plan> second = Diff(c.from, c.to, D());
    ASSERT_OK(first);
    ASSERT_OK(second);
    ASSERT_EQ(first->steps.size(), second->steps.size());
    for (size_t i = 0; i < first->steps.size(); ++i) {
      EXPECT_EQ(first->steps[i].op, second->steps[i].op) << c.name;
    }
  }
}

}  // namespace
}  // namespace schemadiff
