#include "diff/renames.h"

#include <set>
#include <tuple>
#include <utility>

#include "catalog/table_lookup.h"
#include "common/status_macros.h"
#include "diff/apply.h"
#include "diff/warnings.h"

namespace schemadiff {
namespace {

// The first hint of `hints` that names something in `from_has` and not in `to_has`, unless
// `claimed` already took it.
template <typename HasFrom, typename HasTo>
std::string ApplicableHint(const std::vector<std::string>& hints, HasFrom from_has, HasTo to_has,
                           const std::set<std::string>& claimed) {
  for (const std::string& former : hints) {
    if (from_has(former) && !to_has(former) && !claimed.contains(former)) return former;
  }
  return "";
}

}  // namespace

absl::StatusOr<Renames> ResolveRenames(const Catalog& from, const Catalog& to) {
  Renames result;
  const TableLookup from_tables(from);
  const TableLookup to_tables(to);
  std::vector<Op> column_ops;
  std::map<std::string, std::set<std::string>> claimed_tables;  // schema -> former names

  std::vector<const Table*> targets;
  for (const Table& t : to.tables) targets.push_back(&t);
  std::sort(targets.begin(), targets.end(), [](const Table* a, const Table* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });

  for (const Table* target : targets) {
    const Table* source = from_tables.Find(target->schema, target->name);
    if (source == nullptr) {
      const std::string former = ApplicableHint(
          target->renamed_from,
          [&](const std::string& n) { return from_tables.Find(target->schema, n) != nullptr; },
          [&](const std::string& n) { return to_tables.Find(target->schema, n) != nullptr; },
          claimed_tables[target->schema]);
      if (former.empty()) continue;
      claimed_tables[target->schema].insert(former);
      result.ops.push_back(RenameTable{target->schema, former, target->name});
      source = from_tables.Find(target->schema, former);
    }
    std::set<std::string> claimed_columns;
    for (const Column& column : target->columns) {
      if (FindColumn(*source, column.name) != nullptr) continue;
      const std::string former = ApplicableHint(
          column.renamed_from,
          [&](const std::string& n) { return FindColumn(*source, n) != nullptr; },
          [&](const std::string& n) { return FindColumn(*target, n) != nullptr; }, claimed_columns);
      if (former.empty()) continue;
      claimed_columns.insert(former);
      column_ops.push_back(RenameColumn{target->schema, target->name, former, column.name});
    }
  }
  std::sort(column_ops.begin(), column_ops.end(), [](const Op& a, const Op& b) {
    const auto& x = std::get<RenameColumn>(a);
    const auto& y = std::get<RenameColumn>(b);
    return std::tie(x.schema, x.table, x.to) < std::tie(y.schema, y.table, y.to);
  });
  for (Op& op : column_ops) result.ops.push_back(std::move(op));
  if (result.ops.empty()) return result;
  result.renamed = from;
  for (const Op& op : result.ops) RETURN_IF_ERROR(ApplyOp(op, &*result.renamed));
  return result;
}

std::map<std::string, Warning> PossibleRenames(const Table& from, const Table& to) {
  std::vector<const Column*> dropped;
  std::vector<const Column*> added;
  for (const Column& c : from.columns) {
    if (FindColumn(to, c.name) == nullptr) dropped.push_back(&c);
  }
  for (const Column& c : to.columns) {
    if (FindColumn(from, c.name) == nullptr) added.push_back(&c);
  }
  auto count_type = [](const std::vector<const Column*>& columns, const DataType& type) {
    return std::count_if(columns.begin(), columns.end(),
                         [&type](const Column* c) { return c->type == type; });
  };
  std::map<std::string, Warning> out;
  for (const Column* d : dropped) {
    if (count_type(added, d->type) != 1 || count_type(dropped, d->type) != 1) continue;
    const Column* a = *std::find_if(added.begin(), added.end(),
                                    [d](const Column* c) { return c->type == d->type; });
    out[d->name] = PossibleRenameWarning(QualifiedName(to.schema, to.name), d->name, a->name);
  }
  return out;
}

}  // namespace schemadiff
