// Dependency order for creating (and, reversed, dropping) a set of tables linked by foreign
// keys.
#ifndef SCHEMADIFF_DIFF_ORDER_H_
#define SCHEMADIFF_DIFF_ORDER_H_

#include <cstddef>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// Creation order of `tables`: a table comes after every table of the set it refers to.
// Foreign keys that close a cycle are deferred: their table is created without them and they
// are added once all tables exist. Drop order is the reverse, with deferred keys dropped first.
struct CreationOrder {
  std::vector<size_t> order;  // positions in `tables`
  // deferred[i]: positions in tables[i]->foreign_keys that are added after all tables.
  std::vector<std::vector<size_t>> deferred;
};

// Deterministic: among tables that are ready, the smallest (schema, name) goes first; to break
// a cycle, the smallest remaining table is created without its keys to tables not yet created.
// Self-references never need deferring.
// `dialect` tells which schema name foreign keys may use for the default schema.
CreationOrder OrderForCreation(const std::vector<const Table*>& tables, const Dialect& dialect);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_ORDER_H_
