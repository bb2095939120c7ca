#include "diff/match.h"

#include <variant>

namespace schemadiff {

bool SameDefinition(const PrimaryKey& a, const PrimaryKey& b) { return a.columns == b.columns; }

bool SameDefinition(const UniqueConstraint& a, const UniqueConstraint& b) {
  return a.columns == b.columns && a.nulls_not_distinct == b.nulls_not_distinct &&
         a.deferrable == b.deferrable && a.initially_deferred == b.initially_deferred;
}

bool SameDefinition(const ForeignKey& a, const ForeignKey& b) {
  return a.columns == b.columns && a.referred_schema == b.referred_schema &&
         a.referred_table == b.referred_table && a.referred_columns == b.referred_columns &&
         a.on_delete == b.on_delete && a.on_update == b.on_update && a.match == b.match &&
         a.deferrable == b.deferrable && a.initially_deferred == b.initially_deferred;
}

bool SameDefinition(const CheckConstraint& a, const CheckConstraint& b) {
  return a.expression == b.expression;
}

bool SameDefinition(const Index& a, const Index& b) {
  return a.elements == b.elements && a.unique == b.unique && a.where == b.where &&
         a.method == b.method && a.include == b.include &&
         a.nulls_not_distinct == b.nulls_not_distinct;
}

bool SameDefinition(const Constraint& a, const Constraint& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&b](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        return SameDefinition(x, std::get<T>(b));
      },
      a);
}

}  // namespace schemadiff
