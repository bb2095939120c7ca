// Applies ops to an in-memory catalog: the renderers track the evolving schema with it (SQLite
// table rebuilds need the table's state after a batch of ops) and tests check that
// apply(from, diff(from, to)) == to.
#ifndef SCHEMADIFF_DIFF_APPLY_H_
#define SCHEMADIFF_DIFF_APPLY_H_

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "diff/ops.h"

namespace schemadiff {

// Applies `op` to `catalog`; an error when the op does not fit (missing table, column...).
absl::Status ApplyOp(const Op& op, Catalog* catalog);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_APPLY_H_
