// Brings a catalog into the canonical form of a dialect so that equal things compare equal.
#ifndef SCHEMADIFF_CATALOG_NORMALIZE_H_
#define SCHEMADIFF_CATALOG_NORMALIZE_H_

#include "absl/status/status.h"
#include "catalog/catalog.h"
#include "catalog/dialect.h"

namespace schemadiff {

// Normalizes every type, default and expression of `catalog` with `dialect`, and sorts
// constraint and index lists by name so that output is deterministic.
absl::Status NormalizeCatalog(const Dialect& dialect, Catalog* catalog);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_NORMALIZE_H_
