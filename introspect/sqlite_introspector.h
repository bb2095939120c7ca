// Reads a SQLite database file into the catalog model.
#ifndef SCHEMADIFF_INTROSPECT_SQLITE_INTROSPECTOR_H_
#define SCHEMADIFF_INTROSPECT_SQLITE_INTROSPECTOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "catalog/catalog.h"

namespace schemadiff {

// Introspects the SQLite database at `path` (opened read-only; an error if it does not exist).
// The result is normalized for the SQLite dialect.
absl::StatusOr<Catalog> IntrospectSqlite(const std::string& path);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_SQLITE_INTROSPECTOR_H_
