// Renames: `renamed_from` hints become RenameTable / RenameColumn ops; an unhinted drop + add
// of same-typed columns is reported as a possible rename.
#ifndef SCHEMADIFF_DIFF_RENAMES_H_
#define SCHEMADIFF_DIFF_RENAMES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "diff/ops.h"
#include "diff/plan.h"

namespace schemadiff {

// The rename ops the hints of `to` call for, and `from` with those ops applied.
struct Renames {
  std::vector<Op> ops;  // RenameTable ops, then RenameColumn ops (against the new table names)
  std::optional<Catalog> renamed;  // `from` after `ops`; unset when there are none
};

// A hint applies when its former name exists in `from`, no longer exists in `to`, and the new
// name does not exist in `from`. Hints that no longer apply (the rename already happened) are
// ignored, so a catalog diffed against its own hinted YAML stays clean.
absl::StatusOr<Renames> ResolveRenames(const Catalog& from, const Catalog& to);

// "possible-rename" warnings for table `to` (already matched with `from`), keyed by dropped
// column name: a dropped column whose type only one added column has, which no other dropped
// column shares.
std::map<std::string, Warning> PossibleRenames(const Table& from, const Table& to);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_RENAMES_H_
