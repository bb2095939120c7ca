// Compares two catalogs and produces a Plan.
#ifndef SCHEMADIFF_DIFF_DIFFER_H_
#define SCHEMADIFF_DIFF_DIFFER_H_

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"
#include "diff/plan.h"

namespace schemadiff {

struct DiffOptions {
  // Emit a "naming-convention" note for target names that do not follow its convention.
  bool check_naming = true;
};

// The plan that turns `from` into `to` on `dialect`. Both catalogs must already be normalized
// for the dialect (see catalog/normalize.h). Deterministic: same input, same bytes out.
absl::StatusOr<Plan> Diff(const Catalog& from, const Catalog& to, const Dialect& dialect,
                          const DiffOptions& options = {});

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_DIFFER_H_
