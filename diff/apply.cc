#include "diff/apply.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "diff/expression_rename.h"
#include "diff/match.h"
#include "diff/overloaded.h"

namespace schemadiff {
namespace {

absl::Status Unfit(const Op& op, const std::string& why) {
  return absl::FailedPreconditionError(absl::StrCat("cannot ", DescribeOp(op), ": ", why));
}

absl::StatusOr<Table*> GetTable(const Op& op, Catalog* catalog, const std::string& schema,
                                const std::string& name) {
  Table* table = FindTable(*catalog, schema, name);
  if (table == nullptr) {
    return Unfit(op, absl::StrCat("table ", QualifiedName(schema, name), " does not exist"));
  }
  return table;
}

// Replaces `from` by `to` in `names`.
void RenameIn(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// What in `catalog` still uses column `column` of `table`; empty when nothing does.
std::string ColumnUser(const Catalog& catalog, const Table& table, const std::string& column) {
  if (table.primary_key && Contains(table.primary_key->columns, column)) return "the primary key";
  for (const UniqueConstraint& uq : table.uniques) {
    if (Contains(uq.columns, column)) return absl::StrCat("unique constraint ", uq.name);
  }
  for (const Index& ix : table.indexes) {
    for (const IndexElement& e : ix.elements) {
      if (e.column == column) return absl::StrCat("index ", ix.name);
    }
    if (Contains(ix.include, column)) return absl::StrCat("index ", ix.name);
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    if (Contains(fk.columns, column)) return absl::StrCat("foreign key ", fk.name);
  }
  const std::string_view default_schema = DefaultSchemaOf(catalog);
  for (const Table& other : catalog.tables) {
    for (const ForeignKey& fk : other.foreign_keys) {
      if (ReferredSchema(default_schema, other.schema, fk) == table.schema &&
          fk.referred_table == table.name && Contains(fk.referred_columns, column)) {
        return absl::StrCat("foreign key ", fk.name, " of table ",
                            QualifiedName(other.schema, other.name));
      }
    }
  }
  return "";
}

// Whether `table` has a constraint named `name` (non-empty).
bool HasConstraintNamed(const Table& table, const std::string& name) {
  if (name.empty()) return false;
  if (table.primary_key && table.primary_key->name == name) return true;
  for (const auto& c : table.uniques) {
    if (c.name == name) return true;
  }
  for (const auto& c : table.foreign_keys) {
    if (c.name == name) return true;
  }
  for (const auto& c : table.checks) {
    if (c.name == name) return true;
  }
  return false;
}

// Position of `wanted` in `list`: by name when it has one, else by definition.
template <typename T>
typename std::vector<T>::iterator FindObject(std::vector<T>& list, const T& wanted) {
  return std::find_if(list.begin(), list.end(), [&wanted](const T& x) {
    return wanted.name.empty() ? SameDefinition(x, wanted) : x.name == wanted.name;
  });
}

absl::Status Apply(const CreateTable& o, const Op& op, Catalog* catalog) {
  if (FindTable(*catalog, o.table.schema, o.table.name) != nullptr) {
    return Unfit(op, "the table already exists");
  }
  catalog->tables.push_back(o.table);
  return absl::OkStatus();
}

absl::Status Apply(const DropTable& o, const Op& op, Catalog* catalog) {
  auto it = std::find_if(catalog->tables.begin(), catalog->tables.end(), [&o](const Table& t) {
    return t.schema == o.table.schema && t.name == o.table.name;
  });
  if (it == catalog->tables.end()) return Unfit(op, "the table does not exist");
  const std::string_view default_schema = DefaultSchemaOf(*catalog);
  for (const Table& other : catalog->tables) {
    if (&other == &*it) continue;
    for (const ForeignKey& fk : other.foreign_keys) {
      if (ReferredSchema(default_schema, other.schema, fk) == it->schema &&
          fk.referred_table == it->name) {
        return Unfit(op,
                     absl::StrCat("foreign key ", fk.name, " of table ",
                                  QualifiedName(other.schema, other.name), " still refers to it"));
      }
    }
  }
  catalog->tables.erase(it);
  return absl::OkStatus();
}

absl::Status Apply(const RenameTable& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.from));
  if (FindTable(*catalog, o.schema, o.to) != nullptr) {
    return Unfit(op, absl::StrCat("table ", o.to, " already exists"));
  }
  const std::string_view default_schema = DefaultSchemaOf(*catalog);
  for (Table& other : catalog->tables) {
    for (ForeignKey& fk : other.foreign_keys) {
      if (ReferredSchema(default_schema, other.schema, fk) == o.schema &&
          fk.referred_table == o.from) {
        fk.referred_table = o.to;
      }
    }
  }
  table->name = o.to;
  return absl::OkStatus();
}

absl::Status Apply(const AddColumn& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  if (FindColumn(*table, o.column.name) != nullptr) return Unfit(op, "the column already exists");
  table->columns.push_back(o.column);
  return absl::OkStatus();
}

absl::Status Apply(const DropColumn& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  auto it = std::find_if(table->columns.begin(), table->columns.end(),
                         [&o](const Column& c) { return c.name == o.column.name; });
  if (it == table->columns.end()) return Unfit(op, "the column does not exist");
  const std::string user = ColumnUser(*catalog, *table, o.column.name);
  if (!user.empty()) return Unfit(op, absl::StrCat(user, " still uses it"));
  table->columns.erase(it);
  return absl::OkStatus();
}

absl::Status Apply(const AlterColumn& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  if (o.from.name != o.to.name) return Unfit(op, "an alter cannot rename the column");
  Column* column = FindColumn(*table, o.from.name);
  if (column == nullptr) return Unfit(op, "the column does not exist");
  *column = o.to;
  return absl::OkStatus();
}

absl::Status Apply(const RenameColumn& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  Column* column = FindColumn(*table, o.from);
  if (column == nullptr) return Unfit(op, "the column does not exist");
  if (FindColumn(*table, o.to) != nullptr) {
    return Unfit(op, absl::StrCat("column ", o.to, " already exists"));
  }
  column->name = o.to;
  RenameColumnInExpressions(*table, catalog->dialect, o.from, o.to);
  if (table->primary_key) RenameIn(table->primary_key->columns, o.from, o.to);
  for (UniqueConstraint& uq : table->uniques) RenameIn(uq.columns, o.from, o.to);
  for (Index& ix : table->indexes) {
    for (IndexElement& e : ix.elements) {
      if (e.column == o.from) e.column = o.to;
    }
    RenameIn(ix.include, o.from, o.to);
  }
  for (ForeignKey& fk : table->foreign_keys) RenameIn(fk.columns, o.from, o.to);
  const std::string_view default_schema = DefaultSchemaOf(*catalog);
  for (Table& other : catalog->tables) {
    for (ForeignKey& fk : other.foreign_keys) {
      if (ReferredSchema(default_schema, other.schema, fk) == o.schema &&
          fk.referred_table == o.table) {
        RenameIn(fk.referred_columns, o.from, o.to);
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Apply(const CreateIndex& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  if (!o.index.name.empty() && FindObject(table->indexes, o.index) != table->indexes.end()) {
    return Unfit(op, "an index of that name already exists");
  }
  table->indexes.push_back(o.index);
  return absl::OkStatus();
}

absl::Status Apply(const DropIndex& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  auto it = FindObject(table->indexes, o.index);
  if (it == table->indexes.end()) return Unfit(op, "the index does not exist");
  table->indexes.erase(it);
  return absl::OkStatus();
}

absl::Status Apply(const RenameIndex& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  auto named = [table](const std::string& name) {
    return std::find_if(table->indexes.begin(), table->indexes.end(),
                        [&name](const Index& ix) { return ix.name == name; });
  };
  auto it = named(o.from);
  if (o.from.empty() || it == table->indexes.end()) return Unfit(op, "the index does not exist");
  if (o.to.empty() || named(o.to) != table->indexes.end()) {
    return Unfit(op, "the new name is empty or taken");
  }
  it->name = o.to;
  return absl::OkStatus();
}

absl::Status Apply(const AddConstraint& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  if (HasConstraintNamed(*table, ConstraintName(o.constraint))) {
    return Unfit(op, "a constraint of that name already exists");
  }
  return std::visit(Overloaded{
                        [&](const PrimaryKey& pk) {
                          if (table->primary_key)
                            return Unfit(op, "the table already has a primary key");
                          table->primary_key = pk;
                          return absl::OkStatus();
                        },
                        [&](const UniqueConstraint& uq) {
                          table->uniques.push_back(uq);
                          return absl::OkStatus();
                        },
                        [&](const ForeignKey& fk) {
                          table->foreign_keys.push_back(fk);
                          return absl::OkStatus();
                        },
                        [&](const CheckConstraint& ck) {
                          table->checks.push_back(ck);
                          return absl::OkStatus();
                        },
                    },
                    o.constraint);
}

// Removes `wanted` from `list` or reports that it does not exist.
template <typename T>
absl::Status EraseObject(const Op& op, std::vector<T>& list, const T& wanted) {
  auto it = FindObject(list, wanted);
  if (it == list.end()) return Unfit(op, "the constraint does not exist");
  list.erase(it);
  return absl::OkStatus();
}

absl::Status Apply(const DropConstraint& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  return std::visit(
      Overloaded{
          [&](const PrimaryKey&) {
            if (!table->primary_key) return Unfit(op, "the table has no primary key");
            table->primary_key.reset();
            return absl::OkStatus();
          },
          [&](const UniqueConstraint& uq) { return EraseObject(op, table->uniques, uq); },
          [&](const ForeignKey& fk) { return EraseObject(op, table->foreign_keys, fk); },
          [&](const CheckConstraint& ck) { return EraseObject(op, table->checks, ck); },
      },
      o.constraint);
}

absl::Status Apply(const RenameConstraint& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  if (o.from.empty() || !HasConstraintNamed(*table, o.from)) {
    return Unfit(op, "the constraint does not exist");
  }
  if (o.to.empty() || HasConstraintNamed(*table, o.to)) {
    return Unfit(op, "the new name is empty or taken");
  }
  auto rename = [&o](std::string& name) {
    if (name == o.from) name = o.to;
  };
  if (table->primary_key) rename(table->primary_key->name);
  for (auto& c : table->uniques) rename(c.name);
  for (auto& c : table->foreign_keys) rename(c.name);
  for (auto& c : table->checks) rename(c.name);
  return absl::OkStatus();
}

absl::Status Apply(const SetTableComment& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  table->comment = o.to;
  return absl::OkStatus();
}

absl::Status Apply(const AlterTableOptions& o, const Op& op, Catalog* catalog) {
  ASSIGN_OR_RETURN(Table * table, GetTable(op, catalog, o.schema, o.table));
  table->options = o.to;
  return absl::OkStatus();
}

// Position of the enum (schema, name) in `catalog`.
std::vector<Enum>::iterator FindEnumIn(Catalog* catalog, const Enum& e) {
  return std::find_if(catalog->enums.begin(), catalog->enums.end(),
                      [&e](const Enum& x) { return x.schema == e.schema && x.name == e.name; });
}

absl::Status Apply(const CreateEnum& o, const Op& op, Catalog* catalog) {
  if (FindEnumIn(catalog, o.enum_type) != catalog->enums.end()) {
    return Unfit(op, "the enum already exists");
  }
  catalog->enums.push_back(o.enum_type);
  return absl::OkStatus();
}

absl::Status Apply(const DropEnum& o, const Op& op, Catalog* catalog) {
  auto it = FindEnumIn(catalog, o.enum_type);
  if (it == catalog->enums.end()) return Unfit(op, "the enum does not exist");
  catalog->enums.erase(it);
  return absl::OkStatus();
}

absl::Status Apply(const AlterEnum& o, const Op& op, Catalog* catalog) {
  if (o.from.schema != o.to.schema || o.from.name != o.to.name) {
    return Unfit(op, "an alter cannot rename the enum");
  }
  auto it = FindEnumIn(catalog, o.from);
  if (it == catalog->enums.end()) return Unfit(op, "the enum does not exist");
  *it = o.to;
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyOp(const Op& op, Catalog* catalog) {
  return std::visit([&](const auto& o) { return Apply(o, op, catalog); }, op);
}

}  // namespace schemadiff
