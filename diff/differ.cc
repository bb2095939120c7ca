// The differ puts a plan together in phases, each in (schema, name) order:
//   1. renames from hints (tables, then columns), so every later op uses the new names;
//   2. enum types created or changed (before the columns that use their values);
//   3. foreign keys dropped: changed or removed keys of kept tables, keys that refer to a
//      primary/unique key the plan recreates, and the keys of dropped tables that close a cycle;
//   4. tables dropped, referencing tables first (their indexes and comment first);
//   5. changes within kept tables (see TableChanges);
//   6. tables created, referenced tables first, without keys that close a cycle (each followed
//      by its indexes and comment);
//   7. foreign keys added: new keys of kept tables, then the deferred keys of new tables;
//   8. enum types dropped (after every column stopped using them).
// Reversing the plan reverses the phases, which keeps every dependency satisfied.
#include "diff/differ.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "catalog/table_lookup.h"
#include "common/parallel.h"
#include "common/status_macros.h"
#include "diff/match.h"
#include "diff/naming_check.h"
#include "diff/order.h"
#include "diff/renames.h"
#include "diff/table_diff.h"
#include "diff/warnings.h"

namespace schemadiff {
namespace {

// The plan being built, phase by phase.
struct Phases {
  std::vector<Step> renames;
  std::vector<Step> enum_changes;
  std::vector<Step> drop_foreign_keys;
  std::vector<Step> drop_tables;
  std::vector<Step> table_changes;
  std::vector<Step> create_tables;
  std::vector<Step> add_foreign_keys;
  std::vector<Step> drop_enums;
};

void Add(std::vector<Step>& steps, Op op) {
  std::vector<Warning> warnings = OpWarnings(op);
  steps.push_back({std::move(op), std::move(warnings)});
}

void Append(std::vector<Step>& to, std::vector<Step>&& from) {
  std::move(from.begin(), from.end(), std::back_inserter(to));
}

// Pointers to `tables` sorted by (schema, name).
template <typename Tables>
std::vector<const Table*> Sorted(const Tables& tables) {
  std::vector<const Table*> out;
  for (const Table& t : tables) out.push_back(&t);
  std::sort(out.begin(), out.end(), [](const Table* a, const Table* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  return out;
}

// `table` as CreateTable / DropTable carry it: no indexes, comment, hints or `deferred` keys.
Table Skeleton(const Table& table, const std::vector<size_t>& deferred) {
  Table out = table;
  out.indexes.clear();
  out.comment.reset();
  out.renamed_from.clear();
  for (Column& c : out.columns) c = StripHints(std::move(c));
  out.foreign_keys.clear();
  for (size_t k = 0; k < table.foreign_keys.size(); ++k) {
    if (std::find(deferred.begin(), deferred.end(), k) == deferred.end()) {
      out.foreign_keys.push_back(table.foreign_keys[k]);
    }
  }
  return out;
}

void DiffEnums(const Catalog& from, const Catalog& to, Phases& phases) {
  std::vector<const Enum*> targets;
  for (const Enum& e : to.enums) targets.push_back(&e);
  std::sort(targets.begin(), targets.end(), [](const Enum* a, const Enum* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  for (const Enum* target : targets) {
    const Enum* source = FindEnum(from, target->schema, target->name);
    if (source == nullptr) {
      Enum created = *target;
      created.renamed_values.clear();
      Add(phases.enum_changes, CreateEnum{std::move(created)});
    } else if (source->values != target->values) {
      AlterEnum op{*source, *target};
      op.from.renamed_values.clear();
      // Only hints that rename an old value to a new one matter to this change.
      std::erase_if(op.to.renamed_values, [&](const auto& hint) {
        const auto& [former, renamed] = hint;
        auto has = [](const std::vector<std::string>& v, const std::string& x) {
          return std::find(v.begin(), v.end(), x) != v.end();
        };
        return !has(source->values, former) || has(target->values, former) ||
               !has(target->values, renamed) || has(source->values, renamed);
      });
      Add(phases.enum_changes, std::move(op));
    }
  }
  std::vector<const Enum*> dropped;
  for (const Enum& e : from.enums) {
    if (FindEnum(to, e.schema, e.name) == nullptr) dropped.push_back(&e);
  }
  std::sort(dropped.begin(), dropped.end(), [](const Enum* a, const Enum* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  for (const Enum* e : dropped) {
    Enum gone = *e;
    gone.renamed_values.clear();
    Add(phases.drop_enums, DropEnum{std::move(gone)});
  }
}

void CreateTables(const std::vector<const Table*>& tables, const Dialect& dialect, Phases& phases) {
  const CreationOrder order = OrderForCreation(tables, dialect);
  for (size_t i : order.order) {
    const Table& t = *tables[i];
    Add(phases.create_tables, CreateTable{Skeleton(t, order.deferred[i])});
    for (const Index& ix : t.indexes) Add(phases.create_tables, CreateIndex{t.schema, t.name, ix});
    if (t.comment) {
      Add(phases.create_tables, SetTableComment{t.schema, t.name, std::nullopt, t.comment});
    }
  }
  for (size_t i : order.order) {
    for (size_t k : order.deferred[i]) {
      const Table& t = *tables[i];
      Add(phases.add_foreign_keys, AddConstraint{t.schema, t.name, t.foreign_keys[k]});
    }
  }
}

// The exact reverse of creating `tables`.
void DropTables(const std::vector<const Table*>& tables, const Dialect& dialect, Phases& phases) {
  const CreationOrder order = OrderForCreation(tables, dialect);
  for (auto it = order.order.rbegin(); it != order.order.rend(); ++it) {
    const Table& t = *tables[*it];
    const std::vector<size_t>& deferred = order.deferred[*it];
    for (auto k = deferred.rbegin(); k != deferred.rend(); ++k) {
      Add(phases.drop_foreign_keys, DropConstraint{t.schema, t.name, t.foreign_keys[*k]});
    }
  }
  for (auto it = order.order.rbegin(); it != order.order.rend(); ++it) {
    const Table& t = *tables[*it];
    if (t.comment) {
      Add(phases.drop_tables, SetTableComment{t.schema, t.name, t.comment, std::nullopt});
    }
    for (auto ix = t.indexes.rbegin(); ix != t.indexes.rend(); ++ix) {
      Add(phases.drop_tables, DropIndex{t.schema, t.name, *ix});
    }
    Add(phases.drop_tables, DropTable{Skeleton(t, order.deferred[*it])});
  }
}

// A key that foreign keys can refer to: (schema, table, sorted columns).
using KeyColumns = std::tuple<std::string, std::string, std::vector<std::string>>;

KeyColumns MakeKey(const std::string& schema, const std::string& table,
                   std::vector<std::string> columns) {
  std::sort(columns.begin(), columns.end());
  return {schema, table, std::move(columns)};
}

// Keys (primary, unique constraint, unique column index) that `steps` drop.
std::set<KeyColumns> DroppedKeys(const std::vector<Step>& steps) {
  std::set<KeyColumns> out;
  for (const Step& step : steps) {
    if (const auto* drop = std::get_if<DropConstraint>(&step.op)) {
      if (const auto* pk = std::get_if<PrimaryKey>(&drop->constraint)) {
        out.insert(MakeKey(drop->schema, drop->table, pk->columns));
      } else if (const auto* uq = std::get_if<UniqueConstraint>(&drop->constraint)) {
        out.insert(MakeKey(drop->schema, drop->table, uq->columns));
      }
    } else if (const auto* drop_index = std::get_if<DropIndex>(&step.op)) {
      if (!drop_index->index.unique) continue;
      std::vector<std::string> columns;
      for (const IndexElement& e : drop_index->index.elements) columns.push_back(e.column);
      out.insert(MakeKey(drop_index->schema, drop_index->table, std::move(columns)));
    }
  }
  return out;
}

// A foreign key that stays but refers to a key the plan drops and recreates cannot stay in place
// (PostgreSQL refuses to drop a key others depend on; MySQL needs an index behind it): it is
// dropped before the table changes and added back after them. Keys that are renamed are left
// alone.
void RecreateDependentForeignKeys(const Catalog& source, const TableLookup& target,
                                  const Dialect& dialect, Phases& phases) {
  const std::set<KeyColumns> dropped = DroppedKeys(phases.table_changes);
  if (dropped.empty()) return;
  auto already_dropped = [&phases](const std::string& schema, const std::string& table,
                                   const ForeignKey& fk) {
    return std::any_of(phases.drop_foreign_keys.begin(), phases.drop_foreign_keys.end(),
                       [&](const Step& step) {
                         const auto* drop = std::get_if<DropConstraint>(&step.op);
                         return drop != nullptr && drop->schema == schema && drop->table == table &&
                                drop->constraint == Constraint{fk};
                       });
  };
  for (const Table* table : Sorted(source.tables)) {
    const Table* kept = target.Find(table->schema, table->name);
    if (kept == nullptr) continue;
    for (const ForeignKey& fk : table->foreign_keys) {
      const std::string& schema = ReferredSchema(dialect, table->schema, fk);
      if (!dropped.contains(MakeKey(schema, fk.referred_table, fk.referred_columns)) ||
          already_dropped(table->schema, table->name, fk)) {
        continue;
      }
      auto same = std::find_if(
          kept->foreign_keys.begin(), kept->foreign_keys.end(), [&fk](const ForeignKey& other) {
            return SameDefinition(fk, other) && (other.name.empty() || other.name == fk.name);
          });
      if (same == kept->foreign_keys.end()) continue;
      Add(phases.drop_foreign_keys, DropConstraint{table->schema, table->name, fk});
      Add(phases.add_foreign_keys, AddConstraint{table->schema, table->name, *same});
    }
  }
}

// The schema-wide name an index-owning step frees (drops) or takes (creates), with its table;
// nullopt for other steps. PostgreSQL and SQLite name indexes, primary keys and unique
// constraints per schema.
struct IndexName {
  std::string schema;
  std::string table;
  std::string name;
};

std::optional<IndexName> FreedIndexName(const Op& op) {
  if (const auto* drop = std::get_if<DropIndex>(&op)) {
    return IndexName{drop->schema, drop->table, drop->index.name};
  }
  if (const auto* drop = std::get_if<DropConstraint>(&op)) {
    if (const auto* pk = std::get_if<PrimaryKey>(&drop->constraint)) {
      return IndexName{drop->schema, drop->table, pk->name};
    }
    if (const auto* uq = std::get_if<UniqueConstraint>(&drop->constraint)) {
      return IndexName{drop->schema, drop->table, uq->name};
    }
  }
  return std::nullopt;
}

std::optional<IndexName> TakenIndexName(const Op& op) {
  if (const auto* create = std::get_if<CreateIndex>(&op)) {
    return IndexName{create->schema, create->table, create->index.name};
  }
  if (const auto* add = std::get_if<AddConstraint>(&op)) {
    return FreedIndexName(DropConstraint{add->schema, add->table, add->constraint});
  }
  if (const auto* rename = std::get_if<RenameIndex>(&op)) {
    return IndexName{rename->schema, rename->table, rename->to};
  }
  return std::nullopt;
}

// Where names are unique per schema, a name that moves from one kept table to another must be
// freed before it is taken, whatever the tables' order: such drops move to the front of the
// table changes.
void FreeMovedIndexNamesFirst(std::vector<Step>& table_changes) {
  // (schema, name) -> the tables that take it
  std::map<std::pair<std::string, std::string>, std::set<std::string>> takers;
  for (const Step& step : table_changes) {
    if (std::optional<IndexName> name = TakenIndexName(step.op); name && !name->name.empty()) {
      takers[{name->schema, name->name}].insert(name->table);
    }
  }
  auto moves = [&takers](const Step& step) {
    const std::optional<IndexName> name = FreedIndexName(step.op);
    if (!name || name->name.empty()) return false;
    auto it = takers.find({name->schema, name->name});
    return it != takers.end() && !it->second.contains(name->table);
  };
  std::stable_partition(table_changes.begin(), table_changes.end(), moves);
}

}  // namespace

absl::StatusOr<Plan> Diff(const Catalog& from, const Catalog& to, const Dialect& dialect,
                          const DiffOptions& options) {
  ASSIGN_OR_RETURN(Renames renames, ResolveRenames(from, to));
  const Catalog& source = renames.renamed ? *renames.renamed : from;
  const TableLookup source_tables(source);
  const TableLookup target_tables(to);
  Phases phases;
  for (Op& op : renames.ops) Add(phases.renames, std::move(op));
  DiffEnums(source, to, phases);

  std::vector<const Table*> created;
  std::vector<std::pair<const Table*, const Table*>> kept;  // (existing, target)
  for (const Table* target : Sorted(to.tables)) {
    const Table* existing = source_tables.Find(target->schema, target->name);
    if (existing == nullptr) {
      created.push_back(target);
    } else {
      kept.emplace_back(existing, target);
    }
  }
  // Kept tables compare independently, side by side; their steps are collected in order.
  std::vector<TableChanges> kept_changes(kept.size());
  ParallelSlices(kept.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      kept_changes[i] = DiffTable(*kept[i].first, *kept[i].second);
    }
  });
  std::vector<Step> kept_foreign_key_adds;
  for (TableChanges& changes : kept_changes) {
    Append(phases.drop_foreign_keys, std::move(changes.drop_foreign_keys));
    Append(phases.table_changes, std::move(changes.changes));
    Append(kept_foreign_key_adds, std::move(changes.add_foreign_keys));
  }
  if (!dialect.capabilities().index_names_per_table) {
    FreeMovedIndexNamesFirst(phases.table_changes);
  }
  Append(phases.add_foreign_keys, std::move(kept_foreign_key_adds));
  RecreateDependentForeignKeys(source, target_tables, dialect, phases);

  std::vector<const Table*> dropped;
  for (const Table* t : Sorted(source.tables)) {
    if (target_tables.Find(t->schema, t->name) == nullptr) dropped.push_back(t);
  }
  DropTables(dropped, dialect, phases);
  CreateTables(created, dialect, phases);

  Plan plan;
  for (std::vector<Step>* phase :
       {&phases.renames, &phases.enum_changes, &phases.drop_foreign_keys, &phases.drop_tables,
        &phases.table_changes, &phases.create_tables, &phases.add_foreign_keys,
        &phases.drop_enums}) {
    Append(plan.steps, std::move(*phase));
  }
  if (options.check_naming) plan.notes = NamingConventionNotes(to, dialect);
  return plan;
}

}  // namespace schemadiff
