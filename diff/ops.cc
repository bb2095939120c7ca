#include "diff/ops.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/default_expr.h"
#include "catalog/type.h"
#include "diff/overloaded.h"

namespace schemadiff {
namespace {

// `map` with keys and values swapped.
std::map<std::string, std::string> Invert(const std::map<std::string, std::string>& map) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : map) out[value] = key;
  return out;
}

// "(a, b)".
std::string ColumnList(const std::vector<std::string>& columns) {
  return absl::StrCat("(", absl::StrJoin(columns, ", "), ")");
}

// "name " or "" for an unnamed object, to place before " on table".
std::string NamePart(const std::string& name) { return name.empty() ? "" : name + " "; }

// "text, not null, default 0".
std::string DescribeColumnShape(const Column& column) {
  std::string out = DescribeType(column.type);
  absl::StrAppend(&out, column.nullable ? ", nullable" : ", not null");
  if (column.server_default) {
    absl::StrAppend(&out, ", default ", DescribeDefault(*column.server_default));
  }
  if (column.autoincrement) absl::StrAppend(&out, ", autoincrement");
  if (column.identity) absl::StrAppend(&out, ", identity");
  if (column.generated)
    absl::StrAppend(&out, ", generated as (", column.generated->expression, ")");
  return out;
}

// "unique constraint uq_x on t (a)" and friends.
std::string DescribeConstraint(const Constraint& c, const std::string& table) {
  return std::visit(Overloaded{
                        [&](const PrimaryKey& pk) {
                          return absl::StrCat("primary key ", NamePart(pk.name), "on ", table, " ",
                                              ColumnList(pk.columns));
                        },
                        [&](const UniqueConstraint& uq) {
                          return absl::StrCat("unique constraint ", NamePart(uq.name), "on ", table,
                                              " ", ColumnList(uq.columns));
                        },
                        [&](const ForeignKey& fk) {
                          return absl::StrCat("foreign key ", NamePart(fk.name), "on ", table, " ",
                                              ColumnList(fk.columns), " -> ",
                                              QualifiedName(fk.referred_schema, fk.referred_table),
                                              " ", ColumnList(fk.referred_columns));
                        },
                        [&](const CheckConstraint& ck) {
                          return absl::StrCat("check constraint ", NamePart(ck.name), "on ", table,
                                              " (", ck.expression, ")");
                        },
                    },
                    c);
}

// "ix_a on t (a, lower(b))".
std::string DescribeIndex(const Index& index, const std::string& table) {
  std::vector<std::string> keys;
  for (const IndexElement& e : index.elements) {
    std::string key = e.column.empty() ? e.expression : e.column;
    if (e.descending) absl::StrAppend(&key, " desc");
    keys.push_back(std::move(key));
  }
  std::string out = absl::StrCat(index.unique ? "unique index " : "index ", NamePart(index.name),
                                 "on ", table, " ", ColumnList(keys));
  if (!index.where.empty()) absl::StrAppend(&out, " where ", index.where);
  return out;
}

// "'x'" or "none".
std::string DescribeComment(const std::optional<std::string>& comment) {
  return comment ? DescribeDefault({DefaultKind::kString, *comment}) : "none";
}

// "engine=InnoDB, charset=utf8mb4" or "defaults".
std::string DescribeOptions(const std::map<std::string, std::string>& options) {
  if (options.empty()) return "defaults";
  return absl::StrJoin(options, ", ", absl::PairFormatter("="));
}

// "('a', 'b')".
std::string DescribeValues(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back(DescribeDefault({DefaultKind::kString, v}));
  return absl::StrCat("(", absl::StrJoin(quoted, ", "), ")");
}

// The list of attribute changes of an AlterColumn, "type a -> b, not null -> nullable".
std::string DescribeAlter(const AlterColumn& op) {
  std::vector<std::string> parts;
  const Column& a = op.from;
  const Column& b = op.to;
  if (op.changes & kAlterType) {
    parts.push_back(absl::StrCat("type ", DescribeType(a.type), " -> ", DescribeType(b.type)));
  }
  if (op.changes & kAlterNullable) {
    parts.push_back(a.nullable ? "nullable -> not null" : "not null -> nullable");
  }
  if (op.changes & kAlterDefault) {
    parts.push_back(
        absl::StrCat("default ", a.server_default ? DescribeDefault(*a.server_default) : "none",
                     " -> ", b.server_default ? DescribeDefault(*b.server_default) : "none"));
  }
  if (op.changes & kAlterComment) {
    parts.push_back(
        absl::StrCat("comment ", DescribeComment(a.comment), " -> ", DescribeComment(b.comment)));
  }
  if (op.changes & kAlterAutoincrement) {
    auto describe = [](const Column& c) {
      return c.identity ? "identity" : c.autoincrement ? "autoincrement" : "plain";
    };
    parts.push_back(absl::StrCat("autoincrement ", describe(a), " -> ", describe(b)));
  }
  if (op.changes & kAlterGenerated) {
    auto describe = [](const Column& c) {
      return c.generated ? absl::StrCat("(", c.generated->expression, ")") : std::string("none");
    };
    parts.push_back(absl::StrCat("generated ", describe(a), " -> ", describe(b)));
  }
  if (op.changes & kAlterCollation) {
    auto describe = [](const Column& c) {
      std::string out = c.charset.empty() ? "" : c.charset + " ";
      return out + (c.collation.empty() ? "default" : c.collation);
    };
    parts.push_back(absl::StrCat("collation ", describe(a), " -> ", describe(b)));
  }
  if (op.changes & kAlterOnUpdate) {
    parts.push_back(absl::StrCat("on update ", a.on_update.empty() ? "none" : a.on_update, " -> ",
                                 b.on_update.empty() ? "none" : b.on_update));
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace

const std::string& ConstraintName(const Constraint& c) {
  return std::visit([](const auto& v) -> const std::string& { return v.name; }, c);
}

Op Reverse(const Op& op) {
  return std::visit(Overloaded{
                        [](const CreateTable& o) -> Op { return DropTable{o.table}; },
                        [](const DropTable& o) -> Op { return CreateTable{o.table}; },
                        [](const RenameTable& o) -> Op {
                          return RenameTable{o.schema, o.to, o.from};
                        },
                        [](const AddColumn& o) -> Op {
                          return DropColumn{o.schema, o.table, o.column};
                        },
                        [](const DropColumn& o) -> Op {
                          return AddColumn{o.schema, o.table, o.column};
                        },
                        [](const AlterColumn& o) -> Op {
                          return AlterColumn{o.schema, o.table, o.to, o.from, o.changes};
                        },
                        [](const RenameColumn& o) -> Op {
                          return RenameColumn{o.schema, o.table, o.to, o.from};
                        },
                        [](const CreateIndex& o) -> Op {
                          return DropIndex{o.schema, o.table, o.index};
                        },
                        [](const DropIndex& o) -> Op {
                          return CreateIndex{o.schema, o.table, o.index};
                        },
                        [](const RenameIndex& o) -> Op {
                          return RenameIndex{o.schema, o.table, o.to, o.from};
                        },
                        [](const AddConstraint& o) -> Op {
                          return DropConstraint{o.schema, o.table, o.constraint};
                        },
                        [](const DropConstraint& o) -> Op {
                          return AddConstraint{o.schema, o.table, o.constraint};
                        },
                        [](const RenameConstraint& o) -> Op {
                          return RenameConstraint{o.schema, o.table, o.to, o.from};
                        },
                        [](const SetTableComment& o) -> Op {
                          return SetTableComment{o.schema, o.table, o.to, o.from};
                        },
                        [](const AlterTableOptions& o) -> Op {
                          return AlterTableOptions{o.schema, o.table, o.to, o.from};
                        },
                        [](const CreateEnum& o) -> Op { return DropEnum{o.enum_type}; },
                        [](const DropEnum& o) -> Op { return CreateEnum{o.enum_type}; },
                        [](const AlterEnum& o) -> Op {
                          // Value-rename hints (former -> new) are inverted so they read new ->
                          // former; the two sides swap, which makes Reverse its own inverse.
                          AlterEnum reversed{o.to, o.from};
                          reversed.from.renamed_values = Invert(o.from.renamed_values);
                          reversed.to.renamed_values = Invert(o.to.renamed_values);
                          return reversed;
                        },
                    },
                    op);
}

std::pair<std::string, std::string> OpTable(const Op& op) {
  return std::visit(
      Overloaded{
          [](const CreateTable& o) { return std::make_pair(o.table.schema, o.table.name); },
          [](const DropTable& o) { return std::make_pair(o.table.schema, o.table.name); },
          [](const RenameTable& o) { return std::make_pair(o.schema, o.to); },
          [](const CreateEnum&) { return std::make_pair(std::string(), std::string()); },
          [](const DropEnum&) { return std::make_pair(std::string(), std::string()); },
          [](const AlterEnum&) { return std::make_pair(std::string(), std::string()); },
          [](const auto& o) { return std::make_pair(o.schema, o.table); },
      },
      op);
}

std::string DescribeOp(const Op& op) {
  return std::visit(
      Overloaded{
          [](const CreateTable& o) {
            return absl::StrCat("create table ", QualifiedName(o.table.schema, o.table.name));
          },
          [](const DropTable& o) {
            return absl::StrCat("drop table ", QualifiedName(o.table.schema, o.table.name));
          },
          [](const RenameTable& o) {
            return absl::StrCat("rename table ", QualifiedName(o.schema, o.from), " to ", o.to);
          },
          [](const AddColumn& o) {
            return absl::StrCat("add column ", QualifiedName(o.schema, o.table), ".", o.column.name,
                                " (", DescribeColumnShape(o.column), ")");
          },
          [](const DropColumn& o) {
            return absl::StrCat("drop column ", QualifiedName(o.schema, o.table), ".",
                                o.column.name);
          },
          [](const AlterColumn& o) {
            return absl::StrCat("alter column ", QualifiedName(o.schema, o.table), ".", o.to.name,
                                ": ", DescribeAlter(o));
          },
          [](const RenameColumn& o) {
            return absl::StrCat("rename column ", QualifiedName(o.schema, o.table), ".", o.from,
                                " to ", o.to);
          },
          [](const CreateIndex& o) {
            return absl::StrCat("create ",
                                DescribeIndex(o.index, QualifiedName(o.schema, o.table)));
          },
          [](const DropIndex& o) {
            return absl::StrCat("drop ", DescribeIndex(o.index, QualifiedName(o.schema, o.table)));
          },
          [](const RenameIndex& o) {
            return absl::StrCat("rename index ", o.from, " to ", o.to, " on ",
                                QualifiedName(o.schema, o.table));
          },
          [](const AddConstraint& o) {
            return absl::StrCat("add ",
                                DescribeConstraint(o.constraint, QualifiedName(o.schema, o.table)));
          },
          [](const DropConstraint& o) {
            return absl::StrCat("drop ",
                                DescribeConstraint(o.constraint, QualifiedName(o.schema, o.table)));
          },
          [](const RenameConstraint& o) {
            return absl::StrCat("rename constraint ", o.from, " to ", o.to, " on ",
                                QualifiedName(o.schema, o.table));
          },
          [](const SetTableComment& o) {
            return absl::StrCat("set comment on table ", QualifiedName(o.schema, o.table), ": ",
                                DescribeComment(o.from), " -> ", DescribeComment(o.to));
          },
          [](const AlterTableOptions& o) {
            return absl::StrCat("alter table options of ", QualifiedName(o.schema, o.table), ": ",
                                DescribeOptions(o.from), " -> ", DescribeOptions(o.to));
          },
          [](const CreateEnum& o) {
            return absl::StrCat("create enum ", QualifiedName(o.enum_type.schema, o.enum_type.name),
                                " ", DescribeValues(o.enum_type.values));
          },
          [](const DropEnum& o) {
            return absl::StrCat("drop enum ", QualifiedName(o.enum_type.schema, o.enum_type.name));
          },
          [](const AlterEnum& o) {
            return absl::StrCat("alter enum ", QualifiedName(o.to.schema, o.to.name), " ",
                                DescribeValues(o.from.values), " -> ", DescribeValues(o.to.values));
          },
      },
      op);
}

}  // namespace schemadiff
