// Reads a MySQL or MariaDB database into the catalog model.
#ifndef SCHEMADIFF_INTROSPECT_MYSQL_INTROSPECTOR_H_
#define SCHEMADIFF_INTROSPECT_MYSQL_INTROSPECTOR_H_

#include "absl/status/statusor.h"
#include "catalog/catalog.h"
#include "introspect/source.h"

namespace schemadiff {

// Introspects the database `url` names (mysql://user:pass@host:port/db, or
// ?unix_socket=PATH) with a fixed number of bulk information_schema queries, in a read-only
// transaction. The result is normalized for the MySQL dialect.
absl::StatusOr<Catalog> IntrospectMysql(const DatabaseUrl& url);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_MYSQL_INTROSPECTOR_H_
