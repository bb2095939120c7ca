// The PostgreSQL dialect.
#ifndef SCHEMADIFF_CATALOG_DIALECT_POSTGRES_H_
#define SCHEMADIFF_CATALOG_DIALECT_POSTGRES_H_

#include "catalog/dialect.h"

namespace schemadiff {

// The PostgreSQL dialect singleton.
const Dialect& PostgresDialect();

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_DIALECT_POSTGRES_H_
