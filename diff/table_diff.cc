#include "diff/table_diff.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "diff/match.h"
#include "diff/renames.h"
#include "diff/warnings.h"

namespace schemadiff {
namespace {

// A rename of a constraint or index, with the drop + add that replaces it when renames form a
// cycle (a <-> b).
struct PendingRename {
  std::string from;
  std::string to;
  Op rename;
  Op drop;
  Op add;
  std::vector<Op>* drops;  // where the fallback goes
  std::vector<Op>* adds;
};

// Op buckets of one table, in plan order.
struct Buckets {
  std::vector<Op> drop_foreign_keys;
  std::vector<Op> drop_indexes;
  std::vector<Op> drop_constraints;
  std::vector<Op> drop_columns;
  std::vector<Op> add_columns;
  std::vector<Op> alter_columns;
  std::vector<Op> renames;
  std::vector<Op> add_constraints;
  std::vector<Op> create_indexes;
  std::vector<Op> table_attributes;
  std::vector<Op> add_foreign_keys;
  std::vector<PendingRename> pending;
};

uint32_t ColumnChanges(const Column& a, const Column& b) {
  uint32_t mask = 0;
  if (a.type != b.type) mask |= kAlterType;
  if (a.nullable != b.nullable) mask |= kAlterNullable;
  if (a.server_default != b.server_default) mask |= kAlterDefault;
  if (a.comment != b.comment) mask |= kAlterComment;
  if (a.autoincrement != b.autoincrement || a.identity != b.identity) mask |= kAlterAutoincrement;
  if (a.generated != b.generated) mask |= kAlterGenerated;
  if (a.collation != b.collation || a.charset != b.charset) mask |= kAlterCollation;
  if (a.on_update != b.on_update) mask |= kAlterOnUpdate;
  return mask;
}

void DiffColumns(const Table& a, const Table& b, Buckets& out) {
  for (const Column& c : a.columns) {
    if (FindColumn(b, c.name) == nullptr) {
      out.drop_columns.push_back(DropColumn{b.schema, b.name, StripHints(c)});
    }
  }
  for (const Column& c : b.columns) {
    const Column* old = FindColumn(a, c.name);
    if (old == nullptr) {
      out.add_columns.push_back(AddColumn{b.schema, b.name, StripHints(c)});
    } else if (const uint32_t mask = ColumnChanges(*old, c); mask != 0) {
      out.alter_columns.push_back(
          AlterColumn{b.schema, b.name, StripHints(*old), StripHints(c), mask});
    }
  }
}

// Where the drops and adds of one kind of object go.
struct ObjectKind {
  std::vector<Op>* drops;
  std::vector<Op>* adds;
};

// A matched pair whose names differ: a rename when the old object has a name to rename, else
// drop + add (an unnamed object cannot be renamed). An empty target name accepts any name.
template <typename MakeDrop, typename MakeAdd, typename MakeRename>
void DiffName(const std::string& from_name, const std::string& to_name, MakeDrop drop, MakeAdd add,
              MakeRename rename, const ObjectKind& kind, Buckets& out) {
  if (to_name.empty() || to_name == from_name) return;
  if (from_name.empty()) {
    kind.drops->push_back(drop());
    kind.adds->push_back(add());
    return;
  }
  out.pending.push_back({from_name, to_name, rename(), drop(), add(), kind.drops, kind.adds});
}

// Diffs one list of constraints (wrapped as Constraint) or indexes.
template <typename T, typename MakeDrop, typename MakeAdd, typename MakeRename>
void DiffObjects(const std::vector<T>& from, const std::vector<T>& to, MakeDrop drop, MakeAdd add,
                 MakeRename rename, const ObjectKind& kind, Buckets& out) {
  const Matching m = MatchByDefinition(from, to);
  for (size_t i : m.only_from) kind.drops->push_back(drop(from[i]));
  for (const auto& [i, j] : m.pairs) {
    DiffName(
        from[i].name, to[j].name, [&] { return drop(from[i]); }, [&] { return add(to[j]); },
        [&] { return rename(from[i].name, to[j].name); }, kind, out);
  }
  for (size_t j : m.only_to) kind.adds->push_back(add(to[j]));
}

void DiffConstraints(const Table& a, const Table& b, Buckets& out) {
  const std::string& s = b.schema;
  const std::string& t = b.name;
  auto drop = [&](const auto& c) -> Op { return DropConstraint{s, t, c}; };
  auto add = [&](const auto& c) -> Op { return AddConstraint{s, t, c}; };
  auto rename = [&](const std::string& x, const std::string& y) -> Op {
    return RenameConstraint{s, t, x, y};
  };
  const ObjectKind constraint{&out.drop_constraints, &out.add_constraints};

  std::vector<PrimaryKey> pk_from;
  std::vector<PrimaryKey> pk_to;
  if (a.primary_key) pk_from.push_back(*a.primary_key);
  if (b.primary_key) pk_to.push_back(*b.primary_key);
  DiffObjects(pk_from, pk_to, drop, add, rename, constraint, out);
  DiffObjects(a.uniques, b.uniques, drop, add, rename, constraint, out);
  DiffObjects(a.checks, b.checks, drop, add, rename, constraint, out);
  DiffObjects(a.foreign_keys, b.foreign_keys, drop, add, rename,
              ObjectKind{&out.drop_foreign_keys, &out.add_foreign_keys}, out);
  DiffObjects(
      a.indexes, b.indexes,
      [&](const Index& ix) -> Op {
        return DropIndex{s, t, ix};
      },
      [&](const Index& ix) -> Op {
        return CreateIndex{s, t, ix};
      },
      [&](const std::string& x, const std::string& y) -> Op {
        return RenameIndex{s, t, x, y};
      },
      ObjectKind{&out.drop_indexes, &out.create_indexes}, out);
}

// Emits pending renames so that no rename takes a name another rename still has to give up;
// a cycle of renames falls back to drop + add for one of its members.
void OrderRenames(Buckets& out) {
  std::vector<PendingRename> pending = std::move(out.pending);
  std::stable_sort(pending.begin(), pending.end(),
                   [](const PendingRename& x, const PendingRename& y) { return x.to < y.to; });
  while (!pending.empty()) {
    auto blocked = [&pending](const PendingRename& r) {
      return std::any_of(pending.begin(), pending.end(),
                         [&r](const PendingRename& other) { return other.from == r.to; });
    };
    auto it = std::find_if_not(pending.begin(), pending.end(), blocked);
    if (it != pending.end()) {
      out.renames.push_back(std::move(it->rename));
    } else {
      it = pending.begin();
      it->drops->push_back(std::move(it->drop));
      it->adds->push_back(std::move(it->add));
    }
    pending.erase(it);
  }
}

}  // namespace

Column StripHints(Column column) {
  column.renamed_from.clear();
  return column;
}

TableChanges DiffTable(const Table& a, const Table& b) {
  Buckets out;
  DiffColumns(a, b, out);
  DiffConstraints(a, b, out);
  OrderRenames(out);
  if (a.comment != b.comment) {
    out.table_attributes.push_back(SetTableComment{b.schema, b.name, a.comment, b.comment});
  }
  if (a.options != b.options) {
    out.table_attributes.push_back(AlterTableOptions{b.schema, b.name, a.options, b.options});
  }

  const std::map<std::string, Warning> possible_renames = PossibleRenames(a, b);
  auto to_steps = [&possible_renames](std::vector<Op>& ops, std::vector<Step>& steps) {
    for (Op& op : ops) {
      std::vector<Warning> warnings = OpWarnings(op);
      if (const auto* drop = std::get_if<DropColumn>(&op)) {
        auto it = possible_renames.find(drop->column.name);
        if (it != possible_renames.end()) warnings.push_back(it->second);
      }
      steps.push_back({std::move(op), std::move(warnings)});
    }
  };
  TableChanges result;
  to_steps(out.drop_foreign_keys, result.drop_foreign_keys);
  for (std::vector<Op>* bucket :
       {&out.drop_indexes, &out.drop_constraints, &out.drop_columns, &out.add_columns,
        &out.alter_columns, &out.renames, &out.add_constraints, &out.create_indexes,
        &out.table_attributes}) {
    to_steps(*bucket, result.changes);
  }
  to_steps(out.add_foreign_keys, result.add_foreign_keys);
  return result;
}

}  // namespace schemadiff
