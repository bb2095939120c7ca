// The SQLite dialect.
#ifndef SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_
#define SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_

#include "catalog/dialect.h"

namespace schemadiff {

// The SQLite dialect singleton.
const Dialect& SqliteDialect();

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_
