#include "render/plan_scope.h"

#include <set>
#include <string>
#include <utility>
#include <variant>

namespace schemadiff {
namespace {

// True when a column of `table` has an enum type (or an array of one).
bool HasEnumColumn(const Table& table) {
  for (const Column& c : table.columns) {
    if (c.type.kind == TypeKind::kEnum ||
        (!c.type.element.empty() && c.type.element[0].kind == TypeKind::kEnum)) {
      return true;
    }
  }
  return false;
}

// PlanScope, with the tables whose keys refer to a named table when `referrers` is given (the
// dialect naming their default schema).
Catalog Scope(const Plan& plan, const Catalog& from, const Dialect* referrers) {
  using TableKey = std::pair<std::string, std::string>;  // (schema, name)
  std::set<TableKey> named;
  bool enum_changes = false;
  for (const Step& step : plan.steps) {
    named.insert(OpTable(step.op));
    enum_changes = enum_changes || std::holds_alternative<AlterEnum>(step.op);
    if (const auto* rename = std::get_if<RenameTable>(&step.op)) {
      named.insert({rename->schema, rename->from});
      named.insert({rename->schema, rename->to});
    }
  }
  Catalog scope;
  scope.dialect = from.dialect;
  scope.enums = from.enums;
  scope.naming_convention = from.naming_convention;
  for (const Table& table : from.tables) {
    bool seen =
        named.count({table.schema, table.name}) > 0 || (enum_changes && HasEnumColumn(table));
    for (size_t i = 0; referrers != nullptr && !seen && i < table.foreign_keys.size(); ++i) {
      const ForeignKey& fk = table.foreign_keys[i];
      seen = named.count({ReferredSchema(*referrers, table.schema, fk), fk.referred_table}) > 0;
    }
    if (seen) scope.tables.push_back(table);
  }
  return scope;
}

}  // namespace

Catalog PlanScope(const Plan& plan, const Catalog& from) { return Scope(plan, from, nullptr); }

Catalog PlanScopeWithReferrers(const Plan& plan, const Catalog& from, const Dialect& dialect) {
  return Scope(plan, from, &dialect);
}

}  // namespace schemadiff
