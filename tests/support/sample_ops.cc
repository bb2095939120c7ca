#include "tests/support/sample_ops.h"

#include "tests/support/catalog_builder.h"

namespace schemadiff::testing {

std::vector<Op> SampleOpOfEveryKind() {
  Table orders = Tbl("orders", {Col("note", Text()), Col("total", MakeNumeric(12, 2), false)});
  orders.uniques.push_back(Uq("uq_orders_note", {"note"}));
  Column note = Col("note", Text());
  Column note_changed = Col("note", Varchar(40), false);
  note_changed.comment = "short note";
  Enum before = MakeEnum("status", {"new", "done"});
  before.renamed_values["old"] = "new";
  Enum after = MakeEnum("status", {"new", "finished", "cancelled"});
  after.renamed_values["done"] = "finished";
  return {
      CreateTable{orders},
      DropTable{orders},
      RenameTable{"", "order", "orders"},
      AddColumn{"", "orders", note},
      DropColumn{"", "orders", note},
      AlterColumn{"", "orders", note, note_changed, kAlterType | kAlterNullable | kAlterComment},
      RenameColumn{"", "orders", "remark", "note"},
      CreateIndex{"", "orders", Ix("ix_orders_total", {"total"})},
      DropIndex{"", "orders", Ix("ix_orders_total", {"total"}, true)},
      RenameIndex{"", "orders", "ix_total", "ix_orders_total"},
      AddConstraint{"", "orders", Ck("ck_orders_total", "total >= 0")},
      DropConstraint{"", "orders", Fk("fk_orders_customer", {"customer_id"}, "customers", {"id"})},
      RenameConstraint{"", "orders", "uq_note", "uq_orders_note"},
      SetTableComment{"", "orders", std::nullopt, "all orders"},
      AlterTableOptions{"", "orders", {{"engine", "MyISAM"}}, {{"engine", "InnoDB"}}},
      CreateEnum{MakeEnum("status", {"new", "done"})},
      DropEnum{MakeEnum("status", {"new", "done"})},
      AlterEnum{before, after},
  };
}

}  // namespace schemadiff::testing
