// The SQLite dialect.
#ifndef SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_
#define SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_

#include <string_view>

#include "catalog/dialect.h"

namespace schemadiff {

// The SQLite dialect singleton.
const Dialect& SqliteDialect();

// Whether a SQLite table option's value (without_rowid, strict) turns it on: anything but
// "false", "0" or "no" in any case (an empty value counts as on). Normalized tables hold such an
// option as "true" or not at all.
bool SqliteOptionValueOn(std::string_view value);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DIALECT_SQLITE_H_
